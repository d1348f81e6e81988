import type { CodedActor, EventLocation, ExtractedEntity, Mention } from '@eventwire/contracts';
import { LEAD_WEIGHT, mayStart, MODALS, Sentence, textOf, TITLE_WEIGHT, tokenSpan } from './coding-sentences';
import { EventLexicons, LEXICON_BIT, TriggerValue } from './event-lexicons';
import { PhraseMatch } from './phrase-lexicon';

/** Words that make the actor after them an oblique (a place, an object, an agent "led by"), not the subject. */
const PREPOSITIONS = new Set([
  'in', 'at', 'on', 'to', 'from', 'with', 'against', 'by', 'for', 'of', 'near', 'into', 'toward', 'towards', 'over', 'about', 'between', 'inside', 'across',
  'في', 'من', 'الي', 'علي', 'عن', 'مع', 'ضد', 'حول', 'بين', 'لدي', 'عبر', 'داخل', 'خارج', 'امام', 'عند', 'تجاه', 'نحو', 'قرب', 'بقياده', 'برئاسه', 'بزعامه',
]);
/** Prepositions that place an event or send something to a place. */
const LOCATIVES = new Set(['in', 'at', 'near', 'inside', 'to', 'into', 'across', 'في', 'الي', 'داخل', 'قرب', 'بالقرب']);
/** How many words an Arabic subject may stand before its verb. */
const ARABIC_SUBJECT_REACH = 8;
/** How many words after an Arabic trigger its subject may follow. */
const ARABIC_SUBJECT_AFTER = 3;
const BE_FORMS = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being', 'get', 'got']);
const CONNECTORS = new Set(['and', '&', 'و']);
/** Words that may stand between a country and its agent or person without breaking the actor ("Taiwan's Vice Foreign Minister"). */
const MODIFIERS = new Set(['a', 'an', 'vice', 'deputy', 'senior', 'former', 'acting', 'top', 'chief', 'interim', 'ousted', 'new', 'the', 'its', 'their', 'his', 'her', 'السابق', 'الاسبق', 'المستقيل']);
const ARABIC_PREPOSITION_CLITIC = /^[وف]?[بل]/;

interface Atom {
  first: number;
  last: number;
  /** An entity mention, or an agent's sectors. */
  entity?: ExtractedEntity;
  sectors?: string[];
  mention: Mention;
  /** Written after a preposition ("to Kazakhstan", "بقيادة روسيا"). */
  oblique: boolean;
  locative: boolean;
}

/** Entity mentions and agent words of a sentence that stand together as one actor ("Russia and Belarus", "Turkish police"). */
export interface Group {
  first: number;
  last: number;
  atoms: Atom[];
  oblique: boolean;
}

/**
 * Who did what to whom, and where, in the sentence of the chosen trigger.
 * There is no parse: word order decides, with what Arabic needs — a verb
 * usually comes before its subject ("أرسلت روسيا قوات"), a clitic
 * preposition marks an oblique ("لكازاخستان"), and a noun trigger takes its
 * agent after it ("انسحاب القوات الروسية"). The sentence's entity mentions
 * and agent words are first joined into groups, the groups around the
 * trigger take the roles, and each role's group gives its actors.
 */
export class RoleAssignment {
  constructor(private readonly lexicons: EventLexicons) {}

  /** Entity mentions and agent words of the sentence, joined where only "and", commas or nothing stand between them. */
  groups(sentence: Sentence, entities: readonly ExtractedEntity[]): Group[] {
    const atoms: Atom[] = [];
    for (const entity of entities) {
      for (const mention of entity.mentions) {
        if (mention.start < sentence.start || mention.end > sentence.end) continue;
        const span = tokenSpan(sentence, mention.start, mention.end);
        if (!span) continue;
        atoms.push({ first: span[0], last: span[1], entity, mention, ...this.placement(sentence, span[0], mention.start) });
      }
    }
    for (const m of this.lexicons.agents.match(sentence.tokens, sentence.forms, mayStart(sentence, LEXICON_BIT.agents))) {
      // Agent words inside a tagged organisation with no sectors of its own ("الشرطة التركية") still give it theirs.
      if (atoms.some((a) => a.entity && m.first < a.last && a.first < m.last && !(a.entity.type === 'organization' && !a.entity.sectors?.length))) continue;
      const mention = { text: textOf(sentence, m.first, m.last), start: sentence.tokens[m.first].start, end: sentence.tokens[m.last - 1].end };
      atoms.push({ first: m.first, last: m.last, sectors: m.entry.value, mention, ...this.placement(sentence, m.first, mention.start) });
    }
    atoms.sort((a, b) => a.first - b.first || a.mention.start - b.mention.start);
    const groups: Group[] = [];
    for (const atom of atoms) {
      const current = groups[groups.length - 1];
      if (current && this.joins(sentence, current.last, atom.first)) {
        current.atoms.push(atom);
        current.last = Math.max(current.last, atom.last);
      } else {
        groups.push({ first: atom.first, last: atom.last, atoms: [atom], oblique: atom.oblique });
      }
    }
    return groups;
  }

