import { ContractViolationError } from '@eventwire/contracts';
import { PipelineError } from './broker-errors';

/**
 * `permanent`: the record itself is at fault and will be refused again however
 * long we wait (bad content, too large, refused by the database for what it
 * holds): it goes to the dead-letter topic and the partition moves on.
 * `transient`: the failure is the world's (database or broker down, a dropped
 * connection, a table an operator dropped): the record is retried with backoff
 * for as long as it lasts, and never dead-lettered for it.
 */
export type FailureKind = 'transient' | 'permanent';

export interface FailureClass {
  kind: FailureKind;
  /** A stable code for logs and dead-letter headers (`SQLSTATE_22P05`, `ECONNREFUSED`, `MESSAGE_TOO_LARGE`...). */
  reason: string;
}

/**
 * PostgreSQL SQLSTATE classes that say the statement's data was refused:
 * 22 data exception (a NUL in text, a lone surrogate in jsonb, a bad date),
 * 23 integrity constraint violation, 54 program limit exceeded (a value too
 * large). Every other class is the server's or the operator's state (08
 * connection, 53 resources, 57 operator intervention, 42P01 a table dropped,
 * 3D000 a database missing, 40 serialization...): it passes once fixed.
 */
const PERMANENT_SQLSTATE_CLASSES = new Set(['22', '23', '54']);

/** Node socket and DNS errors: the peer is down, restarting or unreachable. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** What `pg` says, without a code, when a connection is lost or cannot be had. */
const PG_CONNECTION_MESSAGE = /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended unexpectedly|Cannot use a pool after calling end/i;

/** kafkajs protocol errors about the record sent, not the cluster: sending it again is refused again. */
const KAFKA_RECORD_ERRORS = new Set(['MESSAGE_TOO_LARGE', 'RECORD_LIST_TOO_LARGE', 'INVALID_RECORD', 'CORRUPT_MESSAGE', 'INVALID_TIMESTAMP']);

type Link = Error & { code?: unknown; type?: unknown; retriable?: unknown; errors?: unknown; originalError?: unknown };

/** The error and what it wraps (`cause`, kafkajs `originalError`, an AggregateError's `errors`), outermost first. */
function chain(error: unknown, depth = 0): unknown[] {
  if (depth > 8 || error === null || typeof error !== 'object') return [error];
  const link = error as Link;
  const inner: unknown[] = [];
  if (link.cause !== undefined) inner.push(link.cause);
  if (link.originalError !== undefined) inner.push(link.originalError);
  if (Array.isArray(link.errors)) inner.push(...(link.errors as unknown[]));
  return [error, ...inner.flatMap((e) => chain(e, depth + 1))];
}

const isKafkaJs = (link: Link): boolean => typeof link.name === 'string' && link.name.startsWith('KafkaJS');

/** One link's verdict, or undefined when it does not say (a wrapper, a plain Error). */
function decide(error: unknown): FailureClass | undefined {
  if (error instanceof PipelineError) return { kind: error.retriable ? 'transient' : 'permanent', reason: error.code };
  if (error instanceof ContractViolationError) return { kind: 'permanent', reason: 'ContractViolationError' };
  if (error === null || typeof error !== 'object') return undefined;
  const link = error as Link;
  const code = typeof link.code === 'string' ? link.code : undefined;
  if (code && NETWORK_CODES.has(code)) return { kind: 'transient', reason: code };
  if (code && /^[0-9A-Z]{5}$/.test(code) && !isKafkaJs(link)) {
    return { kind: PERMANENT_SQLSTATE_CLASSES.has(code.slice(0, 2)) ? 'permanent' : 'transient', reason: `SQLSTATE_${code}` };
  }
  if (typeof link.message === 'string' && PG_CONNECTION_MESSAGE.test(link.message)) return { kind: 'transient', reason: 'DB_CONNECTION_LOST' };
  if (isKafkaJs(link)) {
    const type = typeof link.type === 'string' ? link.type : undefined;
    if (type && KAFKA_RECORD_ERRORS.has(type)) return { kind: 'permanent', reason: type };
    if (link.retriable === true) return { kind: 'transient', reason: type ?? link.name };
  }
  return undefined;
}

/**
 * The one rule every stage applies to a failure: is it the record's, or the
 * world's? The first link of the error's chain that says decides (so a
 * `fetch failed` TypeError caused by ECONNREFUSED is transient, a kafkajs
 * "retries exceeded" wraps what it retried). Undecided: a kafkajs error is the
 * cluster's (authorisation, a fenced producer: an operator's to fix), so
 * transient; anything else (a bug's TypeError, an unknown Error) is put on
 * the record and dead-lettered with its message, so that it shows and the
 * partition goes on.
 */
export function classifyFailure(error: unknown): FailureClass {
  const links = chain(error);
  for (const link of links) {
    const verdict = decide(link);
    if (verdict) return verdict;
  }
  const kafka = links.find((l): l is Link => l !== null && typeof l === 'object' && isKafkaJs(l as Link));
  if (kafka) return { kind: 'transient', reason: typeof kafka.type === 'string' ? kafka.type : kafka.name };
  return { kind: 'permanent', reason: error instanceof Error ? error.name : 'UNKNOWN_ERROR' };
}
