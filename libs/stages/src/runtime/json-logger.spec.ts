import { Logger } from '@nestjs/common';
import { JsonLogger } from './json-logger';

/** The lines a logger writes while `act` runs, parsed. */
function linesOf(act: () => void): Array<Record<string, unknown>> {
  const written: string[] = [];
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  try {
    act();
  } finally {
    spy.mockRestore();
  }
  return written.map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** A PostgreSQL error as pg builds it: named "error", its fields enumerable, its message and stack not. */
class DatabaseError extends Error {
  code = '3D000';
  severity = 'FATAL';
  constructor(message: string) {
    super(message);
    this.name = 'error';
  }
}

describe(JsonLogger.name, () => {
  afterEach(() => Logger.overrideLogger(false));

  it('keeps the message, class, code and stack of an error Nest logs as the Error itself', () => {
    const logger = new JsonLogger('aggregator');
    Logger.overrideLogger(logger);
    const [line] = linesOf(() => new Logger('ExceptionsHandler').error(new DatabaseError('database "stories" does not exist')));
    expect(line).toMatchObject({ level: 'error', context: 'ExceptionsHandler', msg: 'database "stories" does not exist' });
    expect(line!.error).toMatchObject({ class: 'DatabaseError', message: 'database "stories" does not exist', code: '3D000' });
    expect((line!.error as { stack: string }).stack).toContain('json-logger.spec');
  });

  it('keeps the stack Nest passes as a string beside a message', () => {
    const logger = new JsonLogger('ingestor');
    Logger.overrideLogger(logger);
    const [line] = linesOf(() => new Logger('ExceptionsHandler').error('boom', 'Error: boom\n    at somewhere'));
    expect(line).toMatchObject({ msg: 'boom', context: 'ExceptionsHandler', stack: 'Error: boom\n    at somewhere' });
  });

  it('turns errors inside structured context into fields, causes included', () => {
    const error = new Error('send failed', { cause: new Error('connection reset') });
    const [line] = linesOf(() => new JsonLogger('translator').warn({ msg: 'retrying', topic: 't', error }, 'StageServer'));
    expect(line).toMatchObject({ msg: 'retrying', topic: 't', context: 'StageServer', error: { class: 'Error', message: 'send failed', cause: { message: 'connection reset' } } });
  });

  it('writes nothing under its level, and a plain message with its context', () => {
    const logger = new JsonLogger('extractor', 'warn');
    expect(linesOf(() => logger.log('started', 'Boot'))).toEqual([]);
    expect(linesOf(() => logger.warn('slow', 'Boot'))[0]).toMatchObject({ level: 'warn', msg: 'slow', context: 'Boot', service: 'extractor' });
  });
});
