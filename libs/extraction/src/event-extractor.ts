import type {
  ArticleTranslatedV1,
  EntityMention,
  EventExtractedV1,
  ExtractedEntity,
  ExtractedQuantity,
  ExtractedQuote,
  TextSegment,
} from '@eventwire/contracts';
import { GazetteerMatch, GazetteerMatcher, KbEntity, KnowledgeBase, MEDIA_SECTOR, MinistryRecognizer } from '@eventwire/kb';
import { extractQuantities, extractQuotes, resolveEventDate, tokenize, Token } from '@eventwire/text';
import { EventCoder } from './event-coding/event-coder';
import { keyTerms, titleTerms } from './key-terms';
import { mentionForm, taggedForm } from './mention-form';
import { ArabicEntityTagger, TaggedName } from './ner/arabic-entity-tagger';
import { confirmTitlePersons } from './title-persons';
import { foldWord } from './ner/fold-word';
import { NerType } from './ner/ner-labels';
import { PersonRecognizer, romanizationKey } from './person-recognizer';

/** A title word counts as much as this many body words in the key terms: the title says what the article is about. */
const TITLE_TERM_WEIGHT = 3;

/** Entity type and id prefix of a name the tagger found outside the knowledge base. */
const TAGGED: Readonly<Record<NerType, { type: ExtractedEntity['type']; prefix: string }>> = {
  PER: { type: 'person', prefix: 'person' },
  LOC: { type: 'location', prefix: 'location' },
  ORG: { type: 'organization', prefix: 'org' },
};
const ARABIC_SCRIPT = /[\u0600-\u06FF]/;

/**
 * The deprecated `titleEn`: the article's own title when it is written in
 * English, else the translation's when it is into English; never a title in
 * another language, whatever the translator's target.
 */
function englishTitle(article: ArticleTranslatedV1): string | null {
  if (article.language === 'en') return article.title;
  return article.translation.target === 'en' ? article.translation.title : null;
}

/**
 * Turns one translated article into its event record. Extraction reads the
 * original text (segment by segment, so every span is an offset into the
 * article body); the translation only supplies the display title in its
 * target language.
 */
export class EventExtractor {
  private readonly matcher: GazetteerMatcher;
  private readonly persons: PersonRecognizer;
  private readonly ministries: MinistryRecognizer;
  private readonly names: ArabicEntityTagger | null;
  private readonly coder = new EventCoder();

  /** `names`: the Arabic entity tagger (the bundled model by default); null extracts with the knowledge base alone. */
  constructor(
    private readonly kb: KnowledgeBase,
    matcher?: GazetteerMatcher,
    names?: ArabicEntityTagger | null,
  ) {
    this.matcher = matcher ?? new GazetteerMatcher(kb);
    this.persons = new PersonRecognizer(kb, this.matcher);
    this.ministries = new MinistryRecognizer(kb);
    this.names = names === undefined ? ArabicEntityTagger.bundled(kb) : names;
  }

  extract(article: ArticleTranslatedV1, now: Date = new Date()): EventExtractedV1 {
    const segments = article.segments.filter((s) => s.kind === 'title' || s.kind === 'paragraph');
    const paragraphs = segments.filter((s) => s.kind === 'paragraph');
    const tokens = segments.map((s) => tokenize(article.body.slice(s.start, s.end)));
    const named = this.entities(article.body, segments, tokens, article.language);
    const titleSegment = segments.findIndex((s) => s.kind === 'title') >= 0;
    const titleTokens = titleSegment ? segments.flatMap((s, i) => (s.kind === 'title' ? tokens[i]! : [])) : tokenize(article.title ?? '');
    // An outlet in the text is almost always the one cited ("وفقا لوكالة رويترز"), not a party to the event.
    const isMedia = (e: ExtractedEntity): boolean => e.sectors?.includes(MEDIA_SECTOR) ?? false;
    const entities = named.filter((e) => !isMedia(e));
    const mediaSources = named.filter(isMedia);
    const quantities: ExtractedQuantity[] = [];
    const quotes: ExtractedQuote[] = [];
    for (const segment of paragraphs) {
      const text = article.body.slice(segment.start, segment.end);
      for (const q of extractQuantities(text, segment.language ?? article.language ?? undefined)) {
        quantities.push({
          value: q.value,
          approximate: q.approximate,
          ...(q.qualifier ? { qualifier: q.qualifier } : {}),
          category: q.category,
          text: q.text,
          start: segment.start + q.start,
          end: segment.start + q.end,
        });
      }
      for (const quote of extractQuotes(text, segment.language ?? article.language)) {
        quotes.push({ text: quote.text, start: segment.start + quote.start, end: segment.start + quote.end, speaker: quote.speaker });
      }
    }
    const eventDate = resolveEventDate({
      text: paragraphs.map((s) => article.body.slice(s.start, s.end)).join('\n\n'),
      title: article.title,
      publishedAt: article.publishedAt,
      ingestedAt: article.ingestedAt,
      language: article.language,
    });
    const event = this.coder.code(
      segments.map((s, i) => ({
        kind: s.kind === 'title' ? ('title' as const) : ('paragraph' as const),
        text: article.body.slice(s.start, s.end),
        start: s.start,
        tokens: tokens[i],
      })),
      entities,
    );
    const idsOf = (actors: { entityId: string | null }[]): string[] => [...new Set(actors.flatMap((a) => (a.entityId ? [a.entityId] : [])))];
    return {
      schemaVersion: 1,
      articleId: article.articleId,
      source: article.source,
      language: article.language,
      title: article.title,
      titleEn: englishTitle(article),
      titleTranslation: article.translation.title === null ? null : { language: article.translation.target, text: article.translation.title },
      publishedAt: article.publishedAt,
      ingestedAt: article.ingestedAt,
      extractedAt: now.toISOString(),
      eventDate: { date: eventDate.date, basis: eventDate.basis, evidence: eventDate.evidence },
      entities,
      mediaSources,
      quantities,
      quotes,
      eventType: event?.type ?? null,
      actors: { source: idsOf(event?.source ?? []), target: idsOf(event?.target ?? []) },
      event,
      terms: keyTerms([
        ...segments.map((s, i) => ({ tokens: tokens[i]!, weight: s.kind === 'title' ? TITLE_TERM_WEIGHT : 1 })),
        // A title given beside the body (not a segment of it) counts as the title.
        ...(titleSegment ? [] : [{ tokens: titleTokens, weight: TITLE_TERM_WEIGHT }]),
      ]),
      titleTerms: titleTerms(titleTokens),
      ...(article.brief ? { brief: true } : {}),
      body: article.body,
    };
  }

