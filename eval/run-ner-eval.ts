import 'reflect-metadata';
import { ArabicEntityTagger, confirmTitlePersons, WordClusters, DocumentNamePropagator, foldWord, NER_LABELS, NerFeatureExtractor, NerLexicon, NerModel, NerTagger, NerType, OUTSIDE, PersonRecognizer, RecognizedPerson, spansOf, TaggedName } from '@eventwire/extraction';
import { GazetteerMatch, GazetteerMatcher, KnowledgeBase, MinistryRecognizer } from '@eventwire/kb';
import { resolve } from 'node:path';
import { encodeSentence } from '../scripts/ner/corpus-encoding';
import { CorpusSentence, DEV_FOLD, goldSpans, newsFanePath, readNewsFane, SCORED_TYPES, SENTENCES_PER_DOCUMENT, splitOf, TRAINING_TYPES } from '../scripts/ner/newsfane-corpus';
import { arg } from './cli-args';

/**
 * npm run eval:ner [-- --file NewsFANE.txt --model FILE --clusters FILE|none --split heldout|dev --dev-fold N --show-diff person|place|organization --show-errors person|place|organization]
 * Entity-level precision, recall and F1 of persons, places and
 * organisations on the held-out split of NewsFANE Gold (20% of the
 * documents, never used to train or tune the tagger; see
 * scripts/ner/newsfane-corpus.ts), for four systems side by side:
 * - knowledge base: gazetteer, title-triggered persons and ministries, the
 *   extractor before the tagger;
 * - baseline: each word's most frequent label in the training part;
 * - tagger: the trained tagger alone on the corpus's tokens (names found in
 *   a document propagated through it, as in the extractor);
 * - tagger + knowledge base: what the extractor now reports — the raw
 *   sentence re-tokenised by the extractor's tokenizer, tagged spans linked
 *   to the knowledge base, and knowledge-base matches, title persons and
 *   ministries the tagger missed.
 * Scoring: exact token spans; a prediction on a gold entity of a class not
 * scored here (a region, a building) is neither right nor wrong; demonyms
 * are adjectives, not named mentions, and are left out.
 *
 * For studying errors, never for the reported figures: `--split dev` scores
 * the dev documents instead (`--dev-fold N` another fold of them; with a
 * model trained without them, `ner:train -- --train-only [--dev-fold N] --out
 * FILE`, given as `--model FILE`), `--clusters` the
 * word classes that model was trained with.
 */
type Coarse = 'person' | 'place' | 'organization';
const COARSE: Record<NerType, Coarse> = { PER: 'person', LOC: 'place', ORG: 'organization' };
const kbCoarse = (kbType: string | undefined): Coarse | null =>
  kbType === 'person' ? 'person' : kbType === 'organization' ? 'organization' : kbType === 'country' || kbType === 'location' ? 'place' : null;

interface Predicted {
  type: Coarse;
  start: number;
  end: number;
}
type Tally = Record<Coarse, { tp: number; fp: number; fn: number }>;
const emptyTally = (): Tally => ({ person: { tp: 0, fp: 0, fn: 0 }, place: { tp: 0, fp: 0, fn: 0 }, organization: { tp: 0, fp: 0, fn: 0 } });

const REPO = resolve(__dirname, '..', '..');
const file = newsFanePath(REPO, arg('file', null) ?? undefined);
const kb = KnowledgeBase.bundled();
const matcher = new GazetteerMatcher(kb);
const persons = new PersonRecognizer(kb, matcher);
const ministries = new MinistryRecognizer(kb);
const lexicon = new NerLexicon(kb, WordClusters.fromOption(arg('clusters', null)));
const modelArg = arg('model', null);
const model = modelArg !== null ? NerModel.fromFile(resolve(modelArg)) : NerModel.bundled();
const SCORED_SPLIT = arg('split', 'heldout');
const DEV_FOLD_SCORED = Number(arg('dev-fold', String(DEV_FOLD)));
const SHOW_DIFF = arg('show-diff', null) as Coarse | null;
const SHOW_ERRORS = arg('show-errors', null) as Coarse | null;
if ((SHOW_DIFF !== null || SHOW_ERRORS !== null) && SCORED_SPLIT !== 'dev') throw new Error('--show-diff and --show-errors are for the dev split only: held-out errors are not studied');
if (SCORED_SPLIT !== 'heldout' && SCORED_SPLIT !== 'dev') throw new Error(`--split must be heldout or dev, not ${SCORED_SPLIT}`);
const tagger = new NerTagger(model, new NerFeatureExtractor(lexicon));
const combined = new ArabicEntityTagger(kb, model, lexicon);
const propagator = new DocumentNamePropagator();

