/** Control characters that are never text: C0 controls but tab, line feed and carriage return, and DEL. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
/** A high surrogate with no low one after it, or a low one with no high one before it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text every later stage and store can hold: control characters (a NUL
 * from a scraper or a hostile client) are dropped, and a lone surrogate
 * half (no character at all) becomes U+FFFD, as a UTF-8 decoder would make
 * of it. PostgreSQL's text and jsonb refuse both, and one such article on a
 * single-partition topic would stop every article behind it; dropping a
 * character that carries no text is cleaning, like page chrome, not
 * refusing the article. (String.prototype.toWellFormed does the second
 * half from Node 20, but the project's TypeScript lib is ES2023.)
 */
export function wellFormedText(text: string): string {
  return text.replace(CONTROL, '').replace(LONE_SURROGATE, '\uFFFD');
}

/** `wellFormedText` of an optional field. */
export function wellFormedField<T extends string | null | undefined>(text: T): T {
  return (typeof text === 'string' ? wellFormedText(text) : text) as T;
}
