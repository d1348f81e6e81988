export type ArticleFormat = 'txt' | 'json' | 'html';

export type SegmentKind = 'title' | 'paragraph';

/** Half-open UTF-16 offsets into {@link ReadArticle.source}. */
export interface TextSpan {
  start: number;
  end: number;
}

export interface Segment extends TextSpan {
  kind: SegmentKind;
  /** ISO 639-1 of this segment alone (an English tweet in an Arabic article is 'en'); null when too short to tell. */
  language: string | null;
}

export type ChromeReason =
  | 'site-header'
  | 'byline'
  | 'section-label'
  | 'share-link'
  | 'related-list'
  | 'comments-notice'
  | 'cookie-notice'
  | 'duplicate-title'
  | 'date-line'
  | 'image-caption'
  | 'app-promo'
  | 'continuation-marker'
  | 'source-line'
  | 'empty';

export interface RemovedSpan extends TextSpan {
  reason: ChromeReason;
}

export interface ReadArticle {
  /** The plain text every offset refers to: the body for txt/json, the readable text for html. */
  source: string;
  /** The article's own headline (display form, trimmed). */
  title: string | null;
  /** Where the title stands in `source`, when it does. */
  titleSpan: TextSpan | null;
  /** ISO 639-1 of the article (majority of kept text), null if unknown. */
  language: string | null;
  /** Kept content in order: the title (if found in the text) then paragraphs. */
  segments: Segment[];
  /** Page chrome that was dropped, with why, in text order. */
  removed: RemovedSpan[];
}

export interface ReadArticleInput {
  body: string;
  /** A headline known from elsewhere (feed, JSON field); trusted over anything found in the text. */
  title?: string | null;
  /** Default 'txt'. 'json' means the caller already parsed the JSON: the body is read like txt. */
  format?: ArticleFormat;
}
