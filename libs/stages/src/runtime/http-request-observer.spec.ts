import { Controller, Get, INestApplication, Logger, Module, NotFoundException, Param } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AddressInfo } from 'node:net';
import { ServiceOpsModule } from './service-ops.module';
import { StageMetrics } from './stage-metrics';
import { ThroughputLog } from './throughput-log';
import { StageReadiness } from '../transport/stage-readiness';

@Controller('v1/stories')
class StoriesStub {
  @Get(':id')
  story(@Param('id') id: string): { storyId: string } {
    if (id === 'gone') throw new NotFoundException(`no story ${id}`);
    return { storyId: id };
  }
}

describe('HTTP requests on /metrics', () => {
  let app: INestApplication;
  let base: string;
  const metrics = new StageMetrics('aggregator');

  beforeAll(async () => {
    @Module({
      imports: [ServiceOpsModule.register({ readiness: new StageReadiness(), metrics, throughput: new ThroughputLog('aggregator', 60_000) })],
      controllers: [StoriesStub],
    })
    class AppModule {}
    app = await NestFactory.create(AppModule, { logger: false });
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(() => app.close());

  it('counts each request by route pattern and status, never by its path', async () => {
    for (const path of ['/v1/stories/story-a', '/v1/stories/story-b', '/v1/stories/gone', '/no/such/page?q=%D8%AF%D8%A7%D8%B9%D8%B4']) await (await fetch(base + path)).text();
    const { text } = await metrics.render();
    const lines = text.split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        'eventwire_http_requests_total{method="GET",route="/v1/stories/:id",status="200",service="aggregator"} 2',
        'eventwire_http_requests_total{method="GET",route="/v1/stories/:id",status="404",service="aggregator"} 1',
        'eventwire_http_requests_total{method="GET",route="unmatched",status="404",service="aggregator"} 1',
        'eventwire_http_request_duration_seconds_count{service="aggregator",method="GET",route="/v1/stories/:id"} 3',
      ]),
    );
    expect(text).not.toContain('story-a');
    expect(text).not.toContain('no/such');
  });

  it('logs each request at debug with its route pattern, status and time, not its path or query', async () => {
    const debug = jest.spyOn(Logger.prototype, 'debug').mockImplementation(() => undefined);
    try {
      await (await fetch(`${base}/v1/stories/story-c?q=secret`)).text();
      const entry = debug.mock.calls.map(([message]) => message as Record<string, unknown>).find((m) => m.msg === 'http request');
      expect(entry).toEqual(expect.objectContaining({ method: 'GET', route: '/v1/stories/:id', status: 200, completed: true }));
      expect(entry!.ms).toEqual(expect.any(Number));
      expect(JSON.stringify(debug.mock.calls)).not.toMatch(/story-c|secret/);
    } finally {
      debug.mockRestore();
    }
  });

  it('counts stories decided and published', async () => {
    metrics.stories({ created: 3, joined: 5, merged: 1, split: 0 }, 3);
    metrics.storyRecords(4, 1);
    const lines = (await metrics.render()).text.split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        'eventwire_story_decisions_total{decision="created",service="aggregator"} 3',
        'eventwire_story_decisions_total{decision="joined",service="aggregator"} 5',
        'eventwire_story_decisions_total{decision="merged",service="aggregator"} 1',
        'eventwire_stories_live{service="aggregator"} 3',
        'eventwire_story_records_published_total{kind="record",service="aggregator"} 4',
        'eventwire_story_records_published_total{kind="tombstone",service="aggregator"} 1',
      ]),
    );
  });
});
