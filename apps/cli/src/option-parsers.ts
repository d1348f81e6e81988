import { InvalidArgumentError } from 'commander';

/** A count or a time that must be at least 1 (`--concurrency`, `--timeout`). */
export function positiveInt(value: string): number {
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError('must be a positive integer');
  return n;
}

/** A time where 0 means "not at all" (`audit --wait`, whose default is 0). */
export function nonNegativeInt(value: string): number {
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n)) throw new InvalidArgumentError('must be 0 or a positive integer');
  return n;
}
