import { extractDates } from '../../dates/date-extractor';
import { resolveEventDate } from '../../dates/event-date-resolver';
import { extractQuantities } from '../../quantities/quantity-extractor';

/** A French article as a Maghrebi outlet publishes it; the sentences are written for the test. */
const ARTICLE = [
  "Au moins deux mille soldats ont été déployés le 25 juillet 2015 dans la région de Kidal, a annoncé jeudi le ministère de la Défense.",
  "Selon un bilan officiel, 2 500 personnes ont été déplacées et trois cents maisons détruites depuis le 3 mars.",
].join('\n');

describe('a French article', () => {
  it('has its dates read in French: "25 juillet 2015", "jeudi", "le 3 mars"', () => {
    const found = extractDates(ARTICLE, 'fr');
    expect(found.map((m) => [m.text, m.kind, m.date, m.month, m.day, m.weekday])).toEqual([
      ['25 juillet 2015', 'explicit', '2015-07-25', 7, 25, null],
      ['jeudi', 'weekday', null, null, null, 4],
      ['3 mars', 'explicit', null, 3, 3, null],
    ]);
  });

  it('has its event date: the first full date, as written', () => {
    expect(resolveEventDate({ text: ARTICLE, language: 'fr', publishedAt: '2015-07-26T09:00:00Z', ingestedAt: '2015-07-26T10:00:00Z' })).toMatchObject({
      date: '2015-07-25',
      basis: 'explicit',
    });
  });

  it('has its counts read, and no part of a date taken for one', () => {
    const found = extractQuantities(ARTICLE, 'fr');
    expect(found.map((q) => [q.value, q.text])).toEqual([
      [2000, 'deux mille'],
      [2500, '2 500'],
      [300, 'trois cents'],
    ]);
  });

  it('is read as before when it is not said to be French: French month and number words are not Arabic or English ones', () => {
    expect(extractDates('le 25 juillet, or July 25, 2015', 'en').map((m) => m.text)).toEqual(['July 25, 2015']);
    expect(extractQuantities('deux mille soldats', 'en')).toEqual([]);
  });

  it.each([
    ['le 1er mars 2016', '2016-03-01'],
    ['Le 14 Février 2011', '2011-02-14'],
    ['le 15 aout 2014', '2014-08-15'],
    ['le 2 déc. 2019', '2019-12-02'],
    ['lundi 7 décembre 2026', '2026-12-07'],
  ])('reads %s as %s', (text, date) => {
    expect(extractDates(text, 'fr')).toEqual([expect.objectContaining({ date })]);
  });
});
