import { GEONAMES_ERROR_TEXT_LENGTH, GeonamesLineError } from './geonames-line-error';
import { LineSource, linesOfFile, linesOfText } from './line-source';

/** Columns of `alternateNamesV2.txt`: alternateNameId, geonameid, isolanguage, alternate name, isPreferredName, isShortName, isColloquial, isHistoric, from, to. */
const COLUMNS = 10;
const COL = { geonameId: 1, language: 2, name: 3, preferred: 4, short: 5, colloquial: 6, historic: 7 } as const;

export interface GeonamesAlternateNamesResult {
  /** Names by geonameid, the preferred name first, then short names, then the rest in file order. */
  names: Map<string, string[]>;
  lines: number;
  errorCount: number;
  /** The first 100 malformed lines. */
  errors: GeonamesLineError[];
}

const MAX_ERRORS = 100;

/**
 * Reads the names of one language from GeoNames' `alternateNamesV2.txt`.
 * The `alternatenames` column of the main dump has no language, so an
 * Arabic-script name there may be Persian or Urdu; this file says `ar`.
 * Only the chosen language is kept in memory (a few hundred thousand names
 * for Arabic out of some 18 million lines). Colloquial and historic names
 * are left out: a gazetteer for news wants the names in use.
 */
export class GeonamesAlternateNamesLoader {
  constructor(private readonly language = 'ar') {}

  loadFile(path: string): Promise<GeonamesAlternateNamesResult> {
    return this.load(linesOfFile(path));
  }

  loadText(text: string): Promise<GeonamesAlternateNamesResult> {
    return this.load(linesOfText(text));
  }

  async load(source: LineSource): Promise<GeonamesAlternateNamesResult> {
    const ranked = new Map<string, { name: string; rank: number; order: number }[]>();
    const result: GeonamesAlternateNamesResult = { names: new Map(), lines: 0, errorCount: 0, errors: [] };
    let order = 0;
    for await (const line of source) {
      result.lines++;
      if (line.trim() === '') continue;
      const cols = line.split('\t');
      let reason: string | undefined;
      if (cols.length !== COLUMNS) reason = `expected ${COLUMNS} tab-separated columns, found ${cols.length}`;
      else if (!/^\d+$/.test(cols[COL.geonameId])) reason = 'geonameid is not a number';
      if (reason) {
        result.errorCount++;
        if (result.errors.length < MAX_ERRORS) result.errors.push({ line: result.lines, reason, text: line.slice(0, GEONAMES_ERROR_TEXT_LENGTH) });
        continue;
      }
      if (cols[COL.language] !== this.language || cols[COL.colloquial] === '1' || cols[COL.historic] === '1') continue;
      const name = cols[COL.name].trim();
      if (!name) continue;
      const rank = cols[COL.preferred] === '1' ? 0 : cols[COL.short] === '1' ? 1 : 2;
      const list = ranked.get(cols[COL.geonameId]) ?? [];
      if (!list.some((n) => n.name === name)) list.push({ name, rank, order: order++ });
      ranked.set(cols[COL.geonameId], list);
    }
    for (const [id, list] of ranked) {
      result.names.set(id, list.sort((a, b) => a.rank - b.rank || a.order - b.order).map((n) => n.name));
    }
    return result;
  }
}
