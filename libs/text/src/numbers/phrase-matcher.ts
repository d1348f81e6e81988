import { FoldedToken, foldWord, withProclitics } from './folded-text';

export interface PhraseMatch<T> {
  value: T;
  /** Token index of the first and one past the last token of the phrase. */
  start: number;
  end: number;
  /** The first token carries a conjunction ("وأكثر من"): the phrase starts a new coordinated part. */
  conj: boolean;
}

export interface PhraseOptions {
  /** Also match the first word with the article added ("مستشفى" → "المستشفى"). */
  article?: boolean;
}

interface Entry<T> {
  rest: string[];
  value: T;
  conj: boolean;
}

/**
 * Multi-word cues looked up on FoldedText tokens ("أكثر من", "العناية
 * المركزة", "at least"). Phrases are written as spelled and folded here; the
 * first word also matches with the proclitics Arabic glues onto it
 * ("للمستشفى", "وأكثر"), later words match as written.
 */
export class PhraseMatcher<T> {
  private readonly byFirst = new Map<string, Entry<T>[]>();
  private readonly maxWords: number;

  constructor(phrases: ReadonlyArray<readonly [string, T]>, options: PhraseOptions = {}) {
    let maxWords = 1;
    for (const [phrase, value] of phrases) {
      const words = foldWord(phrase).split(/\s+/).filter(Boolean);
      if (words.length === 0) continue;
      maxWords = Math.max(maxWords, words.length);
      const [first, ...rest] = words;
      const definite = first!.startsWith('ال') && phrase.trimStart().startsWith('ال');
      for (const { form, conj } of withProclitics(first!, options.article ?? false, definite)) {
        const list = this.byFirst.get(form) ?? [];
        list.push({ rest, value, conj });
        this.byFirst.set(form, list);
      }
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.rest.length - a.rest.length);
    this.maxWords = maxWords;
  }

  /** The longest phrase that starts at token `i`. */
  matchAt(tokens: readonly FoldedToken[], i: number): PhraseMatch<T> | null {
    const token = tokens[i];
    if (!token) return null;
    const list = this.byFirst.get(token.norm);
    if (!list) return null;
    for (const entry of list) {
      if (entry.rest.every((word, k) => tokens[i + 1 + k]?.norm === word && !tokens[i + 1 + k]!.newlineBefore)) {
        return { value: entry.value, start: i, end: i + 1 + entry.rest.length, conj: entry.conj };
      }
    }
    return null;
  }

  /** The longest phrase that ends just before token `end`. */
  matchEndingAt(tokens: readonly FoldedToken[], end: number): PhraseMatch<T> | null {
    for (let start = Math.max(0, end - this.maxWords); start < end; start++) {
      const match = this.matchAt(tokens, start);
      if (match && match.end === end) return match;
    }
    return null;
  }

  /** Whether the token alone begins any phrase; a cheap filter before matchAt. */
  startsWith(token: FoldedToken): boolean {
    return this.byFirst.has(token.norm);
  }
}
