// Runs the pinned Redocly CLI with telemetry and update checks off.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const cli = require.resolve('@redocly/cli/bin/cli.js');
const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };

/** With `quiet`, Redocly's chatter (and its Node.js 20 notice) is shown only when the command fails. */
export function redocly(args, { quiet = false } = {}) {
  try {
    execFileSync(process.execPath, [cli, ...args], { env, stdio: quiet ? 'pipe' : 'inherit' });
  } catch (error) {
    if (quiet) process.stderr.write(`${error.stdout ?? ''}${error.stderr ?? ''}`);
    throw new Error(`redocly ${args[0]} failed (exit ${error.status})`);
  }
}
