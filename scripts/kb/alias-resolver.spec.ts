import { DraftEntity, RANK_COUNTRY, RANK_LOCATION, RANK_TERRITORY, resolveAliases } from './alias-resolver';

const draft = (id: string, rank: number, aliases: string[], demonyms: string[] = [], curated = false, exclude?: string[]): DraftEntity => ({
  entity: { id, type: id.startsWith('country:') ? 'country' : 'location', name: id },
  rank,
  aliases: aliases.map((text) => ({ text, curated })),
  demonyms: demonyms.map((text) => ({ text, curated })),
  exclude,
});

describe('resolveAliases', () => {
  it('keeps one spelling per matching form, preferring the curated one, sorted', () => {
    const { entities } = resolveAliases(
      [{ ...draft('country:KAZ', RANK_COUNTRY, ['كازاخستان', 'Kazakhstan']), aliases: [{ text: 'KAZAKHSTAN ', curated: false }, { text: 'كازاخستان', curated: false }, { text: 'Kazakhstan', curated: true }] }],
      [],
    );
    expect(entities).toEqual([{ id: 'country:KAZ', type: 'country', name: 'country:KAZ', aliases: ['Kazakhstan', 'كازاخستان'] }]);
  });

  it('gives a shared form to the better rank and drops it when the best are tied', () => {
    const { entities, dropped } = resolveAliases(
      [
        draft('country:USA', RANK_COUNTRY, ['United States'], ['American']),
        draft('country:MNP', RANK_TERRITORY, ['Northern Mariana Islands'], ['American']),
        draft('country:COD', RANK_COUNTRY, ['DR Congo'], ['Congolese']),
        draft('country:COG', RANK_COUNTRY, ['Republic of the Congo'], ['Congolese']),
        draft('country:DJI', RANK_COUNTRY, ['Djibouti']),
        draft('location:djibouti', RANK_LOCATION, ['Djibouti']),
      ],
      [],
    );
    const byId = new Map(entities.map((e) => [e.id, e]));
    expect(byId.get('country:USA')?.demonyms).toEqual(['American']);
    expect(byId.get('country:MNP')?.demonyms).toBeUndefined();
    expect(byId.get('country:COD')?.demonyms).toBeUndefined();
    expect(byId.get('country:COG')?.demonyms).toBeUndefined();
    expect(byId.has('location:djibouti')).toBe(false); // nothing left to match
    expect(dropped.filter((d) => d.reason === 'ambiguous').map((d) => d.text)).toEqual(['Congolese', 'Congolese']);
  });

  it('lets a curated form win over a better-ranked packaged one', () => {
    const { entities } = resolveAliases(
      [draft('country:XXA', RANK_COUNTRY, ['Sample']), draft('location:sample', RANK_LOCATION, ['Sample'], [], true)],
      [],
    );
    expect(entities.map((e) => [e.id, e.aliases])).toEqual([['location:sample', ['Sample']]]);
  });

  it('drops stop phrases, excluded forms, other scripts and fragments too short to be names', () => {
    const { entities, dropped } = resolveAliases(
      [draft('country:OMN', RANK_COUNTRY, ['عمان', 'سلطنة عمان', 'Оман', 'ب'], ['تركي', 'عماني'], false, ['تركي'])],
      [{ phrase: 'عمان', why: 'Oman or Amman' }],
    );
    expect(entities[0]).toMatchObject({ aliases: ['سلطنة عمان'], demonyms: ['عماني'] });
    expect(dropped.map((d) => d.reason).sort()).toEqual(['excluded', 'script', 'stop-phrase', 'too-short']);
  });
});
