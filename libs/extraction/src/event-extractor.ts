import type {
  ArticleTranslatedV1,
  EventExtractedV1,
  ExtractedEntity,
  ExtractedQuantity,
  ExtractedQuote,
  TextSegment,
} from '@eventwire/contracts';
import { GazetteerMatch, GazetteerMatcher, KnowledgeBase, MEDIA_SECTOR, MinistryRecognizer } from '@eventwire/kb';
import { extractQuantities, extractQuotes, resolveEventDate, tokenize, Token } from '@eventwire/text';
import { EventCoder } from './event-coding/event-coder';
import { keyTerms, titleTerms } from './key-terms';
import { PersonRecognizer } from './person-recognizer';

/** A title word counts as much as this many body words in the key terms: the title says what the article is about. */
const TITLE_TERM_WEIGHT = 3;

/**
 * Turns one translated article into its event record. Extraction reads the
 * original text (segment by segment, so every span is an offset into the
 * article body); the translation only supplies the English display title.
 */
export class EventExtractor {
  private readonly matcher: GazetteerMatcher;
  private readonly persons: PersonRecognizer;
  private readonly ministries: MinistryRecognizer;
  private readonly coder = new EventCoder();

  constructor(
    private readonly kb: KnowledgeBase,
    matcher?: GazetteerMatcher,
  ) {
    this.matcher = matcher ?? new GazetteerMatcher(kb);
    this.persons = new PersonRecognizer(kb, this.matcher);
    this.ministries = new MinistryRecognizer(kb);
  }

  extract(article: ArticleTranslatedV1, now: Date = new Date()): EventExtractedV1 {
    const segments = article.segments.filter((s) => s.kind === 'title' || s.kind === 'paragraph');
    const paragraphs = segments.filter((s) => s.kind === 'paragraph');
    const tokens = segments.map((s) => tokenize(article.body.slice(s.start, s.end)));
    const named = this.entities(article.body, segments, tokens);
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
      for (const quote of extractQuotes(text)) {
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
      titleEn: article.language === 'en' ? article.title : article.translation.title,
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
    };
  }

  /** `tokens[i]` is `tokenize` of segment i: one tokenization per segment, shared by the recognizers and the event coder. */
  private entities(body: string, segments: TextSegment[], tokens: readonly Token[][]): ExtractedEntity[] {
    const byId = new Map<string, ExtractedEntity>();
    const parts: { text: string; start: number; matches: GazetteerMatch[]; tokens: readonly Token[] }[] = [];
    segments.forEach((segment, index) => {
      const text = body.slice(segment.start, segment.end);
      const matches = this.matcher.match(text);
      parts.push({ text, start: segment.start, matches, tokens: tokens[index] });
      for (const match of matches) {
        const known = this.kb.get(match.entityId);
        if (!known) continue;
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
        entity.mentions.push({ text: match.text, start: segment.start + match.start, end: segment.start + match.end });
      }
    });
    // Ministries by pattern: portfolio + country ("وزارة الخارجية الروسية"); the country stays an entity of its own too.
    for (const ministry of this.ministries.recognize(parts)) {
      const known = byId.get(ministry.id);
      if (known) {
        known.mentions.push(...ministry.mentions);
        continue;
      }
      byId.set(ministry.id, {
        id: ministry.id,
        type: 'organization',
        name: ministry.name,
        countryCode: ministry.countryCode,
        sectors: ministry.sectors,
        mentions: ministry.mentions,
      });
    }
    // People the KB does not know, found from their titles; the recognizer already yields to every KB match.
    for (const person of this.persons.recognize(parts)) {
      if (byId.has(person.id)) continue;
      byId.set(person.id, {
        id: person.id,
        type: 'person',
        name: person.name,
        ...(person.countryCode ? { countryCode: person.countryCode } : {}),
        role: person.role,
        mentions: person.mentions,
      });
    }
    return [...byId.values()].sort((a, b) => b.mentions.length - a.mentions.length || a.id.localeCompare(b.id));
  }
}
