import { dlqTopic, pipelineTopics, TOPICS } from '@eventwire/contracts';
import { InMemoryMessageBroker } from '@eventwire/kafka';
import { formatRunProgress, formatRunSummary, runCounts } from './run-progress';

describe(runCounts.name, () => {
  it('counts the records on each stage topic and the dead letters by topic', async () => {
    const broker = new InMemoryMessageBroker();
    await broker.ensureTopics(pipelineTopics());
    const record = (topic: string, key: string) => ({ topic, key, value: '{}' });
    await broker.send([record(TOPICS.articlesRaw, 'a'), record(TOPICS.articlesRaw, 'b'), record(TOPICS.articlesIngested, 'a'), record(dlqTopic(TOPICS.articlesRaw), 'b')]);
    const counts = await runCounts(broker);
    expect(counts).toEqual({ raw: 2, ingested: 1, translated: 0, extracted: 0, storyUpdates: 0, deadLetters: { [dlqTopic(TOPICS.articlesRaw)]: 1 } });
    expect(formatRunProgress(counts, 2000)).toBe(
      'run 2.0 s: 2 in → 1 ingested → 0 translated → 0 extracted → 0 story updates; 1 dead letters; 0.0/s',
    );
    await broker.close();
  });
});

describe(formatRunSummary.name, () => {
  const counts = { raw: 5, ingested: 5, translated: 5, extracted: 5, storyUpdates: 7, deadLetters: {} };

  it('says what came of the articles, without a prefix when embedded', () => {
    expect(formatRunSummary({ counts, stories: 1, elapsedMs: 2500 })).toBe(
      'eventwire run: 5 articles in, 5 ingested, 5 translated, 5 extracted, 1 story in 2.5 s (2.0/s)\ndead letters: none\n',
    );
  });

  it('over Kafka names the topic prefix and the audit command that takes it', () => {
    const text = formatRunSummary({ counts, stories: 1, elapsedMs: 2500, kafka: { brokers: 'k:9092', prefix: 'run-1-abc.' } });
    expect(text).toContain('topic prefix: run-1-abc.\n');
    expect(text).toContain('audit it with: eventwire audit --brokers k:9092 --prefix run-1-abc.\n');
  });
});
