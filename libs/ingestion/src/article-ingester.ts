import type { ArticleFormat, ArticleIngestedV1, RawArticleV1 } from '@eventwire/contracts';
import { readArticle } from '@eventwire/text';
import { decodeHTML } from 'entities';
import { articleId } from './article-id';
import { wellFormedField, wellFormedText } from './well-formed-text';

/** Why an article cannot enter the pipeline; `code` goes into the dead-letter headers and HTTP answers. */
export class ArticleRejectedError extends Error {
  constructor(
    readonly code: 'NO_CONTENT' | 'BODY_TOO_LARGE' | 'UNREADABLE',
    message: string,
  ) {
    super(message);
    this.name = 'ArticleRejectedError';
  }
}

export interface IngestOptions {
  /** Bodies above this many UTF-8 bytes are refused rather than cut. */
  maxBodyBytes: number;
  now?: () => Date;
}

function formatOf(raw: RawArticleV1): ArticleFormat {
  if (raw.format) return raw.format;
  // A file's extension says how it is written; a URL's only names the page, whose text may come already extracted.
  if (raw.file && /\.html?$/i.test(raw.file)) return 'html';
  return /^\s*<(!doctype|html|head|body|article|main|div|p)\b/i.test(raw.body.slice(0, 200)) ? 'html' : 'txt';
}

/** The raw article with every text field as the stores can hold it (see `wellFormedText`). */
function wellFormed(raw: RawArticleV1): RawArticleV1 {
  return {
    ...raw,
    body: wellFormedText(raw.body),
    title: wellFormedField(raw.title),
    url: wellFormedField(raw.url),
    outlet: wellFormedField(raw.outlet),
    file: wellFormedField(raw.file),
    language: wellFormedField(raw.language),
  };
}

function outletOf(raw: RawArticleV1): string | null {
  if (raw.outlet) return raw.outlet;
  if (!raw.url) return null;
  try {
    return new URL(raw.url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

/**
 * Turns a raw article into the ingested contract: page chrome set aside,
 * title and language found, a stable id. Pure: the same input and clock give
 * the same output.
 */
export class ArticleIngester {
  constructor(private readonly options: IngestOptions) {}

  ingest(input: RawArticleV1): ArticleIngestedV1 {
    const raw = wellFormed(input);
    const bytes = Buffer.byteLength(raw.body, 'utf8');
    if (bytes > this.options.maxBodyBytes) {
      throw new ArticleRejectedError('BODY_TOO_LARGE', `body is ${bytes} bytes; the limit is ${this.options.maxBodyBytes}`);
    }
    const format = formatOf(raw);
    // Character references left in plain text by a scraper ("&#8220;داعش&#8221;") are text, not markup: decode them.
    // An HTML page is decoded by its parser.
    const read = readArticle({
      body: format === 'html' ? raw.body : decodeHTML(raw.body),
      title: raw.title === undefined || raw.title === null ? null : decodeHTML(raw.title),
      format,
    });
    const paragraphs = read.segments.filter((s) => s.kind === 'paragraph');
    if (paragraphs.length === 0) {
      if (read.title === null || read.title.trim() === '') throw new ArticleRejectedError('NO_CONTENT', 'no article text is left once page chrome is removed');
      return this.brief(raw, read.title, read.language);
    }
    const outlet = outletOf(raw);
    return {
      schemaVersion: 1,
      articleId: articleId({
        outlet,
        title: read.title,
        paragraphs: paragraphs.map((s) => read.source.slice(s.start, s.end)),
      }),
      source: { file: raw.file ?? null, url: raw.url ?? null, outlet },
      title: read.title,
      language: raw.language ?? read.language,
      publishedAt: raw.publishedAt ?? null,
      ingestedAt: (this.options.now?.() ?? new Date()).toISOString(),
      body: read.source,
      segments: read.segments.map((s) => ({ kind: s.kind, start: s.start, end: s.end, language: s.language })),
      removed: read.removed.map((r) => ({ start: r.start, end: r.end, reason: r.reason })),
    };
  }

  /**
   * An item whose only text is its headline (a photo item, a news flash): a
   * headline is news, so it flows, marked `brief`, with the headline as its
   * one paragraph; the stages after work on what it has.
   */
  private brief(raw: RawArticleV1, title: string, language: string | null): ArticleIngestedV1 {
    const outlet = outletOf(raw);
    const body = title.trim();
    return {
      schemaVersion: 1,
      articleId: articleId({ outlet, title: body, paragraphs: [body] }),
      source: { file: raw.file ?? null, url: raw.url ?? null, outlet },
      title: body,
      language: raw.language ?? language,
      publishedAt: raw.publishedAt ?? null,
      ingestedAt: (this.options.now?.() ?? new Date()).toISOString(),
      body,
      segments: [{ kind: 'paragraph', start: 0, end: body.length, language: raw.language ?? language }],
      removed: [],
      brief: true,
    };
  }
}
