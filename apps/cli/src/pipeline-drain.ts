import { TOPICS } from '@eventwire/contracts';
import type { MessageBroker } from '@eventwire/kafka';
import { stageGroupId } from '@eventwire/stages';

const INPUTS = [
  ['ingestor', TOPICS.articlesRaw],
  ['translator', TOPICS.articlesIngested],
  ['extractor', TOPICS.articlesTranslated],
  ['aggregator', TOPICS.eventsExtracted],
] as const;

/**
 * Waits until every stage has committed everything on its input topic, twice
 * in a row (a stage may still be producing into the next topic on the first
 * look), or the deadline passes.
 */
export async function waitForDrain(broker: MessageBroker, deadlineMs: number, pollMs = 250): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  let quiet = 0;
  while (quiet < 2) {
    if (Date.now() > deadline) throw new Error(`the pipeline did not drain within ${deadlineMs} ms`);
    let lag = 0;
    for (const [stage, topic] of INPUTS) lag += await broker.lag(stageGroupId(stage), [topic]);
    quiet = lag === 0 ? quiet + 1 : 0;
    if (quiet < 2) await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
