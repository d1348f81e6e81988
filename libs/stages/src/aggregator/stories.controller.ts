import { StoryEnrichedV1, StoryEnrichedV1Dto } from '@eventwire/contracts';
import { StoryStore } from '@eventwire/store';
import { Controller, Get, Inject, NotFoundException, Param, Query, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiServiceUnavailableResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { IncomingMessage, ServerResponse } from 'node:http';
import { STORY_STORE } from './aggregator.tokens';
import { idOf, StoryQueryDto, storyFilterOf } from './story-query';
import { StoryStreamQueryDto, streamFilterOf } from './story-stream-query';
import { StoryStreamService } from './story-stream.service';

const STORY = { $ref: getSchemaPath(StoryEnrichedV1Dto) };

/**
 * The aggregator's read side: stories from the store, and the live stream
 * of story updates as Server-Sent Events. Documented in OpenAPI at
 * /v1/openapi.json (generated from these routes), with a UI at /docs.
 */
@ApiTags('stories')
@Controller()
export class StoriesController {
  constructor(
    @Inject(STORY_STORE) private readonly store: StoryStore,
    private readonly streams: StoryStreamService,
  ) {}

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
    const query = storyFilterOf(params as Record<string, unknown>);
    const { stories, total } = await this.store.stories(query);
    return { stories, total, limit: query.limit!, offset: query.offset! };
  }

  /** Every story update as it is published: `event: story` with the record, `event: deleted` with the id of a story merged away. */
  // Mapped before `v1/stories/:id`, which would take `stream` for an id.
  @Get('v1/stories/stream')
  @ApiOperation({
    summary: 'Live story updates as Server-Sent Events',
    description: '`event: story` carries a story record each time one is published (`id` is storyId@version); `event: deleted` carries {storyId} of a story merged into another.',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'an event stream', schema: { type: 'string' } })
  @ApiBadRequestResponse({ description: 'a parameter given more than once' })
  @ApiServiceUnavailableResponse({ description: 'the stream has its SSE_MAX_CLIENTS subscribers' })
  stream(@Req() req: IncomingMessage, @Res() res: ServerResponse, @Query() params: StoryStreamQueryDto): void {
    this.streams.open(req, res, streamFilterOf(params as Record<string, unknown>));
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
}
