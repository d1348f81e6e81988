import { GazetteerMatcher, KnowledgeBase } from '@eventwire/kb';
import { ArabicNerTokenizer, kbTokenTags, NER_LABELS, NerToken, OUTSIDE } from '@eventwire/extraction';
import { CorpusSentence } from './newsfane-corpus';

/** A corpus sentence as the tagger reads it: tokens with offsets in the tokens joined by spaces, and the gazetteer's tag of each. */
export interface EncodedSentence {
  text: string;
  tokens: NerToken[];
  kbTags: string[];
}

export function encodeSentence(sentence: CorpusSentence, kb: KnowledgeBase, matcher: GazetteerMatcher): EncodedSentence {
  const { text, tokens } = joinedWords(sentence);
  return { text, tokens, kbTags: kbTokenTags(kb, tokens, matcher.match(text)) };
}

/** The corpus's words joined by spaces, each a token with its offsets in that text. */
function joinedWords(sentence: CorpusSentence): { text: string; tokens: NerToken[] } {
  const tokens: NerToken[] = [];
  let text = '';
  for (const { text: word } of sentence) {
    tokens.push({ text: word, start: text.length, end: text.length + word.length });
    text += `${word} `;
  }
  return { text, tokens };
}

/**
 * A corpus sentence as the extractor reads it: its words joined by spaces and
 * cut again by the extractor's tokenizer (which splits a clitic off a word
 * the corpus kept whole when the rest is a known word), each piece labelled
 * from the corpus word it is part of: the first piece takes the word's label,
 * a later piece of a name continues it (I-), of anything else is outside.
 * Training on these, the tagger sees the tokens it will be given.
 */
export function encodeRetokenized(
  sentence: CorpusSentence,
  labels: Uint8Array,
  kb: KnowledgeBase,
  matcher: GazetteerMatcher,
  tokenizer: ArabicNerTokenizer,
): { encoded: EncodedSentence; labels: Uint8Array } {
  const { text, tokens: words } = joinedWords(sentence);
  const tokens = tokenizer.tokenize(text).map((t): NerToken => ({ text: t.text, start: t.start, end: t.end }));
  const out = new Uint8Array(tokens.length).fill(OUTSIDE);
  let w = 0;
  tokens.forEach((token, i) => {
    while (w + 1 < words.length && words[w].end <= token.start) w++;
    const label = labels[w];
    if (label === OUTSIDE) return;
    out[i] = token.start === words[w].start ? label : NER_LABELS.indexOf(`I-${NER_LABELS[label].slice(2)}` as (typeof NER_LABELS)[number]);
  });
  return { encoded: { text, tokens, kbTags: kbTokenTags(kb, tokens, matcher.match(text)) }, labels: out };
}
