/**
 * Event extraction from translated articles: the EventExtractor, person recognition,
 * and the Arabic NER tagger with the pieces its training and evaluation use.
 */
export { EventExtractor } from './event-extractor';
export { PersonRecognizer, RecognizedPerson } from './person-recognizer';
export { confirmTitlePersons } from './title-persons';
export { LABEL_COUNT, NER_LABELS, OUTSIDE, spansOf } from './ner/ner-labels';
export type { NerType, TokenSpan } from './ner/ner-labels';
export type { NerToken } from './ner/ner-token';
export { NerLexicon } from './ner/ner-lexicon';
export { AFTER_END, BEFORE_START, kbTagAt, nameRunCodes, NerFeatureExtractor, WINDOW } from './ner/ner-feature-extractor';
export { NerModel } from './ner/ner-model';
export { BUNDLED_WORD_CLUSTERS, checkWordClasses, WORD_CLUSTER_FORMAT, WordClusterFile, WordClusters } from './ner/word-clusters';
export { NerTagger } from './ner/ner-tagger';
export { AveragedPerceptron } from './ner/averaged-perceptron';
export { kbTokenTags } from './ner/kb-token-tags';
export { ArabicNerTokenizer, taggerTokenizer } from './ner/arabic-ner-tokenizer';
export { foldWord } from './ner/fold-word';
export { bioViterbi } from './ner/bio-viterbi';
export { ArabicEntityTagger, TaggedName } from './ner/arabic-entity-tagger';
export { DocumentNamePropagator } from './ner/document-name-propagator';
