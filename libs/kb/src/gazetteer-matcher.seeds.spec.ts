import { tokenize } from '@eventwire/text';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GazetteerMatcher } from './gazetteer-matcher';
import { KnowledgeBase } from './knowledge-base';

/**
 * The five seed articles (real Arabic news about the CSTO deployment to
 * Kazakhstan in January 2022) against the hand annotation of the shared
 * evaluation set, copied here because tests must pass without that folder.
 * The caller strips page chrome, so only the article paragraphs are used,
 * picked by line number (1-based, inclusive).
 */
interface SeedCase {
  file: string;
  lines: Array<[number, number]>;
  countries: string[];
  organizations: string[];
  persons: string[];
  locations: string[];
}

const SEEDS: SeedCase[] = [
  {
    file: '000_bad8e802af1c2755',
    lines: [[13, 13], [19, 39]],
    countries: ['KAZ', 'RUS', 'BLR', 'ARM', 'TJK', 'KGZ', 'USA'],
    organizations: ['org:csto', 'org:un'],
    persons: ['person:jen-psaki', 'person:stephane-dujarric'],
    locations: [],
  },
  {
    file: '001_92923d39de616abf',
    lines: [[1, 1], [5, 25]],
    countries: ['KAZ', 'RUS', 'BLR', 'ARM', 'TJK', 'KGZ', 'SYR'],
    organizations: ['org:csto'],
    persons: ['person:sergei-shoigu', 'person:kassym-jomart-tokayev'],
    locations: ['location:almaty', 'location:astana'],
  },
  {
    file: '002_030cbb14993c2279',
    lines: [[1, 4], [18, 27]],
    countries: ['USA', 'RUS', 'KAZ'],
    organizations: ['org:csto', 'org:un'],
    persons: ['person:ned-price', 'person:michelle-bachelet', 'person:kassym-jomart-tokayev'],
    locations: ['location:astana', 'location:almaty'],
  },
  {
    file: '003_c6bd811635cf9353',
    lines: [[1, 1], [8, 28]],
    countries: ['RUS', 'KAZ', 'BLR', 'ARM', 'TJK', 'KGZ'],
    organizations: ['org:csto'],
    persons: ['person:kassym-jomart-tokayev'],
    locations: ['location:zhanaozen', 'location:aktau', 'location:mangystau-region', 'location:almaty'],
  },
  {
    file: '004_32a7d781b44889d9',
    lines: [[1, 28]],
    countries: ['KAZ', 'RUS', 'ARM', 'BLR', 'KGZ', 'TJK', 'AFG', 'USA'],
    organizations: ['org:csto', 'org:eu'],
    persons: ['person:nikol-pashinyan', 'person:kassym-jomart-tokayev', 'person:jen-psaki'],
    locations: ['location:almaty', 'location:astana', 'location:moscow'],
  },
];

function paragraphs(seed: SeedCase): string[] {
  const lines = readFileSync(join(__dirname, '..', '..', '..', 'seeds', `${seed.file}.txt`), 'utf8').split('\n');
  return seed.lines.flatMap(([from, to]) => lines.slice(from - 1, to)).filter((line) => line.trim() !== '');
}

describe(GazetteerMatcher.name, () => {
  const kb = KnowledgeBase.bundled();
  const matcher = new GazetteerMatcher(kb);

  describe.each(SEEDS)('on seed article $file', (seed) => {
    const perParagraph = paragraphs(seed).map((text) => ({ text, matches: matcher.match(text) }));
    const found = perParagraph.flatMap((p) => p.matches);
    const ofType = (type: string): string[] => [...new Set(found.map((m) => m.entityId).filter((id) => kb.get(id)?.type === type))].sort();

    it('reports every mention at its offsets in the paragraph', () => {
      for (const { text, matches } of perParagraph) for (const m of matches) expect(text.slice(m.start, m.end)).toBe(m.text);
    });

    it('finds the same mentions when given the words of the text tokenizer, twice (the second time from their records)', () => {
      for (const { text, matches } of perParagraph) {
        expect(matcher.match(text, tokenize(text))).toEqual(matches);
        expect(matcher.match(text, tokenize(text))).toEqual(matches);
      }
    });

    it('finds exactly the annotated countries', () => {
      const countries = ofType('country').map((id) => kb.get(id)?.countryCode);
      expect(countries.sort()).toEqual([...seed.countries].sort());
    });

    it('finds the annotated organisations, people and places', () => {
      expect(ofType('organization')).toEqual(expect.arrayContaining(seed.organizations));
      expect(ofType('person')).toEqual(expect.arrayContaining(seed.persons));
      expect(ofType('location')).toEqual(expect.arrayContaining(seed.locations));
    });
  });

  it('finds the unlisted variants of the seed texts through proclitics and demonyms', () => {
    const text = paragraphs(SEEDS[0]).join('\n');
    const vias = new Set(matcher.match(text).map((m) => `${m.entityId}/${m.via}`));
    expect([...vias]).toEqual(expect.arrayContaining(['country:BLR/clitic', 'country:RUS/demonym', 'country:USA/clitic', 'country:KAZ/demonym']));
  });
});
