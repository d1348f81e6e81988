import { maskSecrets } from '@eventwire/config';
import { PgClient } from './pg-client';
import { PgliteClient } from './pglite-client';
import type { SqlClient } from './sql-client';

/**
 * A client for a database URL: `postgres://` or `postgresql://` for a
 * PostgreSQL server, `pglite:///path/to/dir` (or `pglite:relative/dir`) for
 * an embedded database kept on disk, `memory:` for one that lives and dies
 * with the process. `onConnectionError` hears of server connections that
 * died (the pool replaces them; a transaction on one fails and is retried
 * by its caller).
 */
export function openSqlClient(url: string, onConnectionError?: (error: Error) => void): SqlClient {
  if (/^postgres(ql)?:\/\//.test(url)) return new PgClient(url, onConnectionError);
  if (url === 'memory:' || url === 'pglite:' || url === 'pglite://memory') return new PgliteClient();
  const pglite = /^pglite:(?:\/\/)?(.+)$/.exec(url);
  if (pglite) return new PgliteClient(pglite[1]);
  throw new Error(`unsupported database URL "${maskSecrets(url)}": use postgres://..., pglite://<dir> or memory:`);
}
