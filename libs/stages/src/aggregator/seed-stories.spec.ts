import { buildStoryRecord, StoryClusterer } from '@eventwire/clustering';
import type { EventExtractedV1, RawArticleV1 } from '@eventwire/contracts';
import { EventExtractor } from '@eventwire/extraction';
import { ArticleIngester } from '@eventwire/ingestion';
import { KnowledgeBase } from '@eventwire/kb';
import { ArticleTranslator, KbTermMatcher, StubTranslationEngine } from '@eventwire/translation';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The five seed articles (one story, five outlets, many spellings) through the real stages, then the clusterer. */
describe('stories from the seed articles', () => {
  const seeds = join(__dirname, '..', '..', '..', '..', 'seeds');
  let events: EventExtractedV1[];
  let extract: (body: string, file: string) => Promise<EventExtractedV1>;
  let extractRaw: (raw: RawArticleV1) => Promise<EventExtractedV1>;
  const seedTexts = (): string[] =>
    readdirSync(seeds)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => readFileSync(join(seeds, f), 'utf8'));
  const storyOf = (articles: EventExtractedV1[]) => {
    const clusterer = new StoryClusterer();
    for (const e of articles) clusterer.add(e);
    const stories = [...clusterer.stories()];
    expect(stories).toHaveLength(1);
    return buildStoryRecord(stories[0]!, new Date('2022-01-12T00:00:00Z'));
  };

  beforeAll(async () => {
    const kb = KnowledgeBase.bundled();
    const ingester = new ArticleIngester({ maxBodyBytes: 8 * 1024 * 1024 });
    const translator = new ArticleTranslator(new StubTranslationEngine(new KbTermMatcher(kb)), 'en');
    const extractor = new EventExtractor(kb);
    extract = async (body, file) => extractor.extract(await translator.translate(ingester.ingest({ body, file, format: 'txt' })));
    extractRaw = async (raw) => extractor.extract(await translator.translate(ingester.ingest(raw)));
    events = [];
    for (const file of readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort()) {
      const ingested = ingester.ingest({ body: readFileSync(join(seeds, file), 'utf8'), file, format: 'txt' });
      events.push(extractor.extract(await translator.translate(ingested)));
    }
  });

  it('forms one story of all five articles in every one of the 120 orders they can arrive in', () => {
    const permutations = (xs: EventExtractedV1[]): EventExtractedV1[][] =>
      xs.length <= 1 ? [xs] : xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((rest) => [x, ...rest]));
    const orders = permutations(events);
    expect(orders).toHaveLength(120);
    for (const order of orders) {
      const clusterer = new StoryClusterer();
      const ids = new Set(order.map((e) => clusterer.add(e).storyId).map((id) => clusterer.get(id)!.storyId));
      expect(ids.size).toBe(1);
      expect(clusterer.get([...ids][0]!)!.articles).toHaveLength(5);
    }
  });

  it('closes a story when it is full: with room for three articles, the five seeds make a story of three and one that goes on', () => {
    for (const order of [events, [...events].reverse()]) {
      const clusterer = new StoryClusterer({ maxStoryArticles: 3 });
      const ids = order.map((e) => clusterer.add(e).storyId);
      const sizes = [...new Set(ids.map((id) => clusterer.storyOf(order[ids.indexOf(id)]!.articleId)!))].map((id) => clusterer.get(id)!.articles.length);
      expect(sizes.sort()).toEqual([2, 3]);
    }
  });

  it('gives the story its dates, sources, events and the quantity claims with their articles', () => {
    const clusterer = new StoryClusterer();
    let storyId = '';
    for (const e of events) storyId = clusterer.add(e).storyId;
    const record = buildStoryRecord(clusterer.get(storyId)!, new Date('2022-01-12T00:00:00Z'));
    expect(record.numArticles).toBe(5);
    // Files name no outlet and no url: who published them is unknown, and five unknowns are one source, not five.
    expect(record.numSources).toBe(1);
    expect(record.dateRange).toEqual({ start: '2022-01-06', end: '2022-01-11' });
    expect(record.entities.find((e) => e.id === 'org:csto')?.articleCount).toBe(5);
    expect(record.entities.find((e) => e.id === 'country:KAZ')?.articleCount).toBe(5);

    // The deployment on 6 January and the withdrawal announced on 11 January.
    const events2 = record.events!;
    const deployment = events2.find((e) => e.date === '2022-01-06')!;
    const withdrawal = events2.find((e) => e.date === '2022-01-11')!;
    expect(deployment.articleIds.length).toBeGreaterThanOrEqual(3);
    expect(deployment.target.map((a) => a.id)).toContain('country:KAZ');
    expect(withdrawal.type).toBe('RETREAT');
    expect(withdrawal.source.map((a) => a.id)).toContain('org:csto');

    // "About 2,500" peacekeepers, as the article that says so says it.
    const peacekeepers = record.quantities.find((q) => q.category === 'peacekeepers')!;
    expect(peacekeepers.claims).toEqual([expect.objectContaining({ value: 2500, approximate: true, articleIds: [expect.any(String)] })]);
    const claimant = events.find((e) => e.articleId === peacekeepers.claims[0]!.articleIds[0])!;
    expect(claimant.quantities.some((q) => q.value === 2500)).toBe(true);
  });

  it('lets an English report of the same events join the Arabic story through its canonical entities, and keeps an unrelated one out', async () => {
    const clusterer = new StoryClusterer();
    let storyId = '';
    for (const e of events) storyId = clusterer.add(e).storyId;
    const english = await extract(
      'Russian-led troops arrive in Kazakhstan as unrest spreads\n\n' +
        'ALMATY (Reuters) - Troops from the Russian-led Collective Security Treaty Organization (CSTO) arrived in Kazakhstan on Friday ' +
        'after President Kassym-Jomart Tokayev asked the alliance for help to quell protests.\n\n' +
        'The CSTO said about 2,500 peacekeepers from Russia, Belarus, Armenia, Tajikistan and Kyrgyzstan would guard state buildings in Almaty.',
      'reuters-en.txt',
    );
    expect(english.language).toBe('en');
    expect(clusterer.add(english)).toMatchObject({ kind: 'joined', storyId });
    expect(buildStoryRecord(clusterer.get(storyId)!, new Date()).languages).toEqual(['ar', 'en']);
    const unrelated = await extract(
      'Floods hit Jeddah after heavy rain\n\nJEDDAH (Reuters) - Heavy rain flooded streets in Jeddah on Tuesday, and the civil defence said schools would close.',
      'floods-en.txt',
    );
    expect(clusterer.add(unrelated).kind).toBe('created');
  });

  it('gives every article and the story an English gist of the title from the stub, naming its countries, organisations and people', () => {
    // What each seed's Arabic title names, read by a person: the gist must name these, in English, and nothing else.
    const named: Record<string, string[]> = {
      '000': ['CSTO', 'Russia', 'Kazakhstan'], // منظمة معاهدة الأمن الجماعي بقيادة روسيا ترسل قوات حفظ سلام إلى كازاخستان
      '001': ['Sergei Shoigu', 'CSTO', 'Kazakhstan'], // شويغو: تنتهي مهمة قوات الأمن الجماعي في كازاخستان ...
      '002': ['Ministry of Foreign Affairs of United States', 'Russia', 'Kazakhstan'], // الخارجية الأمريكية: نراقب عن كثب نشر قوات تقودها روسيا فى كازاخستان
      '003': ['Ministry of Foreign Affairs of Russia', 'Kazakhstan'], // الخارجية الروسية: الأحداث في كازاخستان ...
      '004': ['CSTO', 'Kazakhstan'], // طلائع قوات منظمة الأمن الجماعي تصل إلى كازاخستان
    };
    expect(events).toHaveLength(5);
    for (const event of events) {
      const seed = event.source.file!.slice(0, 3);
      expect(event.titleEn).toBe(`[gist] ${named[seed]!.join(' · ')}`);
      expect(event.titleTranslation).toEqual({ language: 'en', text: event.titleEn });
    }
    const clusterer = new StoryClusterer();
    let storyId = '';
    for (const e of events) storyId = clusterer.add(e).storyId;
    const record = buildStoryRecord(clusterer.get(storyId)!, new Date());
    expect(record.titleEn).toBe(events.find((e) => e.articleId === record.titleArticleId)!.titleEn);
    expect(record.titleTranslation).toEqual({ language: 'en', text: record.titleEn });
    for (const article of record.articles) expect(article.titleEn).toMatch(/^\[gist\] .*Kazakhstan$/);
  });

  it('counts articles sent without an outlet as one "unknown" source, and by the host of their url when they have one', async () => {
    // The five texts sent twice over HTTP with only a body (the same text keeps its id), and once more with a
    // paragraph added (a new article where the paragraph is kept rather than set aside as page chrome).
    const bare: EventExtractedV1[] = [];
    for (const body of seedTexts()) {
      bare.push(await extractRaw({ body }), await extractRaw({ body }));
      bare.push(await extractRaw({ body: `${body}\n\nوقال مراسلنا إن الوضع لا يزال متوترا في المدينة حتى مساء اليوم.` }));
    }
    const distinct = new Set(bare.map((e) => e.articleId)).size;
    expect(distinct).toBeGreaterThan(5);
    expect(bare.every((e) => e.source.outlet === null && e.source.url === null)).toBe(true);
    expect(storyOf(bare)).toMatchObject({ numArticles: distinct, numSources: 1 });

    // With urls and no outlet: the host is the source (www. and case aside), so two pages of one site are one source.
    const hosts = ['www.youm7.com', 'UrduPoint.com', 'www.elsaha.com', 'ar.rt.com', 'youm7.com'];
    const linked: EventExtractedV1[] = [];
    for (const [i, body] of seedTexts().entries()) linked.push(await extractRaw({ body, url: `https://${hosts[i]}/news/${i}` }));
    expect(linked.map((e) => e.source.outlet)).toEqual(['youm7.com', 'urdupoint.com', 'elsaha.com', 'ar.rt.com', 'youm7.com']);
    expect(storyOf(linked)).toMatchObject({ numArticles: 5, numSources: 4 });

    // An url that is no url counts as unknown, with the bare articles.
    const odd = await extractRaw({ body: seedTexts()[0]!, url: 'not a url' });
    expect(odd.source.outlet).toBeNull();
    expect(storyOf([...bare, odd])).toMatchObject({ numArticles: distinct, numSources: 1 });
  });

  it('counts a replayed article once', () => {
    const clusterer = new StoryClusterer();
    for (const e of [...events, ...events]) clusterer.add(e);
    const [story] = [...clusterer.stories()];
    expect(story!.articles).toHaveLength(5);
  });
});
