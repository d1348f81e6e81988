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

  it('keeps two services in one process apart', async () => {
    const a = new StageMetrics('translator');
    const b = new StageMetrics('extractor');
    a.consumed('articles.ingested.v1', 5);
    expect((await b.render()).text).not.toContain('articles.ingested.v1');
  });
});
