import type { ExtractedEntity } from '@eventwire/contracts';
import { syntheticEntity as entity, syntheticEvent as event, twoEventFront } from '../../../test/support/synthetic-events';
import { BUNDLED_JOIN_MODEL, checkJoinModel, JOIN_FEATURES, JoinModelMismatchError } from './join-model';
import { StoryClusterer } from './story-clusterer';
import type { StorySimilarity } from './story-similarity';
import { buildStoryRecord, sourceKey, UNKNOWN_SOURCE } from './story-record-builder';

describe(StoryClusterer.name, () => {
  it('decides with another similarity given in the model\'s place', () => {
    const compared: number[] = [];
    const similarity = (joins: boolean): StorySimilarity => ({
      joinThreshold: 0.5,
      mergeThreshold: 0.9,
      features: (a, _w, b) => {
        compared.push(b.size);
        return [a.size, b.size];
      },
      probability: () => (joins ? 1 : 0),
    });
    const names = ['country:KAZ', 'country:RUS', 'person:tokayev'];
    const apart = new StoryClusterer({ similarity: similarity(false) });
    const first = apart.add(event('a1', names));
    const second = apart.add(event('a2', names));
    expect(second.kind).toBe('created');
    expect(second.storyId).not.toBe(first.storyId);
    expect(compared).toEqual([1]);

    const together = new StoryClusterer({ similarity: similarity(true) });
    together.add(event('b1', names));
    // One shared name is enough when the similarity says so.
    expect(together.explain(event('b2', ['country:KAZ', 'country:ARM']))).toEqual([{ storyId: 'story-b1', features: [1, 1], probability: 1 }]);
    expect(together.add(event('b2', ['country:KAZ', 'country:ARM']))).toMatchObject({ kind: 'joined', storyId: 'story-b1' });
  });

  it('puts articles that share names and words into one story and others apart', () => {
    const clusterer = new StoryClusterer();
    const a = clusterer.add(event('a1', ['country:KAZ', 'country:RUS', 'person:tokayev']));
    const b = clusterer.add(event('a2', ['country:KAZ', 'person:tokayev', 'country:RUS', 'country:ARM']));
    const c = clusterer.add(event('a3', ['country:BRA', 'person:lula']));
    expect(a.kind).toBe('created');
    expect(b).toMatchObject({ kind: 'joined', storyId: a.storyId });
    expect(c.kind).toBe('created');
    expect(clusterer.size).toBe(2);
  });

  it('counts a redelivered article once', () => {
    const clusterer = new StoryClusterer();
    const first = clusterer.add(event('a1', ['country:KAZ']));
    expect(clusterer.add(event('a1', ['country:KAZ']))).toEqual({ kind: 'duplicate', storyId: first.storyId });
    expect(clusterer.get(first.storyId)!.articles).toHaveLength(1);
  });

  it('does not join a story published outside the time window', () => {
    const clusterer = new StoryClusterer({ windowDays: 14, maxCandidates: 10 });
    clusterer.add(event('old', ['country:KAZ', 'country:RUS'], { publishedAt: '2015-07-21T10:00:00Z', eventDate: { date: '2015-07-21', basis: 'explicit', evidence: [] } }));
    expect(clusterer.add(event('new', ['country:KAZ', 'country:RUS'])).kind).toBe('created');
  });

  it('opens a story for an article with no entities rather than guessing', () => {
    const clusterer = new StoryClusterer();
    clusterer.add(event('a1', ['country:KAZ']));
    expect(clusterer.add(event('a2', [])).kind).toBe('created');
  });
});

