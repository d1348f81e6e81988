import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const REPO = join(__dirname, '..', '..');

export interface TestBroker {
  brokers: string;
  origin: 'env' | 'testcontainers' | 'local';
  stop(): Promise<void>;
}

async function dockerAvailable(): Promise<boolean> {
  if (!existsSync('/var/run/docker.sock') && !process.env.DOCKER_HOST) return false;
  try {
    await run('docker', ['info', '--format', '{{.ServerVersion}}'], { timeout: 5000 });
    return true;
  } catch {
    return false;
  }
}

export async function startTestBroker(): Promise<TestBroker> {
  if (process.env.KAFKA_BROKERS) {
    return { brokers: process.env.KAFKA_BROKERS, origin: 'env', stop: async () => undefined };
  }
  if (await dockerAvailable()) {
    const { KafkaContainer } = await import('@testcontainers/kafka');
    const container = await new KafkaContainer('apache/kafka:3.9.1').withKraft().start();
    const brokers = `${container.getHost()}:${container.getMappedPort(9093)}`;
    return { brokers, origin: 'testcontainers', stop: async () => void (await container.stop()) };
  }
  // The local broker is left as the script started it only if it was already running.
  const script = join(REPO, 'scripts', 'kafka.sh');
  const wasRunning = await run('bash', [script, 'status']).then(
    () => true,
    () => false,
  );
  if (!wasRunning) await run('bash', [script, 'start'], { timeout: 240_000 });
  const port = process.env.KAFKA_PORT ?? '9092';
  return {
    brokers: `127.0.0.1:${port}`,
    origin: 'local',
    stop: async () => {
      if (!wasRunning) await run('bash', [script, 'stop'], { timeout: 60_000 });
    },
  };
}
