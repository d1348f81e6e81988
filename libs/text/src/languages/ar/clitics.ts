import type { CliticWords } from '../language-module';

/**
 * Words Arabic writes joined to the next or the previous one, in normalised
 * form: "وبالمنظمة" is و + ب + ال + منظمة, "حكومتهم" is حكومة + هم. The
 * tokenizer's stems, the entity tagger's tokens and its affix features are
 * built from these lists.
 */
export const ARABIC_CLITICS: CliticWords = {
  conjunctions: ['\u0648', '\u0641'], // و ف
  prepositions: ['\u0628', '\u0644', '\u0643'], // ب ل ك
  article: '\u0627\u0644', // ال
  // ل + ال is written لل.
  articleAfter: { '\u0644': '\u0644\u0644' },
  // ك before the article or ما: in NewsFANE's tokens, 121 of the 211 split-off ك precede one of them, the rest are one-offs.
  boundPrepositions: { '\u0643': ['\u0645\u0627'] }, // ك: ما
  enclitics: ['\u0647', '\u0647\u0627', '\u0647\u0645', '\u0647\u0645\u0627', '\u0647\u0646', '\u0643\u0645', '\u0646\u0627'], // ه ها هم هما هن كم نا
};
