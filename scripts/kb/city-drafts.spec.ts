import type { KbEntity } from '@eventwire/kb';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DraftEntity, RANK_LOCATION, resolveAliases } from './alias-resolver';
import { cityDrafts, isShortTransliteration, loadCities, readArabicPlaceNames, readMoCatalogue } from './city-drafts';
import { isCommonEnglishWord } from './common-words';

/** A little-endian GNU .mo file of the given pairs, sorted by msgid as msgfmt writes them. */
function moFile(pairs: [string, string][]): Buffer {
  const sorted = [...pairs].sort(([a], [b]) => (a < b ? -1 : 1));
  const header = 28;
  const tables = header + 16 * sorted.length;
  const strings: Buffer[] = [];
  let offset = tables;
  const entry = (text: string): [number, number] => {
    const bytes = Buffer.from(text, 'utf8');
    strings.push(bytes, Buffer.alloc(1));
    const at = offset;
    offset += bytes.length + 1;
    return [bytes.length, at];
  };
  const originals = sorted.map(([id]) => entry(id));
  const translations = sorted.map(([, str]) => entry(str));
  const head = Buffer.alloc(tables);
  [0x950412de, 0, sorted.length, header, header + 8 * sorted.length, 0, 0].forEach((v, i) => head.writeUInt32LE(v, 4 * i));
  [...originals, ...translations].forEach(([length, at], i) => {
    head.writeUInt32LE(length, header + 8 * i);
    head.writeUInt32LE(at, header + 8 * i + 4);
  });
  return Buffer.concat([head, ...strings]);
}

const country = (code: string, alpha2: string): KbEntity => ({ id: `country:${code}`, type: 'country', name: code, countryCode: code, alpha2, aliases: [] });
const COUNTRIES = [country('LBY', 'LY'), country('LBN', 'LB'), country('KAZ', 'KZ'), country('FRA', 'FR')];

function city(id: number, name: string, countryCode: string, population: number, aliases: string[], lat = 0, lon = 0): KbEntity {
  return { id: `location:geonames-${id}`, type: 'location', name, countryCode, lat, lon, placeType: 'city', population, geonamesId: id, aliases };
}