  /** `tokens[i]` is `tokenize` of segment i: one tokenization per segment, shared by the recognizers and the event coder. */
  private entities(body: string, segments: TextSegment[], tokens: readonly Token[][], language: string | null): ExtractedEntity[] {
    const byId = new Map<string, ExtractedEntity>();
    const parts: { text: string; start: number; matches: GazetteerMatch[]; tokens: readonly Token[]; language: string | null; arabic: boolean }[] = [];
    segments.forEach((segment, index) => {
      const text = body.slice(segment.start, segment.end);
      const matches = this.matcher.match(text, tokens[index]);
      const lang = segment.language ?? language;
      parts.push({ text, start: segment.start, matches, tokens: tokens[index], language: lang, arabic: lang === 'ar' || (!lang && ARABIC_SCRIPT.test(text)) });
      for (const match of matches) {
        const known = this.kb.get(match.entityId);
        if (!known) continue;
        const entity = this.known(byId, known);
        entity.mentions.push({ text: match.text, start: segment.start + match.start, end: segment.start + match.end, form: mentionForm(match, known) });
      }
    });
    // Ministries by pattern: portfolio + country ("وزارة الخارجية الروسية"); the country stays an entity of its own too.
    const recognized: EntityMention[] = [];
    for (const ministry of this.ministries.recognize(parts)) {
      recognized.push(...ministry.mentions);
      const known = byId.get(ministry.id);
      if (known) {
        known.mentions.push(...ministry.mentions.map((m) => ({ ...m, form: 'name' as const })));
        continue;
      }
      byId.set(ministry.id, {
        id: ministry.id,
        type: 'organization',
        name: ministry.name,
        countryCode: ministry.countryCode,
        sectors: ministry.sectors,
        mentions: ministry.mentions.map((m) => ({ ...m, form: 'name' as const })),
      });
    }
    // Names the tagger finds in the Arabic parts (offsets in the body).
    const arabic = parts.filter((p) => p.arabic);
    const tagged =
      this.names && arabic.length > 0
        ? this.names.tagDocument(arabic).flatMap((names, i) =>
            names.map((name) => {
              const at = arabic[i].start;
              const linked = name.linked && { ...name.linked, start: at + name.linked.start, end: at + name.linked.end };
              return { ...name, start: at + name.start, end: at + name.end, ...(linked ? { linked } : {}) };
            }),
          )
        : [];
    // A linked name inside its match ("قطر" of "دولة قطر", "سلمان" of "الملك سلمان"): the entity's mention is the name, without the title.
    for (const name of tagged) {
      const match = name.linked;
      if (!match || match.start > name.start || match.end < name.end || (match.start === name.start && match.end === name.end)) continue;
      const id = this.kb.get(match.entityId)?.id;
      const mention = id === undefined ? undefined : byId.get(id)?.mentions.find((m) => m.start === match.start && m.end === match.end);
      if (mention) Object.assign(mention, { start: name.start, end: name.end, text: body.slice(name.start, name.end) });
    }
    const inTagged = (offset: number): boolean => this.names !== null && arabic.some((p) => p.start <= offset && offset < p.start + p.text.length);
    // People the KB does not know, found from their titles (the recognizer already yields to every KB match), where the tagger confirms them.
    for (const person of confirmTitlePersons(this.persons.recognize(parts), tagged, inTagged)) {
      if (byId.has(person.id)) continue;
      recognized.push(...person.mentions);
      byId.set(person.id, {
        id: person.id,
        type: 'person',
        name: person.name,
        ...(person.countryCode ? { countryCode: person.countryCode } : {}),
        role: person.role,
        mentions: person.mentions.map((m) => ({ ...m, form: 'name' as const })),
      });
    }
    if (tagged.length > 0) this.addTaggedNames(byId, recognized, tagged);
    return [...byId.values()].sort((a, b) => b.mentions.length - a.mentions.length || a.id.localeCompare(b.id));
  }

