import { Token, WordSlot } from '@eventwire/text';
import { ACRONYM_MARK, aliasKeys } from './alias-keys';
import { ProcliticSplit, procliticSplits, splitKey } from './arabic-proclitics';
import { FuzzyIndex } from './fuzzy-index';
import { KbEntity, KbEntityType } from './kb-entity';
import { KnowledgeBase } from './knowledge-base';
import {
  matchKey,
  MatchTokens,
  originalOffsetOfKeyChar,
  TOKEN_ALL_UPPER,
  TOKEN_ARABIC,
  TOKEN_JOINS_PREVIOUS,
  tokenizeForMatching,
} from './match-tokenizer';
import { TokenTrie, TokenTrieNode } from './token-trie';

/**
 * How a mention was found: as written (`exact`), after peeling Arabic
 * proclitics (`clitic`: "وروسيا", "للولايات المتحدة"), as an adjective or
 * people form (`demonym`: "الروسية", "Russian"), or through the fuzzy key
 * (`fuzzy`: a transliteration variant nobody listed).
 */
export type MatchVia = 'exact' | 'clitic' | 'fuzzy' | 'demonym';

export interface GazetteerMatch {
  entityId: string;
  /** The mention as written: `text.slice(start, end)` of the matched text. */
  text: string;
  /** Offsets in the original text; proclitics (و ف ب ك ل) are outside the span, the article inside it. */
  start: number;
  end: number;
  /** The alias or demonym of the entity that matched, as stored in the knowledge base. */
  matchedAlias: string;
  via: MatchVia;
}

interface Pattern {
  /** Undefined for a stop phrase: the words are consumed and nothing is reported. */
  entityId: string | undefined;
  alias: string;
  /** Stored as a demonym: reported as `via: 'demonym'`. */
  demonym: boolean;
  /** May match with the article removed: demonyms, and names spelled like one of the entity's demonyms ("سورية"). */
  takesArticle: boolean;
}

/** A name as the fuzzy index knows it: the conditions of `fuzzy-index.ts` need its word count and whether its alef carries a hamza. */
interface FuzzyName {
  pattern: Pattern;
  words: number;
  /** The key starts with ال though the name has no article (ألمانيا): the text must write the hamza too. */
  hamzaInitial: boolean;
}

interface Candidate {
  pattern: Pattern;
  endToken: number;
  /** Key characters of the first word peeled off as proclitics. */
  offset: number;
  via: MatchVia;
}

/** Entity types that may match fuzzily: transliterated names. Organisation names are Arabic phrases of common words. */
const FUZZY_TYPES: ReadonlySet<KbEntityType> = new Set(['country', 'location', 'person']);

/** أ إ آ: an alef written with its hamza or madda is part of the name, never the article. */
const HAMZA_ALEFS: ReadonlySet<number> = new Set([0x0623, 0x0625, 0x0622]);

const ALEF = 0x0627;
const LAM = 0x0644;

/** The first two characters of `key` from `at`, as one number. */
function head(key: string, at: number): number {
  return (key.charCodeAt(at) << 16) | (key.charCodeAt(at + 1) || 0);
}

/** When two entities share an alias (only possible in a hand-built knowledge base), the first type here keeps it. */
const TYPE_PRIORITY: readonly KbEntityType[] = ['country', 'organization', 'location', 'person'];

/**
 * Finds mentions of knowledge-base entities in text (Arabic and Latin script)
 * with their offsets in the original text. Built once per knowledge base:
 * every alias goes into a trie keyed by whole word keys, so matching costs
 * one or two map lookups per word whatever the number of names.
 *
 * Policy, in order of precedence:
 * - leftmost, then longest match (in words); matches never overlap;
 * - stop phrases win ties and report nothing ("عمان" alone: Oman or Amman;
 *   "صلاة المغرب": the prayer, not Morocco);
 * - at equal length a word as written beats a proclitic reading of it;
 * - names match bare or behind proclitics (و ف ب ك ل); Arabic demonyms also
 *   take the article; names never do ("القطر" is not Qatar);
 * - Latin is case-insensitive, except acronyms, which must be in capitals;
 * - the fuzzy key (see `fuzzy-index.ts`) is tried only where nothing else
 *   starts;
 * - a name never spans a hard separator (line break, comma, quote, bracket).
 */
