import 'reflect-metadata';
import { buildStoryRecord, StoryClusterer } from '@eventwire/clustering';
import { classValidatorErrors, contractErrors, contractForTopic, TOPICS } from '@eventwire/contracts';
import { EventExtractor } from '@eventwire/extraction';
import { ArticleIngester } from '@eventwire/ingestion';
import { KnowledgeBase } from '@eventwire/kb';
import { ArticleTranslator, KbTermMatcher, StubTranslationEngine } from '@eventwire/translation';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { arg } from '../eval/cli-args';
import { readSaudiNewsNet } from '../eval/saudinewsnet-reader';

/**
 * npm run bench:contracts [-- --dir DIR --articles 500 --rounds 7]
 * The contract check every stage runs on each record it takes and makes:
 * µs per record of the compiled check (what the stages call) against
 * class-validator over class-transformer alone, on real records of every
 * topic (SaudiNewsNet through the real stages; the seeds when it is absent).
 * Medians of the rounds, one core.
 */
const REPO = resolve(__dirname, '..', '..');
const dir = resolve(arg('dir', join(REPO, '..', 'shared', 'eval', 'dev', 'saudinewsnet')));
const n = Number(arg('articles', '500'));
const rounds = Number(arg('rounds', '7'));

async function records(): Promise<Map<string, object[]>> {
  const kb = KnowledgeBase.bundled();
  const ingester = new ArticleIngester({ maxBodyBytes: 8 * 1024 * 1024 });
  const translator = new ArticleTranslator(new StubTranslationEngine(new KbTermMatcher(kb)), 'en');
  const extractor = new EventExtractor(kb);
  const clusterer = new StoryClusterer();
  const raws = existsSync(dir)
    ? readSaudiNewsNet(dir)
        .slice(0, n)
        .map((a) => ({ body: a.content, title: a.title, url: a.url, outlet: a.source }))
    : readdirSync(join(REPO, 'seeds'))
        .filter((f) => f.endsWith('.txt'))
        .map((f) => ({ body: readFileSync(join(REPO, 'seeds', f), 'utf8'), file: f }));
  const out = new Map<string, object[]>(Object.values(TOPICS).map((t) => [t, []]));
  for (const raw of raws) {
    try {
      const ingested = ingester.ingest({ ...raw, format: 'txt' });
      const translated = await translator.translate(ingested);
      const extracted = extractor.extract(translated);
      const { storyId } = clusterer.add(extracted);
      out.get(TOPICS.articlesRaw)!.push(raw);
      out.get(TOPICS.articlesIngested)!.push(ingested);
      out.get(TOPICS.articlesTranslated)!.push(translated);
      out.get(TOPICS.eventsExtracted)!.push(extracted);
      out.get(TOPICS.eventsEnriched)!.push(buildStoryRecord(clusterer.get(storyId)!, new Date()));
    } catch {
      // Empty or chrome-only articles are dead letters, not records of the later topics.
    }
  }
  // Plain JSON, as the stages decode it off the wire.
  return new Map([...out].map(([topic, list]) => [topic, JSON.parse(JSON.stringify(list)) as object[]]));
}

function microsPerRecord(list: object[], check: (value: object) => number): number {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    let errors = 0;
    for (const value of list) errors += check(value);
    if (errors > 0) throw new Error(`${errors} field errors on real records`);
    times.push(Number(process.hrtime.bigint() - start) / 1000 / list.length);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

async function main(): Promise<void> {
  const byTopic = await records();
  const source = existsSync(dir) ? `${dir} (SaudiNewsNet)` : 'seeds/ (no SaudiNewsNet data found)';
  const lines = [
    `contract checks: ${byTopic.get(TOPICS.articlesRaw)!.length} articles from ${source}, median of ${rounds} rounds, one core`,
    '| topic | records | mean bytes | compiled check µs | class-validator µs | ratio |',
    '|---|---|---|---|---|---|',
  ];
  for (const [topic, list] of byTopic) {
    const contract = contractForTopic(topic)!;
    const bytes = Math.round(list.reduce((sum, v) => sum + JSON.stringify(v).length, 0) / list.length);
    const fast = microsPerRecord(list, (v) => contractErrors(contract, v).length);
    const reference = microsPerRecord(list, (v) => classValidatorErrors(contract, v).length);
    lines.push(`| ${topic} | ${list.length} | ${bytes} | ${fast.toFixed(1)} | ${reference.toFixed(0)} | ${(reference / fast).toFixed(0)}× |`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:contracts: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
