import 'reflect-metadata';
import { ClustererOptions, DEFAULT_CLUSTERER_OPTIONS, SplitMember, splitMember, splitStory, StoryClusterer } from '@eventwire/clustering';
import type { EventExtractedV1 } from '@eventwire/contracts';
import { join, resolve } from 'node:path';
import { arg } from './cli-args';
import { clusterStream, shuffleStream, streamSaudiNewsNet, StreamedArticle } from './dev-week-stream';
import { readStoryGold, scoreStories, StoryGold } from './story-gold';

/**
 * npm run eval:story-split [-- --cache FILE --join 0.5,0.3 --tau 2 --cut 0.025,0.03,0.04 --min 30 --orders 2 | --streaming --join ... --cut ...]
 *
 * A measurement, not a stage: would splitting big stories again help? The
 * week is clustered by the library's StoryClusterer (crawl order, then
 * shuffled ±1 day), at the model's join threshold and at others; then every
 * story of at least `--min` articles is cut again by average-link
 * clustering of its members (`splitStory`, as the library's cut, over
 * entities and body words under the whole week's IDF; cosine times
 * exp(-days apart / tau)) stopped at `--cut`; groups of fewer than 3 go
 * back to the group they are closest to on average. Both clusterings are
 * scored against the story gold. The question it answers: whether members
 * of two events a topic thread joined (an airlift and a truce days later,
 * a bombing and the air strikes after it) part when time apart counts,
 * which the streaming join (one centroid per story, a story's span growing
 * with it) cannot see. Quadratic in a story's size: an offline probe.
 */
const REPO = resolve(__dirname, '..', '..');
const DEV = join(REPO, '..', 'shared', 'eval', 'dev');
const gold: StoryGold = readStoryGold(resolve(arg('gold', join(DEV, 'stories', 'story_gold.dev.json'))));
const articles = resolve(arg('articles', join(DEV, 'saudinewsnet')));
const cache = arg('cache', null);
const joins = arg('join', String(DEFAULT_CLUSTERER_OPTIONS.model.joinThreshold)).split(',').map(Number);
const tau = Number(arg('tau', '2'));
const cuts = arg('cut', '0.025,0.03,0.04').split(',').map(Number);
/** The cuts of the `--streaming` grid (`--cut` when given). */
const streamingCuts = arg('cut', '0.035,0.04,0.045,0.05').split(',').map(Number);
const minSize = Number(arg('min', '30'));
const orders = Number(arg('orders', '2'));
const MIN_GROUP = 3;

/** Each article's entities and body words under the week's IDF, at unit length, as `splitStory` reads a member. */
function vectors(stream: readonly StreamedArticle[]): Map<string, SplitMember> {
  const seen = stream.filter((a) => a.event !== null);
  const keysOf = (e: EventExtractedV1): Array<[string, number]> => [
    ...(e.terms ?? []).map((t): [string, number] => [`t:${t.term}`, 1 + Math.log(Math.max(1, t.weight))]),
    ...e.entities.map((x): [string, number] => [`e:${x.id}`, 1 + Math.log(Math.max(1, x.mentions.length))]),
  ];
  const df = new Map<string, number>();
  for (const { event } of seen) for (const k of new Set(keysOf(event!).map(([k]) => k))) df.set(k, (df.get(k) ?? 0) + 1);
  const out = new Map<string, SplitMember>();
  const ids = new Map<string, number>();
  for (const { event, time } of seen) {
    const v = new Map<string, number>();
    for (const [k, w] of keysOf(event!)) v.set(k, (v.get(k) ?? 0) + w * Math.log(seen.length / df.get(k)!));
    out.set(event!.articleId, splitMember(v, Date.parse(time), ids));
  }
  return out;
}

/**
 * `--streaming`: the cut as the library makes it while the stream flows
 * (`splitMinArticles`), over a grid of cuts and growth steps, each scored
 * on the whole week and, choosing the setting on six sevenths of the
 * stories and scoring it on the rest (7 folds by story), cross-validated:
 * how the choice does on stories it was not made on.
 */
