import { aliasKey, aliasKeys, KbEntity, StopPhrase } from '@eventwire/kb';

/** A candidate name of a draft entity, with where it came from. */
export interface DraftName {
  text: string;
  /** Hand-written in libs/kb/curated: wins over packaged names in conflicts and is never excluded. */
  curated: boolean;
}

export interface DraftEntity {
  entity: Omit<KbEntity, 'aliases' | 'demonyms'>;
  /** Conflict rank, lower wins: a sovereign country over a territory over an organisation over a place over a person. */
  rank: number;
  aliases: DraftName[];
  demonyms: DraftName[];
  /** Packaged or generated forms to drop (common words), as written; compared by alias key. */
  exclude?: string[];
}

export interface DroppedAlias {
  text: string;
  reason: 'stop-phrase' | 'excluded' | 'ambiguous' | 'lost-conflict' | 'script' | 'too-short';
  entityIds: string[];
}

export interface ResolvedEntities {
  entities: KbEntity[];
  dropped: DroppedAlias[];
}

export const RANK_COUNTRY = 0;
export const RANK_TERRITORY = 1;
export const RANK_ORGANIZATION = 2;
export const RANK_LOCATION = 3;
export const RANK_PERSON = 4;

/** Arabic and Latin script only: the languages the knowledge base covers (packaged names come in many scripts). */
const SUPPORTED_SCRIPT = /^[\u0600-\u06FF\p{Script=Latin}\p{M}0-9 .'’-]+$/u;

function tooShort(keys: string[]): boolean {
  // eslint-disable-next-line no-control-regex -- \u0001 is the key separator alias-keys puts between words
  const letters = keys.join('').replace(/\u0001/g, '').length;
  if (letters < 2) return true;
  // One Arabic word of two letters is a preposition or a particle far more often than a name.
  return keys.length === 1 && /^[\u0600-\u06FF]+$/.test(keys[0]) && keys[0].length < 3;
}

interface Claim {
  entity: number;
  curated: boolean;
}

/**
 * Turns draft entities into knowledge-base entities: one alias per matching
 * form, and every form owned by at most one entity, so the gazetteer never
 * has to guess. A form claimed by several entities goes to the only one that
 * curated it, else to the only one of the best rank (the country Djibouti
 * over the city, the United States over its territories for "American");
 * otherwise it is ambiguous and dropped ("Congolese", "Dominican"). Forms
 * equal to a stop phrase, excluded forms and forms in other scripts are
 * dropped too; everything dropped is reported.
 */
export function resolveAliases(drafts: readonly DraftEntity[], stopPhrases: readonly StopPhrase[]): ResolvedEntities {
  const dropped: DroppedAlias[] = [];
  const stopKeys = new Set(stopPhrases.map((s) => aliasKey(s.phrase)));
  const claims = new Map<string, Claim[]>();

  const kept = drafts.map((draft, index) => {
    const excluded = new Set((draft.exclude ?? []).map(aliasKey));
    const pick = (names: DraftName[]): Map<string, DraftName> => {
      const byKey = new Map<string, DraftName>();
      for (const name of names) {
        const text = name.text.replace(/\s+/g, ' ').trim();
        const keys = aliasKeys(text);
        const key = keys.join(' ');
        const id = [draft.entity.id];
        if (!SUPPORTED_SCRIPT.test(text)) dropped.push({ text, reason: 'script', entityIds: id });
        else if (keys.length === 0 || tooShort(keys)) dropped.push({ text, reason: 'too-short', entityIds: id });
        else if (stopKeys.has(key)) dropped.push({ text, reason: 'stop-phrase', entityIds: id });
        else if (!name.curated && excluded.has(key)) dropped.push({ text, reason: 'excluded', entityIds: id });
        else {
          const seen = byKey.get(key);
          if (!seen || (name.curated && !seen.curated)) byKey.set(key, { text, curated: name.curated });
        }
      }
      return byKey;
    };
    const aliases = pick(draft.aliases);
    const demonyms = pick(draft.demonyms);
    for (const [key, name] of [...aliases, ...demonyms]) {
      const list = claims.get(key) ?? [];
      const mine = list.find((c) => c.entity === index);
      if (mine) mine.curated ||= name.curated;
      else list.push({ entity: index, curated: name.curated });
      claims.set(key, list);
    }
    return { aliases, demonyms };
  });

  for (const [key, list] of claims) {
    if (list.length < 2) continue;
    const curated = list.filter((c) => c.curated);
    const pool = curated.length > 0 ? curated : list;
    const best = Math.min(...pool.map((c) => drafts[c.entity].rank));
    const winners = pool.filter((c) => drafts[c.entity].rank === best);
    const winner = winners.length === 1 ? winners[0].entity : undefined;
    for (const claim of list) {
      if (claim.entity === winner) continue;
      const own = kept[claim.entity];
      const text = own.aliases.get(key)?.text ?? own.demonyms.get(key)?.text ?? key;
      own.aliases.delete(key);
      own.demonyms.delete(key);
      dropped.push({
        text,
        reason: winner === undefined ? 'ambiguous' : 'lost-conflict',
        entityIds: list.map((c) => drafts[c.entity].entity.id),
      });
    }
  }

  const entities: KbEntity[] = [];
  drafts.forEach((draft, index) => {
    const aliases = [...kept[index].aliases.values()].map((n) => n.text).sort();
    const demonyms = [...kept[index].demonyms.values()].map((n) => n.text).sort();
    if (aliases.length === 0 && demonyms.length === 0) return;
    entities.push({ ...draft.entity, aliases, ...(demonyms.length > 0 ? { demonyms } : {}) });
  });
  entities.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { entities, dropped };
}
