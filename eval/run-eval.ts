import 'reflect-metadata';
import type { EventExtractedV1 } from '@eventwire/contracts';
import { KnowledgeBase, MinistryRecognizer } from '@eventwire/kb';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { GoldArticle, GoldFile } from './gold-file';
import { SeedPipeline } from './seed-pipeline';
import { arg } from './cli-args';

/**
 * npm run eval [-- --gold FILE --articles DIR]
 * Scores the pipeline's per-article output against a gold file: titles, main
 * event dates, quantities (value and category), countries, and every
 * must-not value that leaked. Prints a table; exits 0 whatever the score.
 */
const REPO = resolve(__dirname, '..', '..');
const goldPath = resolve(arg('gold', join(REPO, '..', 'shared', 'eval', 'seeds.gold.json')));
const articlesDir = resolve(arg('articles', join(REPO, 'seeds')));

interface Tally {
  hit: number;
  total: number;
}

interface Prf {
  tp: number;
  fp: number;
  fn: number;
}

/** Names compared without case, accents or punctuation: "Stéphane Dujarric" is "stephane dujarric". */
const nameKey = (s: string): string =>
  s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

function f1Row(label: string, t: Prf): string {
  const p = t.tp / Math.max(1, t.tp + t.fp);
  const r = t.tp / Math.max(1, t.tp + t.fn);
  const f = p + r > 0 ? (2 * p * r) / (p + r) : 0;
  return `| ${label} P / R / F1 | ${p.toFixed(2)} / ${r.toFixed(2)} / ${f.toFixed(2)} (tp ${t.tp}, fp ${t.fp}, fn ${t.fn}) |`;
}

const pct = (t: Tally): string => `${t.hit}/${t.total}${t.total ? ` (${((100 * t.hit) / t.total).toFixed(0)}%)` : ''}`;
const norm = (s: string): string => s.toLowerCase().replace(/[-_]/g, ' ');

function prf(found: Set<string>, gold: Set<string>, tally: Prf): void {
  for (const f of found) {
    if (gold.has(f)) tally.tp++;
    else tally.fp++;
  }
  for (const g of gold) if (!found.has(g)) tally.fn++;
}

