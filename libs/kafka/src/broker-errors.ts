import { ContractViolationError } from '@eventwire/contracts';

/**
 * One error hierarchy for every stage: `retriable` says whether trying the
 * same message again can succeed; `code` is stable for dashboards and DLQ
 * headers; `cause` keeps the original error.
 */
export abstract class PipelineError extends Error {
  abstract readonly retriable: boolean;

  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A transient failure (broker unavailable, database timeout): retried with backoff, then dead-lettered. */
export class RetriableError extends PipelineError {
  readonly retriable = true;
}

/** The message itself is at fault (invalid, empty, unreadable): dead-lettered at once with the reason. */
export class NonRetriableError extends PipelineError {
  readonly retriable = false;
}

export function isRetriable(error: unknown): boolean {
  if (error instanceof PipelineError) return error.retriable;
  if (error instanceof ContractViolationError) return false;
  if (error instanceof SyntaxError || error instanceof TypeError || error instanceof RangeError) return false;
  // kafkajs marks its own errors; anything else unknown is given the benefit of a retry.
  const flag = (error as { retriable?: unknown } | null)?.retriable;
  return typeof flag === 'boolean' ? flag : true;
}
