import { MIGRATIONS, Migration } from './migrations';
import type { SqlClient } from './sql-client';

/**
 * Applies the migrations not yet applied, each in its own transaction with
 * its row in `schema_migrations`. Written here rather than taken from
 * node-pg-migrate, which drives a `pg` client only: the embedded store
 * (PGlite) must run the same migrations.
 */
export async function migrate(client: SqlClient, migrations: readonly Migration[] = MIGRATIONS): Promise<string[]> {
  await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
  const done = new Set((await client.query<{ id: string }>('SELECT id FROM schema_migrations')).map((r) => r.id));
  const applied: string[] = [];
  for (const migration of migrations) {
    if (done.has(migration.id)) continue;
    await client.transaction(async (tx) => {
      for (const statement of migration.sql.split(/;\s*$/m).map((s) => s.trim()).filter(Boolean)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (id) VALUES ($1)', [migration.id]);
    });
    applied.push(migration.id);
  }
  return applied;
}
