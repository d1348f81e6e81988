import { KnowledgeBase } from '@eventwire/kb';
import { tokenize } from '@eventwire/text';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ArabicNerTokenizer, taggerTokenizer } from './arabic-ner-tokenizer';
import { NerLexicon } from './ner-lexicon';
import { NerModel } from './ner-model';

const seed = (name: string): string => readFileSync(join(__dirname, '..', '..', '..', '..', 'seeds', name), 'utf8');

describe(ArabicNerTokenizer.name, () => {
  const model = NerModel.bundled();
  const lexicon = new NerLexicon(KnowledgeBase.bundled());
  const tokenizer = new ArabicNerTokenizer((key) => model.vocabulary.has(key) || lexicon.knows(key));
  const texts = (text: string): string[] => tokenizer.tokenize(text).map((t) => t.text);

  it('splits clitics the way the training corpus does, and only into known words', () => {
    // From seeds/003: the conjunction and the preposition come apart; "وزارة" and "روسيا" are words of their own.
    expect(texts('وقالت وزارة الخارجية الروسية')).toEqual(['و', 'قالت', 'وزارة', 'الخارجية', 'الروسية']);
    expect(texts('وروسيا')).toEqual(['و', 'روسيا']);
    expect(texts('بكازاخستان')).toEqual(['ب', 'كازاخستان']);
  });

  it('reads ك ("like") off a word only before the article or ما: before anything else it is a name\'s first letter', () => {
    expect(texts('كالعادة')).toEqual(['ك', 'العادة']);
    // "يري" is a word of the corpus, but "كيري" is John Kerry, not "like" + "sees".
    expect(texts('جون كيري')).toEqual(['جون', 'كيري']);
  });

  it('reads a preposition off before the article only when a name follows, as the corpus writes it', () => {
    const tagging = taggerTokenizer(model.vocabulary, (key) => model.statistics.get(key), lexicon);
    const cut = (text: string): string[] => tagging.tokenize(text).map((t) => t.text);
    // "العراق" and "الرياض" are names in training; "الجيش" and "الشمال" are mostly not, so "ب" stays on them.
    expect(cut('بالعراق')).toEqual(['ب', 'العراق']);
    expect(cut('بالرياض')).toEqual(['ب', 'الرياض']);
    expect(cut('بالجيش')).toEqual(['بالجيش']);
    expect(cut('بالشمال')).toEqual(['بالشمال']);
  });

  it('keeps an unknown word whole and makes every punctuation mark a token', () => {
    expect(texts('وتابع برايس قائلا: "نعم"')).toEqual(['و', 'تابع', 'برايس', 'قائلا', ':', '"', 'نعم', '"']);
  });

  it('gives offsets into the text as written, diacritics and hamza included, for a whole seed article', () => {
    const text = seed('004_32a7d781b44889d9.txt');
    const tokens = tokenizer.tokenize(text);
    expect(tokens.length).toBeGreaterThan(300);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    for (let i = 1; i < tokens.length; i++) expect(tokens[i].start).toBeGreaterThanOrEqual(tokens[i - 1].end);
  });

  it('cuts the same tokens when given the words of the text tokenizer, hyphens, marks and joiners included', () => {
    for (const text of [seed('004_32a7d781b44889d9.txt'), seed('003_c6bd811635cf9353.txt'), "ألما-آتا تمامًا وروسيا می\u200cخواهم don't 𝒳ب COVID-19"]) {
      const plain = new ArabicNerTokenizer((key) => model.vocabulary.has(key) || lexicon.knows(key)).tokenize(text);
      expect(tokenizer.tokenize(text, tokenize(text))).toEqual(plain);
      expect(tokenizer.tokenize(text, tokenize(text))).toEqual(plain);
    }
  });
});
