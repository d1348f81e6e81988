import { classifyFailure } from '@eventwire/kafka';
import { ArticleRefusal } from './article-batch';
import { BrokerDown } from './broker-connection.monitor';

/**
 * Why a send the broker did not acknowledge is not accepted, for the HTTP
 * client: `BROKER_UNAVAILABLE` when the broker cannot be reached or did not
 * answer in time (the world's failure: it passes), `NOT_CONFIRMED` for any
 * other refusal. Either way the text may be sent again: it keeps its
 * articleId and is counted once, which also covers a timed-out send that
 * lands after all.
 */
export function sendRefusal(error: unknown, what: 'line' | 'article', brokers: string, down?: BrokerDown): ArticleRefusal {
  const cause = error instanceof Error ? error.message : String(error);
  const verdict = classifyFailure(error);
  const counted = 'the same text keeps its articleId and is counted once';
  if (verdict.kind === 'permanent') {
    return { error: 'NOT_CONFIRMED', message: `the broker did not confirm this ${what} (${cause}); send it again: ${counted}` };
  }
  const again = `send it again once GET /readyz answers 200: ${counted}`;
  const known = down ? `; broker unreachable since ${new Date(down.since).toISOString()}: ${down.reason}` : '';
  if (verdict.reason === 'BROKER_TIMEOUT') {
    return {
      error: 'BROKER_UNAVAILABLE',
      message: `Kafka (${brokers}) did not acknowledge this ${what} in time (${cause}${known}). It was not accepted, though it may still be written; ${again}`,
    };
  }
  return {
    error: 'BROKER_UNAVAILABLE',
    message: `Kafka (${brokers}) cannot be reached: ${verdict.reason} (${cause}). This ${what} was not accepted; ${again}`,
  };
}
