import { TOPICS } from '@eventwire/contracts';
import { topicSchemaFile } from './topic-schema-file';

describe(topicSchemaFile.name, () => {
  it('finds every topic schema by its file name', () => {
    for (const topic of Object.values(TOPICS)) expect(topicSchemaFile(`${topic}.schema.json`)).toMatchObject({ title: expect.stringContaining(topic) });
  });

  it('finds nothing for names every object inherits, or no schema file at all', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'nothing']) {
      expect(topicSchemaFile(`${name}.schema.json`)).toBeUndefined();
    }
    expect(topicSchemaFile('events.enriched.v1')).toBeUndefined();
    expect(topicSchemaFile('.schema.json')).toBeUndefined();
  });
});
