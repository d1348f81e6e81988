/**
 * Generated demonym forms. Arabic forms the regular relative adjective
 * (nisba) from a one-word country name: drop the article, then روسيا → روسي,
 * كندا → كندي, السعودية → سعودي, لبنان → لبناني, with the feminine (+ة) and
 * the sound masculine plurals (+ون, +ين). Irregular and multi-word forms are
 * curated, and so are the exclusions of forms that are common words.
 */

const ARABIC_WORD = /^[\u0621-\u064A]+$/;

/**
 * The regular nisba forms of an Arabic country name, or none when the name
 * has no regular nisba: more than one word, or ending in ي or و (مالي,
 * جيبوتي, بيرو, توغو) where the adjective is irregular.
 */
export function arabicNisbaForms(name: string): string[] {
  let base = name.trim();
  if (!ARABIC_WORD.test(base)) return [];
  if (base.startsWith('ال') && base.length > 4) base = base.slice(2);
  let masculine: string;
  if (base.endsWith('يا')) masculine = base.slice(0, -1);
  else if (base.endsWith('ية')) masculine = base.slice(0, -1);
  else if (base.endsWith('ا') || base.endsWith('ة')) masculine = `${base.slice(0, -1)}ي`;
  else if (base.endsWith('ي') || base.endsWith('ى') || base.endsWith('و')) return [];
  else masculine = `${base}ي`;
  if (masculine.length < 4) return [];
  return [masculine, `${masculine}ة`, `${masculine}ون`, `${masculine}ين`];
}

/**
 * English demonym forms from the packaged singular ("Antiguan, Barbudan",
 * "Kittitian or Nevisian" are two each), with the plural in -s where English
 * forms one that way ("Russians", "Iraqis"; not "Chinese", "Swiss", "French").
 */
export function englishDemonymForms(singular: string): string[] {
  const out: string[] = [];
  for (const part of singular.split(/,\s*|\s+or\s+/)) {
    const word = part.trim();
    if (!/^[A-Z]/.test(word)) continue;
    out.push(word);
    if (!/(s|sh|ch|ese|x|z)$/.test(word)) out.push(`${word}s`);
  }
  return out;
}
