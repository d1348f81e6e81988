import { randomUUID } from 'node:crypto';
import { canRunOwnBroker, OwnBroker } from './support/own-broker';
import { freePort, ServiceProcess, waitFor } from './support/service-process';

/** What the ingest API answers with a status: a body the test reads fields of. */
type Answer = { status: number; body: Record<string, unknown>; ms: number };

/**
 * The ingestor as a service on a broker of its own that is stopped under it
 * and started again: while it is away a POST is answered 503
 * BROKER_UNAVAILABLE in seconds, naming the broker and the cause, and
 * `/readyz` is 503 (`/healthz` stays 200); once it is back, both recover
 * with no restart of the ingestor.
 */
(canRunOwnBroker ? describe : describe.skip)('ingest API with the broker away', () => {
  const broker = new OwnBroker();
  let ingestor: ServiceProcess;
  let url = '';

  const get = async (path: string): Promise<Answer> => {
    const started = Date.now();
    const response = await fetch(`${url}${path}`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown>, ms: Date.now() - started };
  };
  const post = async (text: string): Promise<Answer> => {
    const started = Date.now();
    const response = await fetch(`${url}/v1/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ body: text, language: 'en', outlet: 'outage-test' }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown>, ms: Date.now() - started };
  };
  const article = (n: number): string =>
    `Officials in Dammam opened desalination plant number ${n} on Sunday, the water authority said, adding that it would supply ${n * 1000} homes. ${randomUUID()}`;

  beforeAll(async () => {
    await broker.start();
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    ingestor = new ServiceProcess('ingestor', {
      KAFKA_BROKERS: broker.brokers,
      KAFKA_TOPIC_PREFIX: `outage-${randomUUID().slice(0, 8)}.`,
      HTTP_PORT: String(port),
      INGEST_SEND_TIMEOUT_MS: '5000',
      LOG_LEVEL: 'log',
    });
    await waitFor('the ingestor ready', async () => ((await get('/readyz')).status === 200 ? true : undefined), 120_000);
  });

  afterAll(async () => {
    await ingestor?.stop();
    await broker.stop();
  });

  it('answers 503 BROKER_UNAVAILABLE within seconds while the broker is stopped, and 202 again once it is back, without a restart', async () => {
    try {
      expect((await post(article(1))).status).toBe(202);

      const stoppingAt = Date.now();
      await broker.script('stop');
      const refused = await post(article(2));
      expect(refused.status).toBe(503);
      expect(refused.ms).toBeLessThan(10_000);
      expect(refused.body).toMatchObject({ statusCode: 503, error: 'BROKER_UNAVAILABLE', message: expect.stringContaining(`Kafka (${broker.brokers})`) });
      expect((await get('/healthz')).status).toBe(200);
      const notReady = await waitFor('/readyz 503', async () => {
        const answer = await get('/readyz');
        return answer.status === 503 ? answer : undefined;
      }, 15_000);
      expect(notReady.body).toMatchObject({ ready: false, waiting: { [`kafka ${broker.brokers}`]: { reason: expect.any(String), since: expect.any(String) } } });
      const detectedAfterMs = Date.parse((notReady.body.waiting as Record<string, { since: string }>)[`kafka ${broker.brokers}`]!.since) - stoppingAt;
      const batch = await fetch(`${url}/v1/articles/batch`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-ndjson' },
        body: [article(4), article(5)].map((text) => JSON.stringify({ body: text, language: 'en' })).join('\n'),
      });
      expect(batch.status).toBe(503);
      expect(await batch.json()).toMatchObject({ lines: 2, accepted: [], failed: [{ line: 1, error: 'BROKER_UNAVAILABLE' }, { line: 2, error: 'BROKER_UNAVAILABLE' }] });

      const startingAt = Date.now();
      await broker.script('start');
      const startedAt = Date.now();
      const accepted = await waitFor('POST 202 after the broker is back', async () => {
        const answer = await post(article(3));
        return answer.status === 202 ? answer : undefined;
      }, 60_000);
      expect(accepted.body).toMatchObject({ articleId: expect.any(String) });
      const postBackMs = Date.now() - startedAt;
      await waitFor('/readyz 200', async () => ((await get('/readyz')).status === 200 ? true : undefined), 30_000);
      const readyzBackMs = Date.now() - startedAt;
      expect(ingestor.running).toBe(true);
      console.log(
        JSON.stringify({
          broker: broker.brokers,
          refusedAfterMs: refused.ms,
          refusal: refused.body,
          readyz: { unreachableSinceMsAfterStopCalled: detectedAfterMs, body: notReady.body },
          afterRestart: { brokerStartMs: startedAt - startingAt, postAcceptedMs: postBackMs, readyzOkMs: readyzBackMs },
        }),
      );
    } catch (error) {
      console.log(ingestor.logs());
      throw error;
    }
  });
});
