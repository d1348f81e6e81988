export * from './event-extractor';
export * from './person-recognizer';
export * from './event-coding/event-coder';
export * from './event-coding/phrase-lexicon';
