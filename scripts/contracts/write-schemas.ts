import { topicJsonSchemas } from '@eventwire/contracts';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Writes libs/contracts/schemas/<topic>.schema.json from the contract classes (npm run contracts:schemas). */
const dir = join(__dirname, '..', '..', '..', 'libs', 'contracts', 'schemas');
for (const [topic, schema] of Object.entries(topicJsonSchemas())) {
  writeFileSync(join(dir, `${topic}.schema.json`), `${JSON.stringify(schema, null, 2)}\n`);
}
