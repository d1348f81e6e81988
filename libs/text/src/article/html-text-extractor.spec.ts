import { extractReadableText } from './html-text-extractor';

const PARAGRAPH = 'This paragraph is long enough for Readability to treat it as article content, with commas, clauses, and more words.';

describe(extractReadableText.name, () => {
  it('keeps one line per block, bullets list items, and drops page furniture and scripts', () => {
    const html = `<html><head><title>Storm hits the coast | Daily News</title><script>var x = 1;</script></head><body>
      <nav><a href="/">Home</a><a href="/world">World</a></nav>
      <article><h1>Storm hits the coast</h1>
        <p>${PARAGRAPH}</p>
        <p>Second   paragraph,
           spread over <em>several</em> source lines.<br>After a break.</p>
        <ul><li>First item</li><li>Second item</li></ul>
        <p>${PARAGRAPH}</p>
        <script>track()</script>
      </article>
      <footer>© Daily News</footer></body></html>`;
    const { text, title } = extractReadableText(html);
    // Readability keeps the site name on titles this short; the reader matches the parts against the text.
    expect(title).toBe('Storm hits the coast | Daily News');
    const lines = text.split('\n').filter((l) => l !== '');
    // Readability drops an h1 that repeats the page title.
    expect(lines).toEqual([
      PARAGRAPH,
      'Second paragraph, spread over several source lines.',
      'After a break.',
      '- First item',
      '- Second item',
      PARAGRAPH,
    ]);
    expect(text).toContain(`${PARAGRAPH}\n\nSecond paragraph`);
  });

  it('falls back to the whole body when Readability finds no article', () => {
    const { text, title } = extractReadableText('<html><body><p>Short note.</p></body></html>');
    expect(text).toBe('Short note.');
    expect(title).toBeNull();
  });
});
