import type { KbEntity, StopPhrase } from '@eventwire/kb';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Hand-written additions for one country (libs/kb/curated/countries.json). */
export interface CuratedCountry {
  nameAr?: string;
  aliases?: string[];
  demonyms?: string[];
  /** Generated forms to drop because they are common words or names ("تركي", "مالي"). */
  exclude?: string[];
}

export interface CuratedData {
  countries: Record<string, CuratedCountry>;
  organizations: KbEntity[];
  locations: KbEntity[];
  persons: KbEntity[];
  stopPhrases: StopPhrase[];
}

/**
 * A curated file does not have the shape the build expects. The curated
 * files are hand-edited: the build stops on the first mistake with the file
 * and entry at fault rather than writing data that silently lacks it.
 */
export class CuratedDataError extends Error {
  constructor(file: string, detail: string) {
    super(`${file}: ${detail}`);
    this.name = 'CuratedDataError';
  }
}

function readJson(dir: string, file: string): Record<string, unknown> {
  const parsed: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new CuratedDataError(file, 'expected a JSON object');
  return parsed as Record<string, unknown>;
}

function stringList(file: string, where: string, value: unknown): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v.trim() === '')) {
    throw new CuratedDataError(file, `${where} must be a list of non-empty strings`);
  }
  return value as string[];
}

function entities(file: string, dir: string, listKey: string, type: KbEntity['type'], idPrefix: string): KbEntity[] {
  const list = readJson(dir, file)[listKey];
  if (!Array.isArray(list)) throw new CuratedDataError(file, `"${listKey}" must be a list`);
  return list.map((raw: unknown, index) => {
    const e = raw as Partial<KbEntity>;
    const where = `${listKey}[${index}]`;
    if (typeof e.id !== 'string' || !e.id.startsWith(idPrefix)) throw new CuratedDataError(file, `${where}.id must start with "${idPrefix}"`);
    if (typeof e.name !== 'string' || e.name === '') throw new CuratedDataError(file, `${where}.name is required`);
    if (e.countryCode !== undefined && !/^[A-Z]{3}$/.test(e.countryCode)) throw new CuratedDataError(file, `${where}.countryCode must be ISO alpha-3`);
    for (const coord of ['lat', 'lon'] as const) {
      if (e[coord] !== undefined && typeof e[coord] !== 'number') throw new CuratedDataError(file, `${where}.${coord} must be a number`);
    }
    if (e.role !== undefined && (typeof e.role !== 'string' || e.role === '')) throw new CuratedDataError(file, `${where}.role must be a non-empty string`);
    const sectors = stringList(file, `${where}.sectors`, e.sectors);
    if (sectors.some((code) => !/^[A-Z]{3}$/.test(code))) throw new CuratedDataError(file, `${where}.sectors must be CAMEO sector codes ("MED", "IGO")`);
    return { ...e, type, aliases: stringList(file, `${where}.aliases`, e.aliases) } as KbEntity;
  });
}

/** Reads and checks the curated files in `dir` (libs/kb/curated). */
export function readCuratedData(dir: string): CuratedData {
  const countriesFile = 'countries.json';
  const rawCountries = readJson(dir, countriesFile).countries;
  if (typeof rawCountries !== 'object' || rawCountries === null) throw new CuratedDataError(countriesFile, '"countries" must be an object keyed by ISO alpha-3');
  const countries: Record<string, CuratedCountry> = {};
  for (const [code, raw] of Object.entries(rawCountries as Record<string, CuratedCountry>)) {
    if (!/^[A-Z]{3}$/.test(code)) throw new CuratedDataError(countriesFile, `"${code}" is not an ISO alpha-3 code`);
    countries[code] = {
      ...(raw.nameAr ? { nameAr: raw.nameAr } : {}),
      aliases: stringList(countriesFile, `${code}.aliases`, raw.aliases),
      demonyms: stringList(countriesFile, `${code}.demonyms`, raw.demonyms),
      exclude: stringList(countriesFile, `${code}.exclude`, raw.exclude),
    };
  }
  const stopFile = 'stop-phrases.json';
  const rawStops = readJson(dir, stopFile).stopPhrases;
  if (!Array.isArray(rawStops)) throw new CuratedDataError(stopFile, '"stopPhrases" must be a list');
  const stopPhrases = rawStops.map((raw: unknown, index) => {
    const s = raw as Partial<StopPhrase>;
    if (typeof s.phrase !== 'string' || !s.phrase.trim() || typeof s.why !== 'string' || !s.why.trim()) {
      throw new CuratedDataError(stopFile, `stopPhrases[${index}] needs a phrase and a why`);
    }
    return { phrase: s.phrase, why: s.why };
  });
  return {
    countries,
    organizations: entities('organizations.json', dir, 'organizations', 'organization', 'org:'),
    locations: entities('locations.json', dir, 'locations', 'location', 'location:'),
    persons: entities('persons.json', dir, 'persons', 'person', 'person:'),
    stopPhrases,
  };
}