describe('readMoCatalogue and readArabicPlaceNames', () => {
  it('reads the pairs of a .mo file and keeps the Arabic names by geonameid, without bidi marks or Latin leftovers', () => {
    const buffer = moFile([
      ['', 'Content-Type: text/plain; charset=UTF-8\n'],
      ['105343', 'جدة'],
      ['106297', 'حفر الباطن\u200e'],
      ['101554', 'Tārūt'],
    ]);
    expect(readMoCatalogue(buffer).get('105343')).toBe('جدة');
    const dir = mkdtempSync(join(tmpdir(), 'mo-'));
    try {
      const path = join(dir, 'geonames.mo');
      writeFileSync(path, buffer);
      expect(readArabicPlaceNames(path)).toEqual(
        new Map([
          ['105343', ['جدة']],
          ['106297', ['حفر الباطن']],
        ]),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a file that is not a catalogue', () => {
    expect(() => readMoCatalogue(Buffer.from('not a catalogue at all, really'))).toThrow(/bad magic number/);
  });
});

describe('loadCities', () => {
  it('keeps capitals, big places, and smaller ones only when asked for them with an Arabic name', async () => {
    const line = (id: string, name: string, code: string, population: number, alternates = ''): string =>
      [id, name, name, alternates, '32.9', '13.2', 'P', code, 'LY', '', '', '', '', '', String(population), '', '0', 'Africa/Tripoli', '2024-01-01'].join('\t');
    const dir = mkdtempSync(join(tmpdir(), 'cities-'));
    try {
      const path = join(dir, 'cities1000.txt');
      writeFileSync(path, [line('1', 'Tripoli', 'PPLC', 1_150_989), line('2', 'Misratah', 'PPLA', 386_120), line('3', 'Zliten', 'PPL', 86_000, 'زليتن'), line('4', 'Hamlet', 'PPL', 2_000)].join('\n'));
      const arabic = new Map([['1', ['طرابلس']]]);
      const big = await loadCities(COUNTRIES, path, arabic);
      expect(big.map((c) => [c.name, c.placeType, c.nameAr])).toEqual([
        ['Tripoli', 'capital', 'طرابلس'],
        ['Misratah', 'city', undefined],
      ]);
      const withTowns = await loadCities(COUNTRIES, path, arabic, { minPopulation: 100_000, minPopulationWithArabicName: 15_000 });
      expect(withTowns.map((c) => c.name)).toEqual(['Tripoli', 'Misratah', 'Zliten']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('cityDrafts', () => {
  const curatedAlmaty = (): DraftEntity => ({
    entity: { id: 'location:almaty', type: 'location', name: 'Almaty', nameAr: 'ألماتي', countryCode: 'KAZ', lat: 43.24, lon: 76.89 },
    rank: RANK_LOCATION,
    aliases: [
      { text: 'Almaty', curated: true },
      { text: 'ألما آتا', curated: true },
    ],
    demonyms: [],
  });

  it('enriches a curated place it matches by name, country and distance, keeping its id and curated names', () => {
    const existing = [curatedAlmaty()];
    const { drafts, merged } = cityDrafts([city(1526384, 'Almaty', 'KAZ', 2_000_900, ['Almaty', 'ألماتي'], 43.25, 76.92)], existing, COUNTRIES);
    expect(merged).toBe(1);
    expect(drafts).toEqual([]);
    expect(existing[0].entity).toMatchObject({ id: 'location:almaty', nameAr: 'ألماتي', population: 2_000_900, geonamesId: 1526384, placeType: 'city' });
    expect(existing[0].aliases.map((a) => a.text)).toEqual(['Almaty', 'ألما آتا', 'Almaty', 'ألماتي']);
  });

  it('does not merge a namesake in another country or far away', () => {
    const existing = [curatedAlmaty()];
    const { drafts, merged } = cityDrafts([city(9, 'Almaty', 'KAZ', 150_000, ['Almaty'], 50, 70)], existing, COUNTRIES);
    expect(merged).toBe(0);
    expect(drafts.map((d) => d.entity.id)).toEqual(['location:almaty-kz']);
  });

  it('gives a shared name to the larger place and readable ids to both', () => {
    const libya = city(2210247, 'Tripoli', 'LBY', 1_150_989, ['Tripoli', 'طرابلس']);
    const lebanon = city(266826, 'Tripoli', 'LBN', 229_398, ['Tripoli', 'طرابلس']);
    const { drafts } = cityDrafts([lebanon, libya], [], COUNTRIES);
    expect(drafts.map((d) => d.entity.id)).toEqual(['location:tripoli', 'location:tripoli-lb']);
    const { entities, dropped } = resolveAliases(drafts, []);
    expect(entities.find((e) => e.id === 'location:tripoli')?.aliases).toEqual(['Tripoli', 'طرابلس']);
    expect(entities.find((e) => e.id === 'location:tripoli-lb')).toBeUndefined();
    expect(dropped.map((d) => d.reason)).toEqual(['lost-conflict', 'lost-conflict']);
  });

  it('drops Latin names that are ordinary English words', () => {
    const { drafts } = cityDrafts([city(2990440, 'Nice', 'FRA', 338_620, ['Nice', 'Nizza'])], [], COUNTRIES, isCommonEnglishWord);
    const { entities } = resolveAliases(drafts, []);
    expect(entities[0].aliases).toEqual(['Nizza']);
  });
});

describe(isShortTransliteration.name, () => {
  it('flags short one-word Arabic names of smaller foreign places, not native or big ones', () => {
    expect(isShortTransliteration('وان', { countryCode: 'TUR', population: 371_713, placeType: 'city' })).toBe(true);
    expect(isShortTransliteration('دوله', { countryCode: 'IND', population: 341_755, placeType: 'city' })).toBe(true);
    expect(isShortTransliteration('تعز', { countryCode: 'YEM', population: 615_222, placeType: 'city' })).toBe(false);
    expect(isShortTransliteration('روما', { countryCode: 'ITA', population: 2_563_241, placeType: 'capital' })).toBe(false);
    expect(isShortTransliteration('بيان', { countryCode: 'KWT', population: 30_000, placeType: 'city' })).toBe(false);
    expect(isShortTransliteration('تولوز', { countryCode: 'FRA', population: 433_055, placeType: 'city' })).toBe(false);
  });
});

describe(isCommonEnglishWord.name, () => {
  it('tells ordinary English words from place names', () => {
    expect(['Nice', 'Reading', 'Mobile', 'Split'].map(isCommonEnglishWord)).toEqual([true, true, true, true]);
    expect(['Paris', 'Mosul', 'Zhengzhou', 'Nur-Sultan', 'New York'].map(isCommonEnglishWord)).toEqual([false, false, false, false, false]);
  });
});
