import { getMetadataStorage } from 'class-validator';
// class-transformer's own registry of @Type targets: without it nested arrays are referenced as `Array`.
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { targetConstructorToSchema, validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { TOPIC_CONTRACTS } from './topic-contracts';

type Schema = Record<string, unknown>;

/**
 * JSON Schemas (OpenAPI 3.0 schema objects) generated from the class-validator
 * classes, so the three forms of a contract cannot drift apart. Nested classes
 * are referenced under `#/definitions/`.
 */
export function topicJsonSchemas(): Record<string, Schema> {
  const definitions = validationMetadatasToSchemas({
    classValidatorMetadataStorage: getMetadataStorage(),
    classTransformerMetadataStorage: defaultMetadataStorage,
    refPointerPrefix: '#/definitions/',
  }) as Record<string, Schema>;
  const out: Record<string, Schema> = {};
  for (const [topic, contract] of Object.entries(TOPIC_CONTRACTS)) {
    const root = targetConstructorToSchema(contract, {
      classTransformerMetadataStorage: defaultMetadataStorage,
      refPointerPrefix: '#/definitions/',
    }) as Schema;
    out[topic] = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      title: `${topic} (${contract.name})`,
      ...root,
      definitions,
    };
  }
  return out;
}

/**
 * The contracts' schemas as OpenAPI components: every topic's record and
 * the nested classes it reaches, referenced under `#/components/schemas/`,
 * for the services' OpenAPI documents to point at instead of repeating them.
 */
export function contractComponentSchemas(): Record<string, Schema> {
  const all = validationMetadatasToSchemas({
    classValidatorMetadataStorage: getMetadataStorage(),
    classTransformerMetadataStorage: defaultMetadataStorage,
    refPointerPrefix: '#/components/schemas/',
  }) as Record<string, Schema>;
  // Only what the contracts reach: the metadata storage also holds every other class-validator class loaded (configs, queries).
  const out: Record<string, Schema> = {};
  const visit = (name: string): void => {
    if (out[name] || !all[name]) return;
    out[name] = all[name];
    for (const [, ref] of JSON.stringify(all[name]).matchAll(/"#\/components\/schemas\/([^"]+)"/g)) visit(ref!);
  };
  for (const contract of Object.values(TOPIC_CONTRACTS)) visit(contract.name);
  return out;
}
