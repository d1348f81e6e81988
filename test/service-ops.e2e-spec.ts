import { randomBytes } from 'node:crypto';
import { freePort, ServiceName, ServiceProcess, waitFor } from './support/service-process';
import { createTestDatabase, TestDatabase } from './support/test-database';

const SERVICES: ServiceName[] = ['aggregator', 'extractor', 'translator', 'ingestor'];

/**
 * What an operator asks the four services over HTTP, each its own process on
 * the real broker: liveness, readiness once the consumer has joined its
 * group (translator and extractor on a port of their own).
 */
describe('service operations: probes on every service', () => {
  const brokers = process.env.KAFKA_BROKERS!;
  const prefix = `ops-${randomBytes(4).toString('hex')}.`;
  const services = new Map<ServiceName, ServiceProcess>();
  const ports = new Map<ServiceName, number>();
  let database: TestDatabase;

  const get = async (service: ServiceName, path: string): Promise<{ status: number; text: string }> => {
    const response = await fetch(`http://127.0.0.1:${ports.get(service)}${path}`);
    return { status: response.status, text: await response.text() };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    for (const name of SERVICES) ports.set(name, await freePort());
    // One environment for all, as a deployment shares one: the stages' own port variables keep them off HTTP_PORT.
    const env = { KAFKA_BROKERS: brokers, KAFKA_TOPIC_PREFIX: prefix, LOG_LEVEL: 'log', DATABASE_URL: database.url, HTTP_PORT: String(ports.get('ingestor')) };
    const own: Record<ServiceName, Record<string, string>> = {
      aggregator: { HTTP_PORT: String(ports.get('aggregator')) },
      extractor: { EXTRACTOR_HTTP_PORT: String(ports.get('extractor')) },
      translator: { TRANSLATOR_HTTP_PORT: String(ports.get('translator')) },
      ingestor: {},
    };
    for (const name of SERVICES) services.set(name, new ServiceProcess(name, { ...env, ...own[name] }));
  });

  afterAll(async () => {
    await Promise.all([...services.values()].map((s) => s.stop()));
    await database?.drop();
  });

  afterEach(() => {
    const dead = [...services.values()].filter((s) => !s.running);
    if (dead.length > 0) process.stderr.write(dead.map((s) => s.logs()).join('\n'));
  });

  it.each(SERVICES)('%s answers /livez, and /readyz once its consumer has joined its group', async (name) => {
    await waitFor(`${name} /livez`, async () => ((await get(name, '/livez')).status === 200 ? true : undefined), 120_000);
    expect(JSON.parse((await get(name, '/livez')).text)).toEqual({ status: 'ok' });
    const ready = await waitFor(`${name} /readyz`, async () => {
      const answer = await get(name, '/readyz');
      return answer.status === 200 ? answer : undefined;
    }, 60_000);
    expect(JSON.parse(ready.text)).toEqual({ ready: true, waiting: {} });
  });
});
