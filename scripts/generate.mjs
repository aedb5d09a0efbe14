// npm run generate: openapi/ → generated/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderGeneratedFiles } from './generated-files.mjs';

mkdirSync('generated', { recursive: true });
for (const [name, contents] of Object.entries(await renderGeneratedFiles())) {
  writeFileSync(join('generated', name), contents);
  console.log(`wrote generated/${name}`);
}
