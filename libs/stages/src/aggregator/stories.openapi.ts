/**
 * OpenAPI 3.1 description of the aggregator's HTTP API, served at
 * /v1/openapi.json. The records' schemas are the contracts' JSON Schemas,
 * served beside it at /v1/schemas/<topic>.schema.json and referenced rather
 * than repeated.
 */
const STORY = { $ref: '/v1/schemas/events.enriched.v1.schema.json' };
const DAY = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const ERROR = { description: 'bad request', content: { 'application/json': { schema: { type: 'object', properties: { statusCode: { type: 'integer' }, message: { type: 'string' } } } } } };

export const STORIES_OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'eventwire aggregator',
    version: '1',
    description: 'Stories clustered from the article stream: query them, read one with its articles and events, or subscribe to updates.',
  },
  paths: {
    '/v1/stories': {
      get: {
        summary: 'Stories matching every filter given, most recently updated first',
        parameters: [
          { name: 'country', in: 'query', schema: { type: 'string', pattern: '^[A-Z]{3}$' }, description: 'an entity of the story has this ISO 3166-1 alpha-3 country' },
          { name: 'entity', in: 'query', schema: { type: 'string' }, description: 'the story names this canonical entity id, e.g. org:csto' },
          { name: 'eventType', in: 'query', schema: { type: 'string' }, description: 'PLOVER event type, e.g. MOBILIZE' },
          { name: 'from', in: 'query', schema: DAY, description: 'the story’s dates reach this day or later' },
          { name: 'to', in: 'query', schema: DAY, description: 'the story’s dates start this day or earlier' },
          { name: 'q', in: 'query', schema: { type: 'string' }, description: 'text in the title or anywhere in the record' },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 200, default: 20 } },
          { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
        ],
        responses: {
          '200': {
            description: 'a page of stories',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['stories', 'total', 'limit', 'offset'],
                  properties: { stories: { type: 'array', items: STORY }, total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' } },
                },
              },
            },
          },
          '400': ERROR,
        },
      },
    },
    '/v1/stories/stream': {
      get: {
        summary: 'Live story updates as Server-Sent Events',
        description: '`event: story` carries a story record each time one is published (`id` is storyId@version); `event: deleted` carries {storyId} of a story merged into another.',
        parameters: [
          { name: 'country', in: 'query', schema: { type: 'string', pattern: '^[A-Z]{3}$' } },
          { name: 'entity', in: 'query', schema: { type: 'string' } },
        ],
        responses: {
          '200': { description: 'an event stream', content: { 'text/event-stream': { schema: { type: 'string' } } } },
          '503': { description: 'the stream has its SSE_MAX_CLIENTS subscribers' },
        },
      },
    },
    '/v1/stories/{id}': {
      get: {
        summary: 'One story with its articles and events; the id of a story merged away leads to the story it went into',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'the story', content: { 'application/json': { schema: STORY } } }, '404': { description: 'no such story' } },
      },
    },
    '/v1/audit': {
      get: {
        summary:
          'Accounting for the articles that entered in [from, to): how many entered (raw records, HTTP), were rejected and why, are in stories, ' +
          'were dead-lettered later (stage, reason), are in flight; per stage, input records processed, dead-lettered, pending and redelivered; ' +
          'balanced when every article is in exactly one story or a dead-letter topic',
        parameters: [
          { name: 'from', in: 'query', schema: { type: 'string', format: 'date-time' } },
          { name: 'to', in: 'query', schema: { type: 'string', format: 'date-time' } },
        ],
        responses: {
          '200': { description: 'the audit report (see `eventwire audit --json`), read from the topics at most AUDIT_CACHE_MS ago' },
          '400': { description: 'a bad time' },
          '401': { description: 'INGEST_API_TOKEN is set and the request has no `Authorization: Bearer <token>` with it' },
        },
      },
    },
    '/v1/articles/{id}': {
      get: {
        summary: 'One article as extracted, with the story it is in',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': {
            description: 'the article',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['articleId', 'storyId', 'article'],
                  properties: {
                    articleId: { type: 'string' },
                    storyId: { type: 'string' },
                    article: { $ref: '/v1/schemas/events.extracted.v1.schema.json' },
                  },
                },
              },
            },
          },
          '404': { description: 'no such article' },
        },
      },
    },
    '/v1/schemas/{topic}.schema.json': {
      get: {
        summary: 'The JSON Schema of a topic’s records',
        parameters: [{ name: 'topic', in: 'path', required: true, schema: { type: 'string' }, example: 'events.enriched.v1' }],
        responses: { '200': { description: 'the schema', content: { 'application/json': { schema: { type: 'object' } } } }, '404': { description: 'no such topic' } },
      },
    },
    '/livez': { get: { summary: 'Liveness: the process answers, whatever the broker and the database do', responses: { '200': { description: 'ok' } } } },
    '/healthz': { get: { summary: 'Liveness (the older name of /livez)', responses: { '200': { description: 'ok' } } } },
    '/readyz': {
      get: {
        summary: 'Readiness: articles are flowing',
        responses: {
          '200': { description: 'ready' },
          '503': { description: 'the consumer has not joined its group, or a partition waits out a transient failure (database away, table missing); `waiting` names it, the reason and since when' },
        },
      },
    },
  },
} as const;