const corpus = readNewsFane(file);
const heldOut: CorpusSentence[] = [];
const training: CorpusSentence[] = [];
// With --split dev, `heldOut` holds the dev documents and the real held-out ones are left out altogether.
corpus.forEach((s, i) => {
  const split = splitOf(i, DEV_FOLD_SCORED);
  if (split === SCORED_SPLIT) heldOut.push(s);
  else if (split !== 'heldout') training.push(s);
});

// Baseline: each word's most frequent training label (B/I repaired by spansOf).
const labelCounts = new Map<string, number[]>();
for (const sentence of training) {
  const labels = new Array<number>(sentence.length).fill(OUTSIDE);
  for (const span of goldSpans(sentence)) {
    const type = TRAINING_TYPES[span.type];
    if (type) for (let t = span.start; t < span.end; t++) labels[t] = NER_LABELS.indexOf(`${t === span.start ? 'B' : 'I'}-${type}`);
  }
  sentence.forEach((token, t) => {
    const key = foldWord(token.text);
    const counts = labelCounts.get(key) ?? new Array<number>(NER_LABELS.length).fill(0);
    counts[labels[t]]++;
    labelCounts.set(key, counts);
  });
}
const mostFrequent = (key: string): number => {
  const counts = labelCounts.get(key);
  return counts ? counts.indexOf(Math.max(...counts)) : OUTSIDE;
};

interface CharSpan {
  type: Coarse;
  start: number;
  end: number;
}

/**
 * The extractor's knowledge-base readings as character spans: gazetteer names
 * (no demonyms), and title persons and ministries; `confirmed`: the title
 * persons the tagger's names confirm, with their spans (as the extractor keeps
 * them beside the tagger).
 */
function knowledgeBase(text: string, matches: GazetteerMatch[], names: TaggedName[]): { gazetteer: CharSpan[]; recognized: CharSpan[]; confirmed: CharSpan[] } {
  const gazetteer = matches.filter((m) => m.via !== 'demonym').flatMap((m) => {
    const type = kbCoarse(kb.get(m.entityId)?.type);
    return type ? [{ type, start: m.start, end: m.end }] : [];
  });
  const titled = persons.recognize([{ text, start: 0, matches }]);
  const mentionsOf = (people: RecognizedPerson[]): CharSpan[] => people.flatMap((p) => p.mentions.map((m) => ({ type: 'person' as const, start: m.start, end: m.end })));
  const organisations = ministries.recognize([{ text, start: 0, matches }]).flatMap((o) => o.mentions.map((m) => ({ type: 'organization' as const, start: m.start, end: m.end })));
  return {
    gazetteer,
    recognized: [...mentionsOf(titled), ...organisations],
    confirmed: [...mentionsOf(confirmTitlePersons(titled, names, () => true)), ...organisations],
  };
}
const overlap = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;

/**
 * How the corpus marks what the gazetteer matches, read on the training
 * part only (the tagger is not involved), in one pass over its sentences:
 * - `convention`: a name the knowledge base lists with a title or
 *   descriptor ("دولة قطر", "الملك سلمان", "قناة الجزيرة"): of the matches
 *   that hold a gold name of their type, the gold name is the whole match,
 *   or lies inside it;
 * - `demonyms`: a demonym standing alone ("الفرنسية", "المصري"): no name,
 *   inside a longer name, or a name of its own by type.
 * The extractor follows what these say (see `ArabicEntityTagger`: a bare
 * demonym is dropped where the tagger reads a place, kept where it reads an
 * organisation or a person).
 */
function trainingConventions(sentences: readonly CorpusSentence[]): { convention: { whole: number; inside: number }; demonyms: Record<string, number> } {
  const convention = { whole: 0, inside: 0 };
  const demonyms: Record<string, number> = {};
  for (const sentence of sentences) {
    const { text, tokens } = encodeSentence(sentence, kb, matcher);
    const tokenAt = (offset: number): number => tokens.findLastIndex((t) => t.start <= offset);
    const gold = goldSpans(sentence);
    const scored = gold.filter((g) => SCORED_TYPES[g.type]);
    for (const m of matcher.match(text)) {
      if (m.via === 'demonym') {
        const t = tokens.findIndex((token) => token.start === m.start && token.end === m.end);
        if (t < 0) continue;
        const alone = gold.find((g) => g.start === t && g.end === t + 1);
        const key = alone ? (SCORED_TYPES[alone.type] ?? 'other') : gold.some((g) => g.start <= t && t < g.end) ? 'inside' : 'none';
        demonyms[key] = (demonyms[key] ?? 0) + 1;
        continue;
      }
      const type = kbCoarse(kb.get(m.entityId)?.type);
      if (!type) continue;
      const start = tokenAt(m.start);
      const end = tokenAt(m.end - 1) + 1;
      const held = scored.filter((g) => COARSE[SCORED_TYPES[g.type]] === type && start <= g.start && g.end <= end);
      if (held.some((g) => g.start === start && g.end === end)) convention.whole++;
      else if (held.length > 0) convention.inside++;
    }
  }
  return { convention, demonyms };
}
const { convention, demonyms } = trainingConventions(training);

