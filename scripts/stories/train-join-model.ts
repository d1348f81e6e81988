import 'reflect-metadata';
import { JOIN_FEATURES, JoinFeature, JoinModel, StoryClusterer } from '@eventwire/clustering';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { arg } from '../../eval/cli-args';
import { streamSaudiNewsNet, StreamedArticle } from '../../eval/dev-week-stream';
import { readStoryGold, scoreStories, StoryGold } from '../../eval/story-gold';
import { Example, fitLogistic } from './logistic-regression';

/**
 * npm run stories:train [-- --gold FILE --articles DIR --cache FILE --folds 7 --out FILE --rounds 1 --unlabelled-weight 0.2]
 *
 * Learns the clusterer's join decision (libs/clustering/data/join-model.json)
 * from story gold: the week's articles are streamed in crawl order, gold
 * members are put in their gold story (teacher forcing) and every other
 * article is clustered by the model, and each decision the clusterer faces
 * becomes an example: a member against its own story (join) and against
 * any other (do not), a hard negative against its near story and an
 * unlabelled article against a gold story (do not, counted less: the gold
 * is not exhaustive). A logistic regression is fitted on them. The figure
 * that matters is cross-validated by story: the gold stories are split in
 * folds, the model is trained on the others' examples and the whole week
 * clustered with it, and only the held-out stories are scored, so the
 * score says how the model does on events it never saw.
 */
const REPO = resolve(__dirname, '..', '..', '..');
const DEV = join(REPO, '..', 'shared', 'eval', 'dev');
const goldPath = resolve(arg('gold', join(DEV, 'stories', 'story_gold.dev.json')));
const articlesDir = resolve(arg('articles', join(DEV, 'saudinewsnet')));
const cache = arg('cache', null);
const folds = Number(arg('folds', '7'));
const out = resolve(arg('out', join(REPO, 'libs', 'clustering', 'data', 'join-model.json')));
/** How much an unlabelled article against a gold story counts, and a hard negative against its near story. */
const UNLABELLED_WEIGHT = Number(arg('unlabelled-weight', '0.2'));
const HARD_NEGATIVE_WEIGHT = 2;
/**
 * Join thresholds tried on the training stories: the one with the best
 * clustering wins. Two stories merge a step below: compared whole, their
 * centroids are smoother than one article, and what they share is surer.
 */
const THRESHOLDS = [0.2, 0.3, 0.4, 0.5];
const MERGE_STEP = 0.1;
/** The hand-set start's weights where they are not 3 (every similarity). */
const START_WEIGHTS: Partial<Record<JoinFeature, number>> = { gap: -1, size: 0, sameType: 0.3, nearest: 0.5 };
/** Rounds of collecting examples with the last model and fitting a new one: unlabelled articles cluster as the model would. */
const ROUNDS = Number(arg('rounds', '1'));

interface TaggedExample extends Example {
  /** Gold stories the example is about: it is left out of training when one of them is held out. */
  stories: number[];
}

function labelsOf(gold: StoryGold): { member: Map<string, number>; nearStory: Map<string, number>; mention: Set<string> } {
  const index = new Map(gold.stories.map((s, i) => [s.label, i]));
  const member = new Map<string, number>();
  gold.stories.forEach((s, i) => s.members.forEach((u) => member.set(u, i)));
  const nearStory = new Map(gold.hardNegatives.map((h) => [h.url, index.get(h.nearStory)!]));
  const mention = new Set(gold.stories.flatMap((s) => s.mentions ?? []));
  return { member, nearStory, mention };
}

const GOLD_PREFIX = 'gold:';

function collect(stream: readonly StreamedArticle[], gold: StoryGold, model: JoinModel): TaggedExample[] {
  const { member, nearStory, mention } = labelsOf(gold);
  const clusterer = new StoryClusterer({ model });
  const examples: TaggedExample[] = [];
  const goldOf = (storyId: string): number | null => (storyId.startsWith(GOLD_PREFIX) ? Number(storyId.slice(GOLD_PREFIX.length)) : null);
  for (const a of stream) {
    if (!a.event || clusterer.storyOf(a.event.articleId)) continue;
    const candidates = clusterer.explain(a.event);
    const g = member.get(a.url);
    for (const c of candidates) {
      const cg = goldOf(c.storyId);
      if (g !== undefined) examples.push({ x: c.features, y: cg === g ? 1 : 0, weight: 1, stories: cg === null || cg === g ? [g] : [g, cg] });
      else if (nearStory.has(a.url)) {
        if (cg === nearStory.get(a.url)) examples.push({ x: c.features, y: 0, weight: HARD_NEGATIVE_WEIGHT, stories: [cg] });
      } else if (!mention.has(a.url) && cg !== null) examples.push({ x: c.features, y: 0, weight: UNLABELLED_WEIGHT, stories: [cg] });
    }
    // Teacher forcing: a member goes to its gold story; any other article to the story the model likes best among
    // the others, or a new one. Gold stories hold their members only, as they would if the model were right.
    if (g !== undefined) clusterer.restore(a.event, `${GOLD_PREFIX}${g}`);
    else {
      const best = candidates.find((c) => goldOf(c.storyId) === null);
      clusterer.restore(a.event, best && best.probability >= model.joinThreshold ? best.storyId : `story-${a.event.articleId}`);
    }
  }
  return examples;
}

function fit(examples: readonly TaggedExample[], base: JoinModel): JoinModel {
  const f = fitLogistic(examples);
  return { ...base, features: [...JOIN_FEATURES], weights: f.weights.map((w) => Number(w.toFixed(4))), bias: Number(f.bias.toFixed(4)) };
}

