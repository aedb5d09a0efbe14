import { describe, expect, test } from 'vitest';
import { createSmsClient, SmsConnectionError, SmsTimeoutError } from '../src/index.js';
import { mockServer, refusedEndpoint } from './helpers/servers.js';

describe('timeouts', () => {
  test('a server that never answers gives SmsTimeoutError close to timeoutMs', async () => {
    const server = await mockServer({ respond: () => ({ delayMs: 60_000 }) });
    const sms = createSmsClient({ endpoint: server.url, token: 't', timeoutMs: 300, retry: false });
    const started = performance.now();

    const error = await sms.unlockTargetEcs({ taskId: 'x' }).catch((e: unknown) => e);

    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(SmsTimeoutError);
    expect(error).toMatchObject({ name: 'SmsTimeoutError', timeoutMs: 300 });
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(800);
  });

  test('a per-call timeoutMs overrides the client one', async () => {
    const server = await mockServer({ respond: () => ({ delayMs: 60_000 }) });
    const sms = createSmsClient({ endpoint: server.url, token: 't', timeoutMs: 30_000, retry: false });

    await expect(sms.unlockTargetEcs({ taskId: 'x' }, { timeoutMs: 200 })).rejects.toMatchObject({ timeoutMs: 200 });
  });

  test('each attempt has its own timeout', async () => {
    const server = await mockServer({ respond: () => ({ delayMs: 60_000 }) });
    const sms = createSmsClient({
      endpoint: server.url,
      token: 't',
      timeoutMs: 200,
      retry: { attempts: 3, baseDelayMs: 1 },
    });

    await expect(sms.unlockTargetEcs({ taskId: 'x' })).rejects.toBeInstanceOf(SmsTimeoutError);
    expect(server.requests).toHaveLength(3);
  });
});

describe('caller aborts', () => {
  test('abort mid-request rejects with the signal reason, untouched, and stops retries', async () => {
    const server = await mockServer({ respond: () => ({ delayMs: 60_000 }) });
    const sms = createSmsClient({ endpoint: server.url, token: 't', timeoutMs: 10_000 });
    const controller = new AbortController();
    const reason = new DOMException('the user went away', 'AbortError');
    setTimeout(() => controller.abort(reason), 100);

    const error = await sms.unlockTargetEcs({ taskId: 'x' }, { signal: controller.signal }).catch((e: unknown) => e);

    expect(error).toBe(reason);
    await new Promise((done) => setTimeout(done, 100));
    expect(server.requests).toHaveLength(1);
  });

  test('abort during the backoff rejects at once without another attempt', async () => {
    const server = await mockServer({ respond: () => ({ status: 503, headers: { 'Retry-After': '5' } }) });
    const sms = createSmsClient({ endpoint: server.url, token: 't' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const started = performance.now();

    const error = await sms.unlockTargetEcs({ taskId: 'x' }, { signal: controller.signal }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('AbortError');
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(server.requests).toHaveLength(1);
  });

  test('an already aborted signal sends nothing', async () => {
    const server = await mockServer();
    const sms = createSmsClient({ endpoint: server.url, token: 't' });
    const reason = new Error('cancelled');

    await expect(sms.unlockTargetEcs({ taskId: 'x' }, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(server.requests).toHaveLength(0);
  });
});

describe('connection errors', () => {
  test('a refused port gives SmsConnectionError with the cause kept', async () => {
    const sms = createSmsClient({ endpoint: await refusedEndpoint(), token: 't', retry: false });

    const error = await sms.unlockTargetEcs({ taskId: 'x' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(SmsConnectionError);
    expect((error as Error).message).toMatch(/ECONNREFUSED/);
    expect((error as Error).cause).toBeInstanceOf(Error);
  });

  test('a refused port is retried, then reported', async () => {
    let attempts = 0;
    const sms = createSmsClient({
      endpoint: await refusedEndpoint(),
      token: 't',
      retry: { baseDelayMs: 1 },
      fetch: (request) => {
        attempts++;
        return fetch(request);
      },
    });

    await expect(sms.unlockTargetEcs({ taskId: 'x' })).rejects.toBeInstanceOf(SmsConnectionError);
    expect(attempts).toBe(3);
  });
});
