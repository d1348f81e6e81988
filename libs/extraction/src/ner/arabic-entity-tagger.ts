import { GazetteerMatch, KbEntityType, KnowledgeBase } from '@eventwire/kb';
import type { Token } from '@eventwire/text';
import { ArabicNerTokenizer, taggerTokenizer } from './arabic-ner-tokenizer';
import { kbTokenTags } from './kb-token-tags';
import { KbNameTails } from './kb-name-tails';
import { NerFeatureExtractor } from './ner-feature-extractor';
import { DocumentNamePropagator } from './document-name-propagator';
import { NerType, TokenSpan } from './ner-labels';
import { NerLexicon } from './ner-lexicon';
import { NerModel } from './ner-model';
import { NerModelError } from './ner-model.error';
import { checkWordClasses } from './word-clusters';
import { NerTagger } from './ner-tagger';
import { NerToken } from './ner-token';


/** A token that can start or end a name: one with a letter or a digit. */
const NAME_EDGE = /[\p{L}\p{N}]/u;
/** Knowledge-base types a tagged type may link to. */
const LINKABLE: Readonly<Record<NerType, readonly KbEntityType[]>> = {
  PER: ['person'],
  LOC: ['country', 'location'],
  ORG: ['organization'],
};

/** One name the tagger found in a text, with the knowledge-base match it extends when there is one. */
export interface TaggedName {
  type: NerType;
  /** Offsets in the tagged text. */
  start: number;
  end: number;
  text: string;
  /**
   * The gazetteer match inside this span (or around it: see `ArabicEntityTagger`) that names the same entity
   * ("مجلس الأمن" in "مجلس الأمن الدولي"): the name is that entity's, the
   * span is the tagger's.
   */
  linked?: GazetteerMatch;
  /**
   * The knowledge-base entity the name is a shortened form of, when no
   * gazetteer match lies inside it ("معاهدة الأمن الجماعي" → `org:csto`).
   * Absent with `linked`, and for names the knowledge base does not know.
   */
  shortFor?: string;
}

/**
 * The trained tagger over raw Arabic text, working with the knowledge base:
 * the text is cut into the corpus's tokens (clitics apart), tagged with the
 * gazetteer's matches as features, and each tagged span is linked to the
 * one knowledge-base match of its kind it contains ("مجلس الأمن" in "مجلس
 * الأمن الدولي") or else reported as a new name; names found once are found
 * again through the document. Matches of other kinds inside a name (the
 * demonym of "وكالة الأنباء القطرية") stay mentions of their own. A span
 * inside a longer match of its kind ("قطر" in "دولة قطر", "سلمان" in "الملك
 * سلمان") is that match's entity named without its title or descriptor,
 * as the corpus marks names: linked to it, with the tagger's span. (Gold
 * names inside a longer match of their type are rare, 54 against 2,847
 * whole matches in the training part, see `npm run eval:ner`; but where the
 * tagger reads one, it is the gold name: 57 of 59 times in the training
 * part, and on the dev split with a model trained without it
 * (`ner:train -- --train-only`) 2 of 3, the third neither.) A place that is a demonym alone ("الفلسطيني"), a person
 * that is a demonym alone or a place's whole name, a span that a
 * match crosses, or that lies inside a match of another kind (a person in
 * an organisation's name) is dropped: there the knowledge base's reading
 * stands.
 */
const PLACE_TYPES: ReadonlySet<string> = new Set(['country', 'location']);

export class ArabicEntityTagger {
  private static bundledInstance: { kb: KnowledgeBase; tagger: ArabicEntityTagger } | undefined;

  private readonly tokenizer: ArabicNerTokenizer;
  private readonly tagger: NerTagger;
  private readonly propagator = new DocumentNamePropagator();
  private readonly tails: KbNameTails;

  constructor(
    private readonly kb: KnowledgeBase,
    model: NerModel,
    lexicon: NerLexicon = new NerLexicon(kb),
  ) {
    const mismatch = checkWordClasses(model.provenance.wordClasses, lexicon.clusters);
    if (mismatch !== null) throw new NerModelError(mismatch);
    this.tagger = new NerTagger(model, new NerFeatureExtractor(lexicon));
    this.tails = new KbNameTails(kb);
    this.tokenizer = taggerTokenizer(model.vocabulary, (key) => model.statistics.get(key), lexicon, (text) => this.tagger.word(text));
  }

  /** The bundled model over this knowledge base, built once per process and knowledge base. */
  static bundled(kb: KnowledgeBase): ArabicEntityTagger {
    if (ArabicEntityTagger.bundledInstance?.kb !== kb) ArabicEntityTagger.bundledInstance = { kb, tagger: new ArabicEntityTagger(kb, NerModel.bundled()) };
    return ArabicEntityTagger.bundledInstance.tagger;
  }

