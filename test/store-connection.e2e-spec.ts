import { openSqlClient } from '@eventwire/store';
import { Client } from 'pg';
import { ADMIN_DATABASE_URL, createTestDatabase, TestDatabase } from './support/test-database';

/** Ends every server connection to the database but the admin's own, as a restart or failover does. */
async function terminateConnections(database: string): Promise<number> {
  const admin = new Client({ connectionString: ADMIN_DATABASE_URL });
  await admin.connect();
  try {
    const rows = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database]);
    return rows.rowCount ?? 0;
  } finally {
    await admin.end();
  }
}

describe('the store on a real PostgreSQL when its connections are cut', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  it('survives pg_terminate_backend on idle and busy connections, says so, and works on with new ones', async () => {
    const lost: Error[] = [];
    const client = openSqlClient(db.url, (error) => lost.push(error));
    const name = new URL(db.url).pathname.slice(1);
    try {
      await client.query('CREATE TABLE t (n int)');
      await client.transaction(async (tx) => tx.query('INSERT INTO t VALUES (1)'));

      // Idle connections in the pool: the pool reports and drops them (no unhandled 'error' event).
      expect(await terminateConnections(name)).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, 200));
      expect(lost.length).toBeGreaterThan(0);
      expect(await client.query<{ n: number }>('SELECT n FROM t')).toEqual([{ n: 1 }]);

      // A connection cut inside a transaction: that transaction fails, the next one gets a live connection.
      const busy = client
        .transaction(async (tx) => {
          await tx.query('INSERT INTO t VALUES (2)');
          await tx.query('SELECT pg_sleep(5)');
        })
        .then(
          () => 'committed',
          (error: Error) => error.message,
        );
      await new Promise((r) => setTimeout(r, 500));
      await terminateConnections(name);
      expect(await busy).toMatch(/terminating connection/);
      await client.transaction(async (tx) => tx.query('INSERT INTO t VALUES (3)'));
      expect((await client.query<{ n: number }>('SELECT n FROM t ORDER BY n')).map((r) => r.n)).toEqual([1, 3]);
    } finally {
      await client.close();
    }
  });
});
