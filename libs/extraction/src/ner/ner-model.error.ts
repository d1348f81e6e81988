/** The model file is not one this code can use (another format, other labels, truncated weights): retrain with `npm run ner:train`. */
export class NerModelError extends Error {
  constructor(message: string) {
    super(`NER model: ${message}`);
    this.name = 'NerModelError';
  }
}