describe(buildStoryRecord.name, () => {
  it('merges facts with their sources and flags quantities that disagree beyond rounding', () => {
    const clusterer = new StoryClusterer();
    const q = (value: number, approximate: boolean) => ({
      value,
      approximate,
      ...(approximate ? { qualifier: 'about' } : {}),
      category: 'peacekeepers',
      text: String(value),
      start: 0,
      end: 4,
    });
    const { storyId } = clusterer.add(event('a1', ['country:KAZ', 'country:RUS'], { quantities: [q(2500, true)] }));
    clusterer.add(event('a2', ['country:KAZ', 'country:RUS'], { quantities: [q(2500, true)], eventDate: { date: '2022-01-11', basis: 'explicit', evidence: [] } }));
    clusterer.add(event('a3', ['country:KAZ', 'country:RUS'], { quantities: [q(3000, false)], source: { file: null, url: 'https://www.example.org/x', outlet: null } }));
    const record = buildStoryRecord(clusterer.get(storyId)!, new Date('2022-01-12T00:00:00Z'));
    expect(record.numArticles).toBe(3);
    // Two files of unknown origin are one source; the page on example.org is another.
    expect(record.numSources).toBe(2);
    expect(record.version).toBe(3);
    expect(record.dateRange).toEqual({ start: '2022-01-06', end: '2022-01-11' });
    expect(record.entities.find((e) => e.id === 'country:KAZ')).toMatchObject({ articleCount: 3 });
    const [peacekeepers] = record.quantities;
    expect(peacekeepers!.conflict).toBe(true);
    expect(peacekeepers!.claims[0]).toMatchObject({ value: 2500, approximate: true, articleIds: ['a1', 'a2'] });
    expect(peacekeepers!.claims[1]).toMatchObject({ value: 3000, articleIds: ['a3'] });
  });

  it('gives the spellings of a place no knowledge base lists one entity, listing the other spellings', () => {
    const clusterer = new StoryClusterer();
    const reporting = (articleId: string, id: string, name: string) => {
      const e = event(articleId, ['country:TUR', 'country:SYR', 'person:davutoglu']);
      e.entities.push({ id, type: 'location', name, mentions: [{ text: name, start: 0, end: name.length, form: 'name' }] });
      return e;
    };
    // The Turkish town of Suruç, as outlets of one week spelled it.
    const { storyId } = clusterer.add(reporting('a1', 'location:srwj', 'سروج'));
    clusterer.add(reporting('a2', 'location:swrwtsh', 'سوروتش'));
    clusterer.add(reporting('a3', 'location:srwj', 'سروج'));
    clusterer.add(reporting('a4', 'location:kwbany', 'كوباني'));
    const record = buildStoryRecord(clusterer.get(storyId)!, new Date('2022-01-12T00:00:00Z'));
    expect(record.numArticles).toBe(4);
    const places = record.entities.filter((e) => e.type === 'location');
    expect(places).toEqual([
      { id: 'location:srwj', type: 'location', name: 'سروج', articleCount: 3, articleIds: ['a1', 'a2', 'a3'], forms: ['name'], spellings: [{ id: 'location:swrwtsh', name: 'سوروتش' }] },
      { id: 'location:kwbany', type: 'location', name: 'كوباني', articleCount: 1, articleIds: ['a4'], forms: ['name'] },
    ]);
    expect(record.entities.find((e) => e.id === 'country:TUR')).not.toHaveProperty('spellings');
  });

  it('leaves the articles’ bodies out of the story record: they stay with the article records', () => {
    const clusterer = new StoryClusterer();
    const body = 'نص المقال الكامل الذي تشير إليه المواضع';
    const { storyId } = clusterer.add(event('a1', ['country:KAZ', 'country:RUS'], { body }));
    clusterer.add(event('a2', ['country:KAZ', 'country:RUS'], { body }));
    const record = buildStoryRecord(clusterer.get(storyId)!, new Date('2022-01-12T00:00:00Z'));
    expect(record.numArticles).toBe(2);
    expect(JSON.stringify(record)).not.toContain(body);
  });

  it('does not call a rounding difference, a vague count or one article\'s own figures a conflict', () => {
    const clusterer = new StoryClusterer();
    const q = (value: number) => ({ value, approximate: true, qualifier: 'about', category: 'injured', text: String(value), start: 0, end: 4 });
    const vague = { value: 100, approximate: true, category: 'hospitalized', text: 'مئات', start: 0, end: 4 };
    const firm = { value: 400, approximate: false, category: 'hospitalized', text: '400', start: 0, end: 3 };
    const { storyId: other } = clusterer.add(event('b1', ['person:x'], { quantities: [vague, firm, { ...firm, value: 62 }] }));
    expect(buildStoryRecord(clusterer.get(other)!, new Date()).quantities[0]!.conflict).toBe(false);
    const { storyId } = clusterer.add(event('a1', ['country:KAZ'], { quantities: [q(1000)] }));
    clusterer.add(event('a2', ['country:KAZ'], { quantities: [q(1050)] }));
    expect(buildStoryRecord(clusterer.get(storyId)!, new Date()).quantities[0]!.conflict).toBe(false);
  });

  it('lists the outlets the articles cite apart from what the story is about', () => {
    const clusterer = new StoryClusterer();
    const reuters: ExtractedEntity = { id: 'org:reuters', type: 'organization', name: 'Reuters', sectors: ['MED'], mentions: [{ text: 'رويترز', start: 0, end: 6 }] };
    const { storyId } = clusterer.add(event('a1', ['country:KAZ', 'country:RUS'], { mediaSources: [reuters] }));
    clusterer.add(event('a2', ['country:KAZ', 'country:RUS'], { mediaSources: [reuters] }));
    clusterer.add(event('a3', ['country:KAZ', 'country:RUS']));
    const record = buildStoryRecord(clusterer.get(storyId)!, new Date());
    expect(record.mediaSources).toEqual([{ id: 'org:reuters', type: 'organization', name: 'Reuters', articleCount: 2, articleIds: ['a1', 'a2'] }]);
    expect(record.entities.map((e) => e.id)).toEqual(['country:KAZ', 'country:RUS']);
  });

  it('lists how the articles of a story write each entity, each form once', () => {
    const clusterer = new StoryClusterer();
    // As seeds/000 writes Russia: "بقيادة روسيا" in one article, "القوات الروسية" in another.
    const withForm = (id: string, text: string, form: 'name' | 'demonym'): ExtractedEntity => ({
      ...entity(id),
      mentions: [{ text, start: 0, end: text.length, form }],
    });
    const a = clusterer.add(event('a1', ['country:RUS', 'country:KAZ'], { entities: [withForm('country:RUS', 'روسيا', 'name'), entity('country:KAZ')] }));
    clusterer.add(event('a2', ['country:RUS', 'country:KAZ'], { entities: [withForm('country:RUS', 'الروسية', 'demonym'), entity('country:KAZ')] }));
    const record = buildStoryRecord(clusterer.get(a.storyId)!, new Date('2022-01-12T00:00:00Z'));
    expect(record.entities.find((e) => e.id === 'country:RUS')?.forms).toEqual(['name', 'demonym']);
    expect(record.entities.find((e) => e.id === 'country:KAZ')?.forms).toBeUndefined();
  });

  it("carries each article's translated title with its language, the lead's as the story's gist, and English titles only where English", () => {
    const names = ['country:KAZ', 'country:RUS'];
    const french = (id: string) => ({ titleTranslation: { language: 'fr', text: `titre ${id}` }, titleEn: null });
    const inFrench = new StoryClusterer();
    const { storyId } = inFrench.add(event('a1', names, french('a1')));
    inFrench.add(event('a2', names, french('a2')));
    const record = buildStoryRecord(inFrench.get(storyId)!, new Date('2022-01-12T00:00:00Z'));
    const lead = record.articles.find((a) => a.articleId === record.titleArticleId)!;
    expect(record.titleTranslation).toEqual({ language: 'fr', text: `titre ${lead.articleId}` });
    expect(record.titleEn).toBeNull();
    expect(record.articles.map((a) => [a.articleId, a.titleTranslation, a.titleEn])).toEqual([
      ['a1', { language: 'fr', text: 'titre a1' }, null],
      ['a2', { language: 'fr', text: 'titre a2' }, null],
    ]);

    const inEnglish = new StoryClusterer();
    const english = inEnglish.add(event('b1', names, { titleTranslation: { language: 'en', text: 'Russia in Kazakhstan' }, titleEn: 'Russia in Kazakhstan' }));
    const story = buildStoryRecord(inEnglish.get(english.storyId)!, new Date('2022-01-12T00:00:00Z'));
    expect(story.titleTranslation).toEqual({ language: 'en', text: 'Russia in Kazakhstan' });
    expect(story.titleEn).toBe('Russia in Kazakhstan');
    expect(story.articles[0]).toMatchObject({ titleTranslation: { language: 'en', text: 'Russia in Kazakhstan' }, titleEn: 'Russia in Kazakhstan' });
  });

  it('gives no translated title for an article recorded before v1.7, whose titleEn says no language', () => {
    const clusterer = new StoryClusterer();
    const { storyId } = clusterer.add(event('a1', ['country:KAZ'], { titleEn: '[gist] Kazakhstan' }));
    const record = buildStoryRecord(clusterer.get(storyId)!, new Date('2022-01-12T00:00:00Z'));
    expect(record.titleTranslation).toBeNull();
    expect(record.titleEn).toBe('[gist] Kazakhstan');
  });
});

