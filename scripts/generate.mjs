// npm run generate: openapi/ → generated/.
// Usage: node scripts/generate.mjs [root spec file] [generated dir]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderGeneratedFiles } from './generated-files.mjs';

const [rootFile = 'openapi/openapi.yaml', dir = 'generated'] = process.argv.slice(2);
mkdirSync(dir, { recursive: true });
for (const [name, contents] of Object.entries(await renderGeneratedFiles(rootFile))) {
  writeFileSync(join(dir, name), contents);
  console.log(`wrote ${join(dir, name)}`);
}
