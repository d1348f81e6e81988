import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, WriteStream } from 'node:fs';
import { join } from 'node:path';

export { freePort } from '../../bench/free-port';

const REPO = join(__dirname, '..', '..');

export type ServiceName = 'ingestor' | 'translator' | 'extractor' | 'aggregator';

/** A service started as its own OS process from the built dist, as a deployment runs it. */
export class ServiceProcess {
  private readonly output: string[] = [];
  /** EVENTWIRE_TEST_LOG_DIR: every line the process writes, in `<dir>/<prefix><name>-<pid>.log` (the recent 400 chunks are kept either way). */
  private readonly file: WriteStream | undefined;
  readonly child: ChildProcess;

  constructor(
    readonly name: ServiceName,
    readonly env: Record<string, string>,
  ) {
    this.child = spawn(process.execPath, [join(REPO, 'dist', 'apps', name, 'src', 'main.js')], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const dir = process.env.EVENTWIRE_TEST_LOG_DIR;
    if (dir) {
      mkdirSync(dir, { recursive: true });
      this.file = createWriteStream(join(dir, `${env.KAFKA_TOPIC_PREFIX ?? ''}${name}-${this.child.pid}.log`));
      this.child.once('close', () => this.file?.end());
    }
    const keep = (chunk: Buffer): void => {
      this.file?.write(chunk);
      this.output.push(chunk.toString());
      if (this.output.length > 400) this.output.shift();
    };
    this.child.stdout!.on('data', keep);
    this.child.stderr!.on('data', keep);
  }

  /** The process's recent output, for a failing test to show. */
  logs(): string {
    return `--- ${this.name} ---\n${this.output.join('')}`;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 20_000): Promise<void> {
    if (!this.running) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill(signal);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }
}

/** Polls `check` until it returns a value (not undefined) or the deadline passes; never a fixed sleep. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 90_000, pollMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