const systems = ['knowledge base (before)', 'baseline (most frequent label)', 'tagger', 'tagger + knowledge base (extractor)'] as const;
const tallies = systems.map(() => emptyTally());

// Documents of the held-out split, as the extractor sees articles: names found in one sentence are looked for in the others.
for (let d = 0; d < heldOut.length; d += SENTENCES_PER_DOCUMENT) {
  const document = heldOut.slice(d, d + SENTENCES_PER_DOCUMENT);
  const encoded = document.map((sentence) => encodeSentence(sentence, kb, matcher));
  const matches = encoded.map((e) => matcher.match(e.text));
  const tagged = propagator.propagate(
    encoded.map((e) => e.tokens.map((t) => foldWord(t.text))),
    encoded.map((e) => tagger.tag(e.tokens, e.kbTags)),
  );
  const names = combined.tagDocument(encoded.map((e, s) => ({ text: e.text, matches: matches[s] })));
  document.forEach((sentence, s) => {
    const { text, tokens } = encoded[s];
    const tokenAt = (offset: number): number => {
      let t = 0;
      while (t + 1 < tokens.length && tokens[t + 1].start <= offset) t++;
      return t;
    };
    const toTokens = (p: { type: Coarse; start: number; end: number }): Predicted => ({ type: p.type, start: tokenAt(p.start), end: tokenAt(p.end - 1) + 1 });
    const { gazetteer, recognized, confirmed } = knowledgeBase(text, matches[s], names[s]);
    const kbFound = [...gazetteer, ...recognized].map(toTokens);
    const baseline = spansOf(sentence.map((t) => mostFrequent(foldWord(t.text)))).map((p) => ({ ...p, type: COARSE[p.type] }));
    const taggedHere = tagged[s].map((p) => ({ ...p, type: COARSE[p.type] }));
    // The extractor's view: title persons the tagger confirms and ministries, tagged names (linked or new) outside them, gazetteer names outside both.
    const namesHere = names[s].filter((n) => !confirmed.some((r) => overlap(r, n))).map((n) => ({ type: COARSE[n.type], start: n.start, end: n.end }));
    const both = [...confirmed, ...namesHere, ...gazetteer.filter((g) => !namesHere.some((n) => overlap(n, g)) && !confirmed.some((r) => overlap(r, g)))].map(toTokens);
    [kbFound, baseline, taggedHere, both].forEach((found, k) => score(sentence, found, tallies[k]));
    if (SHOW_DIFF !== null) showDiff(sentence, taggedHere, both, SHOW_DIFF);
    if (SHOW_ERRORS !== null) showErrors(sentence, both, SHOW_ERRORS);
  });
}

/** `--show-diff TYPE` (dev only): where the tagger alone and the extractor disagree on names of that type, with the gold. */
function showDiff(sentence: CorpusSentence, tagger: readonly Predicted[], extractor: readonly Predicted[], type: Coarse): void {
  const words = (p: { start: number; end: number }): string => sentence.slice(p.start, p.end).map((t) => t.text).join(' ');
  const key = (p: Predicted): string => `${p.start}:${p.end}`;
  const ofType = (found: readonly Predicted[]): Map<string, Predicted> => new Map(found.filter((p) => p.type === type).map((p) => [key(p), p]));
  const [a, b] = [ofType(tagger), ofType(extractor)];
  const onlyTagger = [...a.values()].filter((p) => !b.has(key(p)));
  const onlyExtractor = [...b.values()].filter((p) => !a.has(key(p)));
  if (onlyTagger.length + onlyExtractor.length === 0) return;
  const gold = goldSpans(sentence).filter((g) => SCORED_TYPES[g.type] && COARSE[SCORED_TYPES[g.type]!] === type);
  const mark = (p: Predicted): string => `${words(p)}${gold.some((g) => g.start === p.start && g.end === p.end) ? ' ✓' : ' ✗'}`;
  const others = (p: Predicted): string => extractor.filter((q) => q.type !== type && q.start < p.end && p.start < q.end).map((q) => `${q.type}:${words(q)}`).join(',');
  console.log(`tagger only: ${onlyTagger.map((p) => `${mark(p)}${others(p) ? ` [extractor: ${others(p)}]` : ''}`).join(' | ')}  ·  extractor only: ${onlyExtractor.map(mark).join(' | ')}  ·  gold: ${gold.map(words).join(' | ')}`);
}

