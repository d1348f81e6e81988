import type { ArticleFacts } from './article-facts';
import { storyEvents } from './story-events';

/** A member coding an attack in one place on one day, as the story keeps it. */
function attack(articleId: string, place: { entityId: string; name: string; countryCode: string | null }): ArticleFacts {
  return {
    articleId,
    source: { file: null, url: null, outlet: `outlet-${articleId}` },
    language: 'ar',
    title: null,
    titleEn: null,
    titleTranslation: null,
    publishedAt: '2015-07-21T02:00:00Z',
    ingestedAt: '2015-07-21T02:00:00Z',
    eventDate: '2015-07-20',
    entities: [],
    mediaSources: [],
    quantities: [],
    eventType: 'ASSAULT',
    event: { type: 'ASSAULT', cameoRoot: '18', quadClass: 'MATERIAL_CONFLICT', mode: null, source: [], target: [], location: place },
  };
}

describe(storyEvents.name, () => {
  it('places an event where most of its articles put it, counting the spellings of an unlisted place as one', () => {
    // The town of Suruç in three spellings against the country in two articles: the town, as most articles write it.
    const suruc = (id: string, name: string) => ({ entityId: id, name, countryCode: null });
    const turkey = { entityId: 'country:TUR', name: 'Türkiye', countryCode: 'TUR' };
    const members = [
      attack('a1', suruc('location:srwj', 'سروج')),
      attack('a2', suruc('location:swrwtsh', 'سوروتش')),
      attack('a3', suruc('location:srwj', 'سروج')),
      attack('a4', suruc('location:swrwj', 'سوروج')),
      attack('a5', turkey),
      attack('a6', turkey),
    ];
    const [event] = storyEvents(members);
    expect(event!.location).toEqual({ id: 'location:srwj', name: 'سروج', countryCode: null, articleIds: ['a1', 'a2', 'a3', 'a4'] });
  });

  it('does not count places of another name together', () => {
    const members = [
      attack('a1', { entityId: 'location:srwj', name: 'سروج', countryCode: null }),
      attack('a2', { entityId: 'location:kwbany', name: 'كوباني', countryCode: null }),
      attack('a3', { entityId: 'location:kwbany', name: 'كوباني', countryCode: null }),
    ];
    expect(storyEvents(members)[0]!.location).toMatchObject({ id: 'location:kwbany', articleIds: ['a2', 'a3'] });
  });

  it('counts the spellings of an unlisted organisation as one actor, under its most given spelling', () => {
    const place = { entityId: 'country:TUR', name: 'Türkiye', countryCode: 'TUR' };
    const by = (articleId: string, id: string, name: string): ArticleFacts => {
      const facts = attack(articleId, place);
      return { ...facts, entities: [{ id, type: 'organization', name }], event: { ...facts.event!, source: [id] } };
    };
    const members = [
      by('a1', 'org:hzb-almal-alkrdstany', 'حزب العمال الكردستاني'),
      by('a2', 'org:hzb-alml-alkrdstany', 'حزب العمل الكردستاني'),
      by('a3', 'org:hzb-almal-alkrdstany', 'حزب العمال الكردستاني'),
    ];
    expect(storyEvents(members)[0]!.source).toEqual([{ id: 'org:hzb-almal-alkrdstany', name: 'حزب العمال الكردستاني', articleIds: ['a1', 'a2', 'a3'] }]);
  });
});
