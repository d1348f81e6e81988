import SwaggerParser from '@apidevtools/swagger-parser';
import { randomBytes } from 'node:crypto';
import { freePort, ServiceName, ServiceProcess, waitFor } from './support/service-process';

interface OpenApi {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, unknown> };
}

/**
 * Every route the service mapped, from Nest's own start-up log (`Mapped
 * {/v1/stories/:id, GET} route`), as OpenAPI spells it: what a client can
 * call. The document and its UI are served by the swagger module outside
 * Nest's router, so they are not among them.
 */
function mappedRoutes(logs: string): string[] {
  const out = new Set<string>();
  for (const [, path, method] of logs.matchAll(/Mapped \{([^,}]+), (\w+)\} route/g)) out.add(`${method!.toLowerCase()} ${path!.replace(/:(\w+)/g, '{$1}')}`);
  return [...out].sort();
}

const documented = (doc: OpenApi): string[] =>
  Object.entries(doc.paths)
    .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method} ${path}`))
    .sort();

/**
 * Both HTTP services' OpenAPI documents are generated from their
 * controllers: each is valid OpenAPI 3 (the validator dereferences every
 * $ref, so the contracts' schemas are in it), names every route the app
 * maps, and comes with Swagger UI at /docs whose assets the service serves
 * itself.
 */
describe.each([
  {
    service: 'ingestor' as ServiceName,
    env: {} as Record<string, string>,
    routes: ['post /v1/articles', 'post /v1/articles/batch', 'get /readyz', 'get /metrics'],
    schemas: ['RawArticleV1Dto', 'BatchResultDto'],
  },
  {
    service: 'aggregator' as ServiceName,
    env: { DATABASE_URL: 'memory:' } as Record<string, string>,
    routes: ['get /v1/stories', 'get /v1/stories/{id}', 'get /v1/stories/stream', 'get /v1/articles/{id}', 'get /v1/audit', 'get /v1/schemas/{file}'],
    // TitleTranslationDto: reached only through the stories' and events' `titleTranslation` (v1.4 and v1.7).
    schemas: ['StoryEnrichedV1Dto', 'EventExtractedV1Dto', 'TitleTranslationDto'],
  },
])('the $service OpenAPI document', ({ service, env, routes, schemas }) => {
  let running: ServiceProcess;
  let base = '';
  let doc: OpenApi;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const prefix = `openapi-${randomBytes(4).toString('hex')}.`;
    running = new ServiceProcess(service, { ...env, KAFKA_BROKERS: process.env.KAFKA_BROKERS!, KAFKA_TOPIC_PREFIX: prefix, HTTP_PORT: String(port), LOG_LEVEL: 'log' });
    await waitFor(`the ${service}`, async () => ((await fetch(`${base}/livez`).catch(() => undefined))?.ok ? true : undefined), 120_000);
    const response = await fetch(`${base}/v1/openapi.json`);
    expect(response.status).toBe(200);
    doc = (await response.json()) as OpenApi;
  });

  afterAll(async () => {
    await running?.stop();
  });

  it('is valid OpenAPI 3, its schemas resolved', async () => {
    expect(doc.openapi).toMatch(/^3\./);
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeDefined();
    expect(Object.keys(doc.components?.schemas ?? {})).toEqual(expect.arrayContaining(schemas));
  });

  it('documents every route the app maps, and only those', () => {
    const mapped = mappedRoutes(running.logs());
    expect(mapped).toEqual(expect.arrayContaining(routes));
    expect(documented(doc)).toEqual(mapped);
  });

  it('serves Swagger UI at /docs from its own assets, loading nothing from elsewhere', async () => {
    const page = await fetch(`${base}/docs`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('swagger-ui-bundle.js');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    const init = await (await fetch(`${base}/docs/swagger-ui-init.js`)).text();
    expect(init).toContain('"validatorUrl": null');
    const bundle = await fetch(`${base}/docs/swagger-ui-bundle.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toContain('javascript');
  });
});
