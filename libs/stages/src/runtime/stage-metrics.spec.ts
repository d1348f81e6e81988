import { StageMetrics } from './stage-metrics';

describe(StageMetrics.name, () => {
  it("renders the stage's counts, handler time and lag in the Prometheus text format, with the process metrics", async () => {
    const metrics = new StageMetrics('extractor');
    metrics.batch('articles.translated.v1', 3);
    metrics.handled('articles.translated.v1', 0.004);
    metrics.consumed('articles.translated.v1', 3);
    metrics.produced('events.extracted.v1', 2);
    metrics.deadLettered('articles.translated.v1', 'ContractViolationError');
    metrics.retried('articles.translated.v1', 'ECONNREFUSED');
    metrics.lag('articles.translated.v1', 4, 17);

    const { contentType, text } = await metrics.render();
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    const lines = text.split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        'eventwire_records_consumed_total{topic="articles.translated.v1",service="extractor"} 3',
        'eventwire_records_produced_total{topic="events.extracted.v1",service="extractor"} 2',
        'eventwire_records_dead_lettered_total{topic="articles.translated.v1",reason="ContractViolationError",service="extractor"} 1',
        'eventwire_transient_failures_total{topic="articles.translated.v1",reason="ECONNREFUSED",service="extractor"} 1',
        'eventwire_handler_duration_seconds_count{service="extractor",topic="articles.translated.v1"} 1',
        'eventwire_handler_duration_seconds_bucket{le="0.005",service="extractor",topic="articles.translated.v1"} 1',
        'eventwire_batch_records_sum{service="extractor",topic="articles.translated.v1"} 3',
        'eventwire_consumer_lag{topic="articles.translated.v1",partition="4",service="extractor"} 17',
      ]),
    );
    expect(text).toMatch(/^process_cpu_seconds_total\{service="extractor"\} /m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes\{service="extractor"\} /m);
  });

  it('sums the time of each phase, the bytes of each topic and the sizes of its records, with GC time', async () => {
    const metrics = new StageMetrics('extractor');
    const phases = { decode: 0.001, contract: 0.002, handler: 0.01, encode: 0.0005, complete: 0, produce: 0.003, commit: 0.0015 };
    metrics.phases('articles.translated.v1', phases);
    metrics.phases('articles.translated.v1', phases);
    metrics.recordBytes('articles.translated.v1', 'consumed', [300, 5000]);
    metrics.recordBytes('events.extracted.v1', 'produced', [700]);

    const { text } = await metrics.render();
    const lines = text.split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        'eventwire_stage_phase_seconds_total{topic="articles.translated.v1",phase="handler",service="extractor"} 0.02',
        'eventwire_stage_phase_seconds_total{topic="articles.translated.v1",phase="produce",service="extractor"} 0.006',
        'eventwire_topic_bytes_total{topic="articles.translated.v1",direction="consumed",service="extractor"} 5300',
        'eventwire_topic_bytes_total{topic="events.extracted.v1",direction="produced",service="extractor"} 700',
        'eventwire_record_bytes_count{service="extractor",topic="articles.translated.v1",direction="consumed"} 2',
        'eventwire_record_bytes_bucket{le="362",service="extractor",topic="articles.translated.v1",direction="consumed"} 1',
        'eventwire_record_bytes_bucket{le="5793",service="extractor",topic="articles.translated.v1",direction="consumed"} 2',
      ]),
    );
    // A phase with no time spent has no series: the aggregator alone has a chunk-complete handler.
    expect(text).not.toContain('phase="complete"');
    expect(text).toMatch(/^# TYPE nodejs_gc_duration_seconds histogram$/m);
  });

  it('keeps two services in one process apart', async () => {
    const a = new StageMetrics('translator');
    const b = new StageMetrics('extractor');
    a.consumed('articles.ingested.v1', 5);
    expect((await b.render()).text).not.toContain('articles.ingested.v1');
  });
});
