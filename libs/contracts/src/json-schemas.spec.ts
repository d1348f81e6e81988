import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { topicJsonSchemas } from './json-schemas';
import { TOPICS } from './topics';

describe(topicJsonSchemas.name, () => {
  const schemas = topicJsonSchemas();

  it('has a schema for every topic, requiring the contract fields', () => {
    expect(Object.keys(schemas).sort()).toEqual(Object.values(TOPICS).sort());
    const extracted = schemas[TOPICS.eventsExtracted] as { required: string[] };
    expect(extracted.required).toEqual(expect.arrayContaining(['articleId', 'eventDate', 'entities', 'quantities', 'actors']));
    const enriched = schemas[TOPICS.eventsEnriched] as { required: string[] };
    expect(enriched.required).toEqual(expect.arrayContaining(['storyId', 'version', 'numSources', 'dateRange']));
  });

  it('matches the committed schema files (regenerate with npm run contracts:schemas)', () => {
    for (const [topic, schema] of Object.entries(schemas)) {
      const committed = JSON.parse(readFileSync(join(__dirname, '..', 'schemas', `${topic}.schema.json`), 'utf8'));
      expect(committed).toEqual(JSON.parse(JSON.stringify(schema)));
    }
  });
});
