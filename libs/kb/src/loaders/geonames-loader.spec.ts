import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GazetteerMatcher } from '../gazetteer-matcher';
import { KnowledgeBase } from '../knowledge-base';
import { GeonamesLoader, GeonamesLoadResult } from './geonames-loader';
import { linesOfFile } from './line-source';

const SAMPLE = join(__dirname, '../../test-data/geonames-sample.txt');

/** A well-formed `geoname` line with the given columns replaced. */
function line(over: Record<number, string>): string {
  const cols = ['1', 'Testville', 'Testville', '', '10', '20', 'P', 'PPL', 'KZ', '', '01', '', '', '', '5000', '', '0', 'Asia/Almaty', '2024-01-01'];
  for (const [i, v] of Object.entries(over)) cols[Number(i)] = v;
  return cols.join('\t');
}

describe(GeonamesLoader.name, () => {
  const kb = KnowledgeBase.bundled();
  let sample: GeonamesLoadResult;

  beforeAll(async () => {
    sample = await new GeonamesLoader(kb, { minPopulation: 1000 }).loadFile(SAMPLE);
  });

  const byName = (name: string) => sample.entities.find((e) => e.name === name);

  it('streams the file from its path and keeps populated places and admin regions above the floor', () => {
    expect(sample.lines).toBe(12);
    expect(sample.entities.map((e) => e.name)).toEqual([
      'Almaty',
      'Aktau',
      'Zhanaozen',
      'Mangystau Region',
      'Shymkent',
      'Riyadh',
      'Jeddah',
      'Cairo',
      'Pristina',
    ]);
    // The village (480 people), the airport (class S) and the country itself (PCLI: already a country entity).
    expect(sample.skipped).toEqual({ featureClass: 1, featureCode: 1, population: 1 });
    expect(sample.errorCount).toBe(0);
  });

  it('reads a string or any iterable of lines the same way as a file', async () => {
    const loader = new GeonamesLoader(kb, { minPopulation: 1000 });
    const text = readFileSync(SAMPLE, 'utf8');
    expect((await loader.loadText(text)).entities).toEqual(sample.entities);
    expect((await loader.load(text.replace(/\n/g, '\r\n').split('\n'))).entities).toEqual(sample.entities);
  });

  it('honours the population floor and the feature classes asked for', async () => {
    const all = await new GeonamesLoader(kb).loadFile(SAMPLE);
    expect(all.entities.map((e) => e.name)).toContain('Sayotes');
    expect(all.skipped.population).toBe(0);

    const bigCities = await new GeonamesLoader(kb, { minPopulation: 1_000_000, featureClasses: ['P'] }).loadFile(SAMPLE);
    expect(bigCities.entities.map((e) => e.name)).toEqual(['Almaty', 'Shymkent', 'Riyadh', 'Jeddah', 'Cairo']);

    const airports = await new GeonamesLoader(kb, { featureClasses: ['S'] }).loadFile(SAMPLE);
    expect(airports.entities.map((e) => e.name)).toEqual(['Almaty International Airport']);
  });

  it('builds location entities with a stable id, coordinates and the alpha-3 code of the KB country', () => {
    expect(byName('Almaty')).toMatchObject({
      id: 'location:geonames-1526384',
      type: 'location',
      countryCode: 'KAZ',
      lat: 43.25667,
      lon: 76.92861,
    });
    expect(byName('Riyadh')?.countryCode).toBe('SAU');
    expect(byName('Cairo')?.countryCode).toBe('EGY');
    expect(byName('Pristina')?.countryCode).toBe('XKK');
    expect(sample.unknownCountryCodes.size).toBe(0);
  });

  it('says what kind of place each is, with its population and GeoNames id', () => {
    expect(byName('Riyadh')).toMatchObject({ placeType: 'capital', population: 4205961, geonamesId: 108410 });
    expect(byName('Jeddah')).toMatchObject({ placeType: 'city', population: 2867446 });
    expect(byName('Mangystau Region')?.placeType).toBe('region');
  });

  it('can keep only the name and its ASCII form among Latin names', async () => {
    const { entities } = await new GeonamesLoader(kb, { minPopulation: 1000, latinAlternates: false }).loadFile(SAMPLE);
    expect(entities.find((e) => e.name === 'Jeddah')?.aliases).toEqual(['Jeddah', 'جدة']);
  });

  it('keeps a place whose country the KB does not know, without a country, and counts the code', async () => {
    const result = await new GeonamesLoader(kb).loadText([line({ 8: 'ZZ' }), line({ 0: '2', 8: '' })].join('\n'));
    expect(result.entities).toHaveLength(2);
    expect(result.entities[0].countryCode).toBeUndefined();
    expect(result.unknownCountryCodes).toEqual(new Map([['ZZ', 1], ['', 1]]));
  });

  it('takes the first alternate written in Arabic letters only as the Arabic name, passing over Persian spellings', () => {
    // Almaty lists the Persian آلماتی (with ی) before the Arabic ألماتي.
    expect(byName('Almaty')?.nameAr).toBe('ألماتي');
    expect(byName('Aktau')?.nameAr).toBe('أكتاو');
    expect(byName('Jeddah')?.nameAr).toBe('جدة');
    expect(byName('Cairo')?.nameAr).toBe('القاهرة');
    expect(byName('Shymkent')?.nameAr).toBe('شيمكنت');
  });

  it('keeps Latin and Arabic names as aliases, without codes, links, other scripts or repeats', () => {
    expect(byName('Almaty')?.aliases).toEqual(['Almaty', 'Alma-Ata', 'Almatõ', 'Ałmaty', 'Verniy', 'ألماتي']);
    // "Jiddah" and "jiddah" are one matching form; JED and OEJN are airport codes; ג'דה and Джидда are other scripts.
    expect(byName('Jeddah')?.aliases).toEqual(['Jeddah', 'Djeddah', 'Dschidda', 'Jedda', 'Jiddah', 'Yida', 'جدة']);
    // "Ar Riyāḑ" folds onto "Ar Riyad", which came first.
    expect(byName('Riyadh')?.aliases).toEqual(['Riyadh', 'Ar Riyad', 'Er Riad', 'Riad', 'Riyad', 'الرياض']);
    for (const entity of sample.entities) {
      for (const alias of entity.aliases) {
        expect(alias).not.toMatch(/https?:|[\u0400-\u04FF\u3040-\u30FF\u4E00-\u9FFF\u0590-\u05FF\u06CC\u06A9]/);
      }
    }
  });

  it('reports malformed lines with their number and reason instead of dropping them silently', async () => {
    const text = [
      line({ 0: '1' }),
      'a\tline\twith\ttoo\tfew\tcolumns',
      line({ 0: 'x12' }),
      line({ 0: '3', 4: '91.5' }),
      line({ 0: '4', 5: '' }),
      line({ 0: '5', 1: ' ' }),
      line({ 0: '6', 14: '12k' }),
      line({ 0: '1', 1: 'Again' }),
      '',
      line({ 0: '7' }),
    ].join('\n');
    const result = await new GeonamesLoader(kb).loadText(text);
    expect(result.entities.map((e) => e.id)).toEqual(['location:geonames-1', 'location:geonames-7']);
    expect(result.errorCount).toBe(7);
    expect(result.errors.map((e) => [e.line, e.reason])).toEqual([
      [2, 'expected 19 tab-separated columns, found 6'],
      [3, 'geonameid "x12" is not a number'],
      [4, 'latitude "91.5" out of range'],
      [5, 'longitude "" out of range'],
      [6, 'empty name'],
      [7, 'population "12k" is not a whole number'],
      [8, 'duplicate geonameid'],
    ]);

    const capped = await new GeonamesLoader(kb, { maxErrors: 2 }).loadText(text);
    expect(capped.errorCount).toBe(7);
    expect(capped.errors).toHaveLength(2);
  });

  it('takes Arabic names from alternateNamesV2 where given, instead of guessing from the script', async () => {
    const arabicNames = new Map([['1526384', ['ألماتي', 'ألماطي']]]);
    const result = await new GeonamesLoader(kb, { minPopulation: 1000, arabicNames }).loadFile(SAMPLE);
    const almaty = result.entities.find((e) => e.name === 'Almaty');
    expect(almaty?.nameAr).toBe('ألماتي');
    expect(almaty?.aliases).toEqual(expect.arrayContaining(['ألماتي', 'ألماطي']));
    // Places absent from the map still get the script guess.
    expect(result.entities.find((e) => e.name === 'Cairo')?.nameAr).toBe('القاهرة');
  });

  it('feeds a merged knowledge base whose gazetteer finds the loaded places in Arabic text', async () => {
    // A town too small for the bundled knowledge base, in the dump format.
    const town = line({ 0: '9001', 1: 'Qaryat Tajriba', 2: 'Qaryat Tajriba', 3: 'Qaryat Tajriba,قرية تجربة', 8: 'SA', 14: '5000' });
    const { entities } = await new GeonamesLoader(kb).loadText(town);
    const bundledIds = new Set(kb.entities.map((e) => e.id));
    const merged = new KnowledgeBase([...kb.entities, ...entities.filter((e) => !bundledIds.has(e.id))], kb.stopPhrases);
    const matcher = new GazetteerMatcher(merged);
    const text = 'وصل الوفد إلى قرية تجربة قادما من جدة';
    expect(matcher.match(text).map((m) => [m.entityId, m.text])).toEqual([
      ['location:geonames-9001', 'قرية تجربة'],
      ['location:jeddah', 'جدة'],
    ]);
    expect(merged.get('location:geonames-9001')).toMatchObject({ countryCode: 'SAU', population: 5000, placeType: 'city' });
    // Where a bundled place already owns the name, it keeps it.
    expect(matcher.match('في ألماتي').map((m) => m.entityId)).toEqual(['location:almaty']);
  });

  it('streams a file line by line without reading it whole', async () => {
    const lines: string[] = [];
    for await (const l of linesOfFile(SAMPLE)) lines.push(l);
    expect(lines).toHaveLength(12);
    expect(lines[0].split('\t')).toHaveLength(19);
  });
});
