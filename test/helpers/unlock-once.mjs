// Runs one unlockTargetEcs call with the built client (dist/), prints its outcome as one JSON line with
// `leftOpen`: what `process.getActiveResourcesInfo()` still shows 100 ms after the call settled that it
// did not show before (a socket, a ref'd timer; an aborted socket takes a few ms to finish closing).
// Then lets the process end by itself: anything left open would also keep it from exiting promptly.
// Unhandled rejections make Node exit non-zero.
// Usage: node unlock-once.mjs '<client options as JSON>'
import { setTimeout as sleep } from 'node:timers/promises';
import { createSmsClient } from '../../dist/src/index.js';

const options = JSON.parse(process.argv[2]);
// Node opens the stdio pipes on first use (the call may touch stderr): open them now so that they count as before.
void [process.stdout, process.stderr];
const before = process.getActiveResourcesInfo();
const started = performance.now();
let outcome;
try {
  outcome = { result: await createSmsClient(options).unlockTargetEcs({ taskId: 'x' }) };
} catch (error) {
  outcome = { error: { name: error.name, status: error.status, bodyLength: error.body?.length, message: error.message } };
}
const elapsedMs = performance.now() - started;
/** Resource types active now beyond those active before the call. */
const opened = () => {
  const now = process.getActiveResourcesInfo();
  for (const type of before) {
    if (now.includes(type)) now.splice(now.indexOf(type), 1);
  }
  return now;
};
for (let waited = 0; opened().length > 0 && waited < 100; waited += 10) await sleep(10);
const leftOpen = opened();
process.stdout.write(`${JSON.stringify({ ...outcome, elapsedMs, leftOpen })}\n`);
