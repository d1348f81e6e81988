import { byTextLanguage, LanguageModule, normalizeArabic, stemCandidates, Token, WordSlot } from '@eventwire/text';

/** Folds alef forms and drops marks, but keeps ى apart from ي, as Arabic stops are compared (see ARABIC_PEOPLE). */
function lightKey(word: string): string {
  return word
    .normalize('NFC')
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[أإآ]/g, 'ا');
}

/**
 * The recognizer's word tables for a set of languages (see PeopleWords),
 * folded as the tokens they meet are: Arabic cues, links and role nouns as
 * `Token.norm`, Arabic stops by {@link lightKey}, Latin words as `norm`
 * (lower-cased), Latin surnames as written. Each set has its own word
 * slots, since whether a word is a cue or a stop depends on the languages.
 */
export class PeopleTables {
  readonly arabicCues = new Set<string>();
  /** Titles that are nouns in construct: see PersonCueUse. */
  readonly constructCues = new Set<string>();
  readonly roleNouns = new Set<string>();
  readonly arabicStops = new Set<string>();
  readonly nameLinks = new Set<string>();
  readonly commonSurnames = new Set<string>();
  /** Latin title phrases as words, in the languages' order: the first that matches gives the role. */
  readonly latinCues: string[][] = [];
  readonly latinCueWords: Set<string>;
  readonly latinCueFirstWords: Set<string>;
  readonly latinStops = new Set<string>();
  /** Lengths of the Arabic cues: a token can only be a cue if it ends with one, which rules out most words without stemCandidates' allocations. */
  private readonly cueLengths: number[];
  private readonly arabicStop = new WordSlot((t): boolean => stemCandidates(lightKey(t.text)).some((c) => this.arabicStops.has(c)));
  private readonly arabicCue = new WordSlot(
    (t): boolean =>
      this.cueLengths.some((n) => t.norm.length >= n && this.arabicCues.has(t.norm.slice(t.norm.length - n))) &&
      stemCandidates(t.norm).some((c) => this.arabicCues.has(c)),
  );

  constructor(modules: readonly LanguageModule[]) {
    for (const { people } of modules) {
      const arabic = people.nameScript === 'arabic';
      for (const [forms, use] of people.cues) {
        for (const form of forms) {
          if (!arabic) {
            // The Latin reader has no role tail: a construct title or role noun there would be silently misread.
            if (use !== 'title') throw new Error(`Latin-script people words take titles only, not "${use}" ("${form}")`);
            this.latinCues.push(form.split(/\s+/).map((w) => normalizeArabic(w)));
            continue;
          }
          const key = normalizeArabic(form);
          if (use === 'role-noun') {
            this.roleNouns.add(key);
            continue;
          }
          this.arabicCues.add(key);
          if (use === 'construct-title') this.constructCues.add(key);
        }
      }
      for (const word of people.stops) {
        if (arabic) this.arabicStops.add(lightKey(word));
        else this.latinStops.add(normalizeArabic(word));
      }
      if (arabic) for (const word of people.nameLinks) this.nameLinks.add(normalizeArabic(word));
      for (const word of people.commonSurnames) this.commonSurnames.add(arabic ? normalizeArabic(word) : word);
    }
    this.latinCueWords = new Set(this.latinCues.flat());
    this.latinCueFirstWords = new Set(this.latinCues.map((words) => words[0]));
    this.cueLengths = [...new Set([...this.arabicCues].map((c) => c.length))];
  }

  isArabicStop(t: Token): boolean {
    return this.arabicStop.of(t);
  }

  isArabicCue(t: Token): boolean {
    return this.arabicCue.of(t);
  }

  isRoleNoun(t: Token): boolean {
    return stemCandidates(t.norm).some((c) => this.roleNouns.has(c));
  }

  /** How long the cue word is without its proclitics ("والرئيس" → 6), for the role's start. */
  cueLength(cue: Token): number {
    return stemCandidates(cue.norm).find((c) => this.arabicCues.has(c))?.length ?? cue.norm.length;
  }
}

/** The tables for a part in `language`: those of every text, plus the language's own when it is read only in its texts. */
export const tablesFor = byTextLanguage((modules) => new PeopleTables(modules));
