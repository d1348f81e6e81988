import type { ArticleChange } from '@eventwire/clustering';
import type { EventExtractedV1, StoryEnrichedV1 } from '@eventwire/contracts';
import { migrate } from './migrate';
import type { SqlClient } from './sql-client';

/** What one article changed: an ArticleChange, and these stories now read so. */
export interface StoryChange extends ArticleChange {
  stories: StoryEnrichedV1[];
}

export interface StoryFilter {
  /** An entity of the story has this ISO alpha-3 country (the country itself, or a place or person of it). */
  country?: string;
  /** The story names this entity id. */
  entity?: string;
  /** One of the story's events has this PLOVER type. */
  eventType?: string;
  /** The story's dates overlap [from, to] (YYYY-MM-DD). */
  from?: string;
  to?: string;
  /** Words in the title or anywhere in the record (case-insensitive). */
  text?: string;
  limit?: number;
  offset?: number;
}

export interface StoredArticle {
  articleId: string;
  storyId: string;
  event: EventExtractedV1;
}

const MAX_PAGE = 200;

/** The last item of each key: an upsert may touch a row only once per statement. */
function latestBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...new Map(items.map((item) => [key(item), item])).values()];
}

/** JSON columns come back parsed from `pg` and from PGlite alike; text only from odd drivers. */
const parsed = <T>(value: unknown): T => (typeof value === 'string' ? (JSON.parse(value) as T) : (value as T));

/**
 * The aggregator's state: every article it took (with the story it is in,
 * in arrival order) and the latest record of every story. An article is
 * taken once: `save` in one transaction inserts the article (or finds it
 * there already and changes nothing) and writes the stories it changed, so
 * a crash leaves either all of it or none, and the input offset is committed
 * only after `save` returns.
 */
export class StoryStore {
  private constructor(private readonly client: SqlClient) {}

  static async open(client: SqlClient): Promise<StoryStore> {
    await migrate(client);
    return new StoryStore(client);
  }

  get kind(): string {
    return this.client.kind;
  }

  /** The story an article was put in, or null for an article not taken yet. */
  async storyOfArticle(articleId: string): Promise<string | null> {
    const [row] = await this.client.query<{ story_id: string }>('SELECT story_id FROM articles WHERE article_id = $1', [articleId]);
    return row?.story_id ?? null;
  }

  /** Records one article's change; false (and nothing written) when the article was taken before. */
  async save(change: StoryChange): Promise<boolean> {
    return (await this.saveChunk([change], change.stories)).length === 0;
  }

  /**
   * Records a chunk of articles, in their order, in one transaction, with a
   * statement per kind of row rather than per article: the articles, the
   * merges among the stories (an article follows its story into the one it
   * was merged into) and the articles moved by cuts, then `stories` as the
   * chunk leaves them. Articles taken
   * before change nothing; a chunk of nothing but those writes nothing.
   * Returns their ids.
   */
  async saveChunk(changes: readonly ArticleChange[], stories: readonly StoryEnrichedV1[]): Promise<string[]> {
    if (changes.length === 0) return [];
    return this.client.transaction(async (tx) => {
      const inserted = await tx.query<{ article_id: string }>(
        `INSERT INTO articles (article_id, story_id, event)
         SELECT a->'event'->>'articleId', a->>'storyId', a->'event' FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(a, n) ORDER BY n
         ON CONFLICT (article_id) DO NOTHING RETURNING article_id`,
        [JSON.stringify(changes.map((c) => ({ storyId: c.storyId, event: c.article })))],
      );
      const taken = new Set(inserted.map((r) => r.article_id));
      const takenBefore = changes.filter((c) => !taken.has(c.article.articleId)).map((c) => c.article.articleId);
      if (taken.size === 0) return takenBefore;
      const applied = changes.filter((c) => taken.has(c.article.articleId));
      // In the order they were made: an article follows its story into the one it was merged into, and a cut's articles
      // move to the story cut off (a later merge of that story takes them along).
      for (const change of applied) {
        for (const { storyId, into } of change.merged) await tx.query('UPDATE articles SET story_id = $2 WHERE story_id = $1', [storyId, into]);
        for (const { storyId, articleIds } of change.moved ?? []) {
          await tx.query('UPDATE articles SET story_id = $2 WHERE article_id IN (SELECT jsonb_array_elements_text($1::jsonb))', [
            JSON.stringify(articleIds),
            storyId,
          ]);
        }
      }
      const merges = applied.flatMap((c) => c.merged);
      if (merges.length > 0) {
        await tx.query(
          `INSERT INTO stories (story_id, version, record, merged_into, updated_at)
           SELECT m->>'storyId', 0, NULL, m->>'into', now() FROM jsonb_array_elements($1::jsonb) m
           ON CONFLICT (story_id) DO UPDATE SET record = NULL, merged_into = EXCLUDED.merged_into, updated_at = now()`,
          [JSON.stringify(latestBy(merges, (m) => m.storyId))],
        );
      }
      if (stories.length > 0) {
        await tx.query(
          `INSERT INTO stories (story_id, version, record, merged_into, updated_at, date_start, date_end, num_articles)
           SELECT r->>'storyId', (r->>'version')::integer, r, NULL, (r->>'updatedAt')::timestamptz,
                  (r->'dateRange'->>'start')::date, (r->'dateRange'->>'end')::date, (r->>'numArticles')::integer
           FROM jsonb_array_elements($1::jsonb) r
           ON CONFLICT (story_id) DO UPDATE SET version = EXCLUDED.version, record = EXCLUDED.record, merged_into = NULL,
             updated_at = EXCLUDED.updated_at, date_start = EXCLUDED.date_start, date_end = EXCLUDED.date_end,
             num_articles = EXCLUDED.num_articles`,
          [JSON.stringify(latestBy(stories, (r) => r.storyId))],
        );
      }
      return takenBefore;
    });
  }

