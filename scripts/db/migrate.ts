import { migrate, openSqlClient } from '@eventwire/store';

/**
 * npm run db:migrate: applies the store's migrations to DATABASE_URL
 * (postgres://..., pglite://<dir>). The aggregator also applies them when it
 * starts; this is for operators who prepare the database first, and for CI.
 */
async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set (postgres://user@host:5432/db or pglite://<dir>)');
  const client = openSqlClient(url);
  try {
    const applied = await migrate(client);
    process.stdout.write(`${client.kind}: ${applied.length ? `applied ${applied.join(', ')}` : 'schema up to date'}\n`);
  } finally {
    await client.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`db:migrate failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
