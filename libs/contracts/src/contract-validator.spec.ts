import { assertContract, contractErrors, ContractViolationError, MAX_CONTRACT_DEPTH, nestingErrors } from './contract-validator';
import { RawArticleV1Dto } from './raw-article.v1';
import { EventExtractedV1, EventExtractedV1Dto } from './event-extracted.v1';
import { StoryEnrichedV1, StoryEnrichedV1Dto } from './story-enriched.v1';

describe(contractErrors.name, () => {
  it('accepts a minimal raw article and names each broken field', () => {
    expect(contractErrors(RawArticleV1Dto, { body: 'نص' })).toEqual([]);
    const fields = contractErrors(RawArticleV1Dto, { body: '', publishedAt: 'yesterday', language: 'Arabic' }).map((e) => e.field);
    expect(fields.sort()).toEqual(['body', 'language', 'publishedAt']);
  });

  it('takes only http(s) links as an article url', () => {
    expect(contractErrors(RawArticleV1Dto, { body: 'نص', url: 'http://www.aleqt.com/2015/07/20/article_974922.html' })).toEqual([]);
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'https://', 'www.example.org/a', 'https://example.org/a b']) {
      expect(contractErrors(RawArticleV1Dto, { body: 'نص', url })).toEqual([expect.objectContaining({ field: 'url', problems: ['url must be an http(s) URL'] })]);
    }
  });

  it('names a field nested thousands deep instead of overflowing the stack', () => {
    const deep = (depth: number, leaf: unknown = 'x'): unknown => {
      let value = leaf;
      for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
      return value;
    };
    const body = 'Officials in Dammam opened a desalination plant on Sunday.';
    expect(contractErrors(RawArticleV1Dto, { title: deep(10_000), body })).toEqual([
      { field: 'title', problems: [`title nests objects or arrays deeper than ${MAX_CONTRACT_DEPTH} levels`] },
    ]);
    expect(contractErrors(RawArticleV1Dto, { body: deep(10_000) }).map((e) => e.field)).toEqual(['body']);
    expect(nestingErrors({ a: deep(MAX_CONTRACT_DEPTH) })).toEqual([]);
    expect(nestingErrors({ a: deep(MAX_CONTRACT_DEPTH + 1) }).map((e) => e.field)).toEqual(['a']);
    // Not too deep, only wrong: class-validator still names the field.
    expect(contractErrors(RawArticleV1Dto, { title: deep(3), body }).map((e) => e.field)).toEqual(['title']);
  });

  it('refuses values that are not objects', () => {
    expect(contractErrors(RawArticleV1Dto, 'text')[0]!.problems[0]).toMatch(/JSON object/);
    expect(contractErrors(RawArticleV1Dto, [])[0]!.field).toBe('(root)');
  });

  it('lets null stand for unknown but not a missing field', () => {
    const base = {
      schemaVersion: 1,
      articleId: 'a'.repeat(24),
      source: { file: null, url: null, outlet: null },
      language: 'ar',
      title: null,
      titleEn: null,
      publishedAt: null,
      ingestedAt: '2022-01-06T00:00:00.000Z',
      extractedAt: '2022-01-06T00:00:00.000Z',
      eventDate: { date: null, basis: 'none', evidence: [] },
      entities: [],
      mediaSources: [],
      quantities: [],
      quotes: [],
      eventType: null,
      actors: { source: [], target: [] },
    };
    expect(contractErrors(EventExtractedV1Dto, base)).toEqual([]);
    const { title: _, ...withoutTitle } = base;
    expect(contractErrors(EventExtractedV1Dto, withoutTitle).map((e) => e.field)).toEqual(['title']);
    const nested = { ...base, entities: [{ id: 'x', type: 'planet', name: 'X', mentions: [] }] };
    expect(contractErrors(EventExtractedV1Dto, nested).map((e) => e.field)).toEqual(['entities.0.type']);
  });

  it('takes a translated title with its language (events v1.7, stories v1.4) and still takes records from before it', () => {
    const event: EventExtractedV1 = {
      schemaVersion: 1,
      articleId: 'a'.repeat(24),
      source: { file: null, url: null, outlet: null },
      language: 'ar',
      title: 'روسيا ترسل قوات إلى كازاخستان',
      titleEn: null,
      titleTranslation: { language: 'fr', text: 'La Russie envoie des troupes au Kazakhstan' },
      publishedAt: null,
      ingestedAt: '2022-01-06T00:00:00.000Z',
      extractedAt: '2022-01-06T00:00:00.000Z',
      eventDate: { date: null, basis: 'none', evidence: [] },
      entities: [],
      quantities: [],
      quotes: [],
      eventType: null,
      actors: { source: [], target: [] },
    };
    expect(contractErrors(EventExtractedV1Dto, event)).toEqual([]);
    expect(contractErrors(EventExtractedV1Dto, { ...event, titleTranslation: null })).toEqual([]);
    const { titleTranslation: _, ...older } = event;
    expect(contractErrors(EventExtractedV1Dto, older)).toEqual([]);
    // A title without its language is what the field exists to prevent.
    expect(contractErrors(EventExtractedV1Dto, { ...event, titleTranslation: { text: 'La Russie' } }).map((e) => e.field)).toEqual(['titleTranslation.language']);
    expect(contractErrors(EventExtractedV1Dto, { ...event, titleTranslation: 'La Russie' }).map((e) => e.field)).toEqual(['titleTranslation']);

    const article = { articleId: event.articleId, source: event.source, title: event.title, titleEn: null, titleTranslation: event.titleTranslation, language: 'ar', eventDate: null };
    const story: StoryEnrichedV1 = {
      schemaVersion: 1,
      storyId: 'story-1',
      version: 1,
      updatedAt: '2022-01-06T00:00:00.000Z',
      title: event.title,
      titleEn: null,
      titleTranslation: event.titleTranslation,
      dateRange: { start: null, end: null },
      articles: [article],
      numArticles: 1,
      numSources: 1,
      languages: ['ar'],
      entities: [],
      quantities: [],
      eventTypes: [],
    };
    expect(contractErrors(StoryEnrichedV1Dto, story)).toEqual([]);
    const { titleTranslation: __, ...olderArticle } = article;
    const { titleTranslation: ___, ...olderStory } = story;
    expect(contractErrors(StoryEnrichedV1Dto, { ...olderStory, articles: [olderArticle] })).toEqual([]);
    const unnamed = { ...story, articles: [{ ...article, titleTranslation: { language: 'fr' } }] };
    expect(contractErrors(StoryEnrichedV1Dto, unnamed).map((e) => e.field)).toEqual(['articles.0.titleTranslation.text']);
  });

  it('assertContract throws a ContractViolationError listing the fields', () => {
    expect(() => assertContract(RawArticleV1Dto, {})).toThrow(ContractViolationError);
    expect(() => assertContract(RawArticleV1Dto, {})).toThrow(/body/);
  });
});
