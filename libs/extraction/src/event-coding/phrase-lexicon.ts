import { normalizeArabic, stemCandidates, Token } from '@eventwire/text';
import { lemmatizeNoun, lemmatizeVerb } from 'wink-lemmatizer';

/**
 * Multi-word lexicon lookup over tokens, for Arabic and English trigger and
 * agent lexicons. The gazetteer's trie (libs/kb) matches names, which do not
 * inflect; these entries are verbs and nouns, which do, so each side is
 * widened here:
 *
 * - English tokens are looked up as written and as their verb and noun
 *   lemmas (wink-lemmatizer, WordNet's exception lists: "sent" → "send",
 *   "fought" → "fight"), and entries are written in base form.
 * - Arabic entries are expanded at compile time with the suffixes of
 *   gender, number and attached pronouns ("أرسل" → "أرسلت", "أرسلوا",
 *   "قواتها"), and an entry written "+رسل" is an imperfect stem that takes
 *   يـ تـ نـ أ in front ("يرسل", "ترسل"). Proclitics are the tokenizer's
 *   job: every form of {@link stemCandidates} is looked up, so "وأرسلت" and
 *   "بالانسحاب" match.
 *
 * "*" in an entry lets up to {@link MAX_GAP} words sit between its
 * neighbours ("أرسلت روسيا قوات" for "أرسل * قوات"). Matching costs a few
 * map lookups per token, whatever the size of the lexicon.
 */
export interface PhraseEntry<T> {
  /** The entry as written in the lexicon. */
  pattern: string;
  value: T;
}

export interface PhraseMatch<T> {
  entry: PhraseEntry<T>;
  /** Index of the first and one past the last matched token. */
  first: number;
  last: number;
  /** How many lexicon words matched (gaps not counted): the entry's specificity. */
  words: number;
}

const MAX_GAP = 3;
const GAP = '*';

/** Verb suffixes (person, gender, number), noun suffixes (feminine, plural) and attached pronouns, normalised (ة is ه). */
const ARABIC_SUFFIXES = ['', 'ت', 'ا', 'وا', 'ون', 'ان', 'ن', 'تا', 'تم', 'ه', 'ها', 'هم', 'هما', 'نا', 'كم', 'ات', 'ين', 'اته', 'اتها', 'اتهم', 'ته', 'تها', 'تهم', 'وه', 'وها', 'وهم'];
const IMPERFECT_PREFIXES = ['ي', 'ت', 'ن', 'ا'];
const ARABIC_LETTER = /[\u0600-\u06FF]/;

/** Every written form an Arabic lexicon word stands for. */
export function arabicForms(word: string): string[] {
  const imperfect = word.startsWith('+');
  const bare = normalizeArabic(imperfect ? word.slice(1) : word);
  const stems = imperfect ? IMPERFECT_PREFIXES.map((p) => p + bare) : [bare];
  const forms = new Set<string>();
  for (const stem of stems) {
    for (const suffix of ARABIC_SUFFIXES) forms.add(stem + suffix);
    // Ta marbuta is written ت before a suffix: "قوة" + "ها" is "قوتها".
    if (stem.endsWith('ه')) for (const suffix of ['ه', 'ها', 'هم', 'ين', 'ان']) forms.add(stem.slice(0, -1) + 'ت' + suffix);
  }
  return [...forms];
}

function englishForms(word: string): string[] {
  return [word.toLowerCase()];
}

