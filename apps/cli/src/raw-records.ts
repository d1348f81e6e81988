import { TOPICS } from '@eventwire/contracts';
import { listArticleFiles, readArticleFile } from '@eventwire/ingestion';
import type { OutboundMessage } from '@eventwire/kafka';
import { stat } from 'node:fs/promises';

/** A record for `articles.raw.v1`, with how far the files have been read once it was (bytes, over every file). */
export interface ReadRecord {
  record: OutboundMessage;
  bytesRead: number;
}

/** The article files under `paths` and their total size in bytes, what progress over them is measured against. */
export async function articleFiles(paths: string[]): Promise<{ files: string[]; bytes: number }> {
  const files = await listArticleFiles(paths);
  let bytes = 0;
  for (const file of files) bytes += (await stat(file)).size;
  return { files, bytes };
}

/**
 * The files' articles as `articles.raw.v1` records, read as they are sent. A
 * line or file that is not a JSON article is still sent, as it is, so the
 * ingestor dead-letters it (or, over HTTP, refuses it) with the reason:
 * nothing read is dropped on the way in.
 */
export async function* readRecords(files: string[]): AsyncGenerator<ReadRecord> {
  let before = 0;
  for (const file of files) {
    for await (const record of readArticleFile(file)) {
      const value = record.ok ? JSON.stringify(record.article) : record.error;
      yield { record: { topic: TOPICS.articlesRaw, key: record.origin, value, headers: { 'eventwire-origin': record.origin } }, bytesRead: before + record.end };
    }
    before += (await stat(file)).size;
  }
}

/** The records alone, for the embedded run. */
export async function* rawRecords(paths: string[]): AsyncGenerator<OutboundMessage> {
  for await (const { record } of readRecords(await listArticleFiles(paths))) yield record;
}
