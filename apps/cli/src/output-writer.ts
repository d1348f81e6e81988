import { DLQ_SUFFIX, REJECTIONS_TOPIC } from '@eventwire/contracts';
import type { BrokerMessage } from '@eventwire/kafka';
import { createWriteStream, WriteStream } from 'node:fs';

export interface OutputLine {
  topic: string;
  key: string | null;
  value: unknown;
  headers?: Record<string, string>;
}

/** A record as one NDJSON line: JSON values inline, anything else as a string; dead letters and HTTP rejections keep their headers (the reason). */
export function toOutputLine(message: BrokerMessage, topic = message.topic): OutputLine {
  let value: unknown = null;
  if (message.value) {
    const text = message.value.toString('utf8');
    try {
      value = JSON.parse(text);
    } catch {
      value = text;
    }
  }
  const line: OutputLine = { topic, key: message.key, value };
  if (topic.endsWith(DLQ_SUFFIX) || topic === REJECTIONS_TOPIC) line.headers = message.headers;
  return line;
}

/** The latest record per key, in the order keys first appeared: what a compacted topic converges to (a tombstone removes its key). */
export function latestPerKey(messages: BrokerMessage[]): BrokerMessage[] {
  const latest = new Map<string, BrokerMessage>();
  for (const m of messages) {
    if (m.value === null) latest.delete(m.key ?? '');
    else latest.set(m.key ?? '', m);
  }
  return [...latest.values()];
}

export class NdjsonWriter {
  private readonly stream: NodeJS.WritableStream | WriteStream;

  constructor(path: string | undefined) {
    this.stream = path && path !== '-' ? createWriteStream(path) : process.stdout;
  }

  write(line: OutputLine): void {
    this.stream.write(`${JSON.stringify(line)}\n`);
  }

  async close(): Promise<void> {
    if (this.stream === process.stdout) return;
    await new Promise<void>((resolve) => (this.stream as WriteStream).end(resolve));
  }
}
