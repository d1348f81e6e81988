import type { EntityType } from '@eventwire/contracts';
import { normalizeArabic } from '@eventwire/text';

const ARABIC_SCRIPT = /^[\u0600-\u06FF\s]+$/;
/** Letters Arabic writes or leaves out for a foreign name's vowels ("سروج"/"سوروج"): dropped after the first letter. */
const VOWEL_LETTERS = new Set(['ا', 'و', 'ي']);
/** Types whose unlisted names are grouped by spelling: places and organisations. Persons are not (see `spellingKey`). */
const GROUPED: ReadonlySet<EntityType> = new Set<EntityType>(['location', 'organization']);
const MIN_KEY_LETTERS = 3;

/**
 * A key shared by the spellings of one transliterated name, for the names
 * no knowledge base lists (their ids come from the spelling, so "سروج",
 * "سوروج" and "سوروتش", the Turkish town of Suruç, are three ids): the
 * name normalised (hamza seats, ta marbuta, alef maqsura, diacritics), its
 * spaces dropped, تش read as ج (Turkish ç is written either way), ق as ك
 * (Turkic and Russian k/q), doubled letters collapsed and the vowel
 * letters ا و ي dropped between the first and the last letter (the last
 * stays, as in the knowledge base's fuzzy key: "الأهلي" and "الهلال", two
 * clubs, keep apart). It is only used inside one
 * story, where two places or organisations with one consonant skeleton
 * are one name spelled twice. Persons are left out: native given names
 * differ only in their vowel letters ("محمد", "محمود"). Null for a name
 * in another script (knowledge-base entities carry their English name),
 * another type, or a key under three letters.
 *
 * Written here: the knowledge base's fuzzy key (`fuzzyKey` in libs/kb)
 * keeps و and ي, which is right for matching running text against known
 * names but too strict for grouping names already known to be names.
 */
export function spellingKey(type: EntityType, name: string): string | null {
  if (!GROUPED.has(type) || !ARABIC_SCRIPT.test(name)) return null;
  // Every story version's record asks again for the same names: the key of each is worked out once (bounded).
  const cacheKey = `${type}|${name}`;
  const cached = KEYS.get(cacheKey);
  if (cached !== undefined) return cached;
  const key = skeleton(name);
  if (KEYS.size >= MAX_CACHED) KEYS.clear();
  const out = key.length >= MIN_KEY_LETTERS ? `${type}|${key}` : null;
  KEYS.set(cacheKey, out);
  return out;
}

const KEYS = new Map<string, string | null>();
const MAX_CACHED = 50_000;

function skeleton(name: string): string {
  // Doubled letters first ("ملليت"/"ملييت"), then the inner vowel letters: a letter doubled only once a vowel between is
  // gone stays two ("الهلال" is not "الأهلي").
  const folded = normalizeArabic(name).replace(/\s+/g, '').replace(/تش/g, 'ج').replace(/ق/g, 'ك').replace(/(.)\1+/g, '$1');
  let key = '';
  for (let i = 0; i < folded.length; i++) {
    const c = folded[i]!;
    if (i > 0 && i < folded.length - 1 && VOWEL_LETTERS.has(c)) continue;
    key += c;
  }
  return key;
}