describe(StoryClusterer.name + ' (join model)', () => {
  it('explains its candidates without changing anything, and joins the one it ranks first', () => {
    const clusterer = new StoryClusterer();
    const { storyId } = clusterer.add(event('a1', ['country:KAZ', 'country:RUS', 'person:tokayev']));
    clusterer.add(event('b1', ['country:BRA', 'person:lula']));
    const next = event('a2', ['country:KAZ', 'person:tokayev', 'country:RUS']);
    const candidates = clusterer.explain(next);
    expect(candidates[0]).toMatchObject({ storyId });
    expect(candidates[0]!.features).toHaveLength(JOIN_FEATURES.length);
    expect(clusterer.storyOf('a2')).toBeUndefined();
    expect(clusterer.add(next)).toMatchObject({ kind: 'joined', storyId, score: candidates[0]!.probability });
  });

  it('refuses a model trained on other features', () => {
    expect(() => checkJoinModel({ ...BUNDLED_JOIN_MODEL, features: ['entity'], weights: [1] })).toThrow(JoinModelMismatchError);
  });
});

describe(sourceKey.name, () => {
  const source = (outlet: string | null, url: string | null, file: string | null = null) => ({ source: { outlet, url, file } });

  it('is the outlet, else the host of the url, else the one unknown source', () => {
    expect(sourceKey(source('Youm7', 'https://other.example/x'))).toBe('outlet:youm7');
    expect(sourceKey(source(null, 'https://www.Youm7.com/story/1'))).toBe('outlet:youm7.com');
    expect(sourceKey(source('youm7.com', null))).toBe(sourceKey(source(null, 'https://youm7.com/story/2')));
    expect(sourceKey(source(null, null, 'seeds/000.txt'))).toBe(UNKNOWN_SOURCE);
    expect(sourceKey(source(null, 'not a url'))).toBe(UNKNOWN_SOURCE);
    expect(sourceKey(source(null, null))).toBe(UNKNOWN_SOURCE);
  });
});

