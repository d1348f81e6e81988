import 'reflect-metadata';
import { PersonRecognizer } from '@eventwire/extraction';
import { GazetteerMatcher, KnowledgeBase, MinistryRecognizer } from '@eventwire/kb';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * npm run eval:ner [-- --file NewsFANE.txt]
 * Entity-level precision, recall and F1 of the extractor's entity matching on
 * a token<TAB>BIO-tag corpus (NewsFANE Gold format: sentences separated by
 * an empty line, U+200E marks on tokens). Fine-grained gold classes are
 * folded into the three the pipeline reports; a prediction that falls on a
 * gold entity of a class not scored here (a region, a building) is neither
 * right nor wrong. Demonyms, which the extractor uses to tie a phrase to a
 * country, are not named mentions and are left out.
 */
type Coarse = 'person' | 'place' | 'organization';

const CLASSES: Record<string, Coarse> = {
  Politician: 'person',
  Athlete: 'person',
  Artist: 'person',
  Other_PER: 'person',
  Religious_PER: 'person',
  Scientist: 'person',
  Businessperson: 'person',
  Lawyer: 'person',
  Engineer: 'person',
  Police: 'person',
  Nation: 'place',
  'Population-Center': 'place',
  Government: 'organization',
  'Non-Governmental': 'organization',
  Commercial: 'organization',
  Educational: 'organization',
  Media: 'organization',
  'Religious_ORG': 'organization',
  Sports: 'organization',
  'Medical-Science': 'organization',
  Entertainment: 'organization',
};

interface Span {
  type: string;
  start: number;
  end: number;
}

const REPO = resolve(__dirname, '..', '..');
const i = process.argv.indexOf('--file');
const file = resolve(i >= 0 ? process.argv[i + 1]! : join(REPO, '..', 'shared', 'eval', 'dev', 'ner', 'NewsFANE_Gold_2014_170K.txt'));

function sentences(text: string): Array<Array<{ token: string; tag: string }>> {
  const out: Array<Array<{ token: string; tag: string }>> = [];
  let current: Array<{ token: string; tag: string }> = [];
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const [token = '', tag = ''] = raw.replace(/[\u200E\u200F]/g, '').split('\t');
    if (!token.trim() || !tag.trim()) {
      if (current.length) out.push(current);
      current = [];
      continue;
    }
    current.push({ token: token.trim(), tag: tag.trim() });
  }
  if (current.length) out.push(current);
  return out;
}

function goldSpans(tags: string[]): Span[] {
  const spans: Span[] = [];
  tags.forEach((tag, t) => {
    const [bio, type] = [tag.slice(0, 1), tag.slice(2)];
    if (bio === 'B' || (bio === 'I' && (spans.length === 0 || spans[spans.length - 1]!.end !== t || spans[spans.length - 1]!.type !== type))) {
      spans.push({ type, start: t, end: t + 1 });
    } else if (bio === 'I') spans[spans.length - 1]!.end = t + 1;
  });
  return spans;
}

const kb = KnowledgeBase.bundled();
const matcher = new GazetteerMatcher(kb);
const persons = new PersonRecognizer(kb, matcher);
const ministries = new MinistryRecognizer(kb);
const tally: Record<Coarse, { tp: number; fp: number; fn: number }> = {
  person: { tp: 0, fp: 0, fn: 0 },
  place: { tp: 0, fp: 0, fn: 0 },
  organization: { tp: 0, fp: 0, fn: 0 },
};
const coarseOf = (kbType: string): Coarse | null =>
  kbType === 'person' ? 'person' : kbType === 'organization' ? 'organization' : kbType === 'country' || kbType === 'location' ? 'place' : null;

const corpus = sentences(readFileSync(file, 'utf8'));
for (const sentence of corpus) {
  const starts: number[] = [];
  let text = '';
  for (const { token } of sentence) {
    starts.push(text.length);
    text += `${token} `;
  }
  const tokenAt = (offset: number): number => {
    let lo = 0;
    while (lo + 1 < starts.length && starts[lo + 1]! <= offset) lo++;
    return lo;
  };
  const gold = goldSpans(sentence.map((s) => s.tag));
  const scored = gold.filter((g) => CLASSES[g.type]).map((g) => ({ ...g, coarse: CLASSES[g.type]!, hit: false }));
  const matches = matcher.match(text);
  // People found from their titles are scored like gazetteer persons: the extractor reports both.
  const recognized = persons
    .recognize([{ text, start: 0, matches }])
    .flatMap((p) => p.mentions.map((m) => ({ entityId: p.id, type: 'person' as const, text: m.text, start: m.start, end: m.end, via: `title: ${p.role}` })));
  const ministryMentions = ministries
    .recognize([{ text, start: 0, matches }])
    .flatMap((p) => p.mentions.map((m) => ({ entityId: p.id, type: 'organization' as const, text: m.text, start: m.start, end: m.end, via: 'ministry' })));
  // A ministry's span holds its country's demonym ("وزارة الخارجية الروسية"): the demonym is skipped below either way.
  const found = [...matches.map((m) => ({ ...m, type: coarseOf(kb.get(m.entityId)?.type ?? '') })), ...recognized, ...ministryMentions];
  for (const m of found) {
    const type = m.type;
    // A demonym ("الروسية") ties a phrase to a country but is an adjective, not a named mention: NER gold does not tag it.
    if (!type || m.via === 'demonym') continue;
    const span = { start: tokenAt(m.start), end: tokenAt(m.end - 1) + 1 };
    const exact = scored.find((g) => g.coarse === type && g.start === span.start && g.end === span.end);
    if (exact) {
      if (!exact.hit) tally[type].tp++;
      exact.hit = true;
    } else if (gold.some((g) => !CLASSES[g.type] && g.start < span.end && span.start < g.end)) {
      continue;
    } else {
      tally[type].fp++;
      if (process.env.NER_DEBUG) process.stderr.write(`FP ${type} ${m.text} | ${m.via}\n`);
    }
  }
  for (const g of scored) if (!g.hit) tally[g.coarse].fn++;
}

const rows = (Object.keys(tally) as Coarse[]).map((type) => {
  const t = tally[type];
  const p = t.tp / Math.max(1, t.tp + t.fp);
  const r = t.tp / Math.max(1, t.tp + t.fn);
  const f = p + r > 0 ? (2 * p * r) / (p + r) : 0;
  return `| ${type} | ${p.toFixed(2)} | ${r.toFixed(2)} | ${f.toFixed(2)} | ${t.tp} | ${t.fp} | ${t.fn} |`;
});
process.stdout.write(
  [
    `NER gold: ${file} (${corpus.length} sentences)`,
    '',
    '| type | P | R | F1 | tp | fp | fn |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
    'persons: Politician, Athlete, Artist, Scientist, ... (not Group); places: Nation, Population-Center; organisations: Government, Non-Governmental, Media, Sports, ...',
    '',
  ].join('\n'),
);
