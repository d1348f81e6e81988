import { KnowledgeBase } from '@eventwire/kb';
import { MAX_RUN, nameRunCodes, NerFeatureExtractor } from './ner-feature-extractor';
import { NerLexicon } from './ner-lexicon';

describe(NerFeatureExtractor.name, () => {
  const lexicon = new NerLexicon(new KnowledgeBase([]));
  const extractor = new NerFeatureExtractor(lexicon);
  const runs = (sentence: string): string[] => {
    const words = sentence.split(' ');
    const codes = new Uint8Array(words.length);
    nameRunCodes(words.length, (i) => extractor.runCue(words[i]), codes);
    return words.map((w, i) => `${w}:${extractor.runFeatures(codes[i]).join('') || '-'}`);
  };

  it('carries an organisation head to the end of a long name, and stops at punctuation', () => {
    expect(runs('و قال الاتحاد الدولي ل كرة القدم ، ان ه')).toEqual([
      'و:-',
      'قال:-',
      'الاتحاد:-',
      'الدولي:run=org:1',
      'ل:run=org:2',
      'كرة:run=org:3',
      'القدم:run=org:4',
      '،:-',
      'ان:-',
      'ه:-',
    ]);
  });

  it('opens a run at a role and ends it at a verb of saying or after MAX_RUN words', () => {
    expect(runs('الرئيس الامريكي جورج بوش قال')).toEqual(['الرئيس:-', 'الامريكي:run=role:1', 'جورج:run=role:2', 'بوش:run=role:3', 'قال:run=role:4']);
    const long = runs('وزارة a b c d e');
    expect(long[MAX_RUN]).toBe(`d:run=org:${MAX_RUN}`);
    expect(long[MAX_RUN + 1]).toBe('e:-');
  });

  it('knows common given names without the knowledge base, written with or without hamza', () => {
    expect(extractor.wordFeatures('أحمد', 0)).toContain('0lx=given');
    expect(extractor.wordFeatures('احمد', -1)).toContain('-1lx=given');
    expect(extractor.wordFeatures('جورج', 0)).toContain('0lx=given');
    expect(extractor.wordFeatures('أمل', 0)).not.toContain('0lx=given');
  });
});
