import bundled from '../data/join-model.json';

/**
 * What the join decision looks at, for an article (or a young story) and a
 * candidate story, in this order. Every similarity is a cosine under the
 * window's IDF, so it means the same on a small replay and a long stream.
 */
export const JOIN_FEATURES = [
  /** Canonical entities (ids hold across spellings and languages). */
  'entity',
  /** Content words of the bodies. */
  'body',
  /** Content words of the titles: what the articles say they are about. */
  'title',
  /** The article's title words against the story's body words: an aftermath headline names the event's details, not its first headline. */
  'titleBody',
  /** Share of the article's IDF mass (entities and words) the story also has. */
  'coverage',
  /** Rare keys shared (document frequency at most 0.2% of the window), up to 5, over 5. */
  'rare',
  /** Days between the article and the story's span of publication times, log(1 + days). */
  'gap',
  /** Members of the story, log(1 + n). */
  'size',
  /** 1 when the article's event type is the story's most common one. */
  'sameType',
  /** The best cosine of the article to one of the story's members among its nearest earlier articles (stories compared whole: of any member to any). */
  'neighbour',
  /** 1 when the story holds the article's nearest earlier article (stories compared whole: some member's). */
  'nearest',
  /** Share of the article's nearest earlier articles that are in the story (stories compared whole: of the smaller one's members' neighbours). */
  'votes',
] as const;

export type JoinFeature = (typeof JOIN_FEATURES)[number];

/**
 * A model of "this article reports this story's event": a linear score of
 * the features (weights in `JOIN_FEATURES` order) through the logistic, the
 * probability above which an article joins, and the one above which two
 * stories are one. Learned by `npm run stories:train`
 * (scripts/stories/train-join-model.ts) from the dev story gold, by a
 * random search judged on the clustering it gives; `trainedOn` and
 * `crossValidation` say from what and how well on stories it was not
 * trained on.
 */
export interface JoinModel {
  features: readonly string[];
  weights: readonly number[];
  bias: number;
  joinThreshold: number;
  mergeThreshold: number;
  trainedOn?: string;
  crossValidation?: Record<string, number | string>;
}

/** A model file whose features are not this code's: refusing it beats scoring with weights on the wrong features. */
export class JoinModelMismatchError extends Error {
  constructor(features: readonly string[]) {
    super(`join model features [${features.join(', ')}] are not [${JOIN_FEATURES.join(', ')}]; retrain it with npm run stories:train`);
    this.name = 'JoinModelMismatchError';
  }
}

export function checkJoinModel(model: JoinModel): JoinModel {
  if (model.features.length !== JOIN_FEATURES.length || model.features.some((f, i) => f !== JOIN_FEATURES[i]) || model.weights.length !== JOIN_FEATURES.length) {
    throw new JoinModelMismatchError(model.features);
  }
  return model;
}

/** The model shipped with the code (libs/clustering/data/join-model.json). */
export const BUNDLED_JOIN_MODEL: JoinModel = checkJoinModel(bundled as JoinModel);

export function joinProbability(model: JoinModel, x: readonly number[]): number {
  let z = model.bias;
  for (let i = 0; i < x.length; i++) z += model.weights[i]! * x[i]!;
  return 1 / (1 + Math.exp(-z));
}