export class GazetteerMatcher {
  private readonly trie = new TokenTrie<Pattern>();
  private readonly fuzzy = new FuzzyIndex<FuzzyName>();
  private readonly splits: ProcliticSplit[] = [];
  /** First two characters of every first-word key in the trie: most proclitic readings are rejected before a string is built. */
  private readonly trieHeads = new Set<number>();
  // The fuzzy walk runs for nearly every word that matched nothing: its state lives in fields so the hot path allocates nothing.
  private fuzzyText = '';
  private fuzzyTokens: MatchTokens | undefined;
  private fuzzyToken = 0;
  private fuzzyOffset = 0;

  constructor(kb: KnowledgeBase) {
    for (const stop of kb.stopPhrases) {
      const keys = aliasKeys(stop.phrase);
      if (keys.length === 0) continue;
      this.trie.insert(keys, { entityId: undefined, alias: stop.phrase, demonym: false, takesArticle: false });
      this.trieHeads.add(head(keys[0], 0));
      this.fuzzy.block(keys);
    }
    const entities = [...kb.entities].sort((a, b) => TYPE_PRIORITY.indexOf(a.type) - TYPE_PRIORITY.indexOf(b.type));
    for (const entity of entities) {
      for (const alias of entity.aliases) this.add(entity, alias, false);
    }
    for (const entity of entities) {
      for (const alias of entity.demonyms ?? []) this.add(entity, alias, true);
    }
  }

  /** Number of distinct word sequences the matcher looks for (aliases, demonyms, stop phrases). */
  get patternCount(): number {
    return this.trie.entries;
  }

  /** `words`: `tokenize(text)` from `@eventwire/text`, when the caller has it; the words that start no name are then known from their records. */
  match(text: string, words?: readonly Token[]): GazetteerMatch[] {
    const tokens = tokenizeForMatching(text, words);
    const out: GazetteerMatch[] = [];
    let i = 0;
    while (i < tokens.count) {
      const word = tokens.words?.[i];
      if (word !== undefined && (tokens.flags[i] & (TOKEN_ARABIC | TOKEN_ALL_UPPER)) === TOKEN_ARABIC && this.startsNothing.of(word)) {
        i++;
        continue;
      }
      const found = this.longestAt(tokens, i) ?? this.fuzzyAt(text, tokens, i);
      if (!found) {
        i++;
        continue;
      }
      const { pattern } = found;
      if (pattern.entityId !== undefined) {
        const start = found.offset === 0 ? tokens.starts[i] : originalOffsetOfKeyChar(text, tokens.starts[i], tokens.ends[i], found.offset);
        const end = tokens.ends[found.endToken];
        out.push({ entityId: pattern.entityId, text: text.slice(start, end), start, end, matchedAlias: pattern.alias, via: found.via });
      }
      i = found.endToken + 1;
    }
    return out;
  }

  /**
   * Whether no match can start at an Arabic word (not in capitals), whatever
   * follows it: no reading of its key (as written, each proclitic split) is
   * the first word of a name, and every fuzzy walk from it leaves the fuzzy
   * trie within the word. Most words of a text are such words.
   */
  private readonly startsNothing = new WordSlot((word): boolean => {
    const key = matchKey(word.text);
    const first = this.trie.root.next;
    if (first?.has(key)) return false;
    if (key.length >= 2 && !this.fuzzy.diesWithin(key, 0)) return false;
    const n = procliticSplits(key, this.splits);
    for (let s = 0; s < n; s++) {
      const split = this.splits[s];
      if ((split.restoreArticle || this.trieHeads.has(head(key, split.keyStart))) && first?.has(splitKey(key, split))) return false;
      if (!split.articleRemoved && !split.restoreArticle && key.length - split.keyStart >= 2 && !this.fuzzy.diesWithin(key, split.keyStart)) return false;
    }
    return true;
  });

  private add(entity: KbEntity, alias: string, demonym: boolean): void {
    const keys = aliasKeys(alias);
    if (keys.length === 0) return;
    this.trieHeads.add(head(keys[0], 0));
    const pattern: Pattern = { entityId: entity.id, alias, demonym, takesArticle: demonym };
    if (!this.trie.insert(keys, pattern)) {
      const existing = this.trie.get(keys);
      if (demonym && existing?.entityId === entity.id) existing.takesArticle = true;
    }
    const arabic = /[\u0600-\u06FF]/.test(alias);
    if (!arabic) return;
    // A written article marks a native Arabic name or a common noun phrase: see fuzzy-index.ts.
    const eligible = !demonym && FUZZY_TYPES.has(entity.type) && !alias.trim().startsWith('ال');
    const name: FuzzyName = { pattern, words: keys.length, hamzaInitial: keys[0].startsWith('ال') };
    this.fuzzy.add(keys, name, eligible, (a, b) => a.pattern.entityId === b.pattern.entityId);
  }

