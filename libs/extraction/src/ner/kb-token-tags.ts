import { GazetteerMatch, KnowledgeBase } from '@eventwire/kb';
import { NO_KB_TAG, NerToken } from './ner-token';

/**
 * The gazetteer's reading of each token, as a feature value: `B-country`,
 * `I-organization`... for a token inside a name match, `demonym` for a
 * demonym ("الروسية"), `O` otherwise. A token takes the match it overlaps;
 * a proclitic split off before a match ("و" of "وروسيا") lies outside it.
 */
export function kbTokenTags(kb: KnowledgeBase, tokens: readonly NerToken[], matches: readonly GazetteerMatch[]): string[] {
  const tags: string[] = new Array<string>(tokens.length).fill(NO_KB_TAG);
  const sorted = [...matches].sort((a, b) => a.start - b.start);
  let t = 0;
  for (const match of sorted) {
    while (t < tokens.length && tokens[t].end <= match.start) t++;
    const type = match.via === 'demonym' ? 'demonym' : kb.get(match.entityId)?.type;
    if (!type) continue;
    for (let j = t, first = true; j < tokens.length && tokens[j].start < match.end; j++, first = false) {
      tags[j] = type === 'demonym' ? type : `${first ? 'B' : 'I'}-${type}`;
    }
  }
  return tags;
}
