/** The little of SQL the store needs, over PostgreSQL (`pg`) or PGlite alike. */
export interface SqlClient {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs `work` in one transaction: all its statements take effect, or none. */
  transaction<R>(work: (tx: SqlExecutor) => Promise<R>): Promise<R>;
  close(): Promise<void>;
  /** `postgres` or `pglite`, for logs. */
  readonly kind: string;
}

export interface SqlExecutor {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}
