// Runs one unlockTargetEcs call with the built client (dist/), prints its outcome as one JSON line,
// then lets the process end by itself: if anything the call started were left open (a socket, a ref'd
// timer), the process would not exit promptly. Unhandled rejections make Node exit non-zero.
// Usage: node unlock-once.mjs '<client options as JSON>'
import { createSmsClient } from '../../dist/src/index.js';

const options = JSON.parse(process.argv[2]);
const started = performance.now();
let outcome;
try {
  outcome = { result: await createSmsClient(options).unlockTargetEcs({ taskId: 'x' }) };
} catch (error) {
  outcome = { error: { name: error.name, status: error.status, bodyLength: error.body?.length, message: error.message } };
}
process.stdout.write(`${JSON.stringify({ ...outcome, elapsedMs: performance.now() - started })}\n`);
