import type { FieldError } from '@eventwire/contracts';
import { HttpStatus } from '@nestjs/common';

/** An article the pipeline took: it is on `articles.ingested.v1`, acknowledged by the broker. */
export interface AcceptedArticle {
  articleId: string;
  title: string | null;
  language: string | null;
}

/** Why an article was not taken; the same codes as the dead-letter reasons on Kafka. */
export interface ArticleRefusal {
  /** `INVALID_JSON`, `INVALID_ARTICLE` (fields in `errors`), `BODY_TOO_LARGE`, `RECORD_TOO_LARGE`, `NO_CONTENT`, `UNREADABLE`. */
  error: string;
  message: string;
  errors?: FieldError[];
}

/**
 * What became of each line of an NDJSON batch (1-based line numbers of the
 * request body; blank lines are skipped and not reported). `accepted`
 * lines are in the pipeline; `refused` lines never will be as they are;
 * `failed` lines were valid but the broker did not confirm them (it may
 * have written some): sending them again is safe, since the same text
 * gets the same `articleId` and is counted once.
 */
export interface BatchResult {
  lines: number;
  accepted: Array<AcceptedArticle & { line: number }>;
  refused: Array<ArticleRefusal & { line: number }>;
  failed: Array<ArticleRefusal & { line: number }>;
}

/** The non-blank lines of an NDJSON body with their 1-based numbers. */
export function ndjsonLines(text: string): Array<{ line: number; text: string }> {
  const out: Array<{ line: number; text: string }> = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line) out.push({ line: i + 1, text: line });
  }
  return out;
}

/**
 * Consecutive runs of `items` whose sizes add up to at most `budget`
 * (an item larger than the budget alone in its run), in order. Hand-written:
 * lodash-style chunking counts items, and what a produce request must stay
 * under is bytes.
 */
export function chunksBySize<T>(items: T[], size: (item: T) => number, budget: number): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const n = size(item);
    if (current.length > 0 && bytes + n > budget) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += n;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/**
 * The batch's HTTP status: 202 when every line was taken, 207 when some
 * were and some not (the body says which), 503 when none was because the
 * broker failed (the same batch may be sent again), 400 when every line was
 * refused.
 */
export function batchStatus(result: BatchResult): HttpStatus {
  if (result.refused.length === 0 && result.failed.length === 0) return HttpStatus.ACCEPTED;
  if (result.accepted.length > 0) return HttpStatus.MULTI_STATUS;
  return result.failed.length > 0 ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.BAD_REQUEST;
}
