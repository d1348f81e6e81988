import { dlqTopic, PIPELINE, REJECTIONS_TOPIC, STAGE_NAMES, TOPICS } from '@eventwire/contracts';
import { BrokerMessage, DLQ_HEADERS, MessageBroker, ORIGIN_HEADER } from '@eventwire/kafka';

/** Which articles to account for: those that entered the pipeline (record time of their first topic) in [from, to). */
export interface AuditRange {
  from?: Date;
  to?: Date;
}

/** One hop of one stage: every input record in scope produced output, or a dead letter, or is still pending. */
export interface StageAccount {
  stage: string;
  input: string;
  /** Input records in scope. */
  records: number;
  /** Input records with at least one output record. */
  processed: number;
  /** Input records in `<input>.dlq`, by reason. */
  deadLettered: Record<string, number>;
  /** Output records beyond the first for the same input: work redone after a crash or rebalance, harmless downstream. */
  redelivered: number;
  /** Input records with neither output nor dead letter yet. */
  pending: number;
}

export interface AuditReport {
  range: { from: string | null; to: string | null };
  /** Records offered to the pipeline: on articles.raw.v1, and articles taken over HTTP. */
  entered: { raw: number; http: number };
  /** Raw records the ingestor refused, by reason (`articles.raw.v1.dlq`). */
  rejected: Record<string, number>;
  /** Articles (a batch line, or a request refused whole) the ingestor refused over HTTP, by reason (`articles.rejected.v1`). */
  rejectedOverHttp: Record<string, number>;
  articles: {
    /** Distinct article ids accepted (a stable id: the same article sent twice is one article). */
    accepted: number;
    /** Accepted records whose article id an earlier record already had. */
    duplicates: number;
    /** Articles in exactly one story on events.enriched.v1. */
    inStories: number;
    /** Articles dead-lettered after ingestion (and in no story), by stage and reason. */
    deadLettered: Record<string, Record<string, number>>;
    /** Articles in no story and no dead-letter topic yet. */
    inFlight: number;
    /** Articles found in more than one live story: never expected. */
    inSeveralStories: number;
    /** Up to ten ids of articles in flight or in several stories, to look up. */
    examples: string[];
  };
  stages: StageAccount[];
  /** True when every record and article in scope is accounted for: in = stories + dead letters, nothing pending or doubled. */
  balanced: boolean;
}

/** Every stage as the audit follows it, in pipeline order, from its declaration. */
const STAGE_HOPS = STAGE_NAMES.map((stage) => ({ stage, input: TOPICS[PIPELINE.stages[stage].input], output: TOPICS[PIPELINE.stages[stage].outputs[0]] }));
/** The stages whose records are followed record by record to the next stage's input. */
const HOPS = STAGE_HOPS.slice(0, -1);
/** The last stage: its input's dead letters are counted by article id, its output holds the stories. */
const LAST = STAGE_HOPS[STAGE_HOPS.length - 1]!;
/** Where articles enter the pipeline (record time decides what is in range), and where the first stage takes them. */
const ENTRY = HOPS[0]!.input;
const ACCEPTED = HOPS[0]!.output;
/** The compacted topic of the live stories. */
const STORIES = LAST.output;

const address = (m: BrokerMessage): string => `${m.topic}/${m.partition}/${m.offset}`;
const dlqOrigin = (m: BrokerMessage): string =>
  `${m.headers[DLQ_HEADERS.topic]}/${m.headers[DLQ_HEADERS.partition]}/${m.headers[DLQ_HEADERS.offset]}`;
const bump = (counts: Record<string, number>, key: string): void => void (counts[key] = (counts[key] ?? 0) + 1);

/**
 * Accounts for every article that entered the pipeline in a time range, from
 * the topics alone: each input record of each stage is followed by its
 * `eventwire-origin` to the record it produced or by the dead-letter headers
 * to its dead letter, and each accepted article id to the live story that
 * holds it on the compacted stories topic. Reads the topics once, keeping
 * only offsets, ids and reasons in memory.
 */
