import { BrokerTimeoutError } from '@eventwire/kafka';
import { sendRefusal } from './send-refusal';

describe(sendRefusal.name, () => {
  const refused = Object.assign(new Error('Connection error: connect ECONNREFUSED 10.0.0.1:9092'), { name: 'KafkaJSConnectionError', code: 'ECONNREFUSED', retriable: true });

  it('names the brokers and the connection error when the broker cannot be reached', () => {
    expect(sendRefusal(refused, 'article', '10.0.0.1:9092,10.0.0.2:9092')).toEqual({
      error: 'BROKER_UNAVAILABLE',
      message:
        'Kafka (10.0.0.1:9092,10.0.0.2:9092) cannot be reached: ECONNREFUSED (Connection error: connect ECONNREFUSED 10.0.0.1:9092). This article was not accepted; send it again once GET /readyz answers 200: the same text keeps its articleId and is counted once',
    });
  });

  it('finds the connection error under the kafkajs "retries exceeded" that wraps it', () => {
    const exhausted = Object.assign(new Error('Connection error'), { name: 'KafkaJSNumberOfRetriesExceeded', retriable: false, originalError: refused });
    expect(sendRefusal(exhausted, 'line', 'b:9092')).toMatchObject({ error: 'BROKER_UNAVAILABLE', message: expect.stringContaining('cannot be reached: ECONNREFUSED') });
  });

  it('says a timed-out send may still land, and gives the broker’s last known error', () => {
    const down = { reason: 'ECONNREFUSED: connect ECONNREFUSED 10.0.0.1:9092', since: Date.parse('2026-01-01T00:00:00Z') };
    expect(sendRefusal(new BrokerTimeoutError('send', 5000), 'article', '10.0.0.1:9092', down)).toEqual({
      error: 'BROKER_UNAVAILABLE',
      message:
        'Kafka (10.0.0.1:9092) did not acknowledge this article in time (send: no answer from the broker within 5000 ms; broker unreachable since 2026-01-01T00:00:00.000Z: ECONNREFUSED: connect ECONNREFUSED 10.0.0.1:9092). It was not accepted, though it may still be written; send it again once GET /readyz answers 200: the same text keeps its articleId and is counted once',
    });
  });

  it('keeps NOT_CONFIRMED for a refusal that is not the broker being away', () => {
    expect(sendRefusal(new Error('a bug'), 'line', 'b:9092')).toEqual({ error: 'NOT_CONFIRMED', message: 'the broker did not confirm this line (a bug); send it again: the same text keeps its articleId and is counted once' });
  });
});