describe(`${StoryClusterer.name} with stories cut (splitMinArticles)`, () => {
  it('cuts a grown story into the events of its front when stories are cut, and keeps the parts apart', () => {
    const clusterer = new StoryClusterer({ splitMinArticles: 30, splitGrowth: 1.1, splitCut: 0.2 });
    const { other, airport, truce } = twoEventFront();
    for (const e of other) clusterer.add(e);
    const outcomes = [...airport, ...truce].map((e) => clusterer.add(e));
    const cuts = outcomes.flatMap((o) => (o.kind !== 'duplicate' && o.split ? o.split : []));
    expect(cuts).toHaveLength(1);
    expect(cuts[0]!.from).toBe('story-air0');
    expect(new Set(airport.map((e) => clusterer.storyOf(e.articleId)))).toEqual(new Set(['story-air0']));
    const truceStory = clusterer.storyOf('truce0')!;
    expect(truceStory).not.toBe('story-air0');
    expect(new Set(truce.map((e) => clusterer.storyOf(e.articleId)))).toEqual(new Set([truceStory]));
    // Each part is a story of its own: its members, its version, its span.
    expect(clusterer.get('story-air0')!.articles.map((a) => a.articleId)).toEqual(airport.map((e) => e.articleId));
    expect(clusterer.get(truceStory)!.articles).toHaveLength(16);
    // The airport story was looked at again after the cut (its version moved on).
    expect(clusterer.get('story-air0')!.version).toBeGreaterThan(16);
  });

  it('reads only the newest members of a long story: the older ones stay with it, and the new event still parts', () => {
    const clusterer = new StoryClusterer({ splitMinArticles: 30, splitGrowth: 1.1, splitCut: 0.2, splitMaxMembers: 20 });
    const { other, airport, truce } = twoEventFront();
    for (const e of other) clusterer.add(e);
    const cuts = [...airport, ...truce].map((e) => clusterer.add(e)).flatMap((o) => (o.kind !== 'duplicate' && o.split ? o.split : []));
    expect(cuts).toHaveLength(1);
    // The truce's later reports join the story cut off.
    expect(new Set(truce.map((e) => clusterer.storyOf(e.articleId)))).toEqual(new Set([cuts[0]!.storyId]));
    expect(new Set(clusterer.get('story-air0')!.articles.map((a) => a.articleId))).toEqual(new Set(airport.map((e) => e.articleId)));
  });

  it('never cuts by default', () => {
    const clusterer = new StoryClusterer();
    const outcomes = Array.from({ length: 40 }, (_, i) =>
      clusterer.add(event(`n${i}`, ['country:YEM', 'person:hadi'], { publishedAt: new Date(Date.UTC(2015, 6, 20 + (i % 5))).toISOString() })),
    );
    expect(outcomes.some((o) => o.kind !== 'duplicate' && o.split)).toBe(false);
  });
});
