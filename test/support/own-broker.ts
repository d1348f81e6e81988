import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './service-process';

const run = promisify(execFile);
const REPO = join(__dirname, '..', '..');
const SCRIPT = join(REPO, 'scripts', 'kafka.sh');

/** The broker jars scripts/kafka.sh fetched for the shared test broker; a test's own broker reuses them. */
export const KAFKA_LIBS = join(process.env.EVENTWIRE_KAFKA_HOME ?? join(REPO, '.kafka'), 'libs');

/** Whether a test can run a broker of its own (Java and the fetched jars are here). */
export const canRunOwnBroker = existsSync(KAFKA_LIBS);

/** A broker a test owns (to stop and restart it, or to turn SASL on): scripts/kafka.sh in a temporary state dir. */
export class OwnBroker {
  private readonly home = mkdtempSync(join(tmpdir(), 'eventwire-kafka-'));
  private env: NodeJS.ProcessEnv = {};
  brokers = '';
  /** The SASL_PLAINTEXT listener (PLAIN, user eventwire / eventwire-secret) when started with `sasl`. */
  saslBrokers = '';

  async start(options: { sasl?: boolean } = {}): Promise<this> {
    const [port, controller, sasl] = [await freePort(), await freePort(), await freePort()];
    this.env = {
      ...process.env,
      EVENTWIRE_KAFKA_HOME: this.home,
      EVENTWIRE_KAFKA_LIBS: KAFKA_LIBS,
      KAFKA_PORT: String(port),
      KAFKA_CONTROLLER_PORT: String(controller),
      KAFKA_SASL: options.sasl ? '1' : '0',
      KAFKA_SASL_PORT: String(sasl),
    };
    this.brokers = `127.0.0.1:${port}`;
    this.saslBrokers = options.sasl ? `127.0.0.1:${sasl}` : '';
    await this.script('start');
    return this;
  }

  script(...args: string[]): Promise<unknown> {
    return run('bash', [SCRIPT, ...args], { env: this.env, timeout: 240_000 });
  }

  async stop(): Promise<void> {
    await this.script('stop', '--wipe').catch(() => undefined);
    rmSync(this.home, { recursive: true, force: true });
  }
}
