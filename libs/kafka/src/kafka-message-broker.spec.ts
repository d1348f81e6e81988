import { KafkaJSProtocolError } from 'kafkajs';
import { KafkaMessageBroker } from './kafka-message-broker';

/** A protocol error as kafkajs builds it from the broker's error code. */
function protocolError(type: string, code: number, retriable: boolean): Error {
  return new KafkaJSProtocolError({ type, code, retriable, message: type } as never);
}

/** A broker whose admin client answers with the given steps, one per call, and records what it was asked. */
function brokerWithAdmin(steps: Array<Error | Array<{ partition: number; high: string }>>) {
  const calls: string[] = [];
  const admin = {
    fetchTopicOffsets: async (topic: string) => {
      calls.push(`offsets ${topic}`);
      const step = steps.shift();
      if (step instanceof Error) throw step;
      return (step ?? []).map((p) => ({ ...p, offset: p.high, low: '0' }));
    },
    fetchTopicMetadata: async ({ topics }: { topics: string[] }) => {
      calls.push(`metadata ${topics.join(',')}`);
      return { topics: [] };
    },
  };
  const broker = new KafkaMessageBroker({ brokers: ['127.0.0.1:1'], clientId: 'spec' });
  // The admin client is the broker's own seam to Kafka; the spec hands it one that answers from a script.
  (broker as unknown as { adminReady: Promise<unknown> }).adminReady = Promise.resolve(admin);
  return { broker, calls };
}

describe('KafkaMessageBroker.endOffsets', () => {
  it('waits out a partition whose leader is not known yet (just after the topic was created), refreshing metadata between tries', async () => {
    const { broker, calls } = brokerWithAdmin([
      protocolError('NOT_LEADER_FOR_PARTITION', 6, true),
      protocolError('LEADER_NOT_AVAILABLE', 5, true),
      [
        { partition: 0, high: '7' },
        { partition: 1, high: '3' },
      ],
    ]);
    await expect(broker.endOffsets('articles.raw.v1')).resolves.toEqual(
      new Map([
        [0, 7n],
        [1, 3n],
      ]),
    );
    expect(calls).toEqual(['offsets articles.raw.v1', 'metadata articles.raw.v1', 'offsets articles.raw.v1', 'metadata articles.raw.v1', 'offsets articles.raw.v1']);
  });

  it('gives up at once on any other error', async () => {
    const { broker, calls } = brokerWithAdmin([protocolError('TOPIC_AUTHORIZATION_FAILED', 29, false), [{ partition: 0, high: '1' }]]);
    await expect(broker.endOffsets('articles.raw.v1')).rejects.toMatchObject({ type: 'TOPIC_AUTHORIZATION_FAILED' });
    expect(calls).toEqual(['offsets articles.raw.v1']);
  });

  it('gives up after ten tries when the leader never comes', async () => {
    const { broker, calls } = brokerWithAdmin(Array.from({ length: 12 }, () => protocolError('NOT_LEADER_FOR_PARTITION', 6, true)));
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] });
    try {
      const result = broker.endOffsets('articles.raw.v1').then(
        () => 'resolved',
        (error: { type?: string }) => error.type,
      );
      for (let i = 0; i < 20; i++) await jest.advanceTimersByTimeAsync(1_000);
      await expect(result).resolves.toBe('NOT_LEADER_FOR_PARTITION');
    } finally {
      jest.useRealTimers();
    }
    expect(calls.filter((c) => c.startsWith('offsets'))).toHaveLength(10);
  });
});
