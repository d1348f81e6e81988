import { Client } from 'pg';
import { randomBytes } from 'node:crypto';

/** The PostgreSQL server the integration tests use; CI and this machine run one on 127.0.0.1:5432 with trust auth. */
export const ADMIN_DATABASE_URL = process.env.EVENTWIRE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh database on the test server, so runs and tests never see each other's stories. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `eventwire_e2e_${randomBytes(5).toString('hex')}`;
  const admin = new Client({ connectionString: ADMIN_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new Client({ connectionString: ADMIN_DATABASE_URL });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
