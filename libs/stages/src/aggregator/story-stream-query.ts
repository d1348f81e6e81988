import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { checkedQuery } from './checked-query';

/**
 * The query string of `GET /v1/stories/stream`: which stories a subscriber
 * is sent. Any text matches or not; only a repeated parameter is refused.
 */
export class StoryStreamQueryDto {
  @ApiPropertyOptional({ description: 'an entity of the story has this ISO 3166-1 alpha-3 country', example: 'KAZ' })
  @IsOptional()
  @IsString({ message: '$property must be given once' })
  country?: string;
  @ApiPropertyOptional({ description: 'the story names this canonical entity id', example: 'org:csto' })
  @IsOptional()
  @IsString({ message: '$property must be given once' })
  entity?: string;
}

/** The stream's filter from a query string, or 400 naming the first parameter given more than once. */
export function streamFilterOf(query: Record<string, unknown>): { country?: string; entity?: string } {
  const { country, entity } = checkedQuery(StoryStreamQueryDto, query, 'first');
  return { country, entity };
}
