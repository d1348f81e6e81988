import { randomBytes } from 'node:crypto';
import { ServiceProcess, waitFor } from './support/service-process';
import { ADMIN_DATABASE_URL } from './support/test-database';

/** The service's output once it has exited, and how it exited. */
async function exitOf(service: ServiceProcess): Promise<{ code: number | null; logs: string }> {
  await waitFor(`${service.name} to exit`, async () => (service.running ? undefined : true), 60_000);
  return { code: service.child.exitCode, logs: service.logs() };
}

/**
 * What a service says when it cannot start: the error's own message and
 * stack (not only a code), and never a password from its settings.
 */
describe('service start-up errors', () => {
  const env = { KAFKA_BROKERS: process.env.KAFKA_BROKERS!, KAFKA_TOPIC_PREFIX: `errors-${randomBytes(4).toString('hex')}.`, HTTP_PORT: '0', LOG_LEVEL: 'log' };

  it('logs a missing database by its message and stack, with its code', async () => {
    const url = new URL(ADMIN_DATABASE_URL);
    const missing = `eventwire_missing_${randomBytes(4).toString('hex')}`;
    url.pathname = `/${missing}`;
    const service = new ServiceProcess('aggregator', { ...env, DATABASE_URL: url.toString() });
    const { code, logs } = await exitOf(service);
    expect(code).not.toBe(0);
    const line = logs.split('\n').find((l) => l.includes('"level":"error"') && l.includes('3D000'));
    expect(line).toBeDefined();
    const logged = JSON.parse(line!) as { msg: string; error: { message: string; code: string; stack: string } };
    expect(logged.msg).toBe(`database "${missing}" does not exist`);
    expect(logged.error).toMatchObject({ message: `database "${missing}" does not exist`, code: '3D000' });
    expect(logged.error.stack).toContain('at ');
  });

  it('names an invalid DATABASE_URL without printing its password', async () => {
    const password = `pw-${randomBytes(6).toString('hex')}`;
    const service = new ServiceProcess('aggregator', { ...env, DATABASE_URL: `mysql://eventwire:${password}@db.internal:3306/stories` });
    const { code, logs } = await exitOf(service);
    expect(code).toBe(1);
    expect(logs).toContain('DATABASE_URL=\\"mysql://eventwire:***@db.internal:3306/stories\\"');
    expect(logs).not.toContain(password);
  });
});
