import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildKbData, currentSources } from './build-kb';
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

  // Intl names come from the CLDR inside Node: the committed data can only be reproduced with the same sources.
  const sameSources = JSON.stringify(committed('sources.json')) === JSON.stringify(currentSources());
  (sameSources ? it : it.skip)('matches the committed data files (regenerate with npm run kb:build)', () => {
    expect(committed('countries.json')).toEqual(data.countries);
    expect(committed('organizations.json')).toEqual(data.organizations);
    expect(committed('locations.json')).toEqual(data.locations);
    expect(committed('persons.json')).toEqual(data.persons);
    expect(committed('stop-phrases.json')).toEqual(data.stopPhrases);
  });
});
