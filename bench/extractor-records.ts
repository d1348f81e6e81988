import 'reflect-metadata';
import type { RawArticleV1 } from '@eventwire/contracts';
import { EventExtractor } from '@eventwire/extraction';
import { ArticleIngester } from '@eventwire/ingestion';
import { KnowledgeBase } from '@eventwire/kb';
import { ArticleTranslator, KbTermMatcher, StubTranslationEngine } from '@eventwire/translation';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { arg } from '../eval/cli-args';
import { crawlTime, readSaudiNewsNet } from '../eval/saudinewsnet-reader';

/**
 * npm run bench:extractor-records [-- --dir DIR --out FILE]
 * Every dev-week article through ingest → translate → extract with the
 * clocks fixed (ingestion and extraction times set to the crawl time), one
 * record per line, and the SHA-256 of the lot: a speed change to the
 * extractor must leave this file byte for byte the same (diff the files of
 * the old and new code).
 */
async function main(): Promise<void> {
  const REPO = resolve(__dirname, '..', '..');
  const dir = resolve(arg('dir', join(REPO, '..', 'shared', 'eval', 'dev', 'saudinewsnet')));
  const out = arg('out', join('.scratch', 'extractor-records.ndjson'));
  const kb = KnowledgeBase.bundled();
  const ingester = new ArticleIngester({ maxBodyBytes: 8 * 1024 * 1024 });
  const translator = new ArticleTranslator(new StubTranslationEngine(new KbTermMatcher(kb)), 'en');
  const extractor = new EventExtractor(kb);
  const lines: string[] = [];
  for (const a of readSaudiNewsNet(dir)) {
    const time = crawlTime(a);
    const raw = { body: a.content || a.title, title: a.title, url: a.url, outlet: a.source, publishedAt: time, format: 'txt' } as RawArticleV1;
    try {
      const translated = await translator.translate({ ...ingester.ingest(raw), ingestedAt: time });
      lines.push(JSON.stringify(extractor.extract(translated, new Date(time))));
    } catch (error: unknown) {
      lines.push(JSON.stringify({ url: a.url, rejected: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }));
    }
  }
  const text = lines.join('\n') + '\n';
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, text);
  process.stdout.write(`${lines.length} records → ${out}, sha256 ${createHash('sha256').update(text).digest('hex')}\n`);
}

void main();