/** `--show-errors TYPE` (dev only): the extractor's misses and false names of that type, with the sentence around them. */
function showErrors(sentence: CorpusSentence, extractor: readonly Predicted[], type: Coarse): void {
  const words = (p: { start: number; end: number }): string => sentence.slice(p.start, p.end).map((t) => t.text).join(' ');
  const context = (p: { start: number; end: number }): string =>
    `${sentence.slice(Math.max(0, p.start - 4), p.start).map((t) => t.text).join(' ')} [${words(p)}] ${sentence.slice(p.end, p.end + 3).map((t) => t.text).join(' ')}`;
  const gold = goldSpans(sentence).filter((g) => SCORED_TYPES[g.type] && COARSE[SCORED_TYPES[g.type]!] === type);
  const found = extractor.filter((p) => p.type === type);
  const same = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start === b.start && a.end === b.end;
  for (const g of gold.filter((g) => !found.some((p) => same(p, g)))) {
    const near = extractor.filter((p) => p.start < g.end && g.start < p.end).map((p) => `${p.type}:${words(p)}`).join(',');
    console.log(`missed ${g.type}: ${context(g)}${near ? `  (found ${near})` : ''}`);
  }
  for (const p of found.filter((p) => !gold.some((g) => same(p, g)))) {
    const near = goldSpans(sentence).filter((g) => g.start < p.end && p.start < g.end).map((g) => `${g.type}:${words(g)}`).join(',');
    console.log(`false: ${context(p)}${near ? `  (gold ${near})` : ''}`);
  }
}

function score(sentence: CorpusSentence, found: Predicted[], tally: Tally): void {
  const gold = goldSpans(sentence);
  const scored = gold.filter((g) => SCORED_TYPES[g.type]).map((g) => ({ ...g, coarse: COARSE[SCORED_TYPES[g.type]], hit: false }));
  const seen = new Set<string>();
  for (const p of found) {
    const key = `${p.type}:${p.start}:${p.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const exact = scored.find((g) => g.coarse === p.type && g.start === p.start && g.end === p.end);
    if (exact) {
      if (!exact.hit) tally[p.type].tp++;
      exact.hit = true;
    } else if (!gold.some((g) => !SCORED_TYPES[g.type] && g.start < p.end && p.start < g.end)) tally[p.type].fp++;
  }
  for (const g of scored) if (!g.hit) tally[g.coarse].fn++;
}

const prf = (t: { tp: number; fp: number; fn: number }): string => {
  const p = t.tp / Math.max(1, t.tp + t.fp);
  const r = t.tp / Math.max(1, t.tp + t.fn);
  const f = p + r > 0 ? (2 * p * r) / (p + r) : 0;
  return `${p.toFixed(3)} / ${r.toFixed(3)} / **${f.toFixed(3)}**`;
};
const types: Coarse[] = ['person', 'place', 'organization'];
const goldCount = (type: Coarse): number => tallies[0][type].tp + tallies[0][type].fn;
process.stdout.write(
  [
    `NER gold: ${file}`,
    SCORED_SPLIT === 'dev'
      ? `DEV split (for error study; not the reported figures): ${heldOut.length} of ${corpus.length} sentences; baseline trained on the ${training.length} training sentences`
      : `held-out split: ${heldOut.length} of ${corpus.length} sentences (every fifth document of 50 sentences); baseline trained on the other ${training.length}`,
    `tagger: ${String(model.provenance.epochs)} epochs, dev ${String(model.provenance.dev)}`,
    `knowledge-base matches holding a gold name of their type, training part: the name is the whole match ${convention.whole}, inside it ${convention.inside} (a title or descriptor the knowledge base includes: "دولة قطر")`,
    `a demonym standing alone, training part: no name ${demonyms.none ?? 0}, inside a name ${demonyms.inside ?? 0}, a name of its own: organisation ${demonyms.ORG ?? 0}, person ${demonyms.PER ?? 0}, place ${demonyms.LOC ?? 0}, other ${demonyms.other ?? 0}`,
    '',
    `| type (gold) | ${systems.join(' | ')} |`,
    `|---|${systems.map(() => '---').join('|')}|`,
    ...types.map((type) => `| ${type} (${goldCount(type)}) | ${tallies.map((t) => prf(t[type])).join(' | ')} |`),
    '',
    'P / R / F1. persons: Politician, Athlete, Artist, Scientist, ... (not Group); places: Nation, Population-Center; organisations: Government, Non-Governmental, Media, Sports, ...',
    '',
  ].join('\n'),
);