  /** The longest trie match starting at word `i`, trying the word as written and every proclitic reading of it. */
  private longestAt(tokens: MatchTokens, i: number): Candidate | undefined {
    const key = tokens.keys[i];
    const flags = tokens.flags[i];
    let best = this.walk(tokens, i, key, 0, false, undefined);
    if ((flags & TOKEN_ALL_UPPER) !== 0) best = this.walk(tokens, i, ACRONYM_MARK + key, 0, false, best);
    if ((flags & TOKEN_ARABIC) !== 0) {
      const n = procliticSplits(key, this.splits);
      for (let s = 0; s < n; s++) {
        const split = this.splits[s];
        if (!split.restoreArticle && !this.trieHeads.has(head(key, split.keyStart))) continue;
        best = this.walk(tokens, i, splitKey(key, split), split.offset, split.articleRemoved, best);
      }
    }
    return best;
  }

  private walk(tokens: MatchTokens, i: number, firstKey: string, offset: number, articleRemoved: boolean, best: Candidate | undefined): Candidate | undefined {
    let node: TokenTrieNode<Pattern> | undefined = this.trie.root.next?.get(firstKey);
    if (!node) return best;
    let hit: Pattern | undefined;
    let hitEnd = -1;
    for (let j = i; ; j++) {
      const value: Pattern | undefined = node.value;
      if (value && (!articleRemoved || value.takesArticle)) {
        hit = value;
        hitEnd = j;
      }
      const next: Map<string, TokenTrieNode<Pattern>> | undefined = node.next;
      const k = j + 1;
      if (!next || k >= tokens.count || (tokens.flags[k] & TOKEN_JOINS_PREVIOUS) === 0) break;
      let child = next.get(tokens.keys[k]);
      if (!child && (tokens.flags[k] & TOKEN_ALL_UPPER) !== 0) child = next.get(ACRONYM_MARK + tokens.keys[k]);
      if (!child) break;
      node = child;
    }
    if (!hit || (best && best.endToken >= hitEnd)) return best;
    const via: MatchVia = hit.demonym || articleRemoved ? 'demonym' : offset === 0 ? 'exact' : 'clitic';
    return { pattern: hit, endToken: hitEnd, offset, via };
  }

  /** A fuzzy match at word `i`, for Arabic words where no exact or proclitic match starts. */
  private fuzzyAt(text: string, tokens: MatchTokens, i: number): Candidate | undefined {
    if ((tokens.flags[i] & TOKEN_ARABIC) === 0) return undefined;
    const key = tokens.keys[i];
    this.fuzzyText = text;
    this.fuzzyTokens = tokens;
    this.fuzzyToken = i;
    let best = this.fuzzyFrom(key, 0, 0, undefined);
    const n = procliticSplits(key, this.splits);
    for (let s = 0; s < n; s++) {
      const split = this.splits[s];
      if (!split.articleRemoved && !split.restoreArticle) best = this.fuzzyFrom(key, split.keyStart, split.offset, best);
    }
    return best;
  }

  private fuzzyFrom(key: string, keyStart: number, offset: number, best: Candidate | undefined): Candidate | undefined {
    const tokens = this.fuzzyTokens;
    if (!tokens || key.length - keyStart < 2) return best;
    this.fuzzyOffset = offset;
    // Names whose key starts with ال match only a written hamza (see acceptFuzzy): skip the walk for the article, the commonest start of all.
    if (key.charCodeAt(keyStart) === ALEF && key.charCodeAt(keyStart + 1) === LAM && !this.startsWithHamza()) return best;
    const hit = this.fuzzy.longest(keyStart === 0 ? key : key.slice(keyStart), tokens, this.fuzzyToken, this.acceptFuzzy);
    if (!hit || (best && best.endToken >= hit.endToken)) return best;
    return { pattern: hit.value.pattern, endToken: hit.endToken, offset, via: 'fuzzy' };
  }

  private readonly acceptFuzzy = (name: FuzzyName, words: number): boolean => words <= name.words && (!name.hamzaInitial || this.startsWithHamza());

  private startsWithHamza(): boolean {
    const tokens = this.fuzzyTokens;
    if (!tokens) return false;
    const i = this.fuzzyToken;
    const start = this.fuzzyOffset === 0 ? tokens.starts[i] : originalOffsetOfKeyChar(this.fuzzyText, tokens.starts[i], tokens.ends[i], this.fuzzyOffset);
    return HAMZA_ALEFS.has(this.fuzzyText.charCodeAt(start));
  }
}
