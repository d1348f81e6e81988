import type {
  CodedActor,
  EventCoding,
  EventLocation,
  ExtractedEntity,
  Mention,
  PloverEventType,
  QuadClass,
} from '@eventwire/contracts';
import { PLOVER_EVENT_TYPES } from '@eventwire/contracts';
import { tokenize, Token, WordSlot } from '@eventwire/text';
import agentData from '../../lexicon/actor-agents.json';
import eventData from '../../lexicon/plover-events.json';
import { lemmatizeNoun, lemmatizeVerb } from 'wink-lemmatizer';
import { arabicForms, PhraseEntry, PhraseLexicon, PhraseMatch, tokenForms } from './phrase-lexicon';

/** A title or paragraph of the article, with its offset in the body (spans are body offsets). */
export interface CodingSegment {
  kind: 'title' | 'paragraph';
  text: string;
  start: number;
  /** `tokenize(text)` (local offsets), when the caller already has it; not modified. */
  tokens?: readonly Token[];
}

interface TriggerValue {
  type: PloverEventType;
  mode: string | null;
  /** The type when the source is an armed force. */
  military: PloverEventType | null;
}

type LexiconEntry = string | { p: string; mode?: string; military?: PloverEventType };
interface TypeData {
  cameo: string;
  quad: string;
  en: LexiconEntry[];
  ar: LexiconEntry[];
}
interface WordLists {
  en: string[];
  ar: string[];
}

const TYPES = eventData.types as unknown as Record<PloverEventType, TypeData>;
const COOPERATIVE_MATERIAL = new Set<PloverEventType>(['COOPERATE', 'AID', 'CONCEDE', 'RETREAT', 'CONSULT', 'SUPPORT']);
const CONFLICTUAL_MATERIAL = new Set<PloverEventType>(['FIGHT', 'ASSAULT', 'COERCE', 'SANCTION', 'MOBILIZE', 'PROTEST']);

/** Weight of a trigger by where it is: the title names the main event, later paragraphs drift into background. */
const TITLE_WEIGHT = 3;
const LEAD_WEIGHT = 2;
const BODY_WEIGHT = 1;
/** Paragraphs after the lead that still count: background and link lists live further down. */
const CODED_PARAGRAPHS = 5;

/** Bits of `Sentence.starts`: which lexicon may match from a token. */
const LEXICON_BIT = { triggers: 1, agents: 2, contexts: 4, intent: 8 } as const;

interface WordForms {
  forms: string[];
  starts: number;
}
/** Characters of title and paragraphs read for triggers: six news sentences rarely take more. */
const MAX_CODED_CHARS = 1_500;
/** At most this many sentences are coded (title included): news puts its main event first, and event coders such as Phoenix read only the opening sentences of a story. */
const MAX_SENTENCES = 6;
/** How far before a trigger an intent word ("will", "مستعد") still governs it. */
const INTENT_WINDOW = 6;

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
/** English modals that carry a trigger of their own ("must"): finite, like an inflected verb. */
const MODALS = new Set(['must']);
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

interface Group {
  first: number;
  last: number;
  atoms: Atom[];
  oblique: boolean;
}

interface Sentence {
  segment: number;
  /** Body offsets. */
  start: number;
  end: number;
  tokens: Token[];
  forms: string[][];
  /** Per token, a bit per lexicon ({@link LEXICON_BIT}) whose entries may start at it. */
  starts: number[];
  weight: number;
  /** Indexes of tokens a colon stands before: "الخارجية الأمريكية: نراقب ..." quotes its speaker, who is not the subject after it. */
  colons: number[];
}

interface Candidate {
  sentence: Sentence;
  match: PhraseMatch<TriggerValue>;
  type: PloverEventType;
  weight: number;
}

function entriesOf<T>(lists: Record<string, WordLists>, value: (key: string) => T): PhraseEntry<T>[] {
  const entries: PhraseEntry<T>[] = [];
  for (const [key, words] of Object.entries(lists)) {
    if (typeof words !== 'object' || !Array.isArray(words.en)) continue;
    for (const pattern of [...words.en, ...words.ar]) entries.push({ pattern, value: value(key) });
  }
  return entries;
}

/** One entry per agent pattern, with every sector it is listed under. */
function agentEntries(): PhraseEntry<string[]>[] {
  const sectorsOf = new Map<string, string[]>();
  for (const [sector, words] of Object.entries(agentData.agents as Record<string, WordLists>)) {
    for (const pattern of [...words.en, ...words.ar]) sectorsOf.set(pattern, [...(sectorsOf.get(pattern) ?? []), sector]);
  }
  return [...sectorsOf].map(([pattern, value]) => ({ pattern, value }));
}

