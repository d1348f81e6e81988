import { byTextLanguage, everyLanguageWords, everyTextLanguages, languageModule, languages, ownTextLanguage, requiredLanguageModule } from './language-registry';

describe('language registry', () => {
  it('has one module per code, Arabic, English and French', () => {
    const codes = languages.map((module) => module.code);
    expect(codes).toEqual(['ar', 'en', 'fr']);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('finds a module by its ISO 639-1 code and nothing for a language without one', () => {
    expect(languageModule('fr')?.code).toBe('fr');
    expect(languageModule('de')).toBeUndefined();
    expect(() => requiredLanguageModule('de')).toThrow('No language module is registered for "de"');
  });

  it('reads Arabic and English in every text and French only in French texts', () => {
    expect(everyTextLanguages.map((module) => module.code)).toEqual(['ar', 'en']);
    expect(ownTextLanguage('fr')?.code).toBe('fr');
    expect(ownTextLanguage('ar')).toBeUndefined();
    expect(ownTextLanguage(null)).toBeUndefined();
  });

  it('reads a lexicon keyed by language code in registry order, skipping keys that are not languages', () => {
    const lexicon = { about: 'arrests', en: ['arrested', 'detained'], ar: ['اعتقل'], fr: ['arrêté'], de: ['verhaftet'] };
    expect(everyLanguageWords<string>(lexicon)).toEqual(['اعتقل', 'arrested', 'detained', 'arrêté']);
  });

  it.each(languages.map((module) => [module.code, module] as const))('%s names all twelve months and seven weekdays', (_code, module) => {
    const gregorian = module.calendar.months.gregorian ?? [];
    expect(new Set(gregorian.map(([month]) => month))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]));
    expect(new Set(module.calendar.weekdays.map(([weekday]) => weekday))).toEqual(new Set([0, 1, 2, 3, 4, 5, 6]));
  });

  it('builds a table per kind of text: once for every text, once per own-text language when first asked, and reuses it', () => {
    const built: string[][] = [];
    const tableFor = byTextLanguage((modules) => {
      built.push(modules.map((m) => m.code));
      return { codes: modules.map((m) => m.code) };
    });
    expect(built).toEqual([['ar', 'en']]);
    expect(tableFor('ar')).toBe(tableFor(null));
    expect(tableFor('de')).toBe(tableFor('en'));
    expect(tableFor('fr').codes).toEqual(['ar', 'en', 'fr']);
    expect(tableFor('fr')).toBe(tableFor('fr'));
    expect(built).toEqual([['ar', 'en'], ['ar', 'en', 'fr']]);
  });
});
