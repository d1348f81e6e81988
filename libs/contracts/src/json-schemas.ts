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
