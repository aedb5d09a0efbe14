import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createSmsClient, SmsValidationError, type SmsClient } from '../src/index.js';
import { startMockSmsServer, type MockSmsServer } from '../src/testing/mock-server.js';

let server: MockSmsServer;
let sms: SmsClient;
beforeAll(async () => {
  server = await startMockSmsServer();
  sms = createSmsClient({ endpoint: server.url, token: 't', retry: false });
});
afterAll(() => server.close());

/** Task ids from every corner: reserved and percent characters, dots, any UTF-16 unit (lone surrogates too). */
const taskIds = fc.oneof(
  fc.string({ unit: fc.constantFrom('.', '/', '%', '?', '#', ' ', ':', '+', '&', '=', '~', '!', '*', "'", '(', ')', 'a', '2', 'E') }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 300 }),
  fc.constantFrom('', '.', '..', '...', '%2e', '%2E%2E', 'x'.repeat(255), 'x'.repeat(256)),
);

/** The rule, restated from the spec: 1..255 code points, well-formed, not a dot segment. */
function isValidTaskId(id: string): boolean {
  const length = [...id].length;
  return length >= 1 && length <= 255 && id.isWellFormed() && id !== '.' && id !== '..';
}

test('any task id is either rejected before sending or reaches the server unchanged', async () => {
  await fc.assert(
    fc.asyncProperty(taskIds, async (taskId) => {
      const before = server.requests.length;
      const outcome = await sms.unlockTargetEcs({ taskId }).catch((error: unknown) => error);
      if (isValidTaskId(taskId)) {
        expect(outcome).toMatchObject({ status: 200 });
        expect(server.requests).toHaveLength(before + 1);
        expect(server.requests.at(-1)!.taskId).toBe(taskId);
      } else {
        expect(outcome).toBeInstanceOf(SmsValidationError);
        expect(server.requests).toHaveLength(before);
      }
    }),
    { numRuns: 500 },
  );
});
