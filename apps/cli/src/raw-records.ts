import { TOPICS } from '@eventwire/contracts';
import { listArticleFiles, readArticleFile } from '@eventwire/ingestion';
import type { OutboundMessage } from '@eventwire/kafka';

/**
 * The files' articles as `articles.raw.v1` records. A line or file that is
 * not a JSON article is still sent, as it is, so the ingestor dead-letters it
 * with the reason: nothing read is dropped on the way in.
 */
export async function* rawRecords(paths: string[]): AsyncGenerator<OutboundMessage> {
  for (const file of await listArticleFiles(paths)) {
    for await (const record of readArticleFile(file)) {
      const value = record.ok ? JSON.stringify(record.article) : record.error;
      yield { topic: TOPICS.articlesRaw, key: record.origin, value, headers: { 'eventwire-origin': record.origin } };
    }
  }
}
