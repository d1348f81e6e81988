export * from './article-id';
export * from './article-ingester';
export * from './article-file-reader';
export * from './well-formed-text';
