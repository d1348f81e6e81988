import { topicJsonSchemas } from '@eventwire/contracts';

let schemas: ReadonlyMap<string, object> | null = null;

/**
 * The JSON Schema served as `/v1/schemas/<topic>.schema.json`, or undefined.
 * Looked up in a Map, not an object: `constructor.schema.json` or
 * `__proto__.schema.json` must not find what every object inherits.
 */
export function topicSchemaFile(file: string): object | undefined {
  schemas ??= new Map(Object.entries(topicJsonSchemas()));
  const topic = /^(.+)\.schema\.json$/.exec(file)?.[1];
  return topic === undefined ? undefined : schemas.get(topic);
}
