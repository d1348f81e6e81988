import { collectDefaultMetrics, Counter, exponentialBuckets, Gauge, Histogram, Registry } from 'prom-client';
import { StageObserver } from '../transport/stage-observer';
import { PhaseSeconds, STAGE_PHASES } from '../transport/stage-phases';

/** Handler time: a record takes about a millisecond to extract, a remote translation up to its 10 s timeout. */
const HANDLER_SECONDS_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Records per fetched batch: kafkajs hands a partition's fetch over at once, up to some thousands. */
const BATCH_RECORDS_BUCKETS = [1, 5, 10, 50, 100, 250, 500, 1000, 2500, 5000];

/**
 * Record sizes, 256 B to 16 MiB (the largest topic limit) in 33 steps of √2: a p99
 * read from them (interpolated within its bucket) is off by less than that factor.
 */
const RECORD_BYTES_BUCKETS = exponentialBuckets(256, Math.SQRT2, 33).map(Math.round);

/** HTTP answers: a story query takes milliseconds, a 16 MiB batch some seconds. */
const HTTP_SECONDS_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * A service's metrics in the Prometheus text format (`GET /metrics`): its
 * stage's records in, out and dead-lettered, transient failures, handler
 * time, batch sizes and consumer lag, and Node's process metrics, every one
 * labelled with the service. One registry per service, not prom-client's
 * global one, so stages started in one process (tests) keep apart.
 */
