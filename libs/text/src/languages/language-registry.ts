import { arabic } from './ar';
import { english } from './en';
import { french } from './fr';
import type { LanguageModule } from './language-module';

/** Every language the text layer reads; a new language is one folder and one line here. */
export const languages: readonly LanguageModule[] = [arabic, english, french];

const BY_CODE: ReadonlyMap<string, LanguageModule> = new Map(languages.map((module) => [module.code, module]));

/** The module of an ISO 639-1 code, or undefined for a language with none. */
export function languageModule(code: string): LanguageModule | undefined {
  return BY_CODE.get(code);
}

/** The module of a language the text layer cannot work without (Arabic, English). */
export function requiredLanguageModule(code: string): LanguageModule {
  const module = BY_CODE.get(code);
  if (!module) throw new Error(`No language module is registered for "${code}"`);
  return module;
}

/** The languages read in every text (Arabic and English), whatever it is identified as. */
export const everyTextLanguages: readonly LanguageModule[] = languages.filter((module) => module.readInEveryText);

/**
 * The language of a text when it is one read only in its own texts
 * (French), undefined otherwise: its words are read in addition to
 * {@link everyTextLanguages}.
 */
export function ownTextLanguage(code: string | null | undefined): LanguageModule | undefined {
  const module = code ? BY_CODE.get(code) : undefined;
  return module && !module.readInEveryText ? module : undefined;
}

/**
 * A table built from the languages a text is read in, one per kind of
 * text: `build(everyTextLanguages)` for most texts, and, built once when
 * first asked for, `build([...everyTextLanguages, own])` for a text of a
 * language read only in its own texts (French). What the lexicons, the
 * chrome vocabulary and the people tables are looked up through.
 */
export function byTextLanguage<T>(build: (modules: readonly LanguageModule[]) => T): (language: string | null | undefined) => T {
  const everyText = build(everyTextLanguages);
  const ownText = new Map<string, T>();
  return (language) => {
    const own = ownTextLanguage(language);
    if (!own) return everyText;
    let built = ownText.get(own.code);
    if (built === undefined) ownText.set(own.code, (built = build([...everyTextLanguages, own])));
    return built;
  };
}

/**
 * The words of every registered language from a lexicon keyed by language
 * code ({ "en": [...], "ar": [...] }), in registry order: a lexicon read
 * whatever the text's language takes a new language's words once they are
 * added under its code.
 */
export function everyLanguageWords<T>(byLanguage: object): T[] {
  return languages.flatMap((module) => {
    const words: unknown = (byLanguage as Record<string, unknown>)[module.code];
    return Array.isArray(words) ? (words as T[]) : [];
  });
}
