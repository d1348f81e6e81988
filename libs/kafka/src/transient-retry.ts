import { classifyFailure, FailureClass } from './failure-classifier';

export interface BackoffOptions {
  /** The first wait (500 ms). */
  initialMs: number;
  /** No wait is longer (30 s): a database back after an hour is used within this. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 500, maxMs: 30_000 };

/** The wait before attempt `failures + 1`: doubling from `initialMs`, capped at `maxMs`. */
export function backoffDelay(failures: number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  return Math.min(options.maxMs, options.initialMs * 2 ** Math.max(0, failures - 1));
}

/** Resolves after `ms`, or at once when `signal` aborts (shutdown must not wait out a 30 s backoff). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

export interface TransientRetryOptions {
  backoff?: BackoffOptions;
  /** Waits between attempts; given the shutdown signal. Tests pass a fake. */
  wait?: (ms: number, signal: AbortSignal) => Promise<void>;
  now?: () => number;
  /** Aborted on shutdown: the loop stops waiting and gives up (`{ stopped: true }`). */
  signal: AbortSignal;
  /** Heard on every transient failure, before the wait. */
  onTransient?: (failure: { error: unknown; class: FailureClass; failures: number; delayMs: number; since: number }) => void;
  /** Heard when an attempt succeeds after transient failures. */
  onRecovered?: (recovery: { failures: number; outageMs: number }) => void;
}

export type RetryOutcome<T> = { stopped: false; value: T } | { stopped: true };

/** Attempts made before a permanent failure was thrown, by the error thrown (an error is not changed, so its class still reads the same). */
const attemptsBefore = new WeakMap<object, number>();

/**
 * How many attempts a record had when `error`, a permanent failure thrown
 * by {@link retryTransient}, ended them: 1 plus the transient failures before
 * it (a dead letter's `eventwire-dlq-attempts`). 1 for any other error.
 */
export function attemptsOf(error: unknown): number {
  return (typeof error === 'object' && error !== null && attemptsBefore.get(error)) || 1;
}

/**
 * Runs `attempt` until it succeeds, waiting with capped exponential backoff
 * after each transient failure for as long as they last. A permanent failure
 * is thrown at once, for the caller to dead-letter. Between attempts it checks
 * the shutdown signal, so a stage stops promptly whatever the database does.
 */
export async function retryTransient<T>(attempt: () => Promise<T>, options: TransientRetryOptions): Promise<RetryOutcome<T>> {
  const wait = options.wait ?? sleep;
  const now = options.now ?? Date.now;
  let failures = 0;
  let since = 0;
  for (;;) {
    if (options.signal.aborted) return { stopped: true };
    try {
      const value = await attempt();
      if (failures > 0) options.onRecovered?.({ failures, outageMs: now() - since });
      return { stopped: false, value };
    } catch (error) {
      const verdict = classifyFailure(error);
      if (verdict.kind === 'permanent') {
        if (typeof error === 'object' && error !== null) attemptsBefore.set(error, failures + 1);
        throw error;
      }
      if (options.signal.aborted) return { stopped: true };
      if (failures === 0) since = now();
      failures++;
      const delayMs = backoffDelay(failures, options.backoff);
      options.onTransient?.({ error, class: verdict, failures, delayMs, since });
      await wait(delayMs, options.signal);
    }
  }
}
