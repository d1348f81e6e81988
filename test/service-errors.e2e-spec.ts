import { Client } from 'pg';
import { randomBytes } from 'node:crypto';
import { freePort, ServiceProcess, waitFor } from './support/service-process';
import { ADMIN_DATABASE_URL, createTestDatabase } from './support/test-database';

/** The service's output once it has exited, and how it exited. */
async function exitOf(service: ServiceProcess): Promise<{ code: number | null; logs: string }> {
  await waitFor(`${service.name} to exit`, async () => (service.running ? undefined : true), 60_000);
  return { code: service.child.exitCode, logs: service.logs() };
}

/**
 * What a service says when it fails: the error's own message and stack
 * (not only a code), and never a password from its settings.
 */
describe('service errors in the logs', () => {
  const env = { KAFKA_BROKERS: process.env.KAFKA_BROKERS!, KAFKA_TOPIC_PREFIX: `errors-${randomBytes(4).toString('hex')}.`, HTTP_PORT: '0', LOG_LEVEL: 'log' };

  it('names a missing database by its message and code while it waits for it, and stops on SIGTERM', async () => {
    const url = new URL(ADMIN_DATABASE_URL);
    const missing = `eventwire_missing_${randomBytes(4).toString('hex')}`;
    url.pathname = `/${missing}`;
    const service = new ServiceProcess('aggregator', { ...env, DATABASE_URL: url.toString() });
    try {
      const line = await waitFor('the missing database in the logs', async () => service.logs().split('\n').find((l) => l.includes('"level":"warn"') && l.includes('SQLSTATE_3D000')), 60_000);
      const logged = JSON.parse(line) as { msg: string };
      expect(logged.msg).toContain(`(SQLSTATE_3D000: database "${missing}" does not exist)`);
      expect(service.running).toBe(true);
      const stopping = Date.now();
      await service.stop();
      // Its own exit on the signal, not the SIGKILL that ends the grace time.
      expect(service.child.signalCode).not.toBe('SIGKILL');
      expect(Date.now() - stopping).toBeLessThan(5000);
    } finally {
      await service.stop();
    }
  });

  it('names an invalid DATABASE_URL without printing its password', async () => {
    const password = `pw-${randomBytes(6).toString('hex')}`;
    const service = new ServiceProcess('aggregator', { ...env, DATABASE_URL: `mysql://eventwire:${password}@db.internal:3306/stories` });
    const { code, logs } = await exitOf(service);
    expect(code).toBe(1);
    expect(logs).toContain('DATABASE_URL=\\"mysql://eventwire:***@db.internal:3306/stories\\"');
    expect(logs).not.toContain(password);
  });

  it('logs an HTTP 500 with the error that caused it', async () => {
    const database = await createTestDatabase();
    const port = await freePort();
    const service = new ServiceProcess('aggregator', { ...env, HTTP_PORT: String(port), DATABASE_URL: database.url });
    try {
      await waitFor('the story API', async () => ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok ? true : undefined), 60_000);
      // The table goes away under the running service, as an operator's mistake would do it.
      const client = new Client({ connectionString: database.url });
      await client.connect();
      await client.query('ALTER TABLE stories RENAME TO stories_elsewhere');
      await client.end();
      expect((await fetch(`http://127.0.0.1:${port}/v1/stories`)).status).toBe(500);
      const line = await waitFor('the 500 in the logs', async () => service.logs().split('\n').find((l) => l.includes('"context":"ExceptionsHandler"')));
      const logged = JSON.parse(line) as { level: string; msg: string; error: { message: string; code: string; stack: string } };
      expect(logged.level).toBe('error');
      expect(logged.msg).toBe('relation "stories" does not exist');
      expect(logged.error).toMatchObject({ message: 'relation "stories" does not exist', code: '42P01' });
      expect(logged.error.stack).toContain('StoryStore');
    } finally {
      await service.stop();
      await database.drop();
    }
  });
});
