import type { Mention } from '@eventwire/contracts';
import type { GazetteerMatch } from './gazetteer-matcher';
import type { KbEntity } from './kb-entity';
import type { KnowledgeBase } from './knowledge-base';
import { normalizeArabic, stemCandidates, tokenize, Token } from '@eventwire/text';
import ministryData from '../lexicon/ministries.json';

/** One stretch of an article with the gazetteer's matches in it (local offsets) and where it starts in the body. */
export interface MinistryTextPart {
  text: string;
  start: number;
  matches: readonly GazetteerMatch[];
  /** `tokenize(text)`, when the caller already has it. */
  tokens?: readonly Token[];
}

export interface RecognizedMinistry {
  /** `org:<alpha-3>-<portfolio>-ministry`, e.g. `org:rus-foreign-affairs-ministry`: one id per country and portfolio, whatever the wording. */
  id: string;
  /** "Ministry of Foreign Affairs of Russia". */
  name: string;
  countryCode: string;
  portfolio: string;
  sectors: string[];
  mentions: Mention[];
}

interface Portfolio {
  key: string;
  /** Named without the ministry word in Arabic ("الخارجية الروسية"). */
  bare: boolean;
  en: string;
  sectors: string[];
}

interface PortfolioData {
  bare?: boolean;
  en: string;
  ar: string[];
  before: string[];
  after: string[];
  sectors: string[];
}

/** A phrase as the normalized words the tokenizer gives, for comparing with tokens. */
const words = (phrase: string): string[] => tokenize(phrase).map((t) => t.norm);

const MINISTRY_AR = new Set(words('وزارة الوزارة'));
const MINISTRY_EN = new Set(['ministry']);
/** Words before a bare portfolio that make it an adjective or a minister's title, not the ministry: "السياسة الخارجية الروسية", "وزير الخارجية". */
const NOT_BEFORE_BARE = new Set(words('وزير وزيرة وزراء نائب مساعد'));
const BLANK = /^[ \t\u00A0]*$/;
const ARABIC_LETTER = /[\u0621-\u064A]/;

/**
 * Finds government ministries by pattern: a portfolio and the country it
 * belongs to, in Arabic ("وزارة الخارجية الروسية", or the ministry word left
 * out as Arabic news often does: "الخارجية الروسية:") and English ("Russian
 * Foreign Ministry", "Kazakhstan's Defence Ministry", "the Ministry of
 * Defence of Kazakhstan"), plus ministries with names of their own ("State
 * Department", "البنتاغون"). The country comes from the gazetteer's match
 * right after (Arabic) or before (English) the portfolio; a ministry whose
 * country the text does not give is not reported, since its id needs one.
 */
export class MinistryRecognizer {
  /** Whether an entity id is one this recognizer gives: `org:<alpha-3>-<portfolio>-ministry`. */
  static isMinistryId(id: string): boolean {
    return /^org:[a-z]{3}-[a-z-]+-ministry$/.test(id);
  }

  private readonly portfolios = new Map<string, Portfolio>();
  /** Arabic portfolio phrases (normalized words) → portfolio, longest first. */
  private readonly arabic: { words: string[]; portfolio: Portfolio }[] = [];
  private readonly englishBefore: { words: string[]; portfolio: Portfolio }[] = [];
  private readonly englishAfter: { words: string[]; portfolio: Portfolio }[] = [];
  private readonly named: { words: string[]; portfolio: Portfolio; country: string }[] = [];
  /** Every word a match can start with (besides a country): most tokens are none of them and are passed over after one lookup. */
  private readonly startWords = new Set<string>();
  private readonly startWordsByLastChar = new Map<number, string[]>();

  constructor(private readonly kb: KnowledgeBase) {
    for (const [key, data] of Object.entries(ministryData.portfolios as Record<string, PortfolioData>)) {
      const portfolio = { key, bare: data.bare === true, en: data.en, sectors: [...data.sectors].sort() };
      this.portfolios.set(key, portfolio);
      for (const phrase of data.ar) this.arabic.push({ words: words(phrase), portfolio });
      for (const phrase of data.before) this.englishBefore.push({ words: words(phrase), portfolio });
      for (const phrase of data.after) this.englishAfter.push({ words: words(phrase), portfolio });
    }
    for (const entry of ministryData.named) {
      const portfolio = this.portfolios.get(entry.portfolio);
      if (!portfolio) throw new Error(`ministries.json: unknown portfolio "${entry.portfolio}"`);
      for (const name of entry.names) this.named.push({ words: words(name), portfolio, country: entry.country });
    }
    const longestFirst = (a: { words: string[] }, b: { words: string[] }): number => b.words.length - a.words.length;
    for (const list of [this.arabic, this.englishBefore, this.englishAfter, this.named]) list.sort(longestFirst);
    for (const entry of [...this.arabic, ...this.named]) this.startWords.add(entry.words[0]);
    for (const word of [...MINISTRY_AR, ...MINISTRY_EN]) this.startWords.add(word);
    for (const word of this.startWords) {
      const last = word.charCodeAt(word.length - 1);
      this.startWordsByLastChar.set(last, [...(this.startWordsByLastChar.get(last) ?? []), word]);
    }
  }

