import type { Mention } from '@eventwire/contracts';
import { GazetteerMatch, GazetteerMatcher, KnowledgeBase } from '@eventwire/kb';
import { normalizeArabic, stemCandidates, tokenize, Token, WordSlot } from '@eventwire/text';
import { PeopleTables, tablesFor } from './people-tables';

/** One stretch of an article (a title or paragraph) and where it starts in the body. */
export interface PersonTextPart {
  text: string;
  /** Offset of `text` in the article body: mentions are reported as `start` + local offset. */
  start: number;
  /** The gazetteer's matches in `text`, when the caller already has them. */
  matches?: readonly GazetteerMatch[];
  /** `tokenize(text)`, when the caller already has it. */
  tokens?: readonly Token[];
  /** ISO 639-1 of the part, when identified: a language read only in its own texts (French) adds its titles there. */
  language?: string | null;
}

export interface RecognizedPerson {
  /** `person:<slug>`, the slug from {@link romanizationKey}: stable across articles, not a display spelling. */
  id: string;
  /** The name as first written (Arabic surface, or the English name). */
  name: string;
  /** The title or role that introduced the name, as written ("وزير الخارجية الأردني", "Foreign Minister"). */
  role: string;
  /** ISO alpha-3 from a demonym, country or organisation in the role, when the knowledge base resolves one. */
  countryCode?: string;
  mentions: Mention[];
}

/**
 * A key for Arabic names, not a transliteration anyone should read: one
 * Latin string per normalised letter, chosen so that the same spelling
 * always gives the same id. Short vowels are not written in Arabic, so
 * "أيمن" is "aymn"; ع and ء vanish because no Latin letter is a fair guess.
 */
const ARABIC_KEY_LETTERS: Record<string, string> = {
  ا: 'a', ب: 'b', ت: 't', ث: 'th', ج: 'j', ح: 'h', خ: 'kh', د: 'd', ذ: 'dh', ر: 'r', ز: 'z', س: 's', ش: 'sh',
  ص: 's', ض: 'd', ط: 't', ظ: 'z', ع: '', غ: 'gh', ف: 'f', ق: 'q', ك: 'k', ل: 'l', م: 'm', ن: 'n', ه: 'h',
  و: 'w', ي: 'y', ء: '', پ: 'p', چ: 'ch', ژ: 'zh', گ: 'g', ڤ: 'v',
};