/**
 * The join threshold that clusters the training stories best (mean of
 * B-cubed F1 and macro-F1, less the share of their hard negatives joined):
 * the model's probabilities rank decisions, the threshold is where the
 * clustering, not the single decision, comes out best.
 */
function pickThreshold(stream: readonly StreamedArticle[], gold: StoryGold, model: JoinModel, train: ReadonlySet<number>): JoinModel {
  const trainGold: StoryGold = {
    stories: gold.stories.filter((_, i) => train.has(i)),
    hardNegatives: gold.hardNegatives.filter((h) => gold.stories.some((s, i) => train.has(i) && s.label === h.nearStory)),
  };
  let best = model;
  let bestValue = -Infinity;
  for (const threshold of THRESHOLDS) {
    const candidate = { ...model, joinThreshold: threshold, mergeThreshold: Number((threshold - MERGE_STEP).toFixed(2)) };
    const score = scoreStories(trainGold, cluster(stream, candidate));
    const value = (score.f1 + score.macroF1) / 2 - score.hardNegativesJoined.length / Math.max(1, score.hardNegatives);
    process.stderr.write(`  threshold ${threshold}: F1 ${score.f1.toFixed(3)} macro ${score.macroF1.toFixed(3)} hard negatives ${score.hardNegativesJoined.length}/${score.hardNegatives}\n`);
    if (value > bestValue) [best, bestValue] = [candidate, value];
  }
  return best;
}

/** url → story of the whole stream clustered by the model. */
function cluster(stream: readonly StreamedArticle[], model: JoinModel): Map<string, string> {
  const clusterer = new StoryClusterer({ model });
  for (const a of stream) if (a.event) clusterer.add(a.event);
  const out = new Map<string, string>();
  for (const a of stream) if (a.event) out.set(a.url, clusterer.storyOf(a.event.articleId)!);
  return out;
}

async function main(): Promise<void> {
  const gold = readStoryGold(goldPath);
  const stream = await streamSaudiNewsNet(articlesDir, cache, (l) => process.stderr.write(`${l}\n`));
  // The first round's unlabelled articles are clustered by a hand-set start (the weights' signs as one would guess them).
  const start: JoinModel = {
    features: [...JOIN_FEATURES],
    weights: JOIN_FEATURES.map((f) => START_WEIGHTS[f] ?? 3),
    bias: -4,
    joinThreshold: 0.5,
    mergeThreshold: 0.4,
  };

  // Cross-validation by story: each fold's model never saw its stories' examples.
  const heldOut = new Map<number, { p: number; r: number; f1: number; members: number }>();
  let hardJoined = 0;
  // The first round's examples come from the start model whatever the fold: collected once, each fold leaves its stories out.
  const firstRound = collect(stream, gold, start);
  for (let fold = 0; fold < folds; fold++) {
    const test = new Set(gold.stories.map((_, i) => i).filter((i) => i % folds === fold));
    let model = start;
    for (let round = 0; round < ROUNDS; round++) {
      const examples = round === 0 ? firstRound : collect(stream, gold, model);
      model = fit(examples.filter((e) => e.stories.every((s) => !test.has(s))), model);
    }
    model = pickThreshold(stream, gold, model, new Set(gold.stories.map((_, i) => i).filter((i) => !test.has(i))));
    const score = scoreStories(gold, cluster(stream, model));
    score.perStory.forEach((s, i) => {
      if (test.has(i)) heldOut.set(i, { p: s.precision, r: s.recall, f1: s.f1, members: s.members });
    });
    const labels = new Set([...test].map((i) => gold.stories[i]!.label));
    hardJoined += score.hardNegativesJoined.filter((h) => labels.has(h.nearStory)).length;
    process.stderr.write(`fold ${fold + 1}/${folds}: held out ${[...test].map((i) => `${gold.stories[i]!.label.slice(0, 40)}… F1 ${heldOut.get(i)!.f1.toFixed(3)}`).join('; ')}\n`);
  }
  const members = [...heldOut.values()].reduce((s, x) => s + x.members, 0);
  const p = [...heldOut.values()].reduce((s, x) => s + x.p * x.members, 0) / members;
  const r = [...heldOut.values()].reduce((s, x) => s + x.r * x.members, 0) / members;
  const crossValidation = {
    folds: `${folds} folds by story`,
    bcubedPrecision: Number(p.toFixed(3)),
    bcubedRecall: Number(r.toFixed(3)),
    bcubedF1: Number(((2 * p * r) / (p + r)).toFixed(3)),
    macroF1: Number(([...heldOut.values()].reduce((s, x) => s + x.f1, 0) / heldOut.size).toFixed(3)),
    hardNegativesJoined: `${hardJoined}/${gold.hardNegatives.length}`,
  };

  let model = start;
  let examples: TaggedExample[] = [];
  for (let round = 0; round < ROUNDS; round++) model = fit((examples = round === 0 ? firstRound : collect(stream, gold, model)), model);
  model = pickThreshold(stream, gold, model, new Set(gold.stories.map((_, i) => i)));
  const final: JoinModel = {
    ...model,
    trainedOn: `${goldPath.slice(goldPath.indexOf('shared/'))}: ${examples.length} decisions (${examples.filter((e) => e.y === 1).length} joins) over SaudiNewsNet ${gold.stories.length}-story dev week (CC BY-NC-SA 4.0); npm run stories:train`,
    crossValidation,
  };
  writeFileSync(out, `${JSON.stringify(final, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(final, null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`training failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
