import { PIPELINE, STAGE_NAMES } from './pipeline';
import { COMPACTED_TOPICS, DEFAULT_PARTITIONS, pipelineTopics, REJECTIONS_TOPIC, STAGE_INPUTS, TOPICS } from './topics';

const MiB16 = 16 * 1024 * 1024;

describe('PIPELINE', () => {
  it('names the public topics', () => {
    expect(TOPICS).toEqual({
      articlesRaw: 'articles.raw.v1',
      articlesIngested: 'articles.ingested.v1',
      articlesTranslated: 'articles.translated.v1',
      eventsExtracted: 'events.extracted.v1',
      eventsEnriched: 'events.enriched.v1',
    });
    expect(REJECTIONS_TOPIC).toBe('articles.rejected.v1');
    expect([...COMPACTED_TOPICS]).toEqual(['events.enriched.v1']);
  });

  it('chains the stages: each reads what the one before writes', () => {
    expect(STAGE_NAMES).toEqual(['ingestor', 'translator', 'extractor', 'aggregator']);
    expect(STAGE_INPUTS).toEqual({ ingestor: 'articles.raw.v1', translator: 'articles.ingested.v1', extractor: 'articles.translated.v1', aggregator: 'events.extracted.v1' });
    STAGE_NAMES.slice(1).forEach((stage, i) => expect(PIPELINE.stages[STAGE_NAMES[i]!].outputs).toContain(PIPELINE.stages[stage].input));
  });

  it('lays out every topic, its dead letters and the HTTP rejections', () => {
    expect(DEFAULT_PARTITIONS).toEqual({ articlesRaw: 3, articlesIngested: 3, articlesTranslated: 6, eventsExtracted: 1, eventsEnriched: 3 });
    expect(pipelineTopics({ ...DEFAULT_PARTITIONS, articlesRaw: 5 })).toEqual([
      { name: 'articles.raw.v1', partitions: 5, compacted: false, maxMessageBytes: MiB16 },
      { name: 'articles.ingested.v1', partitions: 3, compacted: false, maxMessageBytes: MiB16 },
      { name: 'articles.translated.v1', partitions: 6, compacted: false, maxMessageBytes: MiB16 },
      { name: 'events.extracted.v1', partitions: 1, compacted: false, maxMessageBytes: MiB16 },
      { name: 'events.enriched.v1', partitions: 3, compacted: true, maxMessageBytes: MiB16 },
      { name: 'articles.raw.v1.dlq', partitions: 5, compacted: false, maxMessageBytes: MiB16 },
      { name: 'articles.ingested.v1.dlq', partitions: 3, compacted: false, maxMessageBytes: MiB16 },
      { name: 'articles.translated.v1.dlq', partitions: 6, compacted: false, maxMessageBytes: MiB16 },
      { name: 'events.extracted.v1.dlq', partitions: 1, compacted: false, maxMessageBytes: MiB16 },
      { name: 'events.enriched.v1.dlq', partitions: 3, compacted: false, maxMessageBytes: MiB16 },
      { name: 'articles.rejected.v1', partitions: 5, compacted: false, maxMessageBytes: MiB16 },
    ]);
  });
});
