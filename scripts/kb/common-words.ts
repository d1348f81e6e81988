import lexicon from 'wink-lexicon/src/lexicon.js';

/** Tags of proper nouns: a lexicon word tagged only so is a name already ("Van" is also a noun, so it is not). */
const PROPER = new Set(['NNP', 'NNPS']);

/**
 * Whether a packaged Latin place name is an ordinary English word ("Nice",
 * "Reading", "Mobile", "Split"): one word, in wink-lexicon's list of frequent
 * English words with a tag other than a proper noun's. The gazetteer matches
 * Latin names case-insensitively, so such a name would fire on running text.
 * Arabic names are guarded by the curated stop phrases instead: no packaged
 * list of frequent Arabic words exists to test them against.
 */
export function isCommonEnglishWord(name: string): boolean {
  if (!/^[A-Za-z]+$/.test(name)) return false;
  const tags = lexicon[name.toLowerCase()];
  return Array.isArray(tags) && tags.some((t) => !PROPER.has(t));
}