  recognize(parts: readonly MinistryTextPart[]): RecognizedMinistry[] {
    const byId = new Map<string, RecognizedMinistry>();
    for (const part of parts) {
      const tokens = part.tokens ?? tokenize(part.text);
      const countryStarts = new Set(part.matches.map((m) => m.start));
      for (let i = 0; i < tokens.length; ) {
        const token = tokens[i];
        let found: Found | undefined;
        if (ARABIC_LETTER.test(token.norm)) {
          if (this.endsWithStartWord(token.norm) && stemCandidates(token.norm).some((c) => this.startWords.has(c))) found = this.namedAt(part, tokens, i) ?? this.arabicAt(part, tokens, i);
        } else if (countryStarts.has(token.start) || this.startWords.has(token.norm)) {
          found = this.namedAt(part, tokens, i) ?? this.englishAt(part, tokens, i);
        }
        if (!found) {
          i++;
          continue;
        }
        const { portfolio, countryCode, start, end, next } = found;
        const id = `org:${countryCode.toLowerCase()}-${portfolio.key}-ministry`;
        let ministry = byId.get(id);
        if (!ministry) {
          const country = this.kb.get(`country:${countryCode}`);
          ministry = {
            id,
            name: `Ministry of ${portfolio.en} of ${country?.name ?? countryCode}`,
            countryCode,
            portfolio: portfolio.key,
            sectors: portfolio.sectors,
            mentions: [],
          };
          byId.set(id, ministry);
        }
        ministry.mentions.push({ text: part.text.slice(start, end), start: part.start + start, end: part.start + end });
        i = next;
      }
    }
    return [...byId.values()];
  }

  /** A ministry known by its own name ("State Department", "البنتاغون"), with or without the ministry word in Arabic. */
  private namedAt(part: MinistryTextPart, tokens: readonly Token[], i: number): Found | undefined {
    const ministryWord = this.isMinistryWord(tokens[i]) ? 1 : 0;
    for (const entry of this.named) {
      const at = this.phraseAt(part, tokens, i + ministryWord, entry.words, i + ministryWord === i);
      if (at === undefined) continue;
      return { portfolio: entry.portfolio, countryCode: entry.country, start: this.startOf(tokens[i]), end: tokens[at - 1].end, next: at };
    }
    return undefined;
  }

  /** "وزارة الخارجية الروسية", "بوزارة الدفاع الكازاخستانية", or the bare "الخارجية الروسية". */
  private arabicAt(part: MinistryTextPart, tokens: readonly Token[], i: number): Found | undefined {
    const hasMinistryWord = this.isMinistryWord(tokens[i]);
    const from = hasMinistryWord ? i + 1 : i;
    if (!hasMinistryWord && i > 0 && this.joined(part, tokens[i - 1], tokens[i]) && this.blocksBare(tokens[i - 1])) return undefined;
    for (const entry of this.arabic) {
      if (!hasMinistryWord && !entry.portfolio.bare) continue;
      const at = this.phraseAt(part, tokens, from, entry.words, !hasMinistryWord);
      if (at === undefined) continue;
      const country = this.countryAfter(part, tokens[at - 1], !hasMinistryWord);
      if (!country) continue;
      const next = tokens.findIndex((t) => t.start >= country.match.end);
      return {
        portfolio: entry.portfolio,
        countryCode: country.code,
        start: this.startOf(tokens[i]),
        end: country.match.end,
        next: next === -1 ? tokens.length : next,
      };
    }
    return undefined;
  }

  /** "Russian Foreign Ministry", "Kazakhstan's Defence Ministry", "Ministry of Defence of Kazakhstan", "the Russian Ministry of Foreign Affairs". */
  private englishAt(part: MinistryTextPart, tokens: readonly Token[], i: number): Found | undefined {
    const before = this.countryEndingAt(part, tokens, i);
    const from = before ? before.next : i;
    if (before) {
      for (const entry of this.englishBefore) {
        const at = this.phraseAt(part, tokens, from, entry.words, false);
        if (at === undefined || at >= tokens.length || !MINISTRY_EN.has(tokens[at].norm) || !this.joined(part, tokens[at - 1], tokens[at])) continue;
        return { portfolio: entry.portfolio, countryCode: before.code, start: tokens[i].start, end: tokens[at].end, next: at + 1 };
      }
    }
    if (from >= tokens.length || !MINISTRY_EN.has(tokens[from].norm) || tokens[from + 1]?.norm !== 'of') return undefined;
    for (const entry of this.englishAfter) {
      const at = this.phraseAt(part, tokens, from + 2, entry.words, false);
      if (at === undefined) continue;
      if (before) return { portfolio: entry.portfolio, countryCode: before.code, start: tokens[i].start, end: tokens[at - 1].end, next: at };
      // "Ministry of Defence of Kazakhstan": the country after "of".
      if (tokens[at]?.norm !== 'of' || at + 1 >= tokens.length) return undefined;
      const match = part.matches.find((m) => m.start === tokens[at + 1].start);
      const code = match ? this.countryCode(match) : undefined;
      if (!match || !code) return undefined;
      const next = tokens.findIndex((t) => t.start >= match.end);
      return { portfolio: entry.portfolio, countryCode: code, start: tokens[from].start, end: match.end, next: next === -1 ? tokens.length : next };
    }
    return undefined;
  }

