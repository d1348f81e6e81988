import { GazetteerMatcher, KnowledgeBase } from '@eventwire/kb';
import { kbTokenTags, NerToken } from '@eventwire/extraction';
import { CorpusSentence } from './newsfane-corpus';

/** A corpus sentence as the tagger reads it: tokens with offsets in the tokens joined by spaces, and the gazetteer's tag of each. */
export interface EncodedSentence {
  text: string;
  tokens: NerToken[];
  kbTags: string[];
}

export function encodeSentence(sentence: CorpusSentence, kb: KnowledgeBase, matcher: GazetteerMatcher): EncodedSentence {
  const tokens: NerToken[] = [];
  let text = '';
  for (const { text: word } of sentence) {
    tokens.push({ text: word, start: text.length, end: text.length + word.length });
    text += `${word} `;
  }
  return { text, tokens, kbTags: kbTokenTags(kb, tokens, matcher.match(text)) };
}