export async function auditPipeline(broker: MessageBroker, range: AuditRange = {}): Promise<AuditReport> {
  const from = range.from?.getTime() ?? -Infinity;
  const to = range.to?.getTime() ?? Infinity;
  const inRange = (m: BrokerMessage): boolean => {
    const t = Number(m.timestamp);
    return t >= from && t < to;
  };

  // Pass 1: entry records (raw in range), every stage's records and dead letters, and the stories.
  const inputs = new Map<string, Map<string, string | null>>(HOPS.map((h) => [h.input, new Map()])); // address → record key
  const rawInScope = new Set<string>();
  const ingestedFromRaw: Array<[origin: string, articleId: string]> = [];
  const produced = new Map<string, Map<string, number>>(HOPS.map((h) => [h.input, new Map()])); // origin → output records
  const dead = new Map<string, Map<string, { reason: string; key: string | null }>>(HOPS.map((h) => [h.input, new Map()]));
  const aggregatorDead = new Map<string, string>(); // article id → reason
  const httpArticles: string[] = [];
  const rejectedOverHttp: Record<string, number> = {};
  const liveStories = new Map<string, string[]>();

  const topics = [
    ...HOPS.flatMap((h) => [h.input, dlqTopic(h.input)]),
    LAST.input,
    dlqTopic(LAST.input),
    STORIES,
    REJECTIONS_TOPIC,
  ];
  await broker.scan(topics, (m) => {
    if (m.topic === REJECTIONS_TOPIC) {
      if (inRange(m)) bump(rejectedOverHttp, m.headers[DLQ_HEADERS.reason] ?? 'unknown');
      return;
    }
    const hop = HOPS.find((h) => h.input === m.topic);
    if (hop) inputs.get(hop.input)!.set(address(m), m.key);
    if (m.topic === ENTRY && inRange(m)) rawInScope.add(address(m));
    const origin = m.headers[ORIGIN_HEADER];
    const feeding = HOPS.find((h) => h.output === m.topic);
    if (feeding && origin) {
      if (origin === 'http') {
        if (inRange(m) && m.key) httpArticles.push(m.key);
      } else {
        const counts = produced.get(feeding.input)!;
        counts.set(origin, (counts.get(origin) ?? 0) + 1);
        if (m.topic === ACCEPTED && m.key) ingestedFromRaw.push([origin, m.key]);
      }
    }
    const dlqOf = HOPS.find((h) => dlqTopic(h.input) === m.topic);
    if (dlqOf) dead.get(dlqOf.input)!.set(dlqOrigin(m), { reason: m.headers[DLQ_HEADERS.reason] ?? 'unknown', key: m.key });
    if (m.topic === dlqTopic(LAST.input) && m.key) aggregatorDead.set(m.key, m.headers[DLQ_HEADERS.reason] ?? 'unknown');
    if (m.topic === STORIES && m.key) {
      if (m.value === null) liveStories.delete(m.key);
      else liveStories.set(m.key, (JSON.parse(m.value.toString()) as { articles: Array<{ articleId: string }> }).articles.map((a) => a.articleId));
    }
  });

  // Which records are in scope: raw records in range, the ingested records they produced or that came over HTTP,
  // and downstream the records of those article ids.
  const scopeIds = new Set<string>(httpArticles);
  // A raw record redelivered to the ingestor yields its article twice: one accepted record per raw record.
  const acceptedRaw = new Set<string>();
  for (const [origin, id] of ingestedFromRaw) {
    if (!rawInScope.has(origin)) continue;
    scopeIds.add(id);
    acceptedRaw.add(origin);
  }
  const acceptedRecords = httpArticles.length + acceptedRaw.size;

  const stages: StageAccount[] = [];
  for (const hop of HOPS) {
    const records = [...inputs.get(hop.input)!].filter(([addr, key]) => (hop.input === ENTRY ? rawInScope.has(addr) : key !== null && scopeIds.has(key)));
    const account: StageAccount = { stage: hop.stage, input: hop.input, records: records.length, processed: 0, deadLettered: {}, redelivered: 0, pending: 0 };
    for (const [addr] of records) {
      const outputs = produced.get(hop.input)!.get(addr) ?? 0;
      const letter = dead.get(hop.input)!.get(addr);
      if (outputs > 0) {
        account.processed++;
        account.redelivered += outputs - 1;
      } else if (letter) {
        bump(account.deadLettered, letter.reason);
      } else {
        account.pending++;
      }
    }
    stages.push(account);
  }

  // Articles: each accepted id in one story, or dead-lettered after ingestion, or still in flight.
  const storiesOfArticle = new Map<string, number>();
  for (const ids of liveStories.values()) for (const id of new Set(ids)) if (scopeIds.has(id)) storiesOfArticle.set(id, (storiesOfArticle.get(id) ?? 0) + 1);
  const deadArticles = new Map<string, { stage: string; reason: string }>();
  for (const hop of HOPS.slice(1)) {
    for (const letter of dead.get(hop.input)!.values()) if (letter.key && scopeIds.has(letter.key)) deadArticles.set(letter.key, { stage: hop.stage, reason: letter.reason });
  }
  for (const [id, reason] of aggregatorDead) if (scopeIds.has(id)) deadArticles.set(id, { stage: LAST.stage, reason });

  const articles: AuditReport['articles'] = {
    accepted: scopeIds.size,
    duplicates: acceptedRecords - scopeIds.size,
    inStories: 0,
    deadLettered: {},
    inFlight: 0,
    inSeveralStories: 0,
    examples: [],
  };
  for (const id of scopeIds) {
    const n = storiesOfArticle.get(id) ?? 0;
    if (n === 1) articles.inStories++;
    else if (n > 1) {
      articles.inSeveralStories++;
      if (articles.examples.length < 10) articles.examples.push(id);
    } else {
      const letter = deadArticles.get(id);
      if (letter) bump((articles.deadLettered[letter.stage] ??= {}), letter.reason);
      else {
        articles.inFlight++;
        if (articles.examples.length < 10) articles.examples.push(id);
      }
    }
  }

  const rejected = stages[0]!.deadLettered;
  const balanced = stages.every((s) => s.pending === 0) && articles.inFlight === 0 && articles.inSeveralStories === 0;
  return {
    range: { from: range.from?.toISOString() ?? null, to: range.to?.toISOString() ?? null },
    entered: { raw: rawInScope.size, http: httpArticles.length },
    rejected,
    rejectedOverHttp,
    articles,
    stages,
    balanced,
  };
}