async function main(): Promise<void> {
  if (!existsSync(goldPath)) {
    process.stderr.write(`no gold file at ${goldPath} (give one with --gold)\n`);
    process.exit(2);
  }
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as GoldFile;
  const pipeline = new SeedPipeline();
  const titles: Tally = { hit: 0, total: 0 };
  const dates: Tally = { hit: 0, total: 0 };
  const quantities: Tally = { hit: 0, total: 0 };
  const countries = { tp: 0, fp: 0, fn: 0 };
  const kb = KnowledgeBase.bundled();
  const byType: Record<'person' | 'organization' | 'location', Prf> = {
    person: { tp: 0, fp: 0, fn: 0 },
    organization: { tp: 0, fp: 0, fn: 0 },
    location: { tp: 0, fp: 0, fn: 0 },
  };
  // A found entity matches a gold name by its canonical name or any alias the KB knows for it (Nur-Sultan is Astana).
  const namesOf = (id: string, name: string): string[] => [name, ...(kb.get(id)?.aliases ?? [])].map(nameKey);
  const leaks: string[] = [];
  let ministries = 0;
  const rows: string[] = [];

  const files = readdirSync(articlesDir).filter((f) => f.endsWith('.txt'));
  for (const [id, expected] of Object.entries(gold.articles) as Array<[string, GoldArticle]>) {
    const file = files.find((f) => basename(f, '.txt') === id);
    if (!file) {
      rows.push(`${id}  (no article file in ${articlesDir})`);
      continue;
    }
    let out: EventExtractedV1;
    try {
      out = await pipeline.run({ body: readFileSync(join(articlesDir, file), 'utf8'), file, format: 'txt' });
    } catch (error) {
      rows.push(`${id}  ERROR ${(error as Error).message}`);
      continue;
    }
    const notes: string[] = [];
    if (expected.title !== undefined) {
      titles.total++;
      if (out.title === expected.title) titles.hit++;
      else notes.push(`title: got ${JSON.stringify(out.title)}`);
    }
    if (expected.eventDate !== undefined) {
      dates.total++;
      if (out.eventDate.date === expected.eventDate) dates.hit++;
      else notes.push(`date: got ${out.eventDate.date} (${out.eventDate.basis}), gold ${expected.eventDate}`);
    }
    for (const q of expected.quantities ?? []) {
      quantities.total++;
      const found = out.quantities.some((o) => o.value === q.value && norm(q.what).includes(norm(o.category)));
      if (found) quantities.hit++;
      else notes.push(`quantity missed: ${q.value} ${q.what}`);
    }
    const foundCountries = new Set(out.entities.filter((e) => e.type === 'country' && e.countryCode).map((e) => e.countryCode!));
    prf(foundCountries, new Set(expected.countries ?? []), countries);
    const goldOf = { person: expected.persons, organization: expected.organizations, location: expected.locations };
    for (const type of ['person', 'organization', 'location'] as const) {
      const gold = (goldOf[type] ?? []).map(nameKey);
      // The gold lists named organisations; ministries found by pattern ("الخارجية الروسية") are counted on their own row.
      const found = out.entities.filter((e) => e.type === type && !MinistryRecognizer.isMinistryId(e.id)).map((e) => namesOf(e.id, e.name));
      const tally = byType[type];
      for (const names of found) {
        if (gold.some((g) => names.includes(g))) tally.tp++;
        else {
          tally.fp++;
          notes.push(`${type} not in gold: ${names[0]}`);
        }
      }
      for (const g of gold) {
        if (!found.some((names) => names.includes(g))) {
          tally.fn++;
          notes.push(`${type} missed: ${g}`);
        }
      }
    }
    for (const ministry of out.entities.filter((e) => MinistryRecognizer.isMinistryId(e.id))) {
      ministries++;
      notes.push(`ministry: ${ministry.name}`);
    }
    const mustNot = expected.mustNot ?? {};
    for (const d of mustNot.dates ?? []) if (out.eventDate.date === d) leaks.push(`${id}: event date ${d}`);
    for (const t of mustNot.titles ?? []) if (out.title === t) leaks.push(`${id}: title ${t}`);
    for (const c of mustNot.countries ?? []) if (foundCountries.has(c)) leaks.push(`${id}: country ${c}`);
    for (const v of mustNot.quantities ?? []) if (out.quantities.some((q) => q.value === v)) leaks.push(`${id}: quantity ${v}`);
    for (const p of mustNot.persons ?? []) {
      if (out.entities.some((e) => e.type === 'person' && e.name === p)) leaks.push(`${id}: person ${p}`);
    }
    rows.push(`${id}  ${notes.length ? notes.join('; ') : 'ok'}`);
  }

  const precision = countries.tp / Math.max(1, countries.tp + countries.fp);
  const recall = countries.tp / Math.max(1, countries.tp + countries.fn);
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  const table = [
    `gold: ${goldPath}`,
    '',
    '| measure | score |',
    '|---|---|',
    `| title exact match | ${pct(titles)} |`,
    `| event date accuracy | ${pct(dates)} |`,
    `| quantities recall (value and category) | ${pct(quantities)} |`,
    `| countries P / R / F1 | ${precision.toFixed(2)} / ${recall.toFixed(2)} / ${f1.toFixed(2)} |`,
    f1Row('persons', byType.person),
    f1Row('organisations', byType.organization),
    f1Row('places', byType.location),
    `| ministries found by pattern (not scored: the gold lists named organisations) | ${ministries} |`,
    `| must-not leaks | ${leaks.length} |`,
    '',
    ...rows,
    ...(leaks.length ? ['', 'leaks:', ...leaks.map((l) => `  ${l}`)] : []),
  ];
  process.stdout.write(`${table.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`eval failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
