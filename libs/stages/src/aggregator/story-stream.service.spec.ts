import type { StoryEnrichedV1 } from '@eventwire/contracts';
import { HttpException, Logger } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Subject } from 'rxjs';
import type { AggregateService } from './aggregate.service';
import { StoryStreamService } from './story-stream.service';

/** A response that takes every write and remembers it. */
class FakeResponse extends EventEmitter {
  chunks: Buffer[] = [];
  status = 0;
  ended = false;
  writableNeedDrain = false;
  writeHead(status: number): this {
    this.status = status;
    return this;
  }
  flushHeaders(): void {}
  write(chunk: Buffer): boolean {
    this.chunks.push(chunk);
    return true;
  }
  end(): void {
    this.ended = true;
  }
  destroy(): void {}
  text(): string {
    return Buffer.concat(this.chunks).toString();
  }
}

const request = (): IncomingMessage => ({ socket: { setKeepAlive() {}, setNoDelay() {}, setTimeout() {} } }) as unknown as IncomingMessage;

const story = (storyId: string, countryCode: string, version = 1): StoryEnrichedV1 =>
  ({ storyId, version, entities: [{ id: `country:${countryCode}`, countryCode }] }) as unknown as StoryEnrichedV1;

describe(StoryStreamService.name, () => {
  let updates: Subject<{ storyId: string; record: StoryEnrichedV1 | null }>;
  let service: StoryStreamService;

  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(() => {
    updates = new Subject();
    service = new StoryStreamService({ updates$: updates } as unknown as AggregateService, { sseMaxClients: 2, sseClientBufferBytes: 1024, auditCacheMs: 0 });
    service.onModuleInit();
  });
  afterEach(() => service.beforeApplicationShutdown());

  it('sends each subscriber the stories its filter matches, and every deletion', () => {
    const all = new FakeResponse();
    const kaz = new FakeResponse();
    service.open(request(), all as unknown as ServerResponse, {});
    service.open(request(), kaz as unknown as ServerResponse, { country: 'KAZ' });
    updates.next({ storyId: 's1', record: story('s1', 'KAZ', 3) });
    updates.next({ storyId: 's2', record: story('s2', 'RUS') });
    updates.next({ storyId: 's3', record: null });
    expect(all.status).toBe(200);
    expect(all.text()).toMatch(/event: story\nid: s1@3\ndata: \{"storyId":"s1"[\s\S]*id: s2@1[\s\S]*event: deleted\nid: s3\ndata: \{"storyId":"s3"\}/);
    expect(kaz.text()).toContain('id: s1@3');
    expect(kaz.text()).not.toContain('id: s2@1');
    expect(kaz.text()).toContain('event: deleted');
  });

  it('shares one rendering of an update between subscribers', () => {
    const a = new FakeResponse();
    const b = new FakeResponse();
    service.open(request(), a as unknown as ServerResponse, {});
    service.open(request(), b as unknown as ServerResponse, {});
    updates.next({ storyId: 's1', record: story('s1', 'KAZ') });
    expect(a.chunks.at(-1)).toBe(b.chunks.at(-1));
  });

  it('refuses a subscriber past the cap with 503, and takes one again when a place is free', () => {
    const first = new FakeResponse();
    service.open(request(), first as unknown as ServerResponse, {});
    service.open(request(), new FakeResponse() as unknown as ServerResponse, {});
    let refused: unknown;
    try {
      service.open(request(), new FakeResponse() as unknown as ServerResponse, {});
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(HttpException);
    expect((refused as HttpException).getStatus()).toBe(503);
    first.emit('close');
    expect(service.stats().clients).toBe(1);
    service.open(request(), new FakeResponse() as unknown as ServerResponse, {});
    expect(service.stats().clients).toBe(2);
  });

  it('ends every stream when the app shuts down', () => {
    const res = new FakeResponse();
    service.open(request(), res as unknown as ServerResponse, {});
    service.beforeApplicationShutdown();
    expect(res.ended).toBe(true);
    expect(service.stats().clients).toBe(0);
  });
});
