import { createHash } from 'node:crypto';
import { normalizeForMatching } from '@eventwire/text';

const ID_HEX_CHARS = 24;

/**
 * The stable id of an article: a hash of its outlet and its content (title
 * and kept paragraphs) in matching form. The same text ingested twice — from
 * a file and over HTTP, or with a different cookie banner around it — gets
 * the same id and is counted once; the same wire copy run by two outlets is
 * two articles, two sources.
 */
export function articleId(content: { outlet: string | null; title: string | null; paragraphs: string[] }): string {
  const hash = createHash('sha256');
  hash.update(normalizeForMatching(content.outlet ?? ''));
  hash.update('\u0000');
  hash.update(normalizeForMatching(content.title ?? ''));
  for (const paragraph of content.paragraphs) {
    hash.update('\u0000');
    hash.update(normalizeForMatching(paragraph));
  }
  return hash.digest('hex').slice(0, ID_HEX_CHARS);
}
