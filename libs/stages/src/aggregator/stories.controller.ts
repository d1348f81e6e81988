import { StoryEnrichedV1 } from '@eventwire/contracts';
import { StoryStore } from '@eventwire/store';
import { BadRequestException, Controller, Get, Inject, NotFoundException, Param, Query, Req, Res, UseGuards } from '@nestjs/common';
import { IncomingMessage, ServerResponse } from 'node:http';
import { AuditReport } from '../audit/pipeline-audit';
import { ApiTokenGuard } from '../ingestor/api-token.guard';
import { STORY_STORE } from './aggregator.tokens';
import { AuditReportService } from './audit-report.service';
import { STORIES_OPENAPI } from './stories.openapi';
import { idOf, storyFilterOf } from './story-query';
import { StoryStreamService } from './story-stream.service';
import { topicSchemaFile } from './topic-schema-file';

/**
 * The aggregator's read side: stories and articles from the store, and the
 * live stream of story updates as Server-Sent Events. Documented in
 * OpenAPI at /v1/openapi.json.
 */
@Controller()
export class StoriesController {
  constructor(
    @Inject(STORY_STORE) private readonly store: StoryStore,
    private readonly streams: StoryStreamService,
    private readonly audits: AuditReportService,
  ) {}

  /** The pipeline's accounting for articles that entered in [from, to): as `eventwire audit`, from the topics (a report up to `AUDIT_CACHE_MS` old). */
  @Get('v1/audit')
  @UseGuards(ApiTokenGuard)
  async audit(@Query('from') from?: string, @Query('to') to?: string): Promise<AuditReport> {
    const time = (name: string, value: string | undefined): Date | undefined => {
      if (value === undefined || value === '') return undefined;
      const parsed = new Date(value);
      if (Number.isNaN(parsed.getTime())) throw new BadRequestException(`${name} must be an ISO 8601 time`);
      return parsed;
    };
    return this.audits.report({ from: time('from', from), to: time('to', to) });
  }

  @Get('v1/openapi.json')
  openapi(): object {
    return STORIES_OPENAPI;
  }

  @Get('v1/schemas/:file')
  schema(@Param('file') file: string): object {
    const found = topicSchemaFile(file);
    if (!found) throw new NotFoundException(`no schema ${file}`);
    return found;
  }

  @Get('v1/stories')
  async list(@Query() params: Record<string, unknown>): Promise<{ stories: StoryEnrichedV1[]; total: number; limit: number; offset: number }> {
    const query = storyFilterOf(params);
    const { stories, total } = await this.store.stories(query);
    return { stories, total, limit: query.limit!, offset: query.offset! };
  }

  /** Every story update as it is published: `event: story` with the record, `event: deleted` with the id of a story merged away. */
  @Get('v1/stories/stream')
  stream(@Req() req: IncomingMessage, @Res() res: ServerResponse, @Query('country') country?: unknown, @Query('entity') entity?: unknown): void {
    const text = (name: string, value: unknown): string | undefined => {
      if (value === undefined || value === '') return undefined;
      if (typeof value !== 'string') throw new BadRequestException(`${name} must be given once`);
      return value;
    };
    this.streams.open(req, res, { country: text('country', country), entity: text('entity', entity) });
  }

  @Get('v1/stories/:id')
  async story(@Param('id') id: string): Promise<StoryEnrichedV1> {
    const story = await this.store.story(idOf('story id', id));
    if (!story) throw new NotFoundException(`no story ${id}`);
    return story;
  }

  @Get('v1/articles/:id')
  async article(@Param('id') id: string): Promise<{ articleId: string; storyId: string; article: unknown }> {
    const found = await this.store.article(idOf('article id', id));
    if (!found) throw new NotFoundException(`no article ${id}`);
    const story = await this.store.story(found.storyId);
    return { articleId: found.articleId, storyId: story?.storyId ?? found.storyId, article: found.event };
  }
}
