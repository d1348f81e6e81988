/** One token as the tagger sees it: the corpus's tokenisation (clitics split), with offsets into the text it came from. */
export interface NerToken {
  /** As written. */
  text: string;
  /** Half-open UTF-16 offsets in the tagged text. */
  start: number;
  end: number;
}

/** No gazetteer match on the token. */
export const NO_KB_TAG = 'O';
