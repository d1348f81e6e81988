import { startTestBroker } from './test-broker';

/**
 * Gives the integration tests a real Kafka broker: KAFKA_BROKERS when set,
 * a testcontainers broker when a Docker engine answers, otherwise the local
 * KRaft broker of scripts/kafka.sh. Workers inherit KAFKA_BROKERS.
 */
export default async function globalSetup(): Promise<void> {
  const broker = await startTestBroker();
  process.env.KAFKA_BROKERS = broker.brokers;
  (globalThis as { __EVENTWIRE_BROKER__?: unknown }).__EVENTWIRE_BROKER__ = broker;
}
