// Fails when generated/ no longer matches openapi/ (the spec changed and `npm run generate` was not run).
// Usage: node scripts/check-generated.mjs [root spec file] [generated dir]
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderGeneratedFiles } from './generated-files.mjs';

const [rootFile = 'openapi/openapi.yaml', dir = 'generated'] = process.argv.slice(2);
const stale = [];
for (const [name, expected] of Object.entries(await renderGeneratedFiles(rootFile))) {
  const file = join(dir, name);
  if (!existsSync(file) || readFileSync(file, 'utf8') !== expected) stale.push(file);
}
if (stale.length > 0) {
  console.error(`Stale generated files (the spec changed since they were generated): ${stale.join(', ')}`);
  console.error('Run `npm run generate` and commit the result.');
  process.exit(1);
}
console.log(`${dir}/ matches ${rootFile}`);
