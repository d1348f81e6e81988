import 'reflect-metadata';
import { extractQuantities, extractQuotes, keptText, readArticle, resolveEventDate } from '@eventwire/text';
import { join, resolve } from 'node:path';
import { crawlTime, readSaudiNewsNet } from '../eval/saudinewsnet-reader';
import { arg } from '../eval/cli-args';

/**
 * npm run bench:text [-- --dir DIR --rounds N]
 * Articles per second of the text layer (reader, dates, quantities, quotes)
 * on one core over the SaudiNewsNet dev articles: the median of N rounds
 * after a warm-up round, so a noisy neighbour shows as spread, not as the figure.
 */
const REPO = resolve(__dirname, '..', '..');
const dir = resolve(arg('dir', join(REPO, '..', 'shared', 'eval', 'dev', 'saudinewsnet')));
const rounds = Number(arg('rounds', '5'));
const articles = readSaudiNewsNet(dir);

function once(): number {
  const start = process.hrtime.bigint();
  for (const a of articles) {
    const read = readArticle({ body: a.content, title: a.title || null, format: 'json' });
    const text = keptText(read);
    resolveEventDate({ text, title: read.title, publishedAt: null, ingestedAt: crawlTime(a), language: read.language });
    extractQuantities(text, read.language ?? undefined);
    extractQuotes(text);
  }
  return Number(process.hrtime.bigint() - start) / 1e9;
}

once();
const rates = Array.from({ length: rounds }, () => articles.length / once()).sort((a, b) => a - b);
const median = rates[Math.floor(rates.length / 2)]!;
process.stdout.write(
  `text layer: ${articles.length} SaudiNewsNet articles, ${rounds} rounds, one core\n` +
    `  median ${median.toFixed(0)} articles/s (min ${rates[0]!.toFixed(0)}, max ${rates[rates.length - 1]!.toFixed(0)})\n`,
);