  /**
   * Names the tagger found (offsets already in the body). A name linked to a
   * knowledge-base match is that entity's mention, recorded above; a name over
   * a title person's or a ministry's mention is left to it; the
   * others become entities with an id from their type and romanised form, as
   * title persons get theirs. A one-word person name that is the last word
   * of a longer one in the article ("لحود" after "إميل لحود", "برايس" after
   * the knowledge base's "نيد برايس") is that person.
   */
  private addTaggedNames(byId: Map<string, ExtractedEntity>, recognized: EntityMention[], names: TaggedName[]): void {
    const taken = [...recognized];
    const overlaps = (start: number, end: number): boolean => taken.some((m) => m.start < end && start < m.end);
    const words = (n: { text: string }): string[] => foldWord(n.text).split(/\s+/).filter(Boolean);
    // Last words of the people already known in the article (knowledge base, titles): "برايس" after "نيد برايس".
    const surnames = new Map<string, string>();
    for (const entity of byId.values()) {
      if (entity.type !== 'person') continue;
      for (const m of entity.mentions) {
        const w = words(m);
        if (w.length >= 2) surnames.set(w[w.length - 1], entity.id);
      }
    }
    const fresh = names.filter((n) => !n.linked && !overlaps(n.start, n.end)).map((name) => ({ name, parts: words(name) }));
    /** Spans of the organisations and persons added below. */
    const named = new Set<string>();
    // Full names first, so that a surname mention finds its person whatever the order.
    fresh.sort((a, b) => b.parts.length - a.parts.length || a.name.start - b.name.start);
    for (const { name, parts } of fresh) {
      const known = name.shortFor ? this.kb.get(name.shortFor) : undefined;
      if (known) {
        // A shortened knowledge-base name ("معاهدة الأمن الجماعي"): a mention of that entity.
        const mention: EntityMention = { text: name.text, start: name.start, end: name.end, form: 'name' };
        this.known(byId, known).mentions.push(mention);
        taken.push(mention);
        continue;
      }
      const { type, prefix } = TAGGED[name.type];
      const slug = romanizationKey(name.text);
      if (!slug) continue;
      let id = `${prefix}:${slug}`;
      if (name.type === 'PER' && parts.length === 1) id = surnames.get(parts[0]) ?? id;
      else if (name.type === 'PER' && !surnames.has(parts[parts.length - 1])) surnames.set(parts[parts.length - 1], id);
      let entity = byId.get(id);
      if (!entity) {
        entity = { id, type, name: name.text, mentions: [] };
        byId.set(id, entity);
      }
      const mention: EntityMention = { text: name.text, start: name.start, end: name.end, form: taggedForm(name.text) };
      entity.mentions.push(mention);
      taken.push(mention);
      if (name.type !== 'LOC') named.add(`${name.start}:${name.end}`);
    }
    for (const [id, entity] of byId) {
      // A demonym added here as a name of another kind (an agency's credit, "( الفرنسية )"; a family name) is that name,
      // not the country's adjective: its demonym mention goes, and a country named only there with it.
      const kept = named.size > 0 ? entity.mentions.filter((m) => m.form !== 'demonym' || !named.has(`${m.start}:${m.end}`)) : entity.mentions;
      if (kept.length === 0 && entity.mentions.length > 0) byId.delete(id);
      else entity.mentions = kept.sort((a, b) => a.start - b.start);
    }
  }

  /** The article's entity for a knowledge-base entry, added (without mentions) when first seen. */
  private known(byId: Map<string, ExtractedEntity>, known: KbEntity): ExtractedEntity {
    let entity = byId.get(known.id);
    if (!entity) {
      entity = {
        id: known.id,
        type: known.type,
        name: known.name,
        ...(known.countryCode ? { countryCode: known.countryCode } : {}),
        ...(known.lat !== undefined && known.lon !== undefined ? { lat: known.lat, lon: known.lon } : {}),
        ...(known.sectors && known.sectors.length > 0 ? { sectors: [...known.sectors] } : {}),
        mentions: [],
      };
      byId.set(known.id, entity);
    }
    return entity;
  }
}
