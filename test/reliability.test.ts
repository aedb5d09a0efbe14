import { spawn } from 'node:child_process';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { createSmsClient } from '../src/index.js';
import { startMockSmsServer, type MockResponse } from '../src/testing/mock-server.js';
import { mockServer, refusedEndpoint } from './helpers/servers.js';

/**
 * Runs the call in a child process against `endpoint` and reports its outcome, how long the call took,
 * what it left open (`process.getActiveResourcesInfo()`), and how long the process then took to exit by
 * itself (nothing left open: it exits at once).
 */
function unlockInChild(options: object) {
  return new Promise<{ outcome: Record<string, any>; lingerMs: number; code: number | null; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['test/helpers/unlock-once.mjs', JSON.stringify(options)]);
    let stdout = '';
    let stderr = '';
    let printedAt = 0;
    // A child still running 3 s after its answer has something left open: stop it and report the linger.
    let killer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      printedAt ||= performance.now();
      killer ??= setTimeout(() => child.kill(), 3_000);
    });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => {
      clearTimeout(killer);
      resolve({ outcome: JSON.parse(stdout), lingerMs: performance.now() - printedAt, code, stderr });
    });
  });
}

describe('fault matrix: each failure gives its documented result within timeoutMs + 500 ms, leaving nothing open', () => {
  const TEN_MB = 'x'.repeat(10 * 1024 * 1024);
  // Timeout cases use a short timeout; the others a long one, so that a timer left running would hold
  // the child process for half a minute.
  const cases: [string, MockResponse | 'refused', number, Record<string, unknown>][] = [
    ['connection refused', 'refused', 30_000, { error: { name: 'SmsConnectionError' } }],
    ['reset before headers', { drop: true }, 30_000, { error: { name: 'SmsConnectionError' } }],
    ['reset in the middle of the body', { status: 500, body: 'y'.repeat(100_000), failBody: 'reset' }, 30_000, { error: { name: 'SmsConnectionError' } }],
    ['headers never arrive', { delayMs: 60_000 }, 1_000, { error: { name: 'SmsTimeoutError' } }],
    ['body stalls', { status: 200, body: 'y'.repeat(100_000), failBody: 'stall' }, 1_000, { error: { name: 'SmsTimeoutError' } }],
    ['500 with an HTML page', { status: 500, body: '<html>oops</html>', headers: { 'Content-Type': 'text/html' } }, 30_000,
      { error: { name: 'SmsServiceError', status: 500, bodyLength: 17 } }],
    ['502 with an empty body', { status: 502 }, 30_000, { error: { name: 'SmsServiceError', status: 502, bodyLength: 0 } }],
    ['403 with a non-JSON body', { status: 403, body: 'Forbidden' }, 30_000, { error: { name: 'SmsServiceError', status: 403, bodyLength: 9 } }],
    ['429 with Retry-After', { status: 429, headers: { 'Retry-After': '1' } }, 30_000, { error: { name: 'SmsServiceError', status: 429 } }],
    ['200 with invalid JSON', { status: 200, body: '{"unlocked": tru', headers: { 'Content-Type': 'application/json' } }, 30_000,
      { result: { status: 200 } }],
    ['200 with a 10 MB body', { status: 200, body: TEN_MB }, 30_000, { result: { status: 200 } }],
    ['500 with a 10 MB body', { status: 500, body: TEN_MB }, 30_000, { error: { name: 'SmsServiceError', bodyLength: TEN_MB.length } }],
  ];

  test.each(cases)('%s', async (_, fault, timeoutMs, expected) => {
    const server = fault === 'refused' ? undefined : await mockServer({ respond: () => fault });
    const endpoint = server?.url ?? (await refusedEndpoint());

    const { outcome, lingerMs, code, stderr } = await unlockInChild({ endpoint, token: 't', timeoutMs, retry: false });

    expect(outcome).toMatchObject(expected);
    expect(outcome.leftOpen).toEqual([]); // process.getActiveResourcesInfo(): no socket, no timer
    expect(outcome.elapsedMs).toBeLessThan(Math.min(timeoutMs, 1_000) + 500);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' }); // no unhandled rejection, no warning
    expect(lingerMs).toBeLessThan(1_000);
  });
});

describe('load', () => {
  test('10,000 calls at concurrency 100: no failure, heap growth after GC under 20 MB', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const server = await startMockSmsServer({ token: 'load-token' });
    const sms = createSmsClient({ endpoint: server.url, token: 'load-token' });
    const unlockAll = async (count: number) => {
      let next = 0;
      let failures = 0;
      await Promise.all(
        Array.from({ length: 100 }, async () => {
          while (next < count) {
            next++;
            await sms.unlockTargetEcs({ taskId: `task-${next}` }).catch(() => failures++);
          }
        }),
      );
      return failures;
    };

    await unlockAll(500); // warm-up: connection pool, JIT
    server.requests.length = 0;
    gc();
    const heapBefore = process.memoryUsage().heapUsed;

    const failures = await unlockAll(10_000);
    const recorded = server.requests.length;
    server.requests.length = 0; // the mock server's own records are not the client's memory
    gc();
    const growth = process.memoryUsage().heapUsed - heapBefore;
    await server.close();

    expect(failures).toBe(0);
    expect(recorded).toBe(10_000);
    expect(growth).toBeLessThan(20 * 1024 * 1024);
  }, 120_000);
});
