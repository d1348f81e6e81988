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

/** A transient failure (broker unavailable, database timeout): retried with backoff for as long as it lasts. */
export class RetriableError extends PipelineError {
  readonly retriable = true;
}

/** The message itself is at fault (invalid, empty, unreadable): dead-lettered at once with the reason. */
export class NonRetriableError extends PipelineError {
  readonly retriable = false;
}
