import 'reflect-metadata';
import type { CodedActor, EventExtractedV1 } from '@eventwire/contracts';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SeedPipeline } from './seed-pipeline';

/**
 * npm run eval:events [-- --file PLOVER_GSR_CAMEO.txt] [--show N]
 * Event-type accuracy and actor-country accuracy of the extractor on gold
 * event records in the PLOVER GSR format (a JSON array of
 * `{event, text, source: [{code, sector}], target: [...]}`; records of type
 * DOCUMENT are notes, not events). Each sentence goes through the same
 * stages as an article (ingest, stub translation, extraction).
 *
 * - event type: the coded type equals the gold type, over all gold events
 *   (an uncoded sentence counts as wrong); precision over coded ones too;
 * - actor country: for gold sources (targets) with a code, whether a coded
 *   source (target) carries one of them, as its country or as its IGO/NGO
 *   sector. Gold codes are CAMEO's, mostly ISO alpha-3.
 */
interface GoldActor {
  actorText?: string;
  code?: string;
  sector?: string;
}
interface GoldRecord {
  id: string;
  event: string;
  text?: string;
  source?: GoldActor[] | string;
  target?: GoldActor[] | string;
}

const REPO = resolve(__dirname, '..', '..');
const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
const file = resolve(arg('--file', resolve(REPO, '..', 'shared', 'eval', 'dev', 'events', 'PLOVER_GSR_CAMEO.txt')));
const show = Number(arg('--show', '0'));

const codesOf = (actors: GoldActor[] | string | undefined): Set<string> =>
  new Set(Array.isArray(actors) ? actors.map((a) => (a.code ?? '').slice(0, 3)).filter((c) => /^[A-Z]{3}$/.test(c)) : []);

const codedCodes = (actors: readonly CodedActor[]): Set<string> =>
  new Set(actors.flatMap((a) => [...(a.countryCode ? [a.countryCode] : []), ...a.sectors.filter((s) => s === 'IGO' || s === 'NGO')]));

interface Rate {
  hit: number;
  total: number;
}
const pct = (r: Rate): string => `${r.hit}/${r.total} (${r.total ? ((100 * r.hit) / r.total).toFixed(1) : '0.0'}%)`;

async function main(): Promise<void> {
  if (!existsSync(file)) {
    process.stderr.write(`no event gold at ${file} (give one with --file)\n`);
    process.exit(2);
  }
  const records = (JSON.parse(readFileSync(file, 'utf8')) as GoldRecord[]).filter((r) => r.event !== 'DOCUMENT' && r.text);
  const pipeline = new SeedPipeline();
  const type: Rate = { hit: 0, total: 0 };
  const coded: Rate = { hit: 0, total: 0 };
  const source: Rate = { hit: 0, total: 0 };
  const target: Rate = { hit: 0, total: 0 };
  const confusion = new Map<string, number>();
  const misses: string[] = [];
  const actorMisses: string[] = [];
  const showActors = Number(arg('--show-actors', '0'));
  for (const record of records) {
    const out: EventExtractedV1 = await pipeline.run({ body: record.text!, language: 'en', format: 'txt' });
    const event = out.event ?? null;
    type.total++;
    if (event) coded.total++;
    const right = event?.type === record.event;
    if (right) {
      type.hit++;
      coded.hit++;
    } else {
      const key = `${record.event} -> ${event?.type ?? 'none'}`;
      confusion.set(key, (confusion.get(key) ?? 0) + 1);
      misses.push(`${record.id}  gold ${record.event}, got ${event?.type ?? 'none'} (${event?.trigger.text ?? ''})  ${record.text}`);
    }
    for (const [gold, found, rate] of [
      [codesOf(record.source), codedCodes(event?.source ?? []), source],
      [codesOf(record.target), codedCodes(event?.target ?? []), target],
    ] as const) {
      if (gold.size === 0) continue;
      rate.total++;
      if ([...found].some((c) => gold.has(c))) rate.hit++;
      else actorMisses.push(`${record.id} ${rate === source ? 'source' : 'target'} gold ${[...gold].join(',')} got ${[...found].join(',') || 'none'} [${(rate === source ? event?.source : event?.target)?.map((a) => a.mentions.map((m) => m.text).join('+')).join(' | ') ?? ''}] trig=${event?.trigger.text ?? ''}  ${record.text}`);
    }
  }
  const both: Rate = { hit: source.hit + target.hit, total: source.total + target.total };
  const lines = [
    `event gold: ${file}`,
    `${records.length} sentences`,
    '',
    '| measure | score |',
    '|---|---|',
    `| event type accuracy (all gold events) | ${pct(type)} |`,
    `| event type precision (coded sentences) | ${pct(coded)} |`,
    `| coded at all | ${coded.total}/${type.total} |`,
    `| source actor country accuracy | ${pct(source)} |`,
    `| target actor country accuracy | ${pct(target)} |`,
    `| actor country accuracy (source and target) | ${pct(both)} |`,
    '',
    'most frequent confusions (gold -> coded):',
    ...[...confusion]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12)
      .map(([k, n]) => `  ${n}  ${k}`),
  ];
  if (show > 0) lines.push('', ...misses.slice(0, show));
  if (showActors > 0) lines.push('', ...actorMisses.slice(0, showActors));
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