function triggerEntries(): PhraseEntry<TriggerValue>[] {
  const entries: PhraseEntry<TriggerValue>[] = [];
  for (const type of PLOVER_EVENT_TYPES) {
    const data = TYPES[type];
    for (const e of [...data.en, ...data.ar]) {
      entries.push(
        typeof e === 'string'
          ? { pattern: e, value: { type, mode: null, military: null } }
          : { pattern: e.p, value: { type, mode: e.mode ?? null, military: e.military ?? null } },
      );
    }
  }
  return entries;
}

/**
 * Codes an article's main event PETRARCH-style: trigger phrases from
 * Arabic and English lexicons give the PLOVER type (and mode), the
 * actors around the trigger in its sentence give source and target, and
 * the places tied to it give the location. Unlike PETRARCH there is no
 * parse: word order decides, with what Arabic needs — a verb usually comes
 * before its subject ("أرسلت روسيا قوات"), a clitic preposition marks an
 * oblique ("لكازاخستان"), and a noun trigger takes its agent after it
 * ("انسحاب القوات الروسية").
 *
 * Each sentence votes for its main trigger (in English the first finite
 * verb, else the first trigger); the main event is the type with most
 * votes, weighted by place (title 3, lead 2, next paragraphs 1), the
 * earliest on a tie, coded from its vote in the heaviest sentence.
 */
export class EventCoder {
  private readonly triggers = new PhraseLexicon(triggerEntries());
  private readonly agents = new PhraseLexicon(agentEntries());
  private readonly contexts = new PhraseLexicon(entriesOf(agentData.contexts as unknown as Record<string, WordLists>, (k) => k));
  private readonly intent = new PhraseLexicon(entriesOf({ intent: eventData.intent }, () => true));
  /** Lookup forms of a word: lemmatizing and proclitic splitting are the same for every occurrence of a word. */
  private readonly wordForms = new WordSlot((t: Token) => this.wordFormsOf(t));
  private readonly wholeWords = new Set(
    agentEntries()
      .filter((e) => /[\u0600-\u06FF]/.test(e.pattern) && !e.pattern.includes(' '))
      .flatMap((e) => arabicForms(e.pattern)),
  );
  private readonly negations = new Set(
    [...eventData.negation.en, ...eventData.negation.ar].flatMap((w) => tokenForms(tokenize(w)[0] ?? { text: w, norm: w, start: 0, end: w.length, stem: w })),
  );

  code(segments: readonly CodingSegment[], entities: readonly ExtractedEntity[]): EventCoding | null {
    const sentences = this.sentences(segments);
    // Each sentence votes once, for its main trigger: the first finite verb, else the first trigger.
    const votes: Candidate[] = [];
    const mentions = entities.flatMap((e) => e.mentions);
    for (const sentence of sentences) {
      const names = mentions.filter((m) => m.start < sentence.end && m.end > sentence.start);
      const triggers = this.triggers
        .match(sentence.tokens, sentence.forms, EventCoder.mayStart(sentence, LEXICON_BIT.triggers))
        .filter((match) => !this.negated(sentence, match.first) && !this.insideName(sentence, match, names));
      const main = triggers.find((m) => this.finiteVerb(sentence.tokens[m.first])) ?? triggers[0];
      if (main) votes.push({ sentence, match: main, type: this.typeWithIntent(sentence, main), weight: sentence.weight });
    }
    if (votes.length === 0) return null;
    const score = new Map<PloverEventType, number>();
    for (const v of votes) score.set(v.type, (score.get(v.type) ?? 0) + v.weight);
    let best = votes[0];
    for (const v of votes) {
      const better = score.get(v.type)! > score.get(best.type)! || (v.type === best.type && v.weight > best.weight);
      if (better) best = v;
    }
    return this.coded(best, sentences, entities);
  }

  private coded(chosen: Candidate, sentences: Sentence[], entities: readonly ExtractedEntity[]): EventCoding {
    const { sentence, match } = chosen;
    const groups = this.groups(sentence, entities);
    const { source, target } = this.roles(sentence, match, groups);
    const trigger = {
      text: this.textOf(sentence, match.first, match.last),
      start: sentence.tokens[match.first].start,
      end: sentence.tokens[match.last - 1].end,
      pattern: match.entry.pattern,
    };
    const sourceActors = source ? this.actors(source) : [];
    // Violence by armed forces is conventional fighting (CAMEO 19), not an assault (18); troops arriving are deployed.
    const armed = sourceActors.some((a) => a.sectors.includes('MIL'));
    const military = chosen.type === match.entry.value.type ? match.entry.value.military : null;
    const type = armed && military ? military : armed && chosen.type === 'ASSAULT' ? 'FIGHT' : chosen.type;
    const data = TYPES[type];
    return {
      type,
      cameoRoot: data.cameo,
      quadClass: data.quad as QuadClass,
      mode: type === match.entry.value.type || type === military ? match.entry.value.mode : null,
      context: this.contextOf(sentence),
      trigger,
      sentence: { start: sentence.start, end: sentence.end },
      source: sourceActors,
      target: target ? this.actors(target) : [],
      location: this.location(sentence, match, groups, target, sentences, entities),
    };
  }

