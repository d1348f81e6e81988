import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CuratedDataError, readCuratedData } from './curated-data';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function curatedDir(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kb-curated-'));
  dirs.push(dir);
  const all = {
    'countries.json': { countries: {} },
    'organizations.json': { organizations: [] },
    'locations.json': { locations: [] },
    'persons.json': { persons: [] },
    'stop-phrases.json': { stopPhrases: [] },
    ...files,
  };
  for (const [file, content] of Object.entries(all)) writeFileSync(join(dir, file), JSON.stringify(content));
  return dir;
}

describe('readCuratedData', () => {
  it('reads the repository curated files', () => {
    const data = readCuratedData(join(__dirname, '..', '..', 'libs', 'kb', 'curated'));
    expect(data.organizations.find((o) => o.id === 'org:csto')?.type).toBe('organization');
    expect(data.stopPhrases.every((s) => s.why.length > 0)).toBe(true);
  });

  it('names the file and entry at fault', () => {
    expect(() => readCuratedData(curatedDir({ 'countries.json': { countries: { KZ: {} } } }))).toThrow(CuratedDataError);
    expect(() => readCuratedData(curatedDir({ 'persons.json': { persons: [{ id: 'putin', name: 'Putin', aliases: [] }] } }))).toThrow(
      /persons\.json: persons\[0\]\.id must start with "person:"/,
    );
    expect(() => readCuratedData(curatedDir({ 'stop-phrases.json': { stopPhrases: [{ phrase: 'عمان' }] } }))).toThrow(/needs a phrase and a why/);
  });
});
