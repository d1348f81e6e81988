/** wink-lexicon ships JavaScript only: its lexicon maps some 13,000 frequent English words to their Penn Treebank tags. */
declare module 'wink-lexicon/src/lexicon.js' {
  const lexicon: Record<string, string[] | undefined>;
  export = lexicon;
}
