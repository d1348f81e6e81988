import { logLevel } from 'kafkajs';
import { relayKafkaLog } from './kafka-log-relay';

describe(relayKafkaLog.name, () => {
  const said: Array<[string, string, Record<string, unknown>]> = [];
  const logger = {
    error: (m: string, c: Record<string, unknown>) => said.push(['error', m, c]),
    warn: (m: string, c: Record<string, unknown>) => said.push(['warn', m, c]),
    log: (m: string, c: Record<string, unknown>) => said.push(['log', m, c]),
    debug: (m: string, c: Record<string, unknown>) => said.push(['debug', m, c]),
  };
  const entry = (namespace: string, level: logLevel, message: string, extra: object = {}) => ({
    namespace,
    level,
    label: logLevel[level],
    log: { timestamp: '2026-01-01T00:00:00.000Z', logger: 'kafkajs', message, ...extra },
  });
  beforeEach(() => (said.length = 0));

  it("passes kafkajs' lines at their level with their context and namespace, without kafkajs' own timestamp", () => {
    relayKafkaLog(entry('BrokerPool', logLevel.ERROR, 'Failed to connect to seed broker', { retryCount: 2 }), logger);
    relayKafkaLog(entry('ConsumerGroup', logLevel.WARN, 'Stale topic metadata'), logger);
    relayKafkaLog(entry('Consumer', logLevel.INFO, 'Starting', { groupId: 'g' }), logger);
    relayKafkaLog(entry('Connection', logLevel.DEBUG, 'Request Metadata(key: 3, version: 6)'), logger);
    expect(said).toEqual([
      ['error', 'Failed to connect to seed broker', { kafkajs: 'BrokerPool', retryCount: 2 }],
      ['warn', 'Stale topic metadata', { kafkajs: 'ConsumerGroup' }],
      ['log', 'Starting', { kafkajs: 'Consumer', groupId: 'g' }],
      ['debug', 'Request Metadata(key: 3, version: 6)', { kafkajs: 'Connection' }],
    ]);
  });

  it('logs an error response that kafkajs retries as a warning', () => {
    relayKafkaLog(entry('Connection', logLevel.ERROR, 'Response ListOffsets(key: 2, version: 3)', { error: 'This server is not the leader for that topic-partition' }), logger);
    relayKafkaLog(entry('Connection', logLevel.ERROR, 'Connection error: connect ECONNREFUSED 127.0.0.1:1'), logger);
    expect(said.map(([level, message]) => [level, message])).toEqual([
      ['warn', 'Response ListOffsets(key: 2, version: 3)'],
      ['error', 'Connection error: connect ECONNREFUSED 127.0.0.1:1'],
    ]);
  });

  it('says nothing without a logger (the CLI)', () => {
    expect(() => relayKafkaLog(entry('Connection', logLevel.ERROR, 'x'), undefined)).not.toThrow();
  });
});
