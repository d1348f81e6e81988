import { contractErrors } from '@eventwire/contracts';
import { BadRequestException } from '@nestjs/common';

/**
 * A query string checked against its DTO's class-validator rules: the
 * fields given (an empty value is no value), or 400 naming what is wrong.
 * Checked by the controller, not by a pipe: a repeated parameter arrives as
 * an array whatever the DTO's types say, and must be refused, not cast.
 * `report` is how many wrong fields the answer names: every one, or the
 * first (in the DTO's order), as some routes have always answered.
 */
export function checkedQuery<T extends object>(dto: new () => T, query: Record<string, unknown>, report: 'every' | 'first' = 'every'): Partial<T> {
  const present = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== '' && v !== undefined));
  const errors = contractErrors(dto, present);
  if (errors.length > 0) throw new BadRequestException((report === 'first' ? errors.slice(0, 1) : errors).map((e) => e.problems.join('; ')).join('; '));
  return present as Partial<T>;
}