  private placement(sentence: Sentence, first: number, mentionStart: number): { oblique: boolean; locative: boolean } {
    const token = sentence.tokens[first];
    // A preposition written on the word itself: "لكازاخستان", "بموسكو".
    const clitic = token.text.slice(0, Math.max(0, mentionStart - token.start));
    if (ARABIC_PREPOSITION_CLITIC.test(clitic)) return { oblique: true, locative: clitic.endsWith('ب') };
    const before = first > 0 ? sentence.forms[first - 1] : [];
    const oblique = before.some((f) => PREPOSITIONS.has(f));
    return { oblique, locative: oblique && before.some((f) => LOCATIVES.has(f)) };
  }

  /** Only connectors, or nothing, between token `end` (exclusive end of a group) and `next`. */
  private joins(sentence: Sentence, end: number, next: number): boolean {
    if (next < end) return true;
    let connectors = 0;
    for (let i = end; i < next; i++) {
      if (sentence.forms[i].some((f) => CONNECTORS.has(f))) connectors++;
      else if (!sentence.forms[i].some((f) => MODIFIERS.has(f))) return false;
    }
    return connectors <= 1 && next - end <= 3;
  }

  /**
   * Source and target around the trigger. English: the subject is the
   * nearest non-oblique group before the trigger (after "by" in the
   * passive), the target the first group after it. Arabic: a group right
   * after the trigger is its subject (verb first) or agent (noun trigger)
   * unless a subject stands just before it.
   */
  roles(sentence: Sentence, match: PhraseMatch<TriggerValue>, groups: Group[]): { source?: Group; target?: Group } {
    const clauseStart = Math.max(0, ...sentence.colons.filter((k) => k <= match.first));
    const before = groups.filter((g) => g.last <= match.first && g.first >= clauseStart);
    const after = groups.filter((g) => g.first >= match.last || (g.first > match.first && g.first < match.last));
    const arabic = /[\u0600-\u06FF]/.test(sentence.tokens[match.first].text);
    // English puts the subject anywhere before the verb; an Arabic subject before the verb stands close to it.
    const subjectBefore = [...before].reverse().find((g) => !g.oblique && (!arabic || match.first - g.last <= ARABIC_SUBJECT_REACH));
    const targetAfter = (exclude?: Group): Group | undefined => pickTarget(after.filter((g) => g !== exclude));
    if (!arabic && MODALS.has(sentence.tokens[match.first].norm)) {
      // "Britain said Libya must hand over...": who must is the target, who says so the source.
      const target = [...before].reverse()[0];
      const source = target ? [...before].reverse().find((g) => g.last <= target.first && !g.oblique) : undefined;
      return { source, target };
    }
    if (!arabic && this.passive(sentence, match.first)) {
      const byAgent = (g: Group): boolean => {
        for (let i = g.first - 1; i >= Math.max(0, g.first - 3); i--) {
          if (sentence.forms[i].includes('by')) return true;
          if (!sentence.forms[i].some((f) => MODIFIERS.has(f))) return false;
        }
        return false;
      };
      return { source: after.find(byAgent), target: [...before].reverse()[0] };
    }
    if (arabic) {
      // Verb first: its subject follows within a few words ("أرسلت روسيا قوات", "نشر قوات تقودها روسيا"), a named one before agent words.
      const near = after.filter((g) => !g.oblique && g.first - match.last <= ARABIC_SUBJECT_AFTER);
      const rightAfter = near.find((g) => g.atoms.some((a) => a.entity)) ?? near[0];
      const source = subjectBefore && match.first - subjectBefore.last <= 3 ? subjectBefore : (rightAfter ?? subjectBefore);
      return { source, target: targetAfter(source) };
    }
    return { source: subjectBefore, target: targetAfter(subjectBefore) };
  }

  private passive(sentence: Sentence, first: number): boolean {
    for (let i = Math.max(0, first - 2); i < first; i++) if (sentence.forms[i].some((f) => BE_FORMS.has(f))) return true;
    return false;
  }

