import { openStoreWhenReachable } from '@eventwire/stages';
import { openSqlClient } from '@eventwire/store';
import { AddressInfo, createServer, Server, Socket, connect } from 'node:net';
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

/** A TCP port that refuses connections until `open()`, then forwards them to PostgreSQL: a database that comes up after the aggregator. */
async function lateDatabase(target: URL): Promise<{ port: number; open: () => Promise<void>; close: () => Promise<void> }> {
  // Reserve a free port, then let it go: nothing listens there until open().
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((r) => probe.close(() => r()));
  let server: Server | null = null;
  const sockets = new Set<Socket>();
  return {
    port,
    open: () =>
      new Promise<void>((resolve) => {
        server = createServer((socket) => {
          const upstream = connect(Number(target.port || 5432), target.hostname);
          sockets.add(socket).add(upstream);
          socket.pipe(upstream).pipe(socket);
          socket.on('error', () => upstream.destroy());
          upstream.on('error', () => socket.destroy());
        });
        server.listen(port, '127.0.0.1', () => resolve());
      }),
    close: async () => {
      for (const s of sockets) s.destroy();
      if (server) await new Promise<void>((r) => server!.close(() => r()));
    },
  };
}

describe('the aggregator\'s store when the database is not there at start-up', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  it('waits for it with backoff, saying so, and opens the store with its schema once it answers', async () => {
    const target = new URL(db.url);
    const late = await lateDatabase(target);
    const url = new URL(db.url);
    url.hostname = '127.0.0.1';
    url.port = String(late.port);
    const client = openSqlClient(url.toString());
    const said: string[] = [];
    const logger = { warn: (m: string) => void said.push(m), log: (m: string) => void said.push(m) };
    try {
      const opening = openStoreWhenReachable(client, logger, []);
      // Two refused attempts (at 0 and 0.5 s), then the database comes up before the third (at 1.5 s).
      await new Promise((r) => setTimeout(r, 1000));
      await late.open();
      const store = await opening;
      expect(said.filter((m) => m.startsWith('database not reachable at start-up (ECONNREFUSED: ')).length).toBeGreaterThanOrEqual(2);
      expect(said.at(-1)).toMatch(/^database reached after \d+ failed attempts/);
      // The schema is there: the store answers.
      expect(await store.storyOfArticle('no-such-article')).toBeNull();
    } finally {
      await client.close();
      await late.close();
    }
  });

  it('waits for a database that is not created yet (SQLSTATE 3D000), saying why, and opens it once it is', async () => {
    const name = `eventwire_late_${Date.now().toString(36)}`;
    const url = new URL(db.url);
    url.pathname = `/${name}`;
    const client = openSqlClient(url.toString());
    const said: string[] = [];
    const admin = new Client({ connectionString: ADMIN_DATABASE_URL });
    await admin.connect();
    try {
      const opening = openStoreWhenReachable(client, { warn: (m: string) => void said.push(m), log: (m: string) => void said.push(m) }, []);
      while (!said.some((m) => m.includes(`(SQLSTATE_3D000: database "${name}" does not exist)`))) await new Promise((r) => setTimeout(r, 100));
      await admin.query(`CREATE DATABASE ${name}`);
      const store = await opening;
      expect(await store.storyOfArticle('no-such-article')).toBeNull();
      expect(said.at(-1)).toMatch(/^database reached after/);
    } finally {
      await client.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
