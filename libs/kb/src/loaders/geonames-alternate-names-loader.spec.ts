import { join } from 'node:path';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { GeonamesAlternateNamesLoader } from './geonames-alternate-names-loader';

/** Lines of `alternateNamesV2.txt`: alternateNameId, geonameid, isolanguage, name, isPreferredName, isShortName, isColloquial, isHistoric, from, to. */
const ALTERNATES = [
  ['9001', '1526384', 'fa', 'آلماتی', '', '', '', '', '', ''],
  ['9002', '1526384', 'ar', 'ألما آتا', '', '', '', '1', '', ''],
  ['9003', '1526384', 'ar', 'ألماطي', '', '', '', '', '', ''],
  ['9004', '1526384', 'ar', 'ألماتي', '1', '', '', '', '', ''],
  ['9005', '1526384', 'ar', 'الماتا', '', '', '1', '', '', ''],
  ['9006', '1526384', 'ar', 'ألماتي', '', '', '', '', '', ''],
  ['9007', '105343', 'ar', 'جدة', '', '', '', '', '', ''],
  ['9008', '105343', 'en', 'Jeddah', '1', '', '', '', '', ''],
  ['bad', 'line'],
].map((cols) => cols.join('\t'));

describe(GeonamesAlternateNamesLoader.name, () => {
  it('keeps the names of one language, preferred first, without historic, colloquial or repeated names', async () => {
    const { names, lines } = await new GeonamesAlternateNamesLoader().load(ALTERNATES);
    expect(lines).toBe(9);
    expect(names).toEqual(
      new Map([
        ['1526384', ['ألماتي', 'ألماطي']],
        ['105343', ['جدة']],
      ]),
    );
  });

  it('reads another language when asked', async () => {
    const { names } = await new GeonamesAlternateNamesLoader('en').loadText(ALTERNATES.join('\n'));
    expect(names).toEqual(new Map([['105343', ['Jeddah']]]));
  });

  it('reports malformed lines with their number and reason', async () => {
    const { errorCount, errors } = await new GeonamesAlternateNamesLoader().load(ALTERNATES);
    expect(errorCount).toBe(1);
    expect(errors).toEqual([{ line: 9, reason: 'expected 10 tab-separated columns, found 2', text: 'bad\tline' }]);
  });

  it('streams a file from its path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'geonames-'));
    try {
      const path = join(dir, 'alternateNamesV2.txt');
      writeFileSync(path, ALTERNATES.join('\n') + '\n');
      const { names } = await new GeonamesAlternateNamesLoader().loadFile(path);
      expect(names.get('105343')).toEqual(['جدة']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