  /** Title and the first paragraphs, cut into sentences and tokenized once; offsets are body offsets. */
  private sentences(segments: readonly CodingSegment[]): Sentence[] {
    const out: Sentence[] = [];
    let paragraphs = 0;
    let budget = MAX_CODED_CHARS;
    segments.forEach((segment, index) => {
      let weight = TITLE_WEIGHT;
      if (segment.kind === 'paragraph') {
        paragraphs++;
        if (paragraphs > CODED_PARAGRAPHS + 1) return;
        weight = paragraphs === 1 ? LEAD_WEIGHT : BODY_WEIGHT;
      }
      if (budget <= 0 || out.length >= MAX_SENTENCES) return;
      // An article with no paragraph breaks is one long paragraph: only its opening is coded, so only that is tokenized.
      const text = segment.text.length > budget ? segment.text.slice(0, budget) : segment.text;
      budget -= text.length;
      // Tokens at body offsets: copies of the caller's, or fresh ones shifted in place.
      let tokens: Token[];
      if (segment.tokens) {
        tokens = [];
        for (const t of segment.tokens) {
          if (t.end > text.length) break;
          tokens.push({ ...t, start: t.start + segment.start, end: t.end + segment.start });
        }
      } else {
        tokens = tokenize(text);
        for (const t of tokens) {
          t.start += segment.start;
          t.end += segment.start;
        }
      }
      let from = 0;
      let colons: number[] = [];
      for (let i = 1; i <= tokens.length; i++) {
        if (i < tokens.length) {
          const gap = gapKind(segment.text, tokens[i - 1], tokens[i], segment.start);
          if (gap === GAP_COLON) colons.push(i - from);
          if (gap !== GAP_SENTENCE) continue;
        }
        const part = tokens.slice(from, i);
        if (part.length > 0 && out.length < MAX_SENTENCES) {
          const words = this.formsOf(part);
          out.push({
            segment: index,
            start: part[0].start,
            end: part[part.length - 1].end,
            tokens: part,
            forms: words.map((w) => w.forms),
            starts: words.map((w) => w.starts),
            weight,
            colons,
          });
        }
        from = i;
        colons = [];
      }
    });
    return out;
  }

  /**
   * A trigger word inside a name is part of the name: "Asia-Pacific Economic
   * Cooperation", "Amnesty International", and in English a capitalised word
   * that does not open the sentence ("a March rally", "the Relief
   * Coordinator") is taken for one even when the gazetteer does not know it.
   */
  private insideName(sentence: Sentence, match: PhraseMatch<TriggerValue>, names: readonly Mention[]): boolean {
    // The first and last tokens are lexicon words; what a gap lets in between may well be a name ("أرسلت تركيا قوات").
    const words = match.last - 1 === match.first ? [match.first] : [match.first, match.last - 1];
    return words.some((i) => {
      const token = sentence.tokens[i];
      if (names.some((m) => m.start < token.end && token.start < m.end)) return true;
      return i > 0 && /^\p{Lu}\p{Ll}/u.test(token.text);
    });
  }

  /** An English word inflected as a verb and not as a noun ("demanded", "sent"): a finite verb, likelier the main event than a noun. */
  private finiteVerb(token: Token): boolean {
    if (MODALS.has(token.norm)) return true;
    if (!/^[a-z]+$/.test(token.norm)) return false;
    return lemmatizeVerb(token.norm) !== token.norm && lemmatizeNoun(token.norm) === token.norm;
  }

  /**
   * Lookup forms of the tokens. An Arabic word that is itself a known agent
   * word ("وزارة", "وزير") is not stripped of what looks like a proclitic:
   * "وزارة" is a ministry, not "and" + "زارة" (visited him).
   */
  private formsOf(tokens: readonly Token[]): WordForms[] {
    return tokens.map((t) => this.wordForms.of(t));
  }

  private wordFormsOf(t: Token): WordForms {
    let forms = tokenForms(t);
    if (forms.length > 1 && this.wholeWords.has(forms[0])) forms = [forms[0]];
    const bit = (lexicon: PhraseLexicon<unknown>, value: number): number => (forms.some((f) => lexicon.startsWith(f)) ? value : 0);
    const starts =
      bit(this.triggers, LEXICON_BIT.triggers) | bit(this.agents, LEXICON_BIT.agents) | bit(this.contexts, LEXICON_BIT.contexts) | bit(this.intent, LEXICON_BIT.intent);
    return { forms, starts };
  }

