import { EventEmitter } from 'node:events';
import { SseClient, SseSink, sseFrame } from './sse-client';

/** A socket that takes `capacity` bytes, then reports backpressure until the test drains it. */
class FakeSink extends EventEmitter implements SseSink {
  written: Buffer[] = [];
  pending = 0;
  destroyed = false;
  constructor(private readonly capacity: number) {
    super();
  }
  write(chunk: Buffer): boolean {
    this.written.push(chunk);
    this.pending += chunk.length;
    return this.pending < this.capacity;
  }
  drain(): void {
    this.pending = 0;
    this.emit('drain');
  }
  destroy(): void {
    this.destroyed = true;
  }
}

const frame = (bytes: number): Buffer => Buffer.alloc(bytes, 'x');

describe(SseClient.name, () => {
  it('writes straight through while the socket takes the frames', () => {
    const sink = new FakeSink(1000);
    const client = new SseClient(sink, 100, () => undefined);
    for (let i = 0; i < 5; i++) expect(client.send(frame(10))).toBe(true);
    expect(sink.written).toHaveLength(5);
    expect(client.buffered).toBe(0);
  });

  it('queues frames while the socket is backed up and sends them in order once it drains', () => {
    const sink = new FakeSink(20);
    const client = new SseClient(sink, 100, () => undefined);
    client.send(Buffer.from('a'.repeat(20)));
    client.send(Buffer.from('b'));
    client.send(Buffer.from('c'));
    expect(sink.written.map(String)).toEqual(['a'.repeat(20)]);
    expect(client.buffered).toBe(2);
    sink.drain();
    expect(sink.written.map(String)).toEqual(['a'.repeat(20), 'b', 'c']);
    expect(client.buffered).toBe(0);
  });

  it('drops a client that does not read once more than its bound has waited for the grace time', () => {
    jest.useFakeTimers();
    try {
      const sink = new FakeSink(10);
      const dropped: number[] = [];
      const client = new SseClient(sink, 100, (bytes) => dropped.push(bytes), 1000);
      client.send(frame(10)); // fills the socket
      for (let i = 0; i < 11; i++) expect(client.send(frame(10))).toBe(true); // 110 bytes wait: over the bound
      jest.advanceTimersByTime(999);
      expect(dropped).toEqual([]);
      jest.advanceTimersByTime(1);
      expect(dropped).toEqual([110]);
      expect(sink.destroyed).toBe(true);
      expect(client.isClosed).toBe(true);
      expect(client.buffered).toBe(0);
      expect(client.send(frame(10))).toBe(false);
      expect(dropped).toHaveLength(1);
    } finally {
      jest.useRealTimers();
    }
  });

  it('keeps a client that reads its way back under the bound within the grace time', () => {
    jest.useFakeTimers();
    try {
      const sink = new FakeSink(1000);
      const dropped: number[] = [];
      const client = new SseClient(sink, 100, (bytes) => dropped.push(bytes), 1000);
      client.send(frame(1000));
      for (let i = 0; i < 15; i++) client.send(frame(10)); // a burst: 150 bytes wait
      sink.drain();
      expect(client.buffered).toBe(0);
      jest.advanceTimersByTime(5000);
      expect(dropped).toEqual([]);
      expect(sink.destroyed).toBe(false);
    } finally {
      jest.useRealTimers();
    }
  });

  it('drops at once when sixteen times its bound waits', () => {
    const sink = new FakeSink(10);
    const dropped: number[] = [];
    const client = new SseClient(sink, 100, (bytes) => dropped.push(bytes), 60_000);
    client.send(frame(10));
    for (let i = 0; i < 160; i++) expect(client.send(frame(10))).toBe(true);
    expect(client.send(frame(10))).toBe(false);
    expect(dropped).toEqual([1610]);
  });

  it('keeps only the newest waiting frame of a key, where the first one waited', () => {
    const sink = new FakeSink(100);
    const client = new SseClient(sink, 1000, () => undefined);
    client.send(Buffer.from('0123456789'.repeat(10)));
    client.send(Buffer.from('story-a v1'), 'a');
    client.send(Buffer.from('story-b v1'), 'b');
    client.send(Buffer.from('story-a v2'), 'a');
    expect(client.buffered).toBe(20);
    sink.drain();
    expect(sink.written.map(String)).toEqual(['0123456789'.repeat(10), 'story-a v2', 'story-b v1']);
  });

  it('lets one frame larger than the bound wait, so a big story does not drop a reader', () => {
    const sink = new FakeSink(10);
    const client = new SseClient(sink, 100, () => undefined);
    client.send(frame(10));
    expect(client.send(frame(5000))).toBe(true);
    expect(sink.destroyed).toBe(false);
    sink.drain();
    expect(sink.written.at(-1)!.length).toBe(5000);
  });

  it('renders events in the Server-Sent Events format, one data line per line', () => {
    expect(sseFrame({ type: 'story', id: 's1@2', data: '{"a":1}' }).toString()).toBe('event: story\nid: s1@2\ndata: {"a":1}\n\n');
    expect(sseFrame({ type: 'x\ny', data: 'one\ntwo' }).toString()).toBe('event: xy\ndata: one\ndata: two\n\n');
    expect(sseFrame({ comment: 'heartbeat' }).toString()).toBe(': heartbeat\n\n');
  });
});
