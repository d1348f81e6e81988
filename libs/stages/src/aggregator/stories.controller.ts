import { EventExtractedV1Dto, StoryEnrichedV1, StoryEnrichedV1Dto } from '@eventwire/contracts';
import { StoryStore } from '@eventwire/store';
import { BadRequestException, Controller, Get, Inject, NotFoundException, Param, Query, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiQuery,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { IncomingMessage, ServerResponse } from 'node:http';
import { AuditReport } from '../audit/pipeline-audit';
import { ApiTokenGuard } from '../ingestor/api-token.guard';
import { STORY_STORE } from './aggregator.tokens';
import { AuditReportService } from './audit-report.service';
import { AUDIT_REPORT_SCHEMA } from './audit-report.schema';
import { idOf, StoryQueryDto, storyFilterOf } from './story-query';
import { StoryStreamService } from './story-stream.service';
import { topicSchemaFile } from './topic-schema-file';

const STORY = { $ref: getSchemaPath(StoryEnrichedV1Dto) };
const COUNTRY = { name: 'country', required: false, type: String, description: 'an entity of the story has this ISO 3166-1 alpha-3 country', example: 'KAZ' };
const ENTITY = { name: 'entity', required: false, type: String, description: 'the story names this canonical entity id', example: 'org:csto' };

/**
 * The aggregator's read side: stories and articles from the store, and the
 * live stream of story updates as Server-Sent Events. Documented in
 * OpenAPI at /v1/openapi.json (generated from these routes), with a UI at
 * /docs.
 */
@ApiTags('stories')
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
  @ApiTags('operations')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Accounting for the articles that entered in [from, to), as `eventwire audit --json`',
    description:
      'How many entered (raw records, HTTP), were rejected and why (on articles.raw.v1 and over HTTP), are in stories, were dead-lettered later (stage, reason), ' +
      'are in flight; per stage, input records processed, dead-lettered, pending and redelivered; balanced when every article is in exactly one story or a ' +
      'dead-letter topic. Read from the topics at most AUDIT_CACHE_MS ago.',
  })
  @ApiQuery({ name: 'from', required: false, type: String, format: 'date-time' })
  @ApiQuery({ name: 'to', required: false, type: String, format: 'date-time' })
  @ApiOkResponse({ description: 'the audit report', schema: AUDIT_REPORT_SCHEMA })
  @ApiBadRequestResponse({ description: 'a bad time' })
  @ApiUnauthorizedResponse({ description: 'INGEST_API_TOKEN is set and the request has no `Authorization: Bearer <token>` with it' })
  async audit(@Query('from') from?: string, @Query('to') to?: string): Promise<AuditReport> {
    const time = (name: string, value: string | undefined): Date | undefined => {
      if (value === undefined || value === '') return undefined;
      const parsed = new Date(value);
      if (Number.isNaN(parsed.getTime())) throw new BadRequestException(`${name} must be an ISO 8601 time`);
      return parsed;
    };
    return this.audits.report({ from: time('from', from), to: time('to', to) });
  }

  @Get('v1/schemas/:file')
  @ApiTags('contracts')
  @ApiOperation({ summary: 'The JSON Schema of a topic’s records (the same as the components of this document)' })
  @ApiParam({ name: 'file', example: 'events.enriched.v1.schema.json' })
  @ApiOkResponse({ description: 'the schema', schema: { type: 'object' } })
  @ApiNotFoundResponse({ description: 'no such topic' })
  schema(@Param('file') file: string): object {
    const found = topicSchemaFile(file);
    if (!found) throw new NotFoundException(`no schema ${file}`);
    return found;
  }

  @Get('v1/stories')
  @ApiOperation({ summary: 'Stories matching every filter given, most recently updated first' })
  @ApiOkResponse({
    description: 'a page of stories',
    schema: {
      type: 'object',
      required: ['stories', 'total', 'limit', 'offset'],
      properties: { stories: { type: 'array', items: STORY }, total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' } },
    },
  })
  @ApiBadRequestResponse({ description: 'a filter is malformed: the message names it' })
  async list(@Query() params: StoryQueryDto): Promise<{ stories: StoryEnrichedV1[]; total: number; limit: number; offset: number }> {
    // Checked here, not by a pipe: a repeated parameter arrives as an array whatever the DTO's types say.
    const query = storyFilterOf(params as Record<string, unknown>);
    const { stories, total } = await this.store.stories(query);
    return { stories, total, limit: query.limit!, offset: query.offset! };
  }

  /** Every story update as it is published: `event: story` with the record, `event: deleted` with the id of a story merged away. */
  @Get('v1/stories/stream')
  @ApiOperation({
    summary: 'Live story updates as Server-Sent Events',
    description: '`event: story` carries a story record each time one is published (`id` is storyId@version); `event: deleted` carries {storyId} of a story merged into another.',
  })
  @ApiQuery(COUNTRY)
  @ApiQuery(ENTITY)
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'an event stream', schema: { type: 'string' } })
  @ApiServiceUnavailableResponse({ description: 'the stream has its SSE_MAX_CLIENTS subscribers' })
  stream(@Req() req: IncomingMessage, @Res() res: ServerResponse, @Query('country') country?: unknown, @Query('entity') entity?: unknown): void {
    const text = (name: string, value: unknown): string | undefined => {
      if (value === undefined || value === '') return undefined;
      if (typeof value !== 'string') throw new BadRequestException(`${name} must be given once`);
      return value;
    };
    this.streams.open(req, res, { country: text('country', country), entity: text('entity', entity) });
  }

  @Get('v1/stories/:id')
  @ApiOperation({ summary: 'One story with its articles and events; the id of a story merged away leads to the story it went into' })
  @ApiOkResponse({ description: 'the story', schema: STORY })
  @ApiNotFoundResponse({ description: 'no such story' })
  async story(@Param('id') id: string): Promise<StoryEnrichedV1> {
    const story = await this.store.story(idOf('story id', id));
    if (!story) throw new NotFoundException(`no story ${id}`);
    return story;
  }

  @Get('v1/articles/:id')
  @ApiOperation({ summary: 'One article as extracted, with the story it is in' })
  @ApiOkResponse({
    description: 'the article',
    schema: {
      type: 'object',
      required: ['articleId', 'storyId', 'article'],
      properties: { articleId: { type: 'string' }, storyId: { type: 'string' }, article: { $ref: getSchemaPath(EventExtractedV1Dto) } },
    },
  })
  @ApiNotFoundResponse({ description: 'no such article' })
  async article(@Param('id') id: string): Promise<{ articleId: string; storyId: string; article: unknown }> {
    const found = await this.store.article(idOf('article id', id));
    if (!found) throw new NotFoundException(`no article ${id}`);
    const story = await this.store.story(found.storyId);
    return { articleId: found.articleId, storyId: story?.storyId ?? found.storyId, article: found.event };
  }
}