  /** Notes, in one statement, that subscribers have seen these versions. */
  async markEmitted(seen: ReadonlyArray<{ storyId: string; version: number }>): Promise<void> {
    const highest = new Map<string, number>();
    for (const { storyId, version } of seen) highest.set(storyId, Math.max(version, highest.get(storyId) ?? 0));
    if (highest.size === 0) return;
    await this.client.query(
      `UPDATE stories s SET emitted_version = GREATEST(s.emitted_version, (v->>'version')::integer)
       FROM jsonb_array_elements($1::jsonb) v WHERE s.story_id = v->>'storyId'`,
      [JSON.stringify([...highest].map(([storyId, version]) => ({ storyId, version })))],
    );
  }

  /** Stories changed since they were last published (a crash between saving and publishing leaves some): publish them again. */
  async unemitted(): Promise<StoryEnrichedV1[]> {
    const rows = await this.client.query<{ record: unknown }>(
      'SELECT record FROM stories WHERE record IS NOT NULL AND version > emitted_version ORDER BY updated_at, story_id',
    );
    return rows.map((r) => parsed<StoryEnrichedV1>(r.record));
  }

  /**
   * The newest `limit` articles, oldest first, with their stories: what a
   * restarted aggregator indexes again. Without their bodies: the index does
   * not read them, and a window of 100,000 articles would hold them all in
   * memory at once.
   */
  async recentArticles(limit: number): Promise<StoredArticle[]> {
    const rows = await this.client.query<{ article_id: string; story_id: string; event: unknown }>(
      `SELECT article_id, story_id, event - 'body' AS event FROM (SELECT * FROM articles ORDER BY seq DESC LIMIT $1) recent ORDER BY seq`,
      [limit],
    );
    return rows.map((r) => ({ articleId: r.article_id, storyId: r.story_id, event: parsed<EventExtractedV1>(r.event) }));
  }

  /** An article's record as extracted, its body (the text its spans point into) included, with the story it is in. */
  async article(articleId: string): Promise<StoredArticle | null> {
    const [row] = await this.client.query<{ article_id: string; story_id: string; event: unknown }>(
      'SELECT article_id, story_id, event FROM articles WHERE article_id = $1',
      [articleId],
    );
    return row ? { articleId: row.article_id, storyId: row.story_id, event: parsed<EventExtractedV1>(row.event) } : null;
  }

  /** A story's latest record; a merged story's id leads to the story it went into. */
  async story(storyId: string): Promise<StoryEnrichedV1 | null> {
    let id = storyId;
    for (let hops = 0; hops < 32; hops++) {
      const [row] = await this.client.query<{ record: unknown; merged_into: string | null }>(
        'SELECT record, merged_into FROM stories WHERE story_id = $1',
        [id],
      );
      if (!row) return null;
      if (row.merged_into === null) return row.record === null ? null : parsed<StoryEnrichedV1>(row.record);
      id = row.merged_into;
    }
    return null;
  }

  /** Stories matching every filter given, most recently updated first. */
  async stories(filter: StoryFilter = {}): Promise<{ stories: StoryEnrichedV1[]; total: number }> {
    const where = ['record IS NOT NULL'];
    const params: unknown[] = [];
    const param = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    if (filter.country) where.push(`record->'entities' @> ${param(JSON.stringify([{ countryCode: filter.country }]))}::jsonb`);
    if (filter.entity) {
      // The entity's id, or one of its other spellings' (v1.6): both are containment tests the record's GIN index serves.
      const id = param(JSON.stringify({ entities: [{ id: filter.entity }] }));
      const spelling = param(JSON.stringify({ entities: [{ spellings: [{ id: filter.entity }] }] }));
      where.push(`(record @> ${id}::jsonb OR record @> ${spelling}::jsonb)`);
    }
    if (filter.eventType) where.push(`record->'eventTypes' @> ${param(JSON.stringify([filter.eventType]))}::jsonb`);
    if (filter.from) where.push(`(date_end IS NULL OR date_end >= ${param(filter.from)}::date)`);
    if (filter.to) where.push(`(date_start IS NULL OR date_start <= ${param(filter.to)}::date)`);
    if (filter.text) where.push(`record::text ILIKE ${param(`%${filter.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
    const clause = where.join(' AND ');
    const [{ count }] = await this.client.query<{ count: number | string }>(`SELECT count(*) AS count FROM stories WHERE ${clause}`, params);
    const limit = Math.min(MAX_PAGE, Math.max(1, filter.limit ?? 20));
    const offset = Math.max(0, filter.offset ?? 0);
    const rows = await this.client.query<{ record: unknown }>(
      `SELECT record FROM stories WHERE ${clause} ORDER BY updated_at DESC, story_id LIMIT ${param(limit)} OFFSET ${param(offset)}`,
      params,
    );
    return { stories: rows.map((r) => parsed<StoryEnrichedV1>(r.record)), total: Number(count) };
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
