/** wink-lemmatizer ships JavaScript only; these are the two functions the lexicon matcher calls. */
declare module 'wink-lemmatizer' {
  export function lemmatizeVerb(word: string): string;
  export function lemmatizeNoun(word: string): string;
  export function lemmatizeAdjective(word: string): string;
}
