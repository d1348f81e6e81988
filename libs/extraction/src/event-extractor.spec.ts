import type { ArticleTranslatedV1 } from '@eventwire/contracts';
import { ArticleIngester } from '@eventwire/ingestion';
import { KnowledgeBase } from '@eventwire/kb';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EventExtractor } from './event-extractor';

const seed = (name: string): string => readFileSync(join(__dirname, '..', '..', '..', 'seeds', name), 'utf8');
const ingester = new ArticleIngester({ maxBodyBytes: 1024 * 1024, now: () => new Date('2026-11-23T00:00:00Z') });

function translated(body: string, extra: { publishedAt?: string; language?: string } = {}, target = 'en', title: string | null = '[gist] test'): ArticleTranslatedV1 {
  const ingested = ingester.ingest({ body, ...extra });
  return {
    ...ingested,
    translation: { engine: 'stub', engineVersion: '1', target, title, segments: [], glossary: [] },
  };
}

describe(EventExtractor.name, () => {
  const extractor = new EventExtractor(KnowledgeBase.bundled());

  it('reads a real seed: countries across spellings, the event date, quantities with spans into the body', () => {
    const article = translated(seed('004_32a7d781b44889d9.txt'));
    const event = extractor.extract(article);
    const countries = event.entities.filter((e) => e.type === 'country').map((e) => e.countryCode);
    expect(countries).toEqual(expect.arrayContaining(['KAZ', 'RUS', 'ARM', 'BLR', 'KGZ', 'TJK', 'AFG', 'USA']));
    expect(event.eventDate.date).toBe('2022-01-06');
    const injured = event.quantities.find((q) => q.category === 'injured' && q.value === 1000)!;
    expect(injured).toMatchObject({ approximate: true, qualifier: 'more-than' });
    for (const entity of event.entities) {
      for (const m of entity.mentions) expect(article.body.slice(m.start, m.end)).toBe(m.text);
    }
    for (const q of event.quantities) expect(article.body.slice(q.start, q.end)).toBe(q.text);
    expect(event.titleEn).toBe('[gist] test');
    expect(event.titleTranslation).toEqual({ language: 'en', text: '[gist] test' });
  });

  it("names the translated title's language, and keeps a translation into French out of the English title", () => {
    const body = seed('004_32a7d781b44889d9.txt');
    const french = extractor.extract(translated(body, {}, 'fr', 'La Russie envoie des troupes au Kazakhstan'));
    expect(french.titleTranslation).toEqual({ language: 'fr', text: 'La Russie envoie des troupes au Kazakhstan' });
    expect(french.titleEn).toBeNull();
    const untitled = extractor.extract(translated(body, {}, 'fr', null));
    expect(untitled.titleTranslation).toBeNull();
    expect(untitled.titleEn).toBeNull();
  });

  it("gives an English article's own title as its English title, whatever the translation's language", () => {
    const body = 'Russian troops arrive in Kazakhstan\n\nRussian troops arrived in Kazakhstan on Monday, officials said.';
    const article = translated(body, { language: 'en' }, 'fr', 'Des troupes russes arrivent au Kazakhstan');
    expect(article.title).toBe('Russian troops arrive in Kazakhstan');
    const event = extractor.extract(article);
    expect(event.titleEn).toBe('Russian troops arrive in Kazakhstan');
    expect(event.titleTranslation).toEqual({ language: 'fr', text: 'Des troupes russes arrivent au Kazakhstan' });
  });

  it('carries the body its offsets point into, so every span reads back from the record alone', () => {
    const article = translated(seed('004_32a7d781b44889d9.txt'));
    const event = extractor.extract(article);
    const body = event.body!;
    expect(body).toBe(article.body);
    const spans = [...event.entities.flatMap((e) => e.mentions), ...event.quantities, ...event.quotes];
    expect(event.quantities.length).toBeGreaterThan(0);
    expect(event.quotes.length).toBeGreaterThan(0);
    for (const span of spans) expect(body.slice(span.start, span.end)).toBe(span.text);
  });

  it('does not report facts from page chrome or an unrelated link list', () => {
    const event = extractor.extract(translated(seed('002_030cbb14993c2279.txt')));
    const codes = event.entities.map((e) => e.countryCode);
    expect(codes).not.toContain('JPN');
    expect(codes).not.toContain('IRQ');
    expect(event.quantities.map((q) => q.value)).not.toContain(200);
    expect(event.eventDate.date).toBeNull();
  });

  it('reads English text too, anchoring "on Monday" to the publication date', () => {
    const event = extractor.extract(
      translated('Russian troops arrived in Kazakhstan on Monday, and about 2,500 peacekeepers will be deployed, officials said.', {
        publishedAt: '2022-01-11T09:00:00Z',
      }),
    );
    expect(event.entities.map((e) => e.id)).toEqual(expect.arrayContaining(['country:RUS', 'country:KAZ']));
    expect(event.quantities).toEqual(expect.arrayContaining([expect.objectContaining({ value: 2500, approximate: true })]));
    expect(event.eventDate.date).toBe('2022-01-10');
  });

  it('reports a cited news outlet as a media source, not as an organisation of the event', () => {
    const body =
      'قالت وكالة رويترز إن الاتحاد الأوروبي فرض عقوبات جديدة على روسيا، وفقا لما نقلته قناة الجزيرة.\n\n' +
      'Reuters reported that NATO ministers met in Brussels, the Associated Press said.';
    const article = translated(body);
    const event = extractor.extract(article);
    expect(event.mediaSources!.map((e) => e.id).sort()).toEqual(['org:al-jazeera', 'org:ap', 'org:reuters']);
    expect(event.entities.map((e) => e.id)).toEqual(expect.arrayContaining(['org:eu', 'org:nato', 'country:RUS']));
    expect(event.entities.map((e) => e.id)).not.toEqual(expect.arrayContaining(['org:reuters']));
    const reuters = event.mediaSources!.find((e) => e.id === 'org:reuters')!;
    expect(reuters).toMatchObject({ type: 'organization', name: 'Reuters', sectors: ['MED'] });
    expect(reuters.mentions.map((m) => m.text)).toEqual(['رويترز', 'Reuters']);
    for (const m of reuters.mentions) expect(article.body.slice(m.start, m.end)).toBe(m.text);
    expect(event.entities.find((e) => e.id === 'org:nato')?.sectors).toEqual(['IGO']);
  });

  it('names a listed country without the descriptor the knowledge base includes, where the tagger reads the name inside it', () => {
    const article = translated('وصل أمير دولة قطر إلى الرياض اليوم في زيارة رسمية تستمر يومين.');
    const qatar = extractor.extract(article).entities.find((e) => e.id === 'country:QAT')!;
    expect(qatar.mentions.map((m) => [m.text, m.form])).toEqual([['قطر', 'name']]);
    for (const m of qatar.mentions) expect(article.body.slice(m.start, m.end)).toBe(m.text);
  });

  it("reports a demonym the tagger reads as an agency's credit as that organisation, not as the country", () => {
    const article = translated('شرطي يحرس مدخل المحكمة في القاهرة ( الفرنسية ) قالت الشرطة امس ان المتهمين سيمثلون امام القضاء الاسبوع المقبل');
    const event = extractor.extract(article);
    const credit = event.entities.filter((e) => e.mentions.some((m) => m.text === 'الفرنسية'));
    expect(credit.map((e) => [e.type, e.mentions.map((m) => m.form)])).toEqual([['organization', ['name']]]);
    expect(event.entities.find((e) => e.id === 'country:FRA')).toBeUndefined();
    // Elsewhere a demonym stays the country's adjective.
    const other = extractor.extract(translated('وصلت القوات الفرنسية إلى المدينة صباح اليوم بعد اشتباكات عنيفة'));
    expect(other.entities.find((e) => e.id === 'country:FRA')?.mentions.map((m) => m.form)).toEqual(['demonym']);
  });

  it('adds people the KB does not know, found from their titles, beside the KB people', () => {
    const body =
      'قال وزير الدفاع الروسي، سيرغي شويغو، إن القوات ستنسحب.\n\n' +
      'وقال وزير الخارجية الأردني ناصر جودة إن بلاده تتابع الوضع. وأضاف جودة أن الحوار هو الحل.';
    const article = translated(body);
    const event = extractor.extract(article);
    const persons = event.entities.filter((e) => e.type === 'person');
    expect(persons.map((e) => e.id).sort()).toEqual(['person:nasr-jwdh', 'person:sergei-shoigu']);
    const judeh = persons.find((e) => e.id === 'person:nasr-jwdh')!;
    expect(judeh).toMatchObject({ name: 'ناصر جودة', countryCode: 'JOR' });
    expect(judeh.mentions.map((m) => m.text)).toEqual(['ناصر جودة', 'جودة']);
    for (const m of judeh.mentions) expect(article.body.slice(m.start, m.end)).toBe(m.text);
  });

  it('says how each mention is written and finds people the knowledge base lacks through the tagger', () => {
    const article = translated(seed('002_030cbb14993c2279.txt'));
    const event = extractor.extract(article);
    const usa = event.entities.find((e) => e.id === 'country:USA')!;
    expect(new Set(usa.mentions.map((m) => m.form))).toEqual(new Set(['name', 'demonym']));
    for (const m of usa.mentions) expect(m.form === 'demonym').toBe(/^(ال)?أمريكي/.test(m.text));
    // "برايس" alone, later in the article, is the knowledge base's Ned Price, not a new person.
    const price = event.entities.filter((e) => e.mentions.some((m) => m.text === 'برايس'));
    expect(price.map((e) => e.id)).toEqual(['person:ned-price']);
    for (const entity of event.entities) for (const m of entity.mentions) expect(m.form).toBeDefined();
  });

  it('still reads Arabic with the knowledge base alone when the tagger is switched off', () => {
    const alone = new EventExtractor(KnowledgeBase.bundled(), undefined, null);
    const event = alone.extract(translated(seed('004_32a7d781b44889d9.txt')));
    expect(event.entities.map((e) => e.id)).toContain('country:KAZ');
    expect(event.entities.every((e) => !e.id.startsWith('location:') || e.name !== 'الشرق الأوسط')).toBe(true);
  });
});
