import { NerType, TokenSpan } from './ner-labels';

/** Names longer than this many tokens are not searched for again. */
const MAX_NAME_TOKENS = 6;

/**
 * One reading per document: a name the tagger found once ("إميل لحود",
 * PER) is the same name where the tagger missed it later in the document
 * ("قال لحود"). Tagged names, and the last word of a person's name of two
 * words or more (the surname news uses on second mention), are looked up
 * in the untagged stretches of every sentence of the document, longest
 * first; a string the document tags with two types is left alone.
 */
export class DocumentNamePropagator {
  /** `keys[s]` are the folded tokens of sentence s, `spans[s]` its tagged spans; returns the spans with the propagated ones added. */
  propagate(keys: readonly (readonly string[])[], spans: readonly TokenSpan[][]): TokenSpan[][] {
    const types = new Map<string, NerType | null>();
    const note = (name: string, type: NerType): void => {
      const known = types.get(name);
      types.set(name, known === undefined || known === type ? type : null);
    };
    spans.forEach((sentence, s) => {
      for (const span of sentence) {
        if (span.end - span.start > MAX_NAME_TOKENS) continue;
        note(keys[s].slice(span.start, span.end).join(' '), span.type);
        if (span.type === 'PER' && span.end - span.start >= 2 && keys[s][span.end - 1].length >= 3) note(keys[s][span.end - 1], 'PER');
      }
    });
    if (types.size === 0) return spans.map((s) => [...s]);
    // Where a name can start, and its longest length: most tokens start none, and are passed over without building a string.
    const longest = new Map<string, number>();
    for (const name of types.keys()) {
      const words = name.split(' ');
      longest.set(words[0], Math.max(longest.get(words[0]) ?? 0, words.length));
    }
    return spans.map((sentence, s) => {
      const words = keys[s];
      const taken = new Uint8Array(words.length);
      for (const span of sentence) taken.fill(1, span.start, span.end);
      const out = [...sentence];
      for (let i = 0; i < words.length; i++) {
        const reach = longest.get(words[i]);
        if (taken[i] || reach === undefined) continue;
        for (let n = Math.min(reach, words.length - i); n >= 1; n--) {
          let free = true;
          for (let k = i; k < i + n; k++) free &&= taken[k] === 0;
          if (!free) continue;
          const type = types.get(words.slice(i, i + n).join(' '));
          if (!type) continue;
          out.push({ type, start: i, end: i + n });
          taken.fill(1, i, i + n);
          i += n - 1;
          break;
        }
      }
      return out.sort((a, b) => a.start - b.start);
    });
  }
}
