import { inspect } from 'node:util';
import { describe, expect, test } from 'vitest';
import { createSmsClient, SmsError } from '../src/index.js';
import { mockServer, refusedEndpoint } from './helpers/servers.js';

const SECRET = 'MIIZ-secret-token-do-not-leak-4f1c';

/** Everything a logger could print of a value. */
function renderings(value: unknown): string[] {
  const error = value as Error;
  return [
    String(value),
    error?.message ?? '',
    error?.stack ?? '',
    JSON.stringify(value) ?? '',
    inspect(value, { depth: Infinity, showHidden: true }),
  ];
}

function expectNoSecret(value: unknown) {
  for (const text of renderings(value)) expect(text).not.toContain(SECRET);
}

describe('the token never leaks', () => {
  test('into service, timeout and connection errors, nor the client object', async () => {
    const server = await mockServer({
      token: 'another-token',
      respond: () => ({ delayMs: 60_000 }),
    });
    const forbidden = createSmsClient({ endpoint: server.url, token: SECRET });
    const accepted = await mockServer({ respond: () => ({ delayMs: 60_000 }) });
    const slow = createSmsClient({ endpoint: accepted.url, token: SECRET, timeoutMs: 100, retry: false });
    const refused = createSmsClient({ endpoint: await refusedEndpoint(), token: () => SECRET, retry: false });

    const errors = await Promise.all([
      forbidden.unlockTargetEcs({ taskId: 'x' }).catch((e: unknown) => e),
      slow.unlockTargetEcs({ taskId: 'x' }).catch((e: unknown) => e),
      refused.unlockTargetEcs({ taskId: 'x' }).catch((e: unknown) => e),
    ]);

    expect(errors.map((error) => (error as Error).name)).toEqual(['SmsServiceError', 'SmsTimeoutError', 'SmsConnectionError']);
    for (const error of errors) expectNoSecret(error);
    for (const client of [forbidden, slow, refused]) expectNoSecret(client);
  });

  test('into validation errors about the token itself', async () => {
    const server = await mockServer();
    const errors = [
      (() => {
        try {
          createSmsClient({ endpoint: server.url, token: `${SECRET}\n` });
        } catch (error) {
          return error;
        }
      })(),
      await createSmsClient({ endpoint: server.url, token: async () => `${SECRET} ` })
        .unlockTargetEcs({ taskId: 'x' })
        .catch((e: unknown) => e),
    ];
    for (const error of errors) {
      expect(error).toBeInstanceOf(SmsError);
      expectNoSecret(error);
    }
  });

  test('into what the mock server records', async () => {
    const server = await mockServer();
    await createSmsClient({ endpoint: server.url, token: SECRET }).unlockTargetEcs({ taskId: 'x' });

    expect(server.requests[0]!.headers['x-auth-token']).toBe('[REDACTED]');
    expectNoSecret(server.requests);
  });
});
