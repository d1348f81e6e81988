import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, ValidateBy, ValidationOptions } from 'class-validator';
import { checkedQuery } from './checked-query';

/**
 * A time as `new Date()` reads it: ISO 8601 as documented, and the other
 * forms it takes, which the audit has always accepted (class-validator's
 * `IsISO8601` would refuse them).
 */
function IsTime(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'isTime', validator: { validate: (value) => typeof value === 'string' && !Number.isNaN(new Date(value).getTime()) } }, options);
}

/** The query string of `GET /v1/audit`: the articles that entered in [from, to). */
export class AuditQueryDto {
  @ApiPropertyOptional({ type: String, format: 'date-time' })
  @IsOptional()
  @IsTime({ message: '$property must be an ISO 8601 time' })
  from?: string;
  @ApiPropertyOptional({ type: String, format: 'date-time' })
  @IsOptional()
  @IsTime({ message: '$property must be an ISO 8601 time' })
  to?: string;
}

/** The audit's time range from a query string, or 400 naming the first bad time. */
export function auditRangeOf(query: Record<string, unknown>): { from?: Date; to?: Date } {
  const { from, to } = checkedQuery(AuditQueryDto, query, 'first');
  return { from: from === undefined ? undefined : new Date(from), to: to === undefined ? undefined : new Date(to) };
}
