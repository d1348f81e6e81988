import { LoggerService, LogLevel } from '@nestjs/common';
import pino from 'pino';

/** Nest's levels as pino levels: pino's own where the name is the same, `verbose` and `log` placed between them. */
const NEST_LEVELS = { verbose: 15, log: 25 } as const;

/** What a log line says of an error: its own fields are not enumerable, so `JSON.stringify` would keep none of them. */
export interface LoggedError {
  class: string;
  message: string;
  code?: string;
  /** PostgreSQL's hint or detail, when the server gave one. */
  detail?: string;
  stack?: string;
  cause?: LoggedError | string;
}

/** An error as a plain object for a log line, its causes followed a few levels deep. */
export function errorFields(error: Error, depth = 0): LoggedError {
  const extra = error as Error & { code?: unknown; detail?: unknown; hint?: unknown };
  // pg's DatabaseError is named "error": its constructor says more.
  const constructorName = (error.constructor as { name?: string } | undefined)?.name;
  const out: LoggedError = { class: constructorName && constructorName !== 'Error' ? constructorName : error.name, message: error.message };
  if (extra.code !== undefined && extra.code !== null) out.code = String(extra.code);
  const detail = [extra.detail, extra.hint].filter((d) => typeof d === 'string' && d !== '').join(' ');
  if (detail !== '') out.detail = detail;
  if (error.stack) out.stack = error.stack;
  if (error.cause !== undefined && depth < 3) out.cause = error.cause instanceof Error ? errorFields(error.cause, depth + 1) : String(error.cause);
  return out;
}

/** Context fields with every Error in them (one level down) turned into {@link LoggedError}. */
function plain(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) out[key] = value instanceof Error ? errorFields(value) : value;
  return out;
}

/**
 * Structured logs: one JSON object a line on stderr, a fixed message plus its
 * context, written by pino (its level filter, its serialising and writing;
 * Nest's `verbose` and `log` are pino levels of their own). stderr keeps
 * stdout free for data (the CLI writes NDJSON there). This class is the
 * bridge Nest's `LoggerService` needs (nestjs-pino's is built around
 * pino-http's request logger, which the services do not use: their
 * request lines come from `HttpRequestObserver`).
 *
 * Nest logs an unexpected error as the Error itself (`logger.error(error)`,
 * from its exception handlers) or as a message and a stack string
 * (`logger.error(message, stack, context)`): both keep the error's class,
 * message, code and stack here, under `error`.
 */
export class JsonLogger implements LoggerService {
  private readonly pino: pino.Logger<keyof typeof NEST_LEVELS>;

  constructor(service: string, level: LogLevel = 'log') {
    this.pino = pino(
      {
        customLevels: NEST_LEVELS,
        level,
        base: { service },
        messageKey: 'msg',
        timestamp: pino.stdTimeFunctions.isoTime,
        formatters: { level: (label) => ({ level: label }) },
      },
      // The stream itself, not a file descriptor: a line goes out before the call returns, as a crashing service needs.
      process.stderr,
    );
  }

  private write(level: LogLevel, message: unknown, params: unknown[]): void {
    if (!this.pino.isLevelEnabled(level)) return;
    const last = params[params.length - 1];
    const context = params.length > 0 && typeof last === 'string' ? last : undefined;
    const rest = context === undefined ? params : params.slice(0, -1);
    let fields: Record<string, unknown>;
    if (message instanceof Error) fields = { msg: message.message, error: errorFields(message) };
    else if (typeof message === 'object' && message !== null) fields = plain(message as Record<string, unknown>);
    else fields = { msg: String(message) };
    for (const param of rest) {
      if (param instanceof Error && fields.error === undefined) fields.error = errorFields(param);
      else if (typeof param === 'string' && (level === 'error' || level === 'fatal') && fields.stack === undefined) fields.stack = param;
    }
    this.pino[level]({ context, ...fields });
  }

  log(message: unknown, ...params: unknown[]): void {
    this.write('log', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('verbose', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }
}
