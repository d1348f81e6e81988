import { TOKEN_ALL_UPPER, TOKEN_ARABIC, tokenizeForMatching } from './match-tokenizer';

/**
 * Marks the key of an acronym word: acronyms match only when written in
 * capitals, so "US", "UN", "WHO" and "EU" never fire on "us", "un", "who" or
 * "eu". It cannot occur in a word key (keys hold letters and digits only).
 */
export const ACRONYM_MARK = '\u0001';

/** Longest word that still counts as an acronym ("UNESCO", "UNICEF"). */
const MAX_ACRONYM_LENGTH = 6;

/**
 * The word keys the gazetteer looks for when matching `alias`: the same
 * tokenization and folding as the text gets, so an alias matches exactly
 * the spellings that fold onto it. Latin aliases are case-insensitive except
 * acronyms (every Latin word in capitals and at most six letters long),
 * whose capitalized words get {@link ACRONYM_MARK}.
 */
export function aliasKeys(alias: string): string[] {
  const tokens = tokenizeForMatching(alias);
  let acronym = tokens.count > 0;
  for (let i = 0; i < tokens.count; i++) {
    const f = tokens.flags[i];
    const digitsOnly = /^[0-9]+$/.test(tokens.keys[i]);
    if ((f & TOKEN_ARABIC) !== 0 || tokens.keys[i].length > MAX_ACRONYM_LENGTH || (!digitsOnly && (f & TOKEN_ALL_UPPER) === 0)) {
      acronym = false;
      break;
    }
  }
  if (!acronym) return tokens.keys;
  return tokens.keys.map((key, i) => ((tokens.flags[i] & TOKEN_ALL_UPPER) !== 0 ? ACRONYM_MARK + key : key));
}

/** One string per distinct matching form: what "the same alias" means when de-duplicating. */
export function aliasKey(alias: string): string {
  return aliasKeys(alias).join(' ');
}