  /** Corpus-style tokens of a text (exposed for specs and evaluation). */
  tokenize(text: string): NerToken[] {
    return this.tokenizer.tokenize(text);
  }

  /** Names in `text`; `matches` are the gazetteer's matches in the same text. */
  tag(text: string, matches: readonly GazetteerMatch[]): TaggedName[] {
    return this.tagDocument([{ text, matches }])[0];
  }

  /**
   * Names in the parts of one document (an article's title and paragraphs):
   * each part is tagged on its own, then names found in one part are looked
   * for where the tagger missed them in the others (`DocumentNamePropagator`).
   * A part's `tokens`, `tokenize` of its text from `@eventwire/text`, spare
   * the tokenizer a lookup per word.
   */
  tagDocument(parts: readonly { text: string; matches: readonly GazetteerMatch[]; tokens?: readonly Token[] }[]): TaggedName[][] {
    const tokens = parts.map((p) => this.tokenizer.tokenize(p.text, p.tokens));
    const tagged = parts.map((p, i) => (tokens[i].length === 0 ? [] : this.tagger.tag(tokens[i], kbTokenTags(this.kb, tokens[i], p.matches))));
    if (tagged.every((s) => s.length === 0)) return parts.map(() => []);
    const keys = tokens.map((t) => t.map((token) => (token.word ?? this.tagger.word(token.text)).key));
    const spans = this.propagator.propagate(keys, tagged);
    return parts.map((part, i) => this.link(part.text, part.matches, tokens[i], spans[i]));
  }

  private link(text: string, matches: readonly GazetteerMatch[], tokens: readonly NerToken[], spans: readonly TokenSpan[]): TaggedName[] {
    const out: TaggedName[] = [];
    for (const span of spans) {
      // A name neither starts nor ends with a punctuation mark ("بسام عطية," is the tagger running on into the comma).
      let first = span.start;
      let last = span.end - 1;
      while (first <= last && !NAME_EDGE.test(tokens[first].text)) first++;
      while (last >= first && !NAME_EDGE.test(tokens[last].text)) last--;
      if (first > last) continue;
      const start = tokens[first].start;
      const end = tokens[last].end;
      const overlapping = matches.filter((m) => m.start < end && start < m.end);
      const name: TaggedName = { type: span.type, start, end, text: text.slice(start, end) };
      if (overlapping.length === 0) {
        const shortFor = this.tails.find(name.text, LINKABLE[span.type]);
        out.push(shortFor ? { ...name, shortFor } : name);
        continue;
      }
      const linkable = (m: GazetteerMatch): boolean => {
        const type = this.kb.get(m.entityId)?.type;
        return m.via !== 'demonym' && type !== undefined && LINKABLE[span.type].includes(type);
      };
      // The name inside a longer match of its kind, without the title or descriptor the match includes.
      const around = overlapping.filter((m) => m.start <= start && end <= m.end && (m.start < start || m.end > end));
      if (around.length === 1 && overlapping.length === 1 && linkable(around[0])) {
        out.push({ ...name, linked: around[0] });
        continue;
      }
      // Any other match reaching outside the span is another reading of these words: the knowledge base's stands.
      if (overlapping.some((m) => m.start < start || m.end > end)) continue;
      // A demonym alone is an adjective, not a place's name ("الفلسطيني"); inside a longer name ("وكالة الأنباء القطرية")
      // it is part of it. Read as an organisation or a person, it is the tagger's reading of its context: an agency's
      // short name in a credit ("( الفرنسية )", Agence France-Presse) or a family name ("المصري"). Of the bare
      // demonyms in NewsFANE's training part, 24 are marked organisations, 6 persons and 1 a place.
      const exact = overlapping.length === 1 && overlapping[0].start === start && overlapping[0].end === end ? overlapping[0] : undefined;
      if (span.type === 'LOC' && exact?.via === 'demonym') continue;
      // Read as a person, a bare demonym is nearly always a title's adjective cut from the name after it ("الرئيس
      // الكازاخستاني، قاسم جومارت توكاييف"), and a place's whole name a place whose words are also given names
      // ("مدينة نور سلطان"): there too the knowledge base's reading stands. (On dev, model trained without it, neither
      // case occurs: F1 unchanged.)
      if (span.type === 'PER' && exact !== undefined && (exact.via === 'demonym' || PLACE_TYPES.has(this.kb.get(exact.entityId)?.type ?? ''))) continue;
      const same = overlapping.filter(linkable);
      out.push(same.length === 1 ? { ...name, linked: same[0] } : name);
    }
    return out;
  }
}
