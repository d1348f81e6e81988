import { aliasKey } from '../alias-keys';
import { KbEntity, PlaceType } from '../kb-entity';
import { KnowledgeBase } from '../knowledge-base';
import { GEONAMES_ERROR_TEXT_LENGTH, GeonamesLineError } from './geonames-line-error';
import { LineSource, linesOfFile, linesOfText } from './line-source';

/** Columns of the `geoname` table (`allCountries.txt`, `cities1000.txt`, ...): see the GeoNames dump readme. */
const COLUMNS = 19;
const COL = {
  geonameId: 0,
  name: 1,
  asciiName: 2,
  alternateNames: 3,
  latitude: 4,
  longitude: 5,
  featureClass: 6,
  featureCode: 7,
  countryCode: 8,
  population: 14,
} as const;

/**
 * Feature codes dropped whatever the class: countries (`PCL*`) are already
 * country entities, and a location sharing their names would compete with
 * them; historical, abandoned and destroyed places (`PPLH`, `PPLQ`, `PPLW`,
 * `ADM*H`) are not where news happens today.
 */
export const GEONAMES_DEFAULT_EXCLUDED_FEATURE_CODES: readonly string[] = [
  'PCL',
  'PCLD',
  'PCLF',
  'PCLH',
  'PCLI',
  'PCLIX',
  'PCLS',
  'PPLH',
  'PPLQ',
  'PPLW',
  'ADM1H',
  'ADM2H',
  'ADM3H',
  'ADM4H',
  'ADM5H',
  'ADMDH',
];

export interface GeonamesLoaderOptions {
  /**
   * Places with fewer inhabitants are skipped. GeoNames writes 0 for
   * "unknown", which is common for admin regions: any positive floor drops
   * those too. Default 0 (keep all).
   */
  minPopulation?: number;
  /** GeoNames feature classes to keep. Default P (populated places) and A (admin regions). */
  featureClasses?: readonly string[];
  /** Feature codes to skip even in a kept class. Default {@link GEONAMES_DEFAULT_EXCLUDED_FEATURE_CODES}. */
  excludedFeatureCodes?: readonly string[];
  /**
   * Arabic names by geonameid, from `alternateNamesV2.txt` (see
   * `GeonamesAlternateNamesLoader`). Where a place has an entry, it replaces
   * the script guess on the `alternatenames` column, which cannot tell
   * Arabic from Persian or Urdu spelled with the same letters.
   */
  arabicNames?: ReadonlyMap<string, readonly string[]>;
  /**
   * Keep every Latin-script alternate name (default), or only the name and
   * its ASCII form: the alternates hold spellings from dozens of languages,
   * many of them ordinary words in another ("Almata", "Ay").
   */
  latinAlternates?: boolean;
  /** Errors kept in full; the rest are only counted. Default 100. */
  maxErrors?: number;
}

export interface GeonamesLoadResult {
  entities: KbEntity[];
  /** Lines read, including skipped and malformed ones. */
  lines: number;
  /** Well-formed lines left out by the filters, by filter. */
  skipped: { featureClass: number; featureCode: number; population: number };
  /** Every malformed line counted; the first `maxErrors` described. */
  errorCount: number;
  errors: GeonamesLineError[];
  /**
   * Alpha-2 codes the knowledge base has no country for (GeoNames' XK for
   * Kosovo, an empty code for places at sea), with how many places had
   * each. Those places are kept without a `countryCode`.
   */
  unknownCountryCodes: Map<string, number>;
}

