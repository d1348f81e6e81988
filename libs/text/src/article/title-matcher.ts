import { normalizeForMatching } from '../normalize/arabic-normalizer';

/**
 * Pages repeat their headline (page title, h1, share card, breadcrumb) with
 * small differences: punctuation, quotes, hamza and ta-marbuta spelling, a
 * trailing site name. Two lines are the same headline when their matching
 * keys are equal or one holds the other and is nearly as long.
 */
const NEAR_RATIO = 0.8;
const NON_WORD = /[^\p{L}\p{N}\s]+/gu;
const SPACES = /\s+/g;

export function titleKey(text: string): string {
  return normalizeForMatching(text).replace(NON_WORD, ' ').replace(SPACES, ' ').trim();
}

export function isNearTitle(key: string, title: string): boolean {
  if (key === '' || title === '') return false;
  if (key === title) return true;
  const [shorter, longer] = key.length < title.length ? [key, title] : [title, key];
  return shorter.length >= longer.length * NEAR_RATIO && longer.includes(shorter);
}

/** Cheap length test before building a key: a near repeat is within these bounds of the title's length. */
export function couldBeNearTitle(length: number, titleLength: number): boolean {
  return length >= titleLength * 0.6 && length <= titleLength * 1.6;
}
