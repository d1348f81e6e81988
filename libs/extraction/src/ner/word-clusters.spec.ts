import { KnowledgeBase } from '@eventwire/kb';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { foldWord } from './fold-word';
import { NerLexicon } from './ner-lexicon';
import { NerModel } from './ner-model';
import { checkWordClasses, WORD_CLUSTER_FORMAT, WordClusters } from './word-clusters';

const seed = (name: string): string => readFileSync(join(__dirname, '..', '..', '..', '..', 'seeds', name), 'utf8');

describe(WordClusters.name, () => {
  const kb = KnowledgeBase.bundled();
  const clusters = WordClusters.fromJson({ format: WORD_CLUSTER_FORMAT, provenance: {}, classes: { [foldWord('الحزب')]: [3, 17], [foldWord('وزارة')]: [3, 40] } });

  it('gives the lexicon a word\'s classes, and a clitic form the classes of the word inside it, marked', () => {
    const lexicon = new NerLexicon(kb, clusters);
    expect(lexicon.of(foldWord('وزارة'))).toEqual(expect.arrayContaining(['wc:3', 'wf:40']));
    expect(lexicon.of(foldWord('والحزب'))).toEqual(expect.arrayContaining(['~wc:3', '~wf:17']));
    expect(new NerLexicon(kb, null).of(foldWord('وزارة')).filter((c) => c.includes('wc:') || c.includes('wf:'))).toEqual([]);
  });

  it('does not make a word known to the tokenizer: classes are features, not vocabulary', () => {
    const only = WordClusters.fromJson({ format: WORD_CLUSTER_FORMAT, provenance: {}, classes: { زقزق: [1, 2] } });
    expect(new NerLexicon(kb, only).knows('زقزق')).toBe(false);
  });

  it('refuses a file of another format', () => {
    expect(() => WordClusters.fromJson({ format: 'other/1', provenance: {}, classes: {} })).toThrow(/format/);
  });

  it('the committed classes cover most words of a real article', () => {
    const bundled = WordClusters.bundled();
    expect(bundled).not.toBeNull();
    const words = (seed('003_c6bd811635cf9353.txt').match(/[\u0621-\u064A]+/g) ?? []).map(foldWord);
    const covered = words.filter((w) => bundled!.of(w).length > 0 || bundled!.of(w.slice(1)).length > 0);
    expect(words.length).toBeGreaterThan(100);
    expect(covered.length / words.length).toBeGreaterThan(0.8);
  });
});

describe(checkWordClasses.name, () => {
  const classes = (fine: number) => WordClusters.fromJson({ format: WORD_CLUSTER_FORMAT, provenance: {}, classes: { حزب: [1, fine] } });

  it('refuses a lexicon whose classes are not those the model was trained with', () => {
    const trained = { digest: classes(5).digest, words: 1 };
    expect(checkWordClasses(trained, classes(5))).toBeNull();
    expect(checkWordClasses(trained, classes(6))).toMatch(/trained with word classes/);
    expect(checkWordClasses(trained, null)).toMatch(/has none/);
  });

  it('lets a model trained without classes run with or without them, and the bundled model with the bundled classes', () => {
    expect(checkWordClasses('none', classes(5))).toBeNull();
    expect(checkWordClasses(undefined, null)).toBeNull();
    expect(checkWordClasses(NerModel.bundled().provenance.wordClasses, WordClusters.bundled())).toBeNull();
    expect(NerModel.bundled().provenance.wordClasses).toEqual(expect.objectContaining({ digest: WordClusters.bundled()!.digest }));
  });
});
