/** One token as the tagger sees it: the corpus's tokenisation (clitics split), with offsets into the text it came from. */
export interface NerToken {
  /** As written. */
  text: string;
  /** Half-open UTF-16 offsets in the tagged text. */
  start: number;
  end: number;
  /** The tagger's cached weights of `text`, when the tokenizer was given them (saves a lookup per token). */
  word?: NerWord;
}

/** What the tagger knows of one written word: its key and summed weights (see `NerTagger.word`). Opaque outside the tagger. */
export interface NerWord {
  readonly key: string;
}

/** No gazetteer match on the token. */
export const NO_KB_TAG = 'O';