  /** Which tokens of a sentence (from `offset`) may start a match of the lexicon with this bit. */
  private static mayStart(sentence: Sentence, bit: number, offset = 0): (i: number) => boolean {
    return (i) => (sentence.starts[offset + i] & bit) !== 0;
  }

  private negated(sentence: Sentence, first: number): boolean {
    for (let i = Math.max(0, first - 2); i < first; i++) {
      if (sentence.forms[i].some((f) => this.negations.has(f)) || sentence.tokens[i].norm.endsWith("n't")) return true;
    }
    return false;
  }

  /** A material event promised ("will withdraw", "مستعد لإرسال") is intent: AGREE for cooperation, THREATEN for force. */
  private typeWithIntent(sentence: Sentence, match: PhraseMatch<TriggerValue>): PloverEventType {
    const type = match.entry.value.type;
    if (!COOPERATIVE_MATERIAL.has(type) && !CONFLICTUAL_MATERIAL.has(type)) return type;
    const from = Math.max(0, match.first - INTENT_WINDOW);
    const window = sentence.tokens.slice(from, match.first);
    const hasIntent = this.intent.match(window, sentence.forms.slice(from, match.first), EventCoder.mayStart(sentence, LEXICON_BIT.intent, from)).length > 0;
    if (!hasIntent) return type;
    return COOPERATIVE_MATERIAL.has(type) ? 'AGREE' : 'THREATEN';
  }

  /** Entity mentions and agent words of the sentence, joined where only "and", commas or nothing stand between them. */
  private groups(sentence: Sentence, entities: readonly ExtractedEntity[]): Group[] {
    const atoms: Atom[] = [];
    for (const entity of entities) {
      for (const mention of entity.mentions) {
        if (mention.start < sentence.start || mention.end > sentence.end) continue;
        const span = this.tokenSpan(sentence, mention.start, mention.end);
        if (!span) continue;
        atoms.push({ first: span[0], last: span[1], entity, mention, ...this.placement(sentence, span[0], mention.start) });
      }
    }
    for (const m of this.agents.match(sentence.tokens, sentence.forms, EventCoder.mayStart(sentence, LEXICON_BIT.agents))) {
      // Agent words inside a tagged organisation with no sectors of its own ("الشرطة التركية") still give it theirs.
      if (atoms.some((a) => a.entity && m.first < a.last && a.first < m.last && !(a.entity.type === 'organization' && !a.entity.sectors?.length))) continue;
      const mention = { text: this.textOf(sentence, m.first, m.last), start: sentence.tokens[m.first].start, end: sentence.tokens[m.last - 1].end };
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
  private roles(sentence: Sentence, match: PhraseMatch<TriggerValue>, groups: Group[]): { source?: Group; target?: Group } {
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
  private actors(group: Group): CodedActor[] {
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
  private location(
    sentence: Sentence,
    match: PhraseMatch<TriggerValue>,
    groups: Group[],
    target: Group | undefined,
    sentences: Sentence[],
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

  private contextOf(sentence: Sentence): string[] {
    return unique(this.contexts.match(sentence.tokens, sentence.forms, EventCoder.mayStart(sentence, LEXICON_BIT.contexts)).map((m) => m.entry.value));
  }

  private tokenSpan(sentence: Sentence, start: number, end: number): [number, number] | undefined {
    let first = -1;
    let last = -1;
    sentence.tokens.forEach((t, i) => {
      if (t.end > start && t.start < end) {
        if (first === -1) first = i;
        last = i + 1;
      }
    });
    return first === -1 ? undefined : [first, last];
  }

  private textOf(sentence: Sentence, first: number, last: number): string {
    return sentence.tokens
      .slice(first, last)
      .map((t) => t.text)
      .join(' ');
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

const GAP_WORD = 0;
const GAP_COLON = 1;
const GAP_SENTENCE = 2;

/**
 * What separates two tokens: a sentence end (line break, ? ! ؟ ؛ ;, or a
 * full stop not after a single capital, as in "U.S."), a colon, or neither.
 * A loop over the few characters between them: this runs for every word.
 */
function gapKind(text: string, previous: Token, next: Token, offset: number): number {
  let kind = GAP_WORD;
  for (let i = previous.end - offset; i < next.start - offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x3f || c === 0x21 || c === 0x061f || c === 0x061b || c === 0x3b) return GAP_SENTENCE;
    if (c === 0x2e && !(previous.text.length === 1 && previous.text >= 'A' && previous.text <= 'Z')) return GAP_SENTENCE;
    if (c === 0x3a) kind = GAP_COLON;
  }
  return kind;
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
