import type { TestBroker } from './test-broker';

export default async function globalTeardown(): Promise<void> {
  const broker = (globalThis as { __EVENTWIRE_BROKER__?: TestBroker }).__EVENTWIRE_BROKER__;
  await broker?.stop();
}
