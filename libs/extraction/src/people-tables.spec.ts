import { languageModule, LanguageModule } from '@eventwire/text';
import { PeopleTables, tablesFor } from './people-tables';

describe(PeopleTables.name, () => {
  const english = languageModule('en') as LanguageModule;

  it('adds a language read only in its own texts to the tables of those texts alone', () => {
    expect(tablesFor('fr').latinCueFirstWords.has('ministre')).toBe(true);
    expect(tablesFor('fr').latinCueFirstWords.has('president')).toBe(true);
    for (const language of ['en', 'ar', null, undefined]) expect(tablesFor(language).latinCueFirstWords.has('ministre')).toBe(false);
    expect(tablesFor('fr')).toBe(tablesFor('fr'));
  });

  it('rejects a role noun in a Latin-script language, which has no role tail to read it in', () => {
    const withRoleNoun: LanguageModule = { ...english, people: { ...english.people, cues: [[['ministry'], 'role-noun']] } };
    expect(() => new PeopleTables([withRoleNoun])).toThrow(/titles only/);
  });
});
