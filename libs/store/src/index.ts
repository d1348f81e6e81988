/**
 * The story store: a SQL client over Postgres or PGlite, migrations, and the StoryStore
 * the aggregator writes and the page reads.
 */
export type { SqlClient } from './sql-client';
export { openSqlClient } from './open-store';
export { migrate } from './migrate';
export { StoryStore } from './story-store';
export type { StoryFilter } from './story-store';
