/** What an SSE client writes to: an HTTP response (or a socket), with Node's write backpressure. */
export interface SseSink {
  /** False when the sink's buffer is over its high-water mark: wait for `drain` before writing more. */
  write(chunk: Buffer): boolean;
  once(event: 'drain', listener: () => void): unknown;
  destroy(): unknown;
}

/** An event in the wire format of Server-Sent Events: built once per update and shared by every client it goes to. */
export function sseFrame(event: { type?: string; id?: string; data?: string; comment?: string }): Buffer {
  let text = '';
  if (event.comment !== undefined) text += `: ${event.comment.replace(/[\r\n]+/g, ' ')}\n`;
  if (event.type !== undefined) text += `event: ${event.type.replace(/[\r\n]/g, '')}\n`;
  if (event.id !== undefined) text += `id: ${event.id.replace(/[\r\n]/g, '')}\n`;
  if (event.data !== undefined) for (const line of event.data.split(/\r\n|\r|\n/)) text += `data: ${line}\n`;
  return Buffer.from(`${text}\n`);
}

/**
 * One subscriber of the live stream, with a bounded buffer. A frame is
 * written to the socket straight away while the socket takes it; once the
 * socket's own buffer is full (`write` returns false) frames wait here until
 * it drains, a newer frame of the same key (a story's next version)
 * replacing the one waiting. A client that does not read would otherwise
 * hold every update published after it stopped, for as long as it stays
 * connected, so it is dropped when more than `maxBufferedBytes` wait for
 * longer than `graceMs` (one chunk's stories, published together, may pass
 * the bound for a moment while the client reads), or at once when sixteen
 * times the bound wait. One frame larger than the bound may always wait, so
 * a big story record does not drop a client that reads. An EventSource
 * reconnects on its own. Frames are shared between clients, so what waits
 * for many stalled clients is mostly the same memory.
 */
export class SseClient {
  /** Frames waiting for the socket, by key, in the order their keys first came. */
  private readonly queue = new Map<string, Buffer>();
  private queuedBytes = 0;
  private waitingForDrain = false;
  private closed = false;
  /** Keys of frames that replace nothing. */
  private sequence = 0;
  /** Set while more than the bound waits: drops the client unless it has read enough by then. */
  private overBound: NodeJS.Timeout | null = null;

  constructor(
    private readonly sink: SseSink,
    private readonly maxBufferedBytes: number,
    /** Called once when the client is dropped for not reading, with the bytes it left waiting. */
    private readonly onDropped: (queuedBytes: number) => void,
    private readonly graceMs = 5_000,
  ) {}

  /** Bytes waiting for the socket to drain. */
  get buffered(): number {
    return this.queuedBytes;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /**
   * Sends a frame, or queues it while the socket is backed up, in place of a
   * waiting frame of the same `key`; false once the client is gone.
   */
  send(frame: Buffer, key: string = String(this.sequence++)): boolean {
    if (this.closed) return false;
    if (!this.waitingForDrain) {
      if (!this.sink.write(frame)) this.waitForDrain();
      return true;
    }
    const replaced = this.queue.get(key);
    if (replaced) this.queuedBytes -= replaced.length;
    this.queue.set(key, frame);
    this.queuedBytes += frame.length;
    if (this.queue.size > 1 && this.queuedBytes > 16 * this.maxBufferedBytes) {
      this.drop();
      return false;
    }
    if (this.queue.size > 1 && this.queuedBytes > this.maxBufferedBytes && !this.overBound) {
      this.overBound = setTimeout(() => {
        this.overBound = null;
        if (this.queue.size > 1 && this.queuedBytes > this.maxBufferedBytes) this.drop();
      }, this.graceMs);
      this.overBound.unref();
    }
    return true;
  }

  /** Forgets what is queued; the connection itself is the caller's to end. */
  close(): void {
    this.closed = true;
    this.queue.clear();
    this.queuedBytes = 0;
    if (this.overBound) clearTimeout(this.overBound);
    this.overBound = null;
  }

  private drop(): void {
    const left = this.queuedBytes;
    this.close();
    this.sink.destroy();
    this.onDropped(left);
  }

  private waitForDrain(): void {
    this.waitingForDrain = true;
    this.sink.once('drain', () => this.drained());
  }

  private drained(): void {
    this.waitingForDrain = false;
    for (const [key, frame] of this.queue) {
      if (this.closed) return;
      this.queue.delete(key);
      this.queuedBytes -= frame.length;
      if (!this.sink.write(frame)) {
        this.waitForDrain();
        return;
      }
    }
  }
}
