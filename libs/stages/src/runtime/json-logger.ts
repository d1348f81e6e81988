import { LoggerService, LogLevel } from '@nestjs/common';

const ORDER: LogLevel[] = ['verbose', 'debug', 'log', 'warn', 'error', 'fatal'];

/**
 * Structured logs: one JSON object a line on stderr, a fixed message plus its
 * context. stderr keeps stdout free for data (the CLI writes NDJSON there).
 */
export class JsonLogger implements LoggerService {
  private readonly min: number;

  constructor(
    private readonly service: string,
    level: LogLevel = 'log',
  ) {
    this.min = ORDER.indexOf(level);
  }

  private write(level: LogLevel, message: unknown, params: unknown[]): void {
    if (ORDER.indexOf(level) < this.min) return;
    const context = typeof params[params.length - 1] === 'string' ? (params[params.length - 1] as string) : undefined;
    const fields = typeof message === 'object' && message !== null ? (message as Record<string, unknown>) : { msg: String(message) };
    const stack = level === 'error' && typeof params[0] === 'string' && params.length > 1 ? { stack: params[0] } : {};
    process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level, service: this.service, context, ...fields, ...stack })}\n`);
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
