import 'reflect-metadata';
import { readArticle, resolveEventDate, extractQuantities, keptText } from '@eventwire/text';
import { join, resolve } from 'node:path';
import { crawlTime, readSaudiNewsNet } from './saudinewsnet-reader';

/**
 * npm run eval:dev-text [-- --dir DIR]
 * Runs the text layer over the SaudiNewsNet dev articles (publishedAt
 * unknown, ingest time = crawl time) and counts what it found: no article
 * may throw, and no event date may fall after its crawl date.
 */
const REPO = resolve(__dirname, '..', '..');
const i = process.argv.indexOf('--dir');
const dir = resolve(i >= 0 ? process.argv[i + 1]! : join(REPO, '..', 'shared', 'eval', 'dev', 'saudinewsnet'));

const articles = readSaudiNewsNet(dir);
const counts = { articles: articles.length, errors: 0, title: 0, language: 0, eventDate: 0, afterCrawl: 0, quantities: 0 };
const bases = new Map<string, number>();
const examples: string[] = [];
for (const a of articles) {
  try {
    const read = readArticle({ body: a.content, title: a.title || null, format: 'json' });
    if (read.title) counts.title++;
    if (read.language) counts.language++;
    const text = keptText(read);
    const ingestedAt = crawlTime(a);
    const date = resolveEventDate({ text, title: read.title, publishedAt: null, ingestedAt, language: read.language });
    bases.set(date.basis, (bases.get(date.basis) ?? 0) + 1);
    if (date.date) {
      counts.eventDate++;
      if (date.date > ingestedAt.slice(0, 10)) {
        counts.afterCrawl++;
        if (examples.length < 5) examples.push(`${a.url}: ${date.date} from ${date.evidence.join(' | ')}`);
      }
    }
    if (extractQuantities(text, read.language ?? undefined).length > 0) counts.quantities++;
  } catch (error) {
    counts.errors++;
    if (examples.length < 5) examples.push(`${a.url}: ${(error as Error).message}`);
  }
}
const pct = (n: number): string => `${n} (${((100 * n) / counts.articles).toFixed(1)}%)`;
process.stdout.write(
  [
    `SaudiNewsNet dev: ${dir}`,
    '',
    '| measure | count |',
    '|---|---|',
    `| articles | ${counts.articles} |`,
    `| exceptions | ${counts.errors} |`,
    `| with a title | ${pct(counts.title)} |`,
    `| with a language | ${pct(counts.language)} |`,
    `| with an event date | ${pct(counts.eventDate)} |`,
    `| event dates after the crawl date | ${counts.afterCrawl} |`,
    `| with at least one quantity | ${pct(counts.quantities)} |`,
    '',
    `event date basis: ${[...bases].map(([b, n]) => `${b} ${n}`).join(', ')}`,
    ...(examples.length ? ['', ...examples] : []),
    '',
  ].join('\n'),
);
