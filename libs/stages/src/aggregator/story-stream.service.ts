import { StoryEnrichedV1 } from '@eventwire/contracts';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnModuleInit, ServiceUnavailableException } from '@nestjs/common';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Subscription } from 'rxjs';
import { AggregateService } from './aggregate.service';
import { AGGREGATOR_HTTP_OPTIONS, AggregatorHttpOptions } from './aggregator.tokens';
import { SseClient, sseFrame } from './sse-client';

/** A comment line this often keeps proxies from closing a quiet stream, and finds clients that left without a word. */
const HEARTBEAT_MS = 15_000;

export interface StoryStreamFilter {
  /** ISO 3166-1 alpha-3 code of an entity of the story. */
  country?: string;
  /** A canonical entity id the story names. */
  entity?: string;
}

interface Subscriber {
  client: SseClient;
  filter: StoryStreamFilter;
}

/**
 * The live stream of story updates (`GET /v1/stories/stream`) as
 * Server-Sent Events, written to each response directly: at most
 * `sseMaxClients` subscribers at a time (503 past them), each update
 * rendered once and the same bytes queued for every subscriber it matches,
 * and each subscriber's queue bounded ({@link SseClient}), so memory stays
 * bounded by the cap whatever the clients do.
 */
@Injectable()
export class StoryStreamService implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(StoryStreamService.name);
  private readonly subscribers = new Map<ServerResponse, Subscriber>();
  private updates: Subscription | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private dropped = 0;

  constructor(
    private readonly aggregate: AggregateService,
    @Inject(AGGREGATOR_HTTP_OPTIONS) private readonly options: AggregatorHttpOptions,
  ) {}

  onModuleInit(): void {
    this.updates = this.aggregate.updates$.subscribe({
      next: (update) => this.publish(update),
      complete: () => this.endAll(),
    });
    this.heartbeat = setInterval(() => {
      const frame = sseFrame({ comment: 'heartbeat' });
      for (const { client } of [...this.subscribers.values()]) client.send(frame, 'heartbeat');
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Open streams are ended first: the HTTP server waits for its connections before the app can close. */
  beforeApplicationShutdown(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    this.updates?.unsubscribe();
    this.endAll();
  }

  /** Subscribers now, and subscribers dropped for not reading since start. */
  stats(): { clients: number; dropped: number } {
    return { clients: this.subscribers.size, dropped: this.dropped };
  }

  /** Starts the event stream on `res`, or refuses with 503 when the stream has its fill of subscribers. */
  open(req: IncomingMessage, res: ServerResponse, filter: StoryStreamFilter): void {
    if (this.subscribers.size >= this.options.sseMaxClients) {
      throw new ServiceUnavailableException({
        statusCode: 503,
        error: 'TOO_MANY_SUBSCRIBERS',
        message: `the live stream has its ${this.options.sseMaxClients} subscribers; try again later`,
      });
    }
    req.socket.setKeepAlive(true);
    req.socket.setNoDelay(true);
    req.socket.setTimeout(0);
    res.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache, no-store, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.flushHeaders();
    const client = new SseClient(res, this.options.sseClientBufferBytes, (queuedBytes) => {
      this.dropped++;
      this.subscribers.delete(res);
      this.logger.warn({ msg: 'live stream subscriber dropped: not reading', queuedBytes, limit: this.options.sseClientBufferBytes, clients: this.subscribers.size });
    });
    this.subscribers.set(res, { client, filter });
    res.on('close', () => {
      client.close();
      this.subscribers.delete(res);
    });
    client.send(sseFrame({ comment: 'stream open' }));
  }

  private publish(update: { storyId: string; record: StoryEnrichedV1 | null }): void {
    const { record, storyId } = update;
    let frame: Buffer | null = null;
    // Rendered on the first subscriber that wants it, then shared.
    const render = (): Buffer =>
      (frame ??=
        record === null
          ? sseFrame({ type: 'deleted', id: storyId, data: JSON.stringify({ storyId }) })
          : sseFrame({ type: 'story', id: `${storyId}@${record.version}`, data: JSON.stringify(record) }));
    for (const { client, filter } of [...this.subscribers.values()]) {
      if (record !== null && !matches(record, filter)) continue;
      client.send(render(), storyId);
    }
  }

  private endAll(): void {
    for (const [res, { client }] of this.subscribers) {
      client.close();
      // A client that is not reading would never let an ended response finish, and the server waits for it.
      if (res.writableNeedDrain) res.destroy();
      else res.end();
    }
    this.subscribers.clear();
  }
}

function matches(record: StoryEnrichedV1, filter: StoryStreamFilter): boolean {
  if (filter.country && !record.entities.some((e) => e.countryCode === filter.country)) return false;
  if (filter.entity && !record.entities.some((e) => e.id === filter.entity)) return false;
  return true;
}