/** Letters of the Arabic alphabet and its diacritics only: Persian, Urdu, Kurdish or Uyghur spellings add letters outside this range (ی ک گ پ چ). */
const ARABIC_LANGUAGE = /^[\u0621-\u063A\u0640-\u065F\u0670 -]+$/;
/** Latin letters with their accents, and the punctuation of place names ("St. John's", "Alma-Ata"). No digits, slashes or colons: those are codes and links. */
const LATIN = /^[\p{Script=Latin}\p{M} '’.-]+$/u;
/** A name in capitals without a space is an IATA/ICAO/FAA code ("ALA", "UAAA"), not a name; the matcher would take it as an acronym. */
const CODE = /^[\p{Lu}\d]+$/u;
/** Shorter Latin names are mostly words in some language ("Ii", "Ay"): a two-letter alias would fire on running text. */
const MIN_LATIN_ALIAS_LENGTH = 3;

/**
 * Builds knowledge-base locations from a GeoNames dump (`cities1000.txt`,
 * `allCountries.txt`, or any file of the `geoname` table format), so the
 * gazetteer can know more places than are bundled. The result is a plain
 * entity list; merge it with the bundled one to match with it:
 *
 * ```ts
 * const kb = KnowledgeBase.bundled();
 * const { entities } = await new GeonamesLoader(kb, { minPopulation: 15000 }).loadFile('cities1000.txt');
 * const merged = new KnowledgeBase([...kb.entities, ...entities], kb.stopPhrases);
 * ```
 *
 * Bundled entities come first in such a merge, so where a GeoNames place
 * shares an alias with a curated one ("Almaty"), the curated one keeps it.
 */
export class GeonamesLoader {
  private readonly alpha3ByAlpha2 = new Map<string, string>();
  private readonly minPopulation: number;
  private readonly featureClasses: ReadonlySet<string>;
  private readonly excludedFeatureCodes: ReadonlySet<string>;
  private readonly maxErrors: number;

  /** `kb` supplies the alpha-2 → alpha-3 map through its country entities: no second country table to keep in step. */
  constructor(
    kb: KnowledgeBase,
    private readonly options: GeonamesLoaderOptions = {},
  ) {
    for (const country of kb.ofType('country')) {
      if (country.alpha2 && country.countryCode) this.alpha3ByAlpha2.set(country.alpha2, country.countryCode);
    }
    this.minPopulation = options.minPopulation ?? 0;
    this.featureClasses = new Set(options.featureClasses ?? ['P', 'A']);
    this.excludedFeatureCodes = new Set(options.excludedFeatureCodes ?? GEONAMES_DEFAULT_EXCLUDED_FEATURE_CODES);
    this.maxErrors = options.maxErrors ?? 100;
  }

  /** Streams the file line by line: `allCountries.txt` (1.5 GB) never sits in memory, only the entities kept. */
  loadFile(path: string): Promise<GeonamesLoadResult> {
    return this.load(linesOfFile(path));
  }

  loadText(text: string): Promise<GeonamesLoadResult> {
    return this.load(linesOfText(text));
  }

  async load(source: LineSource): Promise<GeonamesLoadResult> {
    const result: GeonamesLoadResult = {
      entities: [],
      lines: 0,
      skipped: { featureClass: 0, featureCode: 0, population: 0 },
      errorCount: 0,
      errors: [],
      unknownCountryCodes: new Map(),
    };
    const seen = new Set<string>();
    for await (const line of source) {
      result.lines++;
      if (line.trim() === '') continue;
      const outcome = this.parseLine(line, result);
      if (typeof outcome === 'string') {
        result.errorCount++;
        if (result.errors.length < this.maxErrors) {
          result.errors.push({ line: result.lines, reason: outcome, text: line.slice(0, GEONAMES_ERROR_TEXT_LENGTH) });
        }
        continue;
      }
      if (!outcome) continue;
      // A duplicate id would make the KnowledgeBase constructor throw for the whole load: report the line instead.
      if (seen.has(outcome.id)) {
        result.errorCount++;
        if (result.errors.length < this.maxErrors) {
          result.errors.push({ line: result.lines, reason: 'duplicate geonameid', text: line.slice(0, GEONAMES_ERROR_TEXT_LENGTH) });
        }
        continue;
      }
      seen.add(outcome.id);
      result.entities.push(outcome);
    }
    return result;
  }

  /** The entity of one line, `undefined` when a filter skips it, or why the line is malformed. */
  private parseLine(line: string, result: GeonamesLoadResult): KbEntity | undefined | string {
    const cols = line.split('\t');
    if (cols.length !== COLUMNS) return `expected ${COLUMNS} tab-separated columns, found ${cols.length}`;
    const geonameId = cols[COL.geonameId];
    if (!/^\d+$/.test(geonameId)) return `geonameid "${geonameId}" is not a number`;
    const name = cols[COL.name].trim();
    if (!name) return 'empty name';
    const lat = Number(cols[COL.latitude]);
    const lon = Number(cols[COL.longitude]);
    if (cols[COL.latitude] === '' || !Number.isFinite(lat) || Math.abs(lat) > 90) return `latitude "${cols[COL.latitude]}" out of range`;
    if (cols[COL.longitude] === '' || !Number.isFinite(lon) || Math.abs(lon) > 180) return `longitude "${cols[COL.longitude]}" out of range`;
    const populationText = cols[COL.population];
    if (!/^\d*$/.test(populationText)) return `population "${populationText}" is not a whole number`;

    if (!this.featureClasses.has(cols[COL.featureClass])) {
      result.skipped.featureClass++;
      return undefined;
    }
    if (this.excludedFeatureCodes.has(cols[COL.featureCode])) {
      result.skipped.featureCode++;
      return undefined;
    }
    if (Number(populationText || '0') < this.minPopulation) {
      result.skipped.population++;
      return undefined;
    }

    const alpha2 = cols[COL.countryCode];
    const countryCode = this.alpha3ByAlpha2.get(alpha2);
    if (!countryCode) result.unknownCountryCodes.set(alpha2, (result.unknownCountryCodes.get(alpha2) ?? 0) + 1);

    const alternates = cols[COL.alternateNames].split(',').map((n) => n.trim());
    const precise = this.options.arabicNames?.get(geonameId);
    const arabic = precise ? [...precise] : alternates.filter((n) => ARABIC_LANGUAGE.test(n) && /[\u0621-\u064A]/.test(n));
    const latin =
      this.options.latinAlternates === false ? [] : alternates.filter((n) => LATIN.test(n) && !CODE.test(n) && n.length >= MIN_LATIN_ALIAS_LENGTH);
    const featureCode = cols[COL.featureCode];
    const placeType: PlaceType | undefined =
      featureCode === 'PPLC' ? 'capital' : cols[COL.featureClass] === 'P' ? 'city' : featureCode.startsWith('ADM') ? 'region' : undefined;
    const population = Number(populationText || '0');

    const entity: KbEntity = {
      id: `location:geonames-${geonameId}`,
      type: 'location',
      name,
      ...(arabic.length > 0 ? { nameAr: arabic[0] } : {}),
      ...(countryCode ? { countryCode } : {}),
      lat,
      lon,
      ...(placeType ? { placeType } : {}),
      ...(population > 0 ? { population } : {}),
      geonamesId: Number(geonameId),
      aliases: distinctAliases([name, cols[COL.asciiName].trim(), ...latin, ...arabic]),
    };
    return entity;
  }
}

/** First spelling of each matching form: "Alma-Ata" and "Alma Ata" are one alias to the gazetteer. */
function distinctAliases(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const name of names) {
    if (!name) continue;
    const key = aliasKey(name);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}
