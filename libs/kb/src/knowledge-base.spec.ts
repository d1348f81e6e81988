import { aliasKey } from './alias-keys';
import { KbDataError } from './kb-data.error';
import { KbEntity } from './kb-entity';
import { KnowledgeBase } from './knowledge-base';

const entity = (over: Partial<KbEntity>): KbEntity => ({ id: 'country:XXX', type: 'country', name: 'X', aliases: ['X'], ...over });

describe(KnowledgeBase.name, () => {
  const kb = KnowledgeBase.bundled();

  it('loads the bundled data once per process', () => {
    expect(KnowledgeBase.bundled()).toBe(kb);
  });

  it('knows every ISO 3166-1 country by alpha-3, with its alpha-2, names and coordinates', () => {
    const countries = kb.ofType('country');
    expect(countries).toHaveLength(250);
    for (const c of countries) {
      expect(c.id).toBe(`country:${c.countryCode}`);
      expect(c.countryCode).toMatch(/^[A-Z]{3}$/);
      expect(c.alpha2).toMatch(/^[A-Z]{2}$/);
    }
    expect(kb.get('country:KAZ')).toMatchObject({ name: 'Kazakhstan', nameAr: 'كازاخستان', alpha2: 'KZ', lat: 48, lon: 68 });
    expect(kb.get('country:KAZ')?.aliases).toEqual(expect.arrayContaining(['كازاخستان', 'قازاخستان', 'Kazakhstan']));
    expect(kb.get('country:KAZ')?.demonyms).toEqual(expect.arrayContaining(['كازاخستانية', 'كازاخية', 'Kazakh']));
  });

  it('knows the organisations, places and people of the seed story', () => {
    expect(kb.get('org:csto')?.aliases).toEqual(expect.arrayContaining(['منظمة معاهدة الأمن الجماعي', 'منظمة الأمن الجماعي', 'CSTO']));
    for (const id of ['org:un', 'org:eu', 'org:nato', 'org:arab-league', 'org:opec', 'org:gcc', 'org:african-union', 'org:oic', 'org:who', 'org:iaea', 'org:unhcr']) {
      expect(kb.get(id)?.type).toBe('organization');
    }
    expect(kb.get('location:almaty')).toMatchObject({ type: 'location', countryCode: 'KAZ' });
    expect(kb.get('location:washington')).toMatchObject({ type: 'location', countryCode: 'USA' });
    expect(kb.get('person:kassym-jomart-tokayev')?.type).toBe('person');
  });

  it('never gives one matching form to two entities', () => {
    const owner = new Map<string, string>();
    for (const e of kb.entities) {
      for (const form of [...e.aliases, ...(e.demonyms ?? [])]) {
        const key = aliasKey(form);
        const seen = owner.get(key);
        if (seen !== undefined && seen !== e.id) throw new Error(`${form} belongs to ${seen} and ${e.id}`);
        owner.set(key, e.id);
      }
    }
    const stopped = kb.stopPhrases.map((s) => aliasKey(s.phrase)).filter((key) => owner.has(key));
    expect(stopped).toEqual([]);
  });

  it('keeps capitals apart from their countries', () => {
    expect(kb.get('country:USA')?.aliases).not.toContain('واشنطن');
    expect(kb.get('country:USA')?.aliases).not.toContain('Washington');
  });

  it('rejects malformed entity lists at load time', () => {
    expect(() => new KnowledgeBase([entity({}), entity({})])).toThrow(KbDataError);
    expect(() => new KnowledgeBase([entity({ type: 'planet' as KbEntity['type'] })])).toThrow(/unknown entity type/);
    expect(() => new KnowledgeBase([entity({ name: '' })])).toThrow(/no name/);
  });
});