async function streamingCut(stream: readonly StreamedArticle[]): Promise<void> {
  const settings: Partial<ClustererOptions>[] = [];
  for (const joinThreshold of joins) {
    const model = joinThreshold === DEFAULT_CLUSTERER_OPTIONS.model.joinThreshold ? {} : { model: { ...DEFAULT_CLUSTERER_OPTIONS.model, joinThreshold } };
    settings.push({ ...model, splitMinArticles: 0 });
    for (const splitCut of streamingCuts) {
      for (const splitGrowth of [1.1, 1.2]) for (const splitEveryHours of [12, Infinity]) settings.push({ ...model, splitMinArticles: 30, splitTauDays: 2, splitCut, splitGrowth, splitEveryHours });
    }
  }
  const scores = settings.map((options) => {
    const { clusterOf } = clusterStream(stream, options);
    return { whole: scoreStories(gold, clusterOf), clusterOf };
  });
  const only = (stories: number[]): StoryGold => ({
    stories: stories.map((i) => gold.stories[i]!),
    hardNegatives: gold.hardNegatives.filter((h) => stories.some((i) => gold.stories[i]!.label === h.nearStory)),
  });
  const folds = 7;
  const all = gold.stories.map((_, i) => i);
  let p = 0;
  let r = 0;
  let members = 0;
  let macro = 0;
  let hard = 0;
  const picks: number[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const test = all.filter((i) => i % folds === fold);
    const train = all.filter((i) => i % folds !== fold);
    const f1s = scores.map((s) => scoreStories(only(train), s.clusterOf).f1);
    const pick = f1s.indexOf(Math.max(...f1s));
    picks.push(pick);
    for (const i of test) {
      const story = scores[pick]!.whole.perStory[i]!;
      p += story.precision * story.members;
      r += story.recall * story.members;
      members += story.members;
      macro += story.f1;
    }
    hard += scores[pick]!.whole.hardNegativesJoined.filter((h) => test.some((i) => gold.stories[i]!.label === h.nearStory)).length;
  }
  const f3 = (x: number): string => x.toFixed(3);
  const lines = ['| setting | B-cubed P | R | F1 | macro-F1 | hard negatives joined |', '|---|---|---|---|---|---|'];
  settings.forEach((o, k) => {
    const s = scores[k]!.whole;
    const join = o.model?.joinThreshold ?? DEFAULT_CLUSTERER_OPTIONS.model.joinThreshold;
    const label = o.splitMinArticles ? `join ${join}, cut ${o.splitCut}, growth ${o.splitGrowth}, every ${o.splitEveryHours === Infinity ? 'never' : `${o.splitEveryHours} h`}` : `join ${join}, no cut`;
    lines.push(`| ${label} | ${f3(s.precision)} | ${f3(s.recall)} | ${f3(s.f1)} | ${f3(s.macroF1)} | ${s.hardNegativesJoined.length}/${s.hardNegatives} |`);
  });
  const [cp, cr] = [p / members, r / members];
  lines.push(
    `| cross-validated (7 folds by story; picks ${picks.join(', ')}) | ${f3(cp)} | ${f3(cr)} | ${f3((2 * cp * cr) / (cp + cr))} | ${f3(macro / all.length)} | ${hard}/${gold.hardNegatives.length} |`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function main(): Promise<void> {
  const stream = await streamSaudiNewsNet(articles, cache, (line) => void process.stderr.write(`${line}\n`));
  if (process.argv.includes('--streaming')) return streamingCut(stream);
  const vectorOf = vectors(stream);
  const f3 = (x: number): string => x.toFixed(3);
  const lines = [`| order | join threshold | clustering | B-cubed P | R | F1 | macro-F1 | hard negatives joined |`, '|---|---|---|---|---|---|---|---|'];
  for (let order = 0; order < orders; order++) {
    const ordered = order === 0 ? stream : shuffleStream(stream, 1, order);
    for (const joinThreshold of joins) {
      const clusterer = new StoryClusterer({ model: { ...DEFAULT_CLUSTERER_OPTIONS.model, joinThreshold } });
      for (const a of ordered) if (a.event) clusterer.add(a.event);
      const storyOf = new Map<string, string>();
      for (const a of ordered) if (a.event) storyOf.set(a.url, clusterer.storyOf(a.event.articleId)!);
      const row = (name: string, clusterOf: Map<string, string>): void => {
        const s = scoreStories(gold, clusterOf);
        lines.push(`| ${order === 0 ? 'crawl' : `±1 day, seed ${order}`} | ${joinThreshold} | ${name} | ${f3(s.precision)} | ${f3(s.recall)} | ${f3(s.f1)} | ${f3(s.macroF1)} | ${s.hardNegativesJoined.length}/${s.hardNegatives} |`);
      };
      row('streaming', storyOf);
      const big = [...clusterer.stories()].filter((s) => s.articles.length >= minSize);
      for (const cut of cuts) {
        const groupOf = new Map<string, string>();
        for (const story of big) {
          const ids = story.articles.map((a) => a.articleId);
          const groups = splitStory(
            ids.map((id) => vectorOf.get(id)!),
            { tauDays: tau, cut, minGroup: MIN_GROUP },
          );
          for (const g of groups) for (const i of g) groupOf.set(ids[i]!, `${story.storyId}/${ids[g[0]!]}`);
        }
        const clusterOf = new Map<string, string>();
        for (const a of ordered) if (a.event) clusterOf.set(a.url, groupOf.get(a.event.articleId) ?? storyOf.get(a.url)!);
        row(`stories of ${minSize}+ split, tau ${tau} days, cut ${cut}`, clusterOf);
      }
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`probe failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
