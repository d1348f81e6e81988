import { Pool } from 'pg';
import type { SqlClient, SqlExecutor } from './sql-client';

/** PostgreSQL through a `pg` pool: the production store. */
export class PgClient implements SqlClient {
  readonly kind = 'postgres';
  private readonly pool: Pool;

  constructor(
    connectionString: string,
    private readonly onConnectionError: (error: Error) => void = () => undefined,
  ) {
    // A server that does not answer (host gone, packets dropped) fails the attempt after 5 s rather than never.
    this.pool = new Pool({ connectionString, max: 4, connectionTimeoutMillis: 5000 });
    // An idle connection the server ends (a restart, a failover, pg_terminate_backend) is reported here and
    // dropped by the pool; without a listener Node treats the 'error' event as fatal and the process dies.
    this.pool.on('error', (error) => this.onConnectionError(error));
  }

  async query<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    const result = await this.pool.query(sql, params as unknown[]);
    return result.rows as T[];
  }

  async transaction<R>(work: (tx: SqlExecutor) => Promise<R>): Promise<R> {
    const client = await this.pool.connect();
    // A checked-out connection that dies between two statements emits 'error' on the client, not the pool.
    let broken: Error | undefined;
    const onError = (error: Error): void => {
      broken = error;
      this.onConnectionError(error);
    };
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      const result = await work({ query: async <U>(sql: string, params: readonly unknown[] = []) => (await client.query(sql, params as unknown[])).rows as U[] });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      if (!broken) await client.query('ROLLBACK').catch(() => undefined);
      broken ??= isConnectionError(error) ? (error as Error) : undefined;
      throw error;
    } finally {
      client.off('error', onError);
      // A broken connection is destroyed rather than handed to the next transaction.
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** Errors after which a connection cannot be used again: the server ended it (class 57P, 08) or the socket closed. */
function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (code.startsWith('57P') || code.startsWith('08'))) return true;
  return error instanceof Error && /Connection terminated|ECONNRESET|EPIPE/.test(error.message);
}
