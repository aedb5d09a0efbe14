import { describe, expect, test } from 'vitest';
import { createSmsClient, SmsServiceError } from '../src/index.js';
import type { MockResponse } from '../src/testing/mock-server.js';
import { retryAfterMs } from '../src/transport.js';
import { mockServer } from './helpers/servers.js';

const FAST = { baseDelayMs: 1, maxDelayMs: 5_000 };

/** A mock server answering the scripted responses in turn (then 200), noting when each request came. */
async function scriptedServer(answers: MockResponse[]) {
  const arrivals: number[] = [];
  const server = await mockServer({
    respond: (_, index) => {
      arrivals.push(performance.now());
      return answers[index];
    },
  });
  return { server, arrivals };
}

describe('retries', () => {
  test('503, 503, 200 succeeds after 3 requests', async () => {
    const { server } = await scriptedServer([{ status: 503 }, { status: 503 }]);
    const sms = createSmsClient({ endpoint: server.url, token: 't', retry: FAST });

    await expect(sms.unlockTargetEcs({ taskId: 'x' })).resolves.toMatchObject({ status: 200 });
    expect(server.requests).toHaveLength(3);
  });

  test.each([429, 502, 504])('%i is retried', async (status) => {
    const { server } = await scriptedServer([{ status }]);
    const sms = createSmsClient({ endpoint: server.url, token: 't', retry: FAST });

    await expect(sms.unlockTargetEcs({ taskId: 'x' })).resolves.toMatchObject({ status: 200 });
    expect(server.requests).toHaveLength(2);
  });

  test.each([400, 403, 404, 500])('%i is not retried', async (status) => {
    const { server } = await scriptedServer([{ status, body: { error_code: 'SMS.0001', error_msg: 'no' } }]);
    const sms = createSmsClient({ endpoint: server.url, token: 't', retry: FAST });

    await expect(sms.unlockTargetEcs({ taskId: 'x' })).rejects.toMatchObject({ status, errorCode: 'SMS.0001' });
    expect(server.requests).toHaveLength(1);
  });

  test('the last retryable answer is thrown when attempts run out', async () => {
    const { server } = await scriptedServer([{ status: 503 }, { status: 503 }, { status: 503 }, {}]);
    const sms = createSmsClient({ endpoint: server.url, token: 't', retry: FAST });

    await expect(sms.unlockTargetEcs({ taskId: 'x' })).rejects.toBeInstanceOf(SmsServiceError);
    expect(server.requests).toHaveLength(3);
  });

  test('retry: false sends once', async () => {
    const { server } = await scriptedServer([{ status: 503 }]);
    const sms = createSmsClient({ endpoint: server.url, token: 't', retry: false });

    await expect(sms.unlockTargetEcs({ taskId: 'x' })).rejects.toMatchObject({ status: 503 });
    expect(server.requests).toHaveLength(1);
  });

  test('a dropped connection is retried', async () => {
    const { server } = await scriptedServer([{ drop: true }]);
    const sms = createSmsClient({ endpoint: server.url, token: 't', retry: FAST });

    await expect(sms.unlockTargetEcs({ taskId: 'x' })).resolves.toMatchObject({ status: 200 });
    expect(server.requests).toHaveLength(2);
  });

  test('a timed-out attempt is retried', async () => {
    const { server } = await scriptedServer([{ delayMs: 10_000 }]);
    const sms = createSmsClient({ endpoint: server.url, token: 't', timeoutMs: 200, retry: FAST });

    await expect(sms.unlockTargetEcs({ taskId: 'x' })).resolves.toMatchObject({ status: 200 });
    expect(server.requests).toHaveLength(2);
  });

  test('every attempt gets fresh authentication', async () => {
    const { server } = await scriptedServer([{ status: 503 }, { status: 503 }]);
    let calls = 0;
    const sms = createSmsClient({ endpoint: server.url, token: () => `token-${++calls}`, retry: FAST });

    await sms.unlockTargetEcs({ taskId: 'x' });

    expect(calls).toBe(3);
  });

  test("an error of the token function is the caller's own: passed through, not retried", async () => {
    const { server } = await scriptedServer([]);
    const vaultDown = new Error('vault unreachable');
    let calls = 0;
    const sms = createSmsClient({ endpoint: server.url, retry: FAST, token: () => {
      calls++;
      throw vaultDown;
    } });

    await expect(sms.unlockTargetEcs({ taskId: 'x' })).rejects.toBe(vaultDown);
    expect(calls).toBe(1);
    expect(server.requests).toHaveLength(0);
  });

  test('Retry-After in seconds is honoured', async () => {
    const { server, arrivals } = await scriptedServer([{ status: 429, headers: { 'Retry-After': '1' } }]);
    const sms = createSmsClient({ endpoint: server.url, token: 't', retry: FAST });

    await sms.unlockTargetEcs({ taskId: 'x' });

    expect(arrivals[1]! - arrivals[0]!).toBeGreaterThanOrEqual(950);
  });

  test('Retry-After as an HTTP date is honoured', async () => {
    const { server, arrivals } = await scriptedServer([
      { status: 503, headers: { 'Retry-After': new Date(Date.now() + 2_000).toUTCString() } },
    ]);
    const sms = createSmsClient({ endpoint: server.url, token: 't', retry: FAST });

    await sms.unlockTargetEcs({ taskId: 'x' });

    // The date has whole seconds, so the wait is between 1 and 2 s.
    expect(arrivals[1]! - arrivals[0]!).toBeGreaterThanOrEqual(950);
  });

  test('a Retry-After longer than maxDelayMs ends the retries', async () => {
    const { server } = await scriptedServer([{ status: 503, headers: { 'Retry-After': '120' } }]);
    const sms = createSmsClient({ endpoint: server.url, token: 't', retry: FAST });
    const started = performance.now();

    await expect(sms.unlockTargetEcs({ taskId: 'x' })).rejects.toMatchObject({ status: 503 });
    expect(server.requests).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('retryAfterMs', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  test.each([
    [null, undefined],
    ['3', 3_000],
    [' 0 ', 0],
    ['Thu, 01 Jan 2026 00:00:05 GMT', 5_000],
    ['Wed, 31 Dec 2025 23:59:00 GMT', 0],
    ['soon', undefined],
    ['-1', undefined],
  ])('%j → %j', (value, expected) => {
    expect(retryAfterMs(value, now)).toBe(expected);
  });
});
