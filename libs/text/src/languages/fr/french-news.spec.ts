import { keptText, readArticle } from '../../article/article-reader';
import { classifyChromeLine, KEY_MAX_WORDS } from '../../article/chrome-line-classifier';
import { extractDates } from '../../dates/date-extractor';
import { normalizeForMatching } from '../../normalize/arabic-normalizer';
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
    expect(found.map((q) => [q.value, q.text, q.category, q.qualifier])).toEqual([
      [2000, 'Au moins deux mille soldats', 'troops', 'at-least'],
      [2500, '2 500 personnes', 'displaced', null],
      [300, 'trois cents', 'other', null],
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

/** A French page as a site prints it: the article between its furniture. */
const PAGE = [
  'Mali : des renforts militaires déployés dans le nord',
  'Publié le 26 juillet 2015 à 10h30',
  'Mis à jour le 26 juillet 2015 à 12h05',
  'Partager',
  ARTICLE,
  "Les autorités maliennes ont indiqué que l'opération se poursuivrait jusqu'à la fin du mois, selon un communiqué transmis à la presse.",
  'Lire aussi : Au Mali, la force de l’ONU renforce sa présence à Gao',
  'Abonnez-vous',
  'Newsletter',
  '© Le Journal 2015 – Tous droits réservés',
].join('\n');

function line(text: string): { text: string; words: number; key: string } {
  const words = text.split(/\s+/).filter((word) => word !== '').length;
  return { text, words, key: words <= KEY_MAX_WORDS ? normalizeForMatching(text) : '' };
}

describe('a French page', () => {
  it('is identified as French and keeps its article and title', () => {
    const article = readArticle({ body: PAGE });
    expect(article.language).toBe('fr');
    expect(article.title).toBe('Mali : des renforts militaires déployés dans le nord');
    expect(keptText(article)).toBe([ARTICLE.split('\n').join('\n\n'), PAGE.split('\n')[6]].join('\n\n'));
  });

  it('has its chrome lines removed, each for what it is', () => {
    const article = readArticle({ body: PAGE });
    expect(article.removed.map((r) => [article.source.slice(r.start, r.end), r.reason])).toEqual([
      ['Publié le 26 juillet 2015 à 10h30', 'date-line'],
      ['Mis à jour le 26 juillet 2015 à 12h05', 'date-line'],
      ['Partager', 'share-link'],
      ['Lire aussi : Au Mali, la force de l’ONU renforce sa présence à Gao', 'related-list'],
      ['Abonnez-vous', 'app-promo'],
      ['Newsletter', 'app-promo'],
      ['© Le Journal 2015 – Tous droits réservés', 'site-header'],
    ]);
  });

  it.each([
    ['Partager sur Facebook', 'share-link'],
    ['Imprimer', 'share-link'],
    ['Lire la suite', 'continuation-marker'],
    ['Tous droits réservés', 'site-header'],
    ['Jeudi 23 juillet 2015', 'date-line'],
  ])('"%s" is %s on a French page', (text, reason) => {
    expect(classifyChromeLine(line(text), 'fr')).toBe(reason);
  });

  it('reads French chrome words only on French pages: an English "Newsletter" line stays', () => {
    expect(classifyChromeLine(line('Newsletter'), 'fr')).toBe('app-promo');
    expect(classifyChromeLine(line('Newsletter'), 'en')).toBeNull();
    expect(classifyChromeLine(line('Newsletter'))).toBeNull();
  });
});
