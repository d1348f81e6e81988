import { EventExtractedV1Dto } from '@eventwire/contracts';
import { StoryStore } from '@eventwire/store';
import { Controller, Get, Inject, NotFoundException, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { STORY_STORE } from './aggregator.tokens';
import { idOf } from './story-query';

/** One article from the store, as extracted, with the story it is in now. */
@ApiTags('stories')
@Controller()
export class ArticlesController {
  constructor(@Inject(STORY_STORE) private readonly store: StoryStore) {}

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