export class StageMetrics implements StageObserver {
  readonly registry = new Registry();
  private readonly consumedTotal: Counter<'topic'>;
  private readonly producedTotal: Counter<'topic'>;
  private readonly deadLetteredTotal: Counter<'topic' | 'reason'>;
  private readonly retriesTotal: Counter<'topic' | 'reason'>;
  private readonly handlerSeconds: Histogram<'topic'>;
  private readonly batchRecords: Histogram<'topic'>;
  private readonly consumerLag: Gauge<'topic' | 'partition'>;
  private readonly phaseSeconds: Counter<'topic' | 'phase'>;
  private readonly topicBytes: Counter<'topic' | 'direction'>;
  private readonly recordSizes: Histogram<'topic' | 'direction'>;
  private readonly httpArticlesTotal: Counter<'outcome' | 'reason'>;
  private readonly httpRequestsTotal: Counter<'method' | 'route' | 'status'>;
  private readonly httpRequestSeconds: Histogram<'method' | 'route'>;
  private readonly storyDecisionsTotal: Counter<'decision'>;
  private readonly storiesLive: Gauge;
  private readonly storyRecordsTotal: Counter<'kind'>;

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    const registers = [this.registry];
    this.consumedTotal = new Counter({ name: 'eventwire_records_consumed_total', help: 'Input records done: outputs acknowledged and offset committed', labelNames: ['topic'], registers });
    this.producedTotal = new Counter({ name: 'eventwire_records_produced_total', help: 'Records produced to the stage output topics (dead letters apart)', labelNames: ['topic'], registers });
    this.deadLetteredTotal = new Counter({
      name: 'eventwire_records_dead_lettered_total',
      help: 'Input records sent to <topic>.dlq, by reason',
      labelNames: ['topic', 'reason'],
      registers,
    });
    this.retriesTotal = new Counter({
      name: 'eventwire_transient_failures_total',
      help: 'Transient failures (database or broker away) retried with backoff, by reason',
      labelNames: ['topic', 'reason'],
      registers,
    });
    this.handlerSeconds = new Histogram({
      name: 'eventwire_handler_duration_seconds',
      help: 'Time of one handler call on one record, its outputs checked and encoded',
      labelNames: ['topic'],
      buckets: HANDLER_SECONDS_BUCKETS,
      registers,
    });
    this.batchRecords = new Histogram({ name: 'eventwire_batch_records', help: 'Records per batch fetched from a partition', labelNames: ['topic'], buckets: BATCH_RECORDS_BUCKETS, registers });
    this.consumerLag = new Gauge({
      name: 'eventwire_consumer_lag',
      help: 'Records behind the last committed offset, per partition, as of the last batch fetched',
      labelNames: ['topic', 'partition'],
      registers,
    });
    this.phaseSeconds = new Counter({
      name: 'eventwire_stage_phase_seconds_total',
      help:
        'Time the stage spent on records of topic, by phase. Per record: decode (UTF-8 and JSON), contract (the input checked), ' +
        'handler (its call until its result settles: an async handler counts its awaited time too), encode (outputs encoded and size-checked); ' +
        'per chunk: complete (the chunk-complete handler, a store write), produce (send until acknowledged), commit (offset commit until done). ' +
        'Wall time: CPU for the synchronous phases, CPU plus waiting for the others',
      labelNames: ['topic', 'phase'],
      registers,
    });
    this.topicBytes = new Counter({
      name: 'eventwire_topic_bytes_total',
      help: 'Bytes (key, value and headers) of the records consumed from topic, once done, or produced to it (dead letters apart)',
      labelNames: ['topic', 'direction'],
      registers,
    });
    this.recordSizes = new Histogram({
      name: 'eventwire_record_bytes',
      help: 'Size in bytes (key, value and headers) of each record consumed from topic, once done, or produced to it (dead letters apart)',
      labelNames: ['topic', 'direction'],
      buckets: RECORD_BYTES_BUCKETS,
      registers,
    });
    this.httpArticlesTotal = new Counter({
      name: 'eventwire_http_articles_total',
      help: 'Articles posted to the ingest API: accepted, refused (400/413/422, by reason) or failed (503, by reason)',
      labelNames: ['outcome', 'reason'],
      registers,
    });
    this.httpRequestsTotal = new Counter({
      name: 'eventwire_http_requests_total',
      help: 'HTTP requests answered, by method, route pattern (unmatched: no route) and status',
      labelNames: ['method', 'route', 'status'],
      registers,
    });
    this.httpRequestSeconds = new Histogram({
      name: 'eventwire_http_request_duration_seconds',
      help: 'Time from a request to the end of its answer, by method and route pattern (an SSE stream counts until it closes)',
      labelNames: ['method', 'route'],
      buckets: HTTP_SECONDS_BUCKETS,
      registers,
    });
    this.storyDecisionsTotal = new Counter({
      name: 'eventwire_story_decisions_total',
      help: 'Aggregator: articles that opened a story (created) or joined one (joined), stories merged into another (merged), and stories cut off a story that held two events (split), counted once their chunk is stored',
      labelNames: ['decision'],
      registers,
    });
    this.storiesLive = new Gauge({ name: 'eventwire_stories_live', help: 'Aggregator: stories in the clustering window (they can still take articles)', registers });
    this.storyRecordsTotal = new Counter({
      name: 'eventwire_story_records_published_total',
      help: 'Aggregator: story records published on the enriched topic (record), and tombstones of merged stories (tombstone)',
      labelNames: ['kind'],
      registers,
    });
  }

  /** An HTTP request answered: `route` is the matched route's pattern (never the path itself, which may hold ids and text). */
  httpRequest(method: string, route: string, status: number, seconds: number): void {
    this.httpRequestsTotal.inc({ method, route, status: String(status) });
    this.httpRequestSeconds.observe({ method, route }, seconds);
  }

  /** A stored chunk's clustering decisions, and the stories in the window after it. */
  stories(decisions: { created: number; joined: number; merged: number; split: number }, live: number): void {
    for (const [decision, n] of Object.entries(decisions)) if (n > 0) this.storyDecisionsTotal.inc({ decision }, n);
    this.storiesLive.set(live);
  }

  /** Story records and tombstones the broker acknowledged. */
  storyRecords(records: number, tombstones: number): void {
    if (records > 0) this.storyRecordsTotal.inc({ kind: 'record' }, records);
    if (tombstones > 0) this.storyRecordsTotal.inc({ kind: 'tombstone' }, tombstones);
  }

  /** Articles the ingest API took (`reason` empty), refused or failed to send. */
  httpArticles(outcome: 'accepted' | 'refused' | 'failed', reason: string, articles = 1): void {
    if (articles > 0) this.httpArticlesTotal.inc({ outcome, reason }, articles);
  }

  /** The exposition text, and its content type. */
  async render(): Promise<{ contentType: string; text: string }> {
    return { contentType: this.registry.contentType, text: await this.registry.metrics() };
  }

  batch(topic: string, records: number): void {
    this.batchRecords.observe({ topic }, records);
  }
  handled(topic: string, seconds: number): void {
    this.handlerSeconds.observe({ topic }, seconds);
  }
  consumed(topic: string, records: number): void {
    this.consumedTotal.inc({ topic }, records);
  }
  produced(topic: string, records: number): void {
    this.producedTotal.inc({ topic }, records);
  }
  deadLettered(topic: string, reason: string): void {
    this.deadLetteredTotal.inc({ topic, reason });
  }
  retried(topic: string, reason: string): void {
    this.retriesTotal.inc({ topic, reason });
  }
  lag(topic: string, partition: number, records: number): void {
    this.consumerLag.set({ topic, partition: String(partition) }, records);
  }
  phases(topic: string, seconds: Readonly<PhaseSeconds>): void {
    for (const phase of STAGE_PHASES) if (seconds[phase] > 0) this.phaseSeconds.inc({ topic, phase }, seconds[phase]);
  }
  recordBytes(topic: string, direction: 'consumed' | 'produced', bytes: readonly number[]): void {
    let total = 0;
    for (const size of bytes) {
      this.recordSizes.observe({ topic, direction }, size);
      total += size;
    }
    if (total > 0) this.topicBytes.inc({ topic, direction }, total);
  }
}
