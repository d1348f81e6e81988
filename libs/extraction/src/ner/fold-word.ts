import { foldChar } from '@eventwire/kb';

/**
 * A word's key for the tagger: the knowledge base's matching fold (alef and
 * hamza forms, ta marbuta, alef maqsura, diacritics and tatweel dropped,
 * Latin lower-cased without accents), character by character so that the
 * key of a word written with hamza ("أعلن") is the key of the annotated
 * corpus's hamza-less spelling ("اعلن"). Spaces stay.
 */
export function foldWord(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    out += code === 0x20 ? ' ' : foldChar(code);
  }
  return out;
}

/** {@link foldWord} with the original offset of each key character, for splitting a written word at key positions. */
export function foldWordWithOffsets(word: string): { key: string; offsets: number[] } {
  let key = '';
  const offsets: number[] = [];
  for (let i = 0; i < word.length; i++) {
    const folded = foldChar(word.charCodeAt(i));
    for (let k = 0; k < folded.length; k++) offsets.push(i);
    key += folded;
  }
  return { key, offsets };
}
