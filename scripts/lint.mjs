// npm run lint: Redocly on the multi-file spec, then Spectral (spectral:oas, OWASP, the project's own
// rules) on its bundle; Spectral's resolver mis-reads the path file's `{task_id}` name (see .spectral.yaml).
// Exits non-zero on any error or warning from either.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleSpec } from './generated-files.mjs';
import { redocly } from './redocly.mjs';

const require = createRequire(import.meta.url);
const spectral = require.resolve('@stoplight/spectral-cli/dist/index.js');

try {
  redocly(['lint', '--format', 'stylish']);
  const dir = mkdtempSync(join(tmpdir(), 'sms-lint-'));
  try {
    const bundled = join(dir, 'openapi.json');
    writeFileSync(bundled, JSON.stringify(bundleSpec('openapi/openapi.yaml'), null, 2));
    execFileSync(
      process.execPath,
      [spectral, 'lint', '--ruleset', '.spectral.yaml', '--fail-severity', 'warn', bundled],
      { stdio: 'inherit' },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
} catch {
  process.exit(1);
}
