import { PGlite } from '@electric-sql/pglite';
import { mkdirSync } from 'node:fs';
import type { SqlClient, SqlExecutor } from './sql-client';

/**
 * PGlite: PostgreSQL compiled to WebAssembly, in this process. The same SQL
 * as the server, with no server to run: the default for a single process.
 * `dataDir` keeps the database on disk; without it, it lives in memory.
 */
export class PgliteClient implements SqlClient {
  readonly kind = 'pglite';
  private readonly db: PGlite;

  constructor(dataDir?: string) {
    // PGlite makes its own folder but not the ones above it (./data/aggregator on a fresh checkout).
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    this.db = new PGlite(dataDir);
  }

  async query<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    const result = await this.db.query<T>(sql, params as unknown[]);
    return result.rows;
  }

  async transaction<R>(work: (tx: SqlExecutor) => Promise<R>): Promise<R> {
    return this.db.transaction(async (tx) => work({ query: async <U>(sql: string, params: readonly unknown[] = []) => (await tx.query<U>(sql, params as unknown[])).rows }));
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}