  /**
   * The actors of a group: its people and organisations, else its
   * countries, else (metonymy: "Moscow said") the countries of its places;
   * agent words give them sectors and a demonym gives them a country.
   * A group of agent words alone is one actor with no entity.
   */
  actors(group: Group): CodedActor[] {
    const agentSectors = unique(group.atoms.flatMap((a) => a.sectors ?? []));
    const withEntity = group.atoms.filter((a): a is Atom & { entity: ExtractedEntity } => a.entity !== undefined);
    const primary = withEntity.filter((a) => a.entity.type === 'person' || a.entity.type === 'organization');
    const countries = withEntity.filter((a) => a.entity.type === 'country');
    // A place written as a place ("in Tokyo") stands for its country only when nothing else in the group does.
    const places = withEntity.filter((a) => a.entity.type === 'location');
    const agentMentions = group.atoms.filter((a) => !a.entity).map((a) => a.mention);
    const actorOf = (atoms: (Atom & { entity: ExtractedEntity })[], countryCode: string | null): CodedActor[] => {
      const byId = new Map<string, CodedActor>();
      for (const a of atoms) {
        const existing = byId.get(a.entity.id);
        if (existing) {
          existing.mentions.push(a.mention);
          continue;
        }
        const country = a.entity.type === 'organization' && a.entity.sectors?.includes('IGO') ? null : (a.entity.countryCode ?? countryCode);
        const sectors = unique([...(a.entity.sectors ?? []), ...agentSectors]);
        byId.set(a.entity.id, {
          entityId: a.entity.id,
          name: a.entity.name,
          countryCode: country,
          sectors,
          code: actorCode(country, sectors),
          mentions: [a.mention, ...agentMentions],
        });
      }
      return [...byId.values()];
    };
    if (primary.length > 0) return actorOf(primary, countries.length === 1 ? countries[0].entity.countryCode ?? null : null);
    if (countries.length > 0) return actorOf(countries, null);
    if (places.length > 0) {
      return actorOf(places, null).map((a) => ({ ...a, code: actorCode(a.countryCode, a.sectors) }));
    }
    if (agentSectors.length === 0) return [];
    const text = agentMentions.map((m) => m.text).join(' ');
    return [{ entityId: null, name: text, countryCode: null, sectors: agentSectors, code: actorCode(null, agentSectors), mentions: agentMentions }];
  }

  /**
   * The most specific place tied to the event: a named place in the
   * trigger's sentence (after the trigger first), else a country written
   * as a place there ("in Kazakhstan", "to Kazakhstan"), else a place in
   * the title or lead, else the target when it is a country.
   */
  location(
    sentence: Sentence,
    match: PhraseMatch<TriggerValue>,
    groups: Group[],
    target: Group | undefined,
    sentences: readonly Sentence[],
    entities: readonly ExtractedEntity[],
  ): EventLocation | null {
    const atoms = groups.flatMap((g) => g.atoms).filter((a) => a.entity);
    const places = atoms.filter((a) => a.entity!.type === 'location');
    const ordered = [...places.filter((a) => a.first >= match.first), ...places.filter((a) => a.first < match.first)];
    if (ordered.length > 0) return locationOf(ordered[0], 'trigger-sentence');
    const country = atoms.find((a) => a.entity!.type === 'country' && a.locative);
    if (country) return locationOf(country, 'trigger-sentence');
    for (const [basis, segmentKind] of [['title', 0], ['lead', 1]] as const) {
      const within = sentences.filter((s) => (segmentKind === 0 ? s.weight === TITLE_WEIGHT : s.weight === LEAD_WEIGHT));
      for (const s of within) {
        for (const entity of entities) {
          if (entity.type !== 'location') continue;
          const mention = entity.mentions.find((m) => m.start >= s.start && m.end <= s.end);
          if (mention) return locationOf({ entity, mention }, basis);
        }
      }
    }
    const targetCountry = target?.atoms.find((a) => a.entity?.type === 'country');
    return targetCountry ? locationOf(targetCountry, 'target') : null;
  }

  /** The contexts the sentence's words name ("military" for "troops", "election" for a vote), each once. */
  contextOf(sentence: Sentence): string[] {
    return unique(this.lexicons.contexts.match(sentence.tokens, sentence.forms, mayStart(sentence, LEXICON_BIT.contexts)).map((m) => m.entry.value));
  }
}

/**
 * The target among the groups after the trigger: the first that names an
 * actor; else people named by an agent word ("المتظاهرين", "civilians");
 * else the place it goes to or happens in ("arrived in Amman", coded as the
 * place's country, as PETRARCH does); else what is left ("troops" is
 * usually what is moved, not the target).
 */
function pickTarget(after: readonly Group[]): Group | undefined {
  const named = (g: Group): boolean => g.atoms.some((a) => a.entity && (a.entity.type !== 'location' || !a.locative));
  const people = (g: Group): boolean => g.atoms.every((a) => !a.entity && !(a.sectors ?? []).includes('MIL'));
  const place = (g: Group): boolean => g.atoms.some((a) => a.entity);
  return after.find(named) ?? after.find(people) ?? after.find(place) ?? after[0];
}

function locationOf(atom: { entity?: ExtractedEntity; mention: Mention }, basis: string): EventLocation {
  const e = atom.entity!;
  return {
    entityId: e.id,
    name: e.name,
    type: e.type === 'country' ? 'country' : 'location',
    countryCode: e.countryCode ?? null,
    ...(e.lat !== undefined && e.lon !== undefined ? { lat: e.lat, lon: e.lon } : {}),
    basis,
    mention: { text: atom.mention.text, start: atom.mention.start, end: atom.mention.end },
  };
}

function actorCode(countryCode: string | null, sectors: readonly string[]): string {
  const code = (countryCode ?? '') + sectors.join('');
  return code || '---';
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
