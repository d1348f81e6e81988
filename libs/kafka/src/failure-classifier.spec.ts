import { ContractViolationError } from '@eventwire/contracts';
import { KafkaJSConnectionError, KafkaJSNumberOfRetriesExceeded, KafkaJSProtocolError } from 'kafkajs';
import { NonRetriableError, RetriableError } from './broker-errors';
import { classifyFailure } from './failure-classifier';

/** An error as `pg` raises it for a refused statement: a DatabaseError (name "error") with its SQLSTATE. */
function pgError(code: string, message = 'refused'): Error {
  return Object.assign(new Error(message), { name: 'error', code, severity: 'ERROR' });
}

function systemError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, syscall: 'connect' });
}

/** A protocol error as kafkajs builds it from the broker's error code (its table gives type and retriable). */
function kafkaProtocolError(type: string, code: number, retriable: boolean): Error {
  return new KafkaJSProtocolError({ type, code, retriable, message: type } as never);
}

describe(classifyFailure.name, () => {
  describe('PostgreSQL: the record\'s content refused is permanent', () => {
    it.each([
      ['22P05 a NUL in text or jsonb', '22P05'],
      ['22021 invalid byte sequence', '22021'],
      ['22008 a date out of range', '22008'],
      ['23505 a unique violation', '23505'],
      ['23502 a not-null violation', '23502'],
      ['54000 a value too large', '54000'],
    ])('class %s', (_, code) => {
      expect(classifyFailure(pgError(code))).toEqual({ kind: 'permanent', reason: `SQLSTATE_${code}` });
    });
  });

  describe('PostgreSQL: the server\'s or the operator\'s state is transient', () => {
    it.each([
      ['08006 connection failure', '08006'],
      ['08003 connection does not exist', '08003'],
      ['57P01 admin shutdown (pg_terminate_backend)', '57P01'],
      ['57P02 crash shutdown', '57P02'],
      ['57P03 cannot connect now (starting up)', '57P03'],
      ['53300 too many connections', '53300'],
      ['53100 disk full', '53100'],
      ['42P01 undefined table (DROP TABLE, an operator\'s fault)', '42P01'],
      ['3D000 database does not exist', '3D000'],
      ['40001 serialization failure', '40001'],
      ['40P01 deadlock', '40P01'],
    ])('class %s', (_, code) => {
      expect(classifyFailure(pgError(code))).toEqual({ kind: 'transient', reason: `SQLSTATE_${code}` });
    });
  });

  it.each(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN'])('socket error %s is transient', (code) => {
    expect(classifyFailure(systemError(code))).toEqual({ kind: 'transient', reason: code });
  });

  it('an AggregateError of refused connections (localhost on ::1 and 127.0.0.1) is transient', () => {
    const error = new AggregateError([systemError('ECONNREFUSED'), systemError('ECONNREFUSED')], '');
    expect(classifyFailure(error).kind).toBe('transient');
  });

  it.each([
    'Connection terminated unexpectedly',
    'Connection terminated due to connection timeout',
    'timeout exceeded when trying to connect',
    'Client has encountered a connection error and is not queryable',
  ])('pg without a code: "%s" is transient', (message) => {
    expect(classifyFailure(new Error(message))).toEqual({ kind: 'transient', reason: 'DB_CONNECTION_LOST' });
  });

  it('a wrapped cause decides: fetch failed because of ECONNREFUSED is transient', () => {
    expect(classifyFailure(new TypeError('fetch failed', { cause: systemError('ECONNREFUSED') })).kind).toBe('transient');
  });

  describe('kafkajs', () => {
    it('MESSAGE_TOO_LARGE (an output over max.message.bytes) is permanent', () => {
      expect(classifyFailure(kafkaProtocolError('MESSAGE_TOO_LARGE', 10, false))).toEqual({ kind: 'permanent', reason: 'MESSAGE_TOO_LARGE' });
    });

    it('INVALID_RECORD is permanent', () => {
      expect(classifyFailure(kafkaProtocolError('INVALID_RECORD', 87, false)).kind).toBe('permanent');
    });

    it('an error kafkajs marks retriable (broker unreachable, no leader) is transient', () => {
      expect(classifyFailure(new KafkaJSConnectionError('Connection error: connect ECONNREFUSED')).kind).toBe('transient');
      expect(classifyFailure(kafkaProtocolError('NOT_LEADER_FOR_PARTITION', 6, true))).toEqual({ kind: 'transient', reason: 'NOT_LEADER_FOR_PARTITION' });
    });

    it('retries exceeded over a retriable error stays transient: the broker may be away for longer than kafkajs waits', () => {
      const exceeded = new KafkaJSNumberOfRetriesExceeded(new KafkaJSConnectionError('Connection timeout'), { retryCount: 5, retryTime: 3000 });
      expect(classifyFailure(exceeded).kind).toBe('transient');
    });

    it('a cluster-side refusal that kafkajs will not retry (authorisation) is transient: an operator fixes it, not the record', () => {
      expect(classifyFailure(kafkaProtocolError('TOPIC_AUTHORIZATION_FAILED', 29, false)).kind).toBe('transient');
    });
  });

  it('the pipeline\'s own errors say which they are', () => {
    expect(classifyFailure(new RetriableError('STORE_BUSY', 'busy'))).toEqual({ kind: 'transient', reason: 'STORE_BUSY' });
    expect(classifyFailure(new NonRetriableError('NO_CONTENT', 'empty'))).toEqual({ kind: 'permanent', reason: 'NO_CONTENT' });
  });

  it('a contract violation is permanent', () => {
    expect(classifyFailure(new ContractViolationError('ArticleIngestedV1', [])).kind).toBe('permanent');
  });

  it('an error nobody classified (a bug in a handler) is put on the record: permanent, so the partition goes on', () => {
    expect(classifyFailure(new TypeError("Cannot read properties of undefined (reading 'x')"))).toEqual({ kind: 'permanent', reason: 'TypeError' });
    expect(classifyFailure('a string')).toEqual({ kind: 'permanent', reason: 'UNKNOWN_ERROR' });
  });
});
