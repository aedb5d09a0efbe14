import { inspect } from 'node:util';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createSmsClient, SmsValidationError, type SmsClient } from '../src/index.js';
import { startMockSmsServer, type MockSmsServer } from '../src/testing/mock-server.js';

let server: MockSmsServer;
beforeAll(async () => {
  server = await startMockSmsServer();
});
afterAll(() => server.close());

/** Any UTF-16 unit, lone surrogates and control characters included. */
const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));

/** Task ids from every corner: reserved and percent characters, dots, any UTF-16 unit. */
const taskIds = fc.oneof(
  fc.string({ unit: fc.constantFrom('.', '/', '%', '?', '#', ' ', ':', '+', '&', '=', '~', '!', '*', "'", '(', ')', 'a', '2', 'E') }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: anyUnit, maxLength: 300 }),
  fc.constantFrom('', '.', '..', '...', '%2e', '%2E%2E', 'x'.repeat(255), 'x'.repeat(256)),
);

/** Tokens, mostly valid ones, with spaces, controls and non-ASCII mixed in, and over-long ones. */
const tokens = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code)), minLength: 1, maxLength: 64 }),
  fc.string({ unit: anyUnit, maxLength: 64 }),
  fc.constantFrom('', 'a'.repeat(16_385), `ok-token\r\nX-Injected: 1`),
);

/** The rules, restated from the spec: 1..255 code points, well-formed, not a dot segment; 1..16384 visible ASCII. */
const isValidTaskId = (id: string) => [...id].length >= 1 && [...id].length <= 255 && id.isWellFormed() && id !== '.' && id !== '..';
const isValidToken = (token: string) => /^[\x21-\x7e]{1,16384}$/.test(token);

/** Everything a logger could print of an error. */
const renderings = (error: unknown) => [String(error), (error as Error).stack ?? '', JSON.stringify(error), inspect(error, { depth: Infinity })];

test('10,000 task ids and tokens: each is rejected before sending or arrives unchanged; no token shows up in an error', async () => {
  await fc.assert(
    fc.asyncProperty(taskIds, tokens, async (taskId, token) => {
      const before = server.requests.length;
      const sent: (string | null)[] = [];
      let sms: SmsClient | undefined;
      let outcome: unknown;
      try {
        sms = createSmsClient({
          endpoint: server.url,
          token,
          retry: false,
          fetch: (request, init) => {
            sent.push(request.headers.get('X-Auth-Token'));
            return fetch(request, init);
          },
        });
        outcome = await sms.unlockTargetEcs({ taskId });
      } catch (error) {
        outcome = error;
      }

      if (isValidToken(token) && isValidTaskId(taskId)) {
        expect(outcome).toMatchObject({ status: 200 });
        expect(server.requests).toHaveLength(before + 1);
        expect(server.requests.at(-1)!.taskId).toBe(taskId);
        expect(sent).toEqual([token]);
      } else {
        expect(outcome).toBeInstanceOf(SmsValidationError);
        expect(server.requests).toHaveLength(before);
        expect(sent).toEqual([]);
        // A short token could be a word of the message by chance; from 6 characters on it must not appear.
        if (token.length >= 6) for (const text of renderings(outcome)) expect(text).not.toContain(token);
      }
    }),
    { numRuns: 10_000 },
  );
}, 120_000);
