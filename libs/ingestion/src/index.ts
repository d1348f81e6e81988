/**
 * Article ingestion: reading article files and turning raw articles into validated
 * ingested records.
 */
export { ArticleIngester, ArticleRejectedError } from './article-ingester';
export { listArticleFiles, readArticleFile } from './article-file-reader';
