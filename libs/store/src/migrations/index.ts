/**
 * The store's schema, one migration per step, applied in order and recorded
 * in `schema_migrations`. Never edit an applied migration: add the next.
 */
export interface Migration {
  id: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    id: '001-articles-and-stories',
    sql: `
      CREATE TABLE articles (
        article_id  text PRIMARY KEY,
        seq         bigserial NOT NULL UNIQUE,
        story_id    text NOT NULL,
        event       jsonb NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX articles_story_id ON articles (story_id);

      CREATE TABLE stories (
        story_id        text PRIMARY KEY,
        version         integer NOT NULL,
        record          jsonb,
        merged_into     text,
        updated_at      timestamptz NOT NULL,
        date_start      date,
        date_end        date,
        num_articles    integer NOT NULL DEFAULT 0,
        emitted_version integer NOT NULL DEFAULT 0
      );
      CREATE INDEX stories_date_end ON stories (date_end DESC NULLS LAST);
      CREATE INDEX stories_updated_at ON stories (updated_at DESC);
      CREATE INDEX stories_record ON stories USING gin (record jsonb_path_ops);
    `,
  },
];
