export * from './event-extractor';
export * from './person-recognizer';
