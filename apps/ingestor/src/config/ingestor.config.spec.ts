import { loadConfig } from '@eventwire/config';
import { pipelineTopics, STAGE_MAX_MESSAGE_BYTES, TOPICS } from '@eventwire/contracts';
import { IngestorConfig } from './ingestor.config';

describe('the ingestor body limit against the topic limits', () => {
  it('refuses at start-up a body limit the stage topics could not carry (over a quarter of their record limit), naming it', () => {
    const tooLarge = String(STAGE_MAX_MESSAGE_BYTES / 4 + 1);
    expect(() => loadConfig(IngestorConfig, { INGEST_MAX_BODY_BYTES: tooLarge })).toThrow(new RegExp(`INGEST_MAX_BODY_BYTES="${tooLarge}"`));
    expect(loadConfig(IngestorConfig, { INGEST_MAX_BODY_BYTES: String(STAGE_MAX_MESSAGE_BYTES / 4) }).INGEST_MAX_BODY_BYTES).toBe(STAGE_MAX_MESSAGE_BYTES / 4);
  });

  it('gives every hop after the ingestor, and every dead-letter topic, room for four times the largest body it may take', () => {
    const largestBody = STAGE_MAX_MESSAGE_BYTES / 4;
    const limits = new Map(pipelineTopics().map((t) => [t.name, t.maxMessageBytes ?? 0]));
    for (const topic of [TOPICS.articlesRaw, TOPICS.articlesIngested, TOPICS.articlesTranslated, TOPICS.eventsExtracted]) {
      expect(limits.get(topic)).toBeGreaterThanOrEqual(4 * largestBody);
      expect(limits.get(`${topic}.dlq`)).toBe(limits.get(topic));
    }
    // The default body limit sits well inside it.
    expect(4 * loadConfig(IngestorConfig, {}).INGEST_MAX_BODY_BYTES).toBeLessThanOrEqual(limits.get(TOPICS.articlesIngested)!);
  });
});
