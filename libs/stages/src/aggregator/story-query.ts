import type { StoryFilter } from '@eventwire/store';
import { BadRequestException } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsNumberString, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { checkedQuery } from './checked-query';

/** Text a query may carry: no control characters (a NUL reaches the database's text functions and fails there). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const PLAIN = /^[^\u0000-\u001F\u007F]*$/;
const PLAIN_MESSAGE = (field: string): string => `${field} must be plain text without control characters`;

/**
 * The query string of `GET /v1/stories`, checked field by field: a
 * repeated parameter (an array), an impossible date or a control character
 * is the caller's mistake and gets 400 naming the field, never a 500 from
 * the store.
 */
export class StoryQueryDto {
  @ApiPropertyOptional({ description: 'an entity of the story has this ISO 3166-1 alpha-3 country', example: 'KAZ', pattern: '^[A-Z]{3}$' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'country must be an ISO 3166-1 alpha-3 code such as KAZ' })
  country?: string;
  @ApiPropertyOptional({ description: 'the story names this canonical entity id', example: 'org:csto', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(PLAIN, { message: PLAIN_MESSAGE('entity') })
  entity?: string;
  @ApiPropertyOptional({ description: 'PLOVER event type', example: 'MOBILIZE', maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(PLAIN, { message: PLAIN_MESSAGE('eventType') })
  eventType?: string;
  @ApiPropertyOptional({ description: 'the story’s dates reach this day or later', format: 'date' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'from must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'from must be a calendar date' })
  from?: string;
  @ApiPropertyOptional({ description: 'the story’s dates start this day or earlier', format: 'date' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'to must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'to must be a calendar date' })
  to?: string;
  @ApiPropertyOptional({ description: 'text in the title or anywhere in the record', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @Matches(PLAIN, { message: PLAIN_MESSAGE('q') })
  q?: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 20 })
  @IsOptional()
  @IsNumberString({ no_symbols: true }, { message: 'limit must be a whole number from 1 to 200' })
  limit?: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 1_000_000, default: 0 })
  @IsOptional()
  @IsNumberString({ no_symbols: true }, { message: 'offset must be a whole number from 0 to 1000000' })
  offset?: string;
}

function integer(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new BadRequestException(`${name} must be a whole number from ${min} to ${max}`);
  return n;
}

/** The store's filter from a query string, or 400 naming every field that is wrong. */
export function storyFilterOf(query: Record<string, unknown>): StoryFilter {
  const q = checkedQuery(StoryQueryDto, query);
  return {
    ...(q.country ? { country: q.country } : {}),
    ...(q.entity ? { entity: q.entity } : {}),
    ...(q.eventType ? { eventType: q.eventType.toUpperCase() } : {}),
    ...(q.from ? { from: q.from } : {}),
    ...(q.to ? { to: q.to } : {}),
    ...(q.q ? { text: q.q } : {}),
    limit: integer('limit', q.limit, 20, 1, 200),
    offset: integer('offset', q.offset, 0, 0, 1_000_000),
  };
}

/** A story or article id from the path: what the store could hold, else 400. */
export function idOf(name: string, id: string): string {
  if (id.length > 200 || !PLAIN.test(id)) throw new BadRequestException(`${name} must be at most 200 characters without control characters`);
  return id;
}