  /** Proclitics only prefix a word: a token can start a match only if it ends with a start word, which most tokens fail without allocating. */
  private endsWithStartWord(norm: string): boolean {
    const words = this.startWordsByLastChar.get(norm.charCodeAt(norm.length - 1));
    return words !== undefined && words.some((w) => norm.endsWith(w));
  }

  private isMinistryWord(token: Token): boolean {
    return this.candidatesOf(token).some((c) => MINISTRY_AR.has(c));
  }

  /** Proclitic readings of the last token asked about: the same token is asked about for every lexicon entry. */
  private lastToken: Token | undefined;
  private lastCandidates: string[] = [];

  private candidatesOf(token: Token): string[] {
    if (token !== this.lastToken) {
      this.lastToken = token;
      this.lastCandidates = stemCandidates(token.norm);
    }
    return this.lastCandidates;
  }

  /** A bare portfolio ("الخارجية") right after one of these words is an adjective or a title, not the ministry. */
  private blocksBare(previous: Token): boolean {
    const bare = normalizeArabic(previous.text);
    return bare.startsWith('ال') || stemCandidates(previous.norm).some((c) => NOT_BEFORE_BARE.has(c));
  }

  /**
   * One past the last token of `phrase` at token `i`, or undefined. The
   * first word may carry proclitics only when `firstMayHaveClitic`
   * (a bare portfolio: "والخارجية"); later words are joined by blanks only.
   */
  private phraseAt(part: MinistryTextPart, tokens: readonly Token[], i: number, phrase: readonly string[], firstMayHaveClitic: boolean): number | undefined {
    if (i + phrase.length > tokens.length) return undefined;
    for (let k = 0; k < phrase.length; k++) {
      const token = tokens[i + k];
      const same = token.norm === phrase[k] || (k === 0 && firstMayHaveClitic && this.candidatesOf(token).includes(phrase[k]));
      if (!same) return undefined;
      if (k > 0 && !this.joined(part, tokens[i + k - 1], token)) return undefined;
    }
    return i + phrase.length;
  }

  /** The country named right after a token: a demonym agreeing with a ministry (feminine) for the bare form, any country match otherwise. */
  private countryAfter(part: MinistryTextPart, last: Token, bare: boolean): { code: string; match: GazetteerMatch } | undefined {
    const match = part.matches.find((m) => m.start >= last.end && BLANK.test(part.text.slice(last.end, m.start)));
    if (!match) return undefined;
    const code = this.countryCode(match);
    if (!code) return undefined;
    if (bare && (match.via !== 'demonym' || !/[ةه]$/.test(normalizeArabic(match.text)))) return undefined;
    return { code, match };
  }

  /** A country match (name or demonym, with "'s") that ends right before token `i`'s following word: the English pre-modifier. */
  private countryEndingAt(part: MinistryTextPart, tokens: readonly Token[], i: number): { code: string; next: number } | undefined {
    const match = part.matches.find((m) => m.start === tokens[i].start);
    if (!match) return undefined;
    const code = this.countryCode(match);
    if (!code) return undefined;
    let next = tokens.findIndex((t) => t.start >= match.end);
    if (next === -1) return undefined;
    if (/^['’]s?$/.test(tokens[next].text) || tokens[next].norm === 's') next++;
    return next < tokens.length ? { code, next } : undefined;
  }

  private countryCode(match: GazetteerMatch): string | undefined {
    const entity: KbEntity | undefined = this.kb.get(match.entityId);
    return entity?.type === 'country' ? entity.countryCode : undefined;
  }

  private joined(part: MinistryTextPart, a: Token, b: Token): boolean {
    return BLANK.test(part.text.slice(a.end, b.start));
  }

  /** Where a token's word starts once proclitics are left out ("بوزارة" → "وزارة"), the way the gazetteer reports spans. */
  private startOf(token: Token): number {
    for (const candidate of stemCandidates(token.norm)) {
      if (candidate !== token.norm && (MINISTRY_AR.has(candidate) || this.arabic.some((e) => e.words[0] === candidate) || this.named.some((e) => e.words[0] === candidate))) {
        return token.end - candidate.length;
      }
    }
    return token.start;
  }
}

interface Found {
  portfolio: Portfolio;
  countryCode: string;
  /** Local offsets of the mention. */
  start: number;
  end: number;
  /** The token to go on from. */
  next: number;
}
