export * from './event-extractor';
