import { dlqTopic, StoryEnrichedV1, TOPICS } from '@eventwire/contracts';
import { DLQ_HEADERS, InMemoryMessageBroker } from '@eventwire/kafka';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, STAGES } from './stage-launcher';

const SEEDS = join(__dirname, '..', '..', '..', '..', 'seeds');

describe(launch.name, () => {
  // The embedded store (PGlite) takes a few seconds to start.
  jest.setTimeout(30_000);

  it('runs the five seeds through all four stages embedded into one story, and dead-letters a poison record', async () => {
    const broker = new InMemoryMessageBroker();
    const pipeline = await launch(STAGES, { broker });
    try {
      const files = readdirSync(SEEDS).filter((f) => f.endsWith('.txt'));
      await broker.send([
        ...files.map((file) => ({ topic: TOPICS.articlesRaw, key: file, value: JSON.stringify({ body: readFileSync(join(SEEDS, file), 'utf8'), file }) })),
        { topic: TOPICS.articlesRaw, key: 'poison', value: '{"body":' },
      ]);
      await broker.whenIdle();

      expect(broker.read(TOPICS.eventsExtracted)).toHaveLength(5);
      // A compacted topic's reader: the latest record per key, a tombstone (a story merged into another) deleting it.
      const latest = new Map<string | null, StoryEnrichedV1>();
      for (const m of broker.read(TOPICS.eventsEnriched)) {
        if (m.value === null) latest.delete(m.key);
        else latest.set(m.key, JSON.parse(m.value.toString()) as StoryEnrichedV1);
      }
      expect(latest.size).toBe(1);
      const [story] = [...latest.values()];
      expect(story!.numArticles).toBe(5);
      expect(story!.articles.map((a) => a.source.file).sort()).toEqual(files.sort());
      expect(story!.dateRange).toEqual({ start: '2022-01-06', end: '2022-01-11' });

      const [dead] = broker.read(dlqTopic(TOPICS.articlesRaw));
      expect(dead!.key).toBe('poison');
      expect(dead!.headers[DLQ_HEADERS.reason]).toBe('INVALID_JSON');
    } finally {
      await pipeline.close();
    }
  });
});
