import type { MessageBroker } from '@eventwire/kafka';
import { stageLags } from '@eventwire/stages';

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
    const lags = Object.values(await stageLags(broker));
    quiet = lags.every((lag) => lag === 0) ? quiet + 1 : 0;
    if (quiet < 2) await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
