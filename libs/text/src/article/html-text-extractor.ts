import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

/**
 * The readable part of an HTML page as plain text with its paragraph breaks.
 *
 * Readability finds the article; its own textContent runs paragraphs
 * together, so the text is rebuilt from the article's DOM: each block element
 * becomes a line, list items keep a "- " bullet so the reader's list rules
 * see them, and inline whitespace collapses as a browser would render it.
 * linkedom stands in for a browser DOM: it is pure JS and fast enough for
 * server-side use, where jsdom would dominate the cost of reading a page.
 */
export interface ReadableText {
  /** Blocks separated by a blank line, list items and <br> by a newline. */
  text: string;
  /** Readability's idea of the headline (usually <title> cleaned of the site name), null if none. */
  title: string | null;
}

/** The part of a DOM node this walk needs; linkedom's nodes and browser nodes both have it. */
interface DomNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<DomNode>;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE',
  'TBODY', 'THEAD', 'TFOOT', 'TR', 'UL', 'BODY', 'HTML',
]);
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'BUTTON', 'SELECT', 'OPTION', 'HEAD', 'TITLE']);
const CELL_TAGS = new Set(['TD', 'TH']);

const INLINE_SPACE = /[ \t\r\n\f\u00A0]+/g;
const PARAGRAPH = '\n\n';

/**
 * Text pieces and line breaks in document order; breaks may pile up (a list
 * ending where its block ends) and are normalised once at the end.
 */
function walk(node: DomNode, out: string[]): void {
  if (node.nodeType === TEXT_NODE) {
    out.push((node.nodeValue ?? '').replace(INLINE_SPACE, ' '));
    return;
  }
  if (node.nodeType !== ELEMENT_NODE) return;
  const tag = node.nodeName.toUpperCase();
  if (SKIPPED_TAGS.has(tag)) return;
  if (tag === 'BR') {
    out.push('\n');
    return;
  }
  const block = BLOCK_TAGS.has(tag);
  if (block) out.push(PARAGRAPH);
  if (tag === 'LI') out.push('\n- ');
  for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i], out);
  if (CELL_TAGS.has(tag)) out.push(' ');
  if (block) out.push(PARAGRAPH);
  else if (tag === 'LI') out.push('\n');
}

function joinLines(pieces: string[]): string {
  return pieces
    .join('')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, PARAGRAPH)
    .trim();
}

export function extractReadableText(html: string): ReadableText {
  // linkedom makes a fragment's first element the document element (or none from bare text): give it a page.
  const { document } = parseHTML(/<html[\s>]/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`);
  const pageTitle: string | null = document.title?.trim() || null;
  const article = new Readability<DomNode>(document, { serializer: (node: unknown) => node as DomNode }).parse();
  const root: DomNode | null = article?.content ?? (document.body as DomNode | null);
  const pieces: string[] = [];
  if (root) walk(root, pieces);
  return { text: joinLines(pieces), title: article?.title?.trim() || pageTitle };
}