/** The id slug of a name: the Arabic key letters above, or Latin without accents; words joined by "-". */
export function romanizationKey(name: string): string {
  return normalizeArabic(name)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split('')
    .map((ch) => ARABIC_KEY_LETTERS[ch] ?? ch)
    .join('')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const ARABIC_WORD = /^(?:[\u0621-\u064A\u0640]|[\u064B-\u0652])+$/;
const LATIN_NAME_WORD = /^\p{Lu}[\p{L}'’.-]*$/u;
const BLANK = /^[ \t\u00A0]+$/;
const BLANK_OR_COMMA = /^[ \t\u00A0]*[،,]?[ \t\u00A0]*$/;
/** Proclitics a later surname mention may carry ("وأضاف الصفدي", "للصفدي"). */
const SURNAME_PREFIXES = ['', 'و', 'ف', 'ب', 'ك', 'ل', 'وب', 'فب', 'ول', 'فل', 'وك', 'فك'];
const ARTICLE_PREFIXES = ['لل', 'ولل', 'فلل'];
const MAX_ROLE_TAIL = 6;
const MAX_NAME_WORDS = 3;

/**
 * Whether a word carries the article. The written text decides, not the
 * normalized key: the key folds "أ" into "ا", which would make names such as
 * "ألكسندر" or "إلهام" look definite.
 */
const DEFINITE = new WordSlot((t): boolean => /^(?:ال|لل)/.test(t.text.replace(/[\u064B-\u065F\u0670\u0640]/g, '')));
const isDefinite = (t: Token): boolean => DEFINITE.of(t);

interface Found {
  name: string;
  role: string;
  countryCode?: string;
  /** Local offsets of the full name. */
  start: number;
  end: number;
  words: Token[];
}

interface ScannedPart {
  part: PersonTextPart;
  tokens: readonly Token[];
  /** The gazetteer match over each token, if any. */
  kbAt: (GazetteerMatch | undefined)[];
  tables: PeopleTables;
}

/**
 * Recognises people the knowledge base does not know from the title or
 * role that introduces them ("وزير الخارجية الأردني أيمن الصفدي", "Foreign
 * Minister Ayman Safadi"), then finds the surname alone later in the same
 * article. The knowledge base wins: a name the gazetteer resolved, or a span
 * that touches any known entity, is never reported here.
 *
 * Heuristic limits, on purpose: a name needs two words, so "Minister Safadi"
 * is missed; an Arabic name may not start with the article (the role tail
 * takes every "ال" word after the title); Arabic and English spellings of one
 * person get different ids.
 */
export class PersonRecognizer {
  private readonly matcher: GazetteerMatcher;

  constructor(
    private readonly kb: KnowledgeBase,
    matcher?: GazetteerMatcher,
  ) {
    this.matcher = matcher ?? new GazetteerMatcher(kb);
  }

  /** People in one text, or in the parts of one article (later surname mentions merge across parts). */
  recognize(input: string | readonly PersonTextPart[]): RecognizedPerson[] {
    const parts = typeof input === 'string' ? [{ text: input, start: 0 }] : input;
    const scanned = parts.map((part) => this.scan(part));
    const byId = new Map<string, RecognizedPerson>();
    const surnames: { person: RecognizedPerson; words: Token[]; tables: PeopleTables }[] = [];
    const claimed: Mention[] = [];
    for (const s of scanned) {
      for (const found of this.findNames(s)) {
        const id = `person:${romanizationKey(found.name)}`;
        if (!id.slice('person:'.length) || this.kb.get(id)) continue;
        let person = byId.get(id);
        if (!person) {
          person = { id, name: found.name, role: found.role, ...(found.countryCode ? { countryCode: found.countryCode } : {}), mentions: [] };
          byId.set(id, person);
          surnames.push({ person, words: found.words, tables: s.tables });
        } else if (!person.countryCode && found.countryCode) {
          person.countryCode = found.countryCode;
        }
        const mention = { text: found.name, start: s.part.start + found.start, end: s.part.start + found.end };
        person.mentions.push(mention);
        claimed.push(mention);
      }
    }
    for (const { person, words, tables } of surnames) this.mergeLaterMentions(scanned, person, words, tables, claimed);
    for (const person of byId.values()) person.mentions.sort((a, b) => a.start - b.start);
    return [...byId.values()];
  }

  private scan(part: PersonTextPart): ScannedPart {
    const tokens = part.tokens ?? tokenize(part.text);
    const matches = [...(part.matches ?? this.matcher.match(part.text))].sort((a, b) => a.start - b.start);
    // Tokens and matches both run left to right: one pass pairs them (matches may nest, so look back from the cursor).
    const kbAt: (GazetteerMatch | undefined)[] = [];
    let from = 0;
    for (const t of tokens) {
      while (from < matches.length && matches[from].end <= t.start && matches[from].start < t.start) from++;
      let found: GazetteerMatch | undefined;
      for (let k = from; k < matches.length && matches[k].start < t.end; k++) {
        if (t.start < matches[k].end) {
          found = matches[k];
          break;
        }
      }
      kbAt.push(found);
    }
    return { part, tokens, kbAt, tables: tablesFor(part.language) };
  }

  private findNames(s: ScannedPart): Found[] {
    const out: Found[] = [];
    for (let i = 0; i < s.tokens.length; i++) {
      const found = this.arabicAt(s, i) ?? this.latinAt(s, i);
      if (found) out.push(found);
    }
    return out;
  }

  private arabicAt(s: ScannedPart, i: number): Found | undefined {
    const { tokens, kbAt, part, tables } = s;
    const cue = tokens[i];
    if (kbAt[i] || !tables.isArabicCue(cue)) return undefined;
    let countryCode: string | undefined;
    let j = i + 1;
    // The role's tail: portfolio, demonym, "باسم" + organisation, all definite words or known entities.
    while (j < tokens.length && j - i <= MAX_ROLE_TAIL && BLANK.test(part.text.slice(tokens[j - 1].end, tokens[j].start))) {
      const t = tokens[j];
      const known = kbAt[j];
      if (known) {
        const entity = this.kb.get(known.entityId);
        if (!entity || entity.type === 'person') break;
        countryCode ??= entity.countryCode;
        while (j < tokens.length && tokens[j].start < known.end) j++;
        continue;
      }
      if ((isDefinite(t) && !tables.isArabicStop(t)) || tables.isRoleNoun(t)) {
        j++;
        continue;
      }
      break;
    }
    if (j === i + 1 && stemCandidates(cue.norm).some((c) => tables.constructCues.has(c))) return undefined;
    const roleEnd = tokens[j - 1].end;
    const words = this.arabicName(s, j, roleEnd);
    if (!words) return undefined;
    const roleStart = cue.start + Math.max(0, cue.text.length === cue.norm.length ? cue.norm.length - tables.cueLength(cue) : 0);
    return this.found(part.text, words, part.text.slice(roleStart, roleEnd), countryCode);
  }

  /** Two or three name words from token `j`, or nothing when the name is missing, too short, or known to the KB. */
  private arabicName(s: ScannedPart, j: number, after: number): Token[] | undefined {
    const { tokens, kbAt, part, tables } = s;
    const words: Token[] = [];
    let max = MAX_NAME_WORDS;
    // Each link word ("بن", "آل") lengthens the name by one: "حمد بن خليفة آل ثاني".
    for (let k = j; k < tokens.length && words.length < max; k++) {
      const t = tokens[k];
      const gap = part.text.slice(words.length === 0 ? after : tokens[k - 1].end, t.start);
      if (!(words.length === 0 ? BLANK_OR_COMMA : BLANK).test(gap)) break;
      const known = kbAt[k];
      if (known) {
        if (this.kb.get(known.entityId)?.type === 'person') return undefined;
        break;
      }
      if (!ARABIC_WORD.test(t.text) || tables.isArabicStop(t) || tables.isArabicCue(t)) break;
      // Names rarely carry a preposition with the article ("بالنقاط", "للفوز"), and never have fewer than three letters.
      if ((t.norm.length < 3 && !tables.nameLinks.has(t.norm)) || /^(بال|كال|لل|وال|فال)/.test(t.norm)) break;
      if (tables.isRoleNoun(t)) break;
      if (words.length === 0 && isDefinite(t)) break;
      if (words.length === 2 && max === MAX_NAME_WORDS && !this.plausibleThirdWord(s, k)) break;
      // A plural past verb after a one-word name ("شيراك استنكروا").
      if (words.length === 1 && t.norm.endsWith('وا')) break;
      if (tables.nameLinks.has(t.norm)) max++;
      words.push(t);
    }
    while (words.length > 0 && tables.nameLinks.has(words[words.length - 1].norm)) words.pop();
    return words.length >= 2 ? words : undefined;
  }

  /**
   * Most names after a title have two words, and the word after them is
   * often a verb ("يغادر") or a prepositional phrase ("بالوفد"): a third word
   * is taken only when a boundary follows it and it does not look like either.
   */
  private plausibleThirdWord(s: ScannedPart, k: number): boolean {
    const { tokens, part, tables } = s;
    const t = tokens[k];
    if ((/^[يت]/.test(t.norm) && t.norm.length >= 4) || t.norm.endsWith('ه')) return false;
    const next = tokens[k + 1];
    return next !== undefined && (/^[ \t\u00A0]*[،,]/.test(part.text.slice(t.end, next.start)) || tables.isArabicStop(next));
  }

  private latinAt(s: ScannedPart, i: number): Found | undefined {
    const { tokens, kbAt, part, tables } = s;
    if (!tables.latinCueFirstWords.has(tokens[i].norm)) return undefined;
    const cue = tables.latinCues.find((words) => words.every((w, k) => tokens[i + k]?.norm === w && (k === 0 || BLANK.test(part.text.slice(tokens[i + k - 1].end, tokens[i + k].start)))));
    if (!cue || kbAt[i]) return undefined;
    const roleEnd = tokens[i + cue.length - 1].end;
    const words: Token[] = [];
    for (let k = i + cue.length; k < tokens.length && words.length < MAX_NAME_WORDS; k++) {
      const t = tokens[k];
      const gap = part.text.slice(words.length === 0 ? roleEnd : tokens[k - 1].end, t.start);
      if (!(words.length === 0 ? BLANK_OR_COMMA : BLANK).test(gap)) break;
      const known = kbAt[k];
      if (known) {
        if (this.kb.get(known.entityId)?.type === 'person') return undefined;
        break;
      }
      if (!LATIN_NAME_WORD.test(t.text) || tables.latinStops.has(t.norm) || tables.latinCueWords.has(t.norm)) break;
      words.push(t);
    }
    if (words.length < 2) return undefined;
    // "Jordanian Foreign Minister ...": the demonym or country just before the title gives the country.
    const before = i > 0 ? kbAt[i - 1] : undefined;
    const entity = before && BLANK.test(part.text.slice(before.end, tokens[i].start)) ? this.kb.get(before.entityId) : undefined;
    const countryCode = entity && entity.type !== 'person' ? entity.countryCode : undefined;
    return this.found(part.text, words, part.text.slice(tokens[i].start, roleEnd), countryCode);
  }

  private found(text: string, words: Token[], role: string, countryCode: string | undefined): Found {
    const start = words[0].start;
    const last = words[words.length - 1];
    // "Safadi's": the possessive is not part of the name.
    const end = /['’]s$/.test(last.text) ? last.end - 2 : last.end;
    return { name: text.slice(start, end), role, ...(countryCode ? { countryCode } : {}), start, end, words };
  }

  /** Adds later mentions of the full name or the surname alone, outside spans already claimed and outside KB entities. */
  private mergeLaterMentions(scanned: ScannedPart[], person: RecognizedPerson, words: Token[], tables: PeopleTables, claimed: Mention[]): void {
    const last = words[words.length - 1];
    const latin = !ARABIC_WORD.test(last.text);
    const surname = latin ? last.text.replace(/['’]s$/, '') : last.norm;
    if (tables.commonSurnames.has(surname) || surname.length < 3) return;
    for (const { part, tokens, kbAt } of scanned) {
      tokens.forEach((t, k) => {
        if (kbAt[k]) return;
        const at = latin ? latinSurnameAt(t, surname) : arabicSurnameAt(t, surname);
        if (at === undefined) return;
        const start = part.start + t.start + at;
        const end = part.start + t.end - (latin && /['’]s$/.test(t.text) ? 2 : 0);
        if (claimed.some((m) => m.start < end && start < m.end)) return;
        const mention = { text: part.text.slice(start - part.start, end - part.start), start, end };
        person.mentions.push(mention);
        claimed.push(mention);
      });
    }
  }
}

/** Offset of the surname inside the token, when the token is the surname behind proclitics; marks make the offsets unsafe, so such tokens must match whole. */
function arabicSurnameAt(t: Token, surname: string): number | undefined {
  const sameLength = t.text.length === t.norm.length;
  for (const prefix of SURNAME_PREFIXES) {
    if (t.norm === prefix + surname && (prefix === '' || sameLength)) return prefix.length;
  }
  if (surname.startsWith('ال') && sameLength) {
    for (const prefix of ARTICLE_PREFIXES) if (t.norm === prefix + surname.slice(2)) return prefix.length;
  }
  return undefined;
}

function latinSurnameAt(t: Token, surname: string): number | undefined {
  return t.text === surname || t.text === `${surname}'s` || t.text === `${surname}’s` ? 0 : undefined;
}
