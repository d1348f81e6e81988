import type { MentionForm } from '@eventwire/contracts';
import { GazetteerMatch, KbEntity } from '@eventwire/kb';
import { normalizeArabic } from '@eventwire/text';

/** Latin capitals, digits and dots only, two letters or more: "NATO", "U.S.", "G7". */
const LATIN_ACRONYM = /^(?=(?:.*\p{Lu}){2})[\p{Lu}\d.&-]+$/u;
const ARABIC = /[\u0600-\u06FF]/;

/**
 * How a knowledge-base match writes its entity: a demonym ("الروسي"), an
 * abbreviation ("NATO", or for an organisation known by an acronym, its
 * one-word Arabic alias that is not its Arabic name: "الناتو", "أوبك"), or
 * the name.
 */
export function mentionForm(match: GazetteerMatch, entity: KbEntity): MentionForm {
  if (match.via === 'demonym') return 'demonym';
  const alias = match.matchedAlias.trim();
  if (LATIN_ACRONYM.test(alias)) return 'abbreviation';
  if (
    entity.type === 'organization' &&
    ARABIC.test(alias) &&
    !alias.includes(' ') &&
    entity.aliases.some((a) => LATIN_ACRONYM.test(a)) &&
    normalizeArabic(alias) !== normalizeArabic(entity.nameAr ?? '')
  ) {
    return 'abbreviation';
  }
  return 'name';
}

/** The form of a name the tagger found outside the knowledge base. */
export function taggedForm(text: string): MentionForm {
  return LATIN_ACRONYM.test(text) ? 'abbreviation' : 'name';
}