/** The forms under which a token is looked up: normalised and proclitic-free (Arabic), or as written and lemmatized (Latin). */
export function tokenForms(token: Token): string[] {
  if (ARABIC_LETTER.test(token.norm)) return stemCandidates(token.norm);
  const lower = token.norm;
  const forms = [lower];
  if (/^[a-z][a-z'-]*$/.test(lower)) {
    const verb = lemmatizeVerb(lower);
    if (verb !== lower) forms.push(verb);
    const noun = lemmatizeNoun(lower);
    if (noun !== lower && noun !== verb) forms.push(noun);
  }
  return forms;
}

type Step = { gap: true } | { gap: false; forms: ReadonlySet<string> };

interface Compiled<T> {
  entry: PhraseEntry<T>;
  /** Steps after the first word. */
  rest: Step[];
  words: number;
}

export class PhraseLexicon<T> {
  private readonly byFirstForm = new Map<string, Compiled<T>[]>();

  constructor(entries: Iterable<PhraseEntry<T>>) {
    for (const entry of entries) {
      const words = entry.pattern.trim().split(/\s+/);
      if (words.length === 0 || words[0] === GAP || words[words.length - 1] === GAP) {
        throw new Error(`lexicon entry "${entry.pattern}" must start and end with a word`);
      }
      const formsOf = (w: string): string[] => (ARABIC_LETTER.test(w) ? arabicForms(w) : englishForms(w));
      const steps: Step[] = words.slice(1).map((w) => (w === GAP ? { gap: true } : { gap: false, forms: new Set(formsOf(w)) }));
      const compiled: Compiled<T> = { entry, rest: steps, words: words.filter((w) => w !== GAP).length };
      for (const form of formsOf(words[0])) {
        const list = this.byFirstForm.get(form);
        if (list) list.push(compiled);
        else this.byFirstForm.set(form, [compiled]);
      }
    }
  }

  /** Whether an entry starts with a word of this lookup form: lets a caller that reads many texts remember which words start nothing. */
  startsWith(form: string): boolean {
    return this.byFirstForm.has(form);
  }

  /**
   * Every match, longest first at each start; `forms[i]` are the lookup
   * forms of `tokens[i]` (pass them when several lexicons read one text).
   * `mayStart`, when given, says which tokens can start a match (from
   * {@link startsWith}); the others are not looked up.
   */
  matchAll(
    tokens: readonly Token[],
    forms: readonly (readonly string[])[] = tokens.map(tokenForms),
    mayStart?: (i: number) => boolean,
  ): PhraseMatch<T>[] {
    const matches: PhraseMatch<T>[] = [];
    for (let i = 0; i < tokens.length; i++) {
      if (mayStart && !mayStart(i)) continue;
      // Most tokens start nothing: one lookup per form, no allocation.
      let seen: Compiled<T>[] | undefined;
      for (const form of forms[i]) {
        const list = this.byFirstForm.get(form);
        if (!list) continue;
        for (const compiled of list) {
          if (seen?.includes(compiled)) continue;
          (seen ??= []).push(compiled);
          const last = matchRest(compiled.rest, 0, i + 1, forms);
          if (last !== -1) matches.push({ entry: compiled.entry, first: i, last, words: compiled.words });
        }
      }
    }
    return matches.sort((a, b) => a.first - b.first || b.words - a.words || b.last - a.last);
  }

  /** Matches that do not overlap, preferring the earlier and then the more specific one. */
  match(tokens: readonly Token[], forms?: readonly (readonly string[])[], mayStart?: (i: number) => boolean): PhraseMatch<T>[] {
    const chosen: PhraseMatch<T>[] = [];
    let end = 0;
    for (const m of this.matchAll(tokens, forms, mayStart)) {
      if (m.first < end) continue;
      chosen.push(m);
      end = m.last;
    }
    return chosen;
  }
}

/** One past the last token of a match of `steps[s..]` starting at token `i`, or -1. */
function matchRest(steps: readonly Step[], s: number, i: number, forms: readonly (readonly string[])[]): number {
  if (s === steps.length) return i;
  const step = steps[s];
  if (step.gap) {
    for (let skip = 0; skip <= MAX_GAP && i + skip <= forms.length; skip++) {
      const end = matchRest(steps, s + 1, i + skip, forms);
      if (end !== -1) return end;
    }
    return -1;
  }
  if (i >= forms.length || !forms[i].some((f) => step.forms.has(f))) return -1;
  return matchRest(steps, s + 1, i + 1, forms);
}
