import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { StageMetrics } from './stage-metrics';

/** What Express leaves on a request it routed: the matched route's pattern. */
type RoutedRequest = IncomingMessage & { route?: { path?: unknown }; baseUrl?: string };

/** The route pattern a request matched (`/v1/stories/:id`), or `unmatched`: never the path, which holds ids and search text. */
export function routeOf(request: RoutedRequest): string {
  const path = request.route?.path;
  return typeof path === 'string' ? `${request.baseUrl ?? ''}${path}` : 'unmatched';
}

/**
 * Counts and times every HTTP request a service answers (`/metrics`:
 * `eventwire_http_requests_total`, `eventwire_http_request_duration_seconds`)
 * and logs each at `debug` with its method, route pattern, status and time
 * (no query, body or path: they hold article text and ids). It listens on
 * the HTTP server itself rather than in Express, so requests that body
 * parsing, the token check or a 404 answer are counted too.
 */
@Injectable()
export class HttpRequestObserver implements OnApplicationBootstrap {
  private readonly logger = new Logger('Http');

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly metrics: StageMetrics,
  ) {}

  onApplicationBootstrap(): void {
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    server?.on('request', (request: RoutedRequest, response: ServerResponse) => this.observe(request, response));
  }

  observe(request: RoutedRequest, response: ServerResponse): void {
    const started = process.hrtime.bigint();
    let done = false;
    const end = (): void => {
      if (done) return;
      done = true;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const method = request.method ?? 'GET';
      const route = routeOf(request);
      // A client gone before the answer ended (an SSE subscriber leaving) is logged with the status that was sent.
      this.metrics.httpRequest(method, route, response.statusCode, seconds);
      this.logger.debug({ msg: 'http request', method, route, status: response.statusCode, ms: Math.round(seconds * 1000), completed: response.writableFinished });
    };
    response.once('finish', end);
    response.once('close', end);
  }
}
