import { NerType } from '@eventwire/extraction';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * NewsFANE Gold (Alotaibi & Lee, COLING 2014; CC BY-SA 3.0): Arabic
 * newswire, one token<TAB>BIO-tag per line with 50 fine-grained classes,
 * U+200E marks on tokens, sentences separated by empty (or tab-only)
 * lines, clitics already split ("و قال", "نمو ها").
 */
export interface CorpusToken {
  text: string;
  /** Fine-grained BIO tag as annotated ("B-Politician", "O"). */
  tag: string;
}
export type CorpusSentence = CorpusToken[];

/** `--file` if given, else the copy in shared/ beside the repo. */
export function newsFanePath(repoRoot: string, argument?: string): string {
  return resolve(argument ?? join(repoRoot, '..', 'shared', 'eval', 'dev', 'ner', 'NewsFANE_Gold_2014_170K.txt'));
}

export function readNewsFane(path: string): CorpusSentence[] {
  const out: CorpusSentence[] = [];
  let current: CorpusSentence = [];
  for (const raw of readFileSync(path, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const [token = '', tag = ''] = raw.replace(/[\u200E\u200F]/g, '').split('\t');
    if (!token.trim() || !tag.trim()) {
      if (current.length) out.push(current);
      current = [];
      continue;
    }
    current.push({ text: token.trim(), tag: tag.trim() });
  }
  if (current.length) out.push(current);
  return out;
}

/**
 * Fine classes folded into the tagger's three. Places take every
 * geopolitical and natural location (regions, continents, seas); the rest
 * (Group — "العرب", mostly demonyms —, buildings, works, vehicles...) is O.
 */
export const TRAINING_TYPES: Readonly<Record<string, NerType>> = {
  Politician: 'PER', Athlete: 'PER', Artist: 'PER', Other_PER: 'PER', Religious_PER: 'PER', Scientist: 'PER',
  Businessperson: 'PER', Lawyer: 'PER', Engineer: 'PER', Police: 'PER',
  Nation: 'LOC', 'Population-Center': 'LOC', 'State-or-Province': 'LOC', 'County-or-District': 'LOC', Continent: 'LOC',
  'GPE-Cluster': 'LOC', 'Water-Body': 'LOC', 'Land-Region-Natural': 'LOC',
  Government: 'ORG', 'Non-Governmental': 'ORG', Commercial: 'ORG', Educational: 'ORG', Media: 'ORG', Religious_ORG: 'ORG',
  Sports: 'ORG', 'Medical-Science': 'ORG', Entertainment: 'ORG',
};

/**
 * The classes `eval:ner` scores, as it always has: persons (not Group),
 * places that are countries or cities, organisations. A prediction on a
 * gold entity of another class (a region, a building) is neither right nor
 * wrong.
 */
export const SCORED_TYPES: Readonly<Record<string, NerType>> = Object.fromEntries(
  Object.entries(TRAINING_TYPES).filter(([fine, type]) => type !== 'LOC' || fine === 'Nation' || fine === 'Population-Center'),
);

/**
 * Documents and splits. The corpus marks no documents, so a document is a
 * block of 50 consecutive sentences (sentence s is in document
 * floor(s / 50)); stories run a few sentences, so blocks keep most of one
 * story together. Every fifth document (d % 5 = 4) is held out: 20%, never
 * used to train or to choose anything. Of the rest, d % 10 = 1 is the dev
 * split on which epochs and features are chosen; the final model trains on
 * train + dev.
 */
export const SENTENCES_PER_DOCUMENT = 50;
export type Split = 'train' | 'dev' | 'heldout';

export const DEV_FOLD = 1;

/** `devFold`: which d % 10 is dev (any but 4 and 9, the held-out ones); another fold cross-checks a feature choice (`ner:train -- --dev-fold N`). */
export function splitOf(sentenceIndex: number, devFold = DEV_FOLD): Split {
  const document = Math.floor(sentenceIndex / SENTENCES_PER_DOCUMENT);
  if (document % 5 === 4) return 'heldout';
  return document % 10 === devFold ? 'dev' : 'train';
}

export interface TypedSpan {
  type: string;
  start: number;
  end: number;
}

/** Gold spans with their fine classes; a stray I- opens a span. */
export function goldSpans(sentence: CorpusSentence): TypedSpan[] {
  const spans: TypedSpan[] = [];
  sentence.forEach(({ tag }, t) => {
    const [bio, type] = [tag.slice(0, 1), tag.slice(2)];
    const last = spans[spans.length - 1];
    if (bio === 'B' || (bio === 'I' && (!last || last.end !== t || last.type !== type))) spans.push({ type, start: t, end: t + 1 });
    else if (bio === 'I') last.end = t + 1;
  });
  return spans;
}
