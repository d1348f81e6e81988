import type { KbEntity, StopPhrase } from '@eventwire/kb';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DraftEntity, DroppedAlias, RANK_LOCATION, RANK_ORGANIZATION, RANK_PERSON, resolveAliases } from './alias-resolver';
import { capitalDrafts, countryDrafts } from './country-drafts';
import { CuratedData, readCuratedData } from './curated-data';

/**
 * Generates the knowledge base's data files (libs/kb/data/*.json) from the
 * packaged sources (i18n-iso-countries, CLDR through Node's Intl,
 * world-countries) and the curated files (libs/kb/curated). Run with
 * `npm run kb:build`; the output is deterministic for a given lock file and
 * Node (ICU/CLDR) version, sorted, and committed. Sources and licences: NOTICE.
 */

/** What the data was generated from: the packaged sources' versions and the CLDR behind Intl.DisplayNames. */
export interface KbSources {
  'i18n-iso-countries': string;
  'world-countries': string;
  cldr: string;
}

export function currentSources(): KbSources {
  const version = (pkg: string): string => (JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')) as { version: string }).version;
  return { 'i18n-iso-countries': version('i18n-iso-countries'), 'world-countries': version('world-countries'), cldr: process.versions.cldr ?? 'unknown' };
}

export interface KbData {
  sources: KbSources;
  countries: KbEntity[];
  organizations: KbEntity[];
  locations: KbEntity[];
  persons: KbEntity[];
  stopPhrases: StopPhrase[];
  dropped: DroppedAlias[];
}

function curatedDrafts(list: readonly KbEntity[], rank: number): DraftEntity[] {
  return list.map((e) => ({
    entity: {
      id: e.id,
      type: e.type,
      name: e.name,
      ...(e.nameAr ? { nameAr: e.nameAr } : {}),
      ...(e.countryCode ? { countryCode: e.countryCode } : {}),
      ...(e.lat !== undefined && e.lon !== undefined ? { lat: e.lat, lon: e.lon } : {}),
      ...(e.sectors && e.sectors.length > 0 ? { sectors: [...new Set(e.sectors)].sort() } : {}),
      ...(e.role ? { role: e.role } : {}),
    },
    rank,
    aliases: e.aliases.map((text) => ({ text, curated: true })),
    demonyms: (e.demonyms ?? []).map((text) => ({ text, curated: true })),
  }));
}

/** Builds every data file's content in memory: all entities resolved together, so no form belongs to two of them. */
export function buildKbData(curated: CuratedData): KbData {
  const drafts = [
    ...countryDrafts(curated),
    ...curatedDrafts(curated.organizations, RANK_ORGANIZATION),
    ...curatedDrafts(curated.locations, RANK_LOCATION),
    ...capitalDrafts(curated),
    ...curatedDrafts(curated.persons, RANK_PERSON),
  ];
  const { entities, dropped } = resolveAliases(drafts, curated.stopPhrases);
  const ofType = (type: KbEntity['type']): KbEntity[] => entities.filter((e) => e.type === type);
  const stopPhrases = [...curated.stopPhrases].sort((a, b) => (a.phrase < b.phrase ? -1 : a.phrase > b.phrase ? 1 : 0));
  return {
    sources: currentSources(),
    countries: ofType('country'),
    organizations: ofType('organization'),
    locations: ofType('location'),
    persons: ofType('person'),
    stopPhrases,
    dropped,
  };
}

function main(argv: string[]): void {
  const arg = (flag: string, fallback: string): string => {
    const i = argv.indexOf(flag);
    return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
  };
  const curatedDir = resolve(arg('--curated', 'libs/kb/curated'));
  const outDir = resolve(arg('--out', 'libs/kb/data'));
  const data = buildKbData(readCuratedData(curatedDir));
  mkdirSync(outDir, { recursive: true });
  const write = (file: string, value: unknown): void => writeFileSync(join(outDir, file), `${JSON.stringify(value, null, 2)}\n`);
  write('countries.json', data.countries);
  write('organizations.json', data.organizations);
  write('locations.json', data.locations);
  write('persons.json', data.persons);
  write('stop-phrases.json', data.stopPhrases);
  write('sources.json', data.sources);

  const count = (list: KbEntity[]): string => {
    const aliases = list.reduce((n, e) => n + e.aliases.length, 0);
    const demonyms = list.reduce((n, e) => n + (e.demonyms?.length ?? 0), 0);
    return `${list.length} (${aliases} aliases, ${demonyms} demonyms)`;
  };
  const byReason = new Map<string, number>();
  for (const d of data.dropped) byReason.set(d.reason, (byReason.get(d.reason) ?? 0) + 1);
  process.stdout.write(
    [
      `knowledge base written to ${outDir} (i18n-iso-countries ${data.sources['i18n-iso-countries']}, world-countries ${data.sources['world-countries']}, CLDR ${data.sources.cldr})`,
      `  countries      ${count(data.countries)}`,
      `  organizations  ${count(data.organizations)}`,
      `  locations      ${count(data.locations)}`,
      `  persons        ${count(data.persons)}`,
      `  stop phrases   ${data.stopPhrases.length}`,
      `  dropped forms  ${[...byReason].map(([reason, n]) => `${reason} ${n}`).join(', ') || 'none'}`,
      ...(argv.includes('--verbose') ? data.dropped.map((d) => `    ${d.reason}: ${d.text} [${d.entityIds.join(' ')}]`) : []),
      '',
    ].join('\n'),
  );
}

if (require.main === module) main(process.argv.slice(2));
