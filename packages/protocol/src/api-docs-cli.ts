import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiDocumentFiles } from './api-docs.ts';

/** `npm run -s api-docs`: regenerates docs/api/openapi.json and docs/api/asyncapi.json. */
const dir = fileURLToPath(new URL('../../../docs/api/', import.meta.url));
for (const [name, text] of Object.entries(apiDocumentFiles())) {
  writeFileSync(path.join(dir, name), text);
  process.stdout.write(`wrote ${path.join(dir, name)}\n`);
}
