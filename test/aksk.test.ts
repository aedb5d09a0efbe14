import { inspect } from 'node:util';
import { describe, expect, test } from 'vitest';
import { createSmsClient, SmsConnectionError, SmsServiceError, SmsValidationError, signRequest } from '../src/index.js';
import { mockServer, refusedEndpoint } from './helpers/servers.js';

const AK = 'AKTESTEXAMPLE0000000';
const SK = 'SKTESTEXAMPLE0000000000000000000000000000';
const KEYS = { accessKey: AK, secretKey: SK };

describe('AK/SK signing end to end', () => {
  test('the client signs, the mock server verifies', async () => {
    const server = await mockServer({ credentials: [{ ...KEYS, domainId: 'domain-1' }] });
    const sms = createSmsClient({ endpoint: server.url, credentials: { ...KEYS, domainId: 'domain-1' } });

    await expect(sms.unlockTargetEcs({ taskId: 'task-1' })).resolves.toMatchObject({ status: 200 });

    const { headers } = server.requests[0]!;
    expect(headers['x-domain-id']).toBe('domain-1');
    expect(headers['x-sdk-date']).toMatch(/^\d{8}T\d{6}Z$/);
    expect(headers.authorization).toBe(
      `SDK-HMAC-SHA256 Access=${AK}, SignedHeaders=host;x-domain-id;x-sdk-date, Signature=[REDACTED]`,
    );
  });

  test.each(['a:b', 'with space', 'ünïcödé-😀', "a/b?c#d%e&f=g'(h)*!", '~-_.'])('task id %j signs as it is sent', async (taskId) => {
    const server = await mockServer({ credentials: [{ ...KEYS, domainId: 'd' }] });
    const sms = createSmsClient({ endpoint: server.url, credentials: { ...KEYS, domainId: 'd' } });

    await expect(sms.unlockTargetEcs({ taskId })).resolves.toMatchObject({ status: 200 });
    expect(server.requests[0]!.taskId).toBe(taskId);
  });

  test('extra headers are signed too', async () => {
    const server = await mockServer({ credentials: [{ ...KEYS, domainId: 'd' }] });
    const sms = createSmsClient({ endpoint: server.url, credentials: { ...KEYS, domainId: 'd' }, headers: { 'X-Trace': 'abc' } });

    await sms.unlockTargetEcs({ taskId: 'x' });
    expect(server.requests[0]!.headers.authorization).toContain('SignedHeaders=host;x-domain-id;x-sdk-date;x-trace,');
  });

  test('a wrong secret key gets 401', async () => {
    const server = await mockServer({ credentials: [{ ...KEYS, domainId: 'd' }] });
    const sms = createSmsClient({ endpoint: server.url, credentials: { accessKey: AK, secretKey: 'wrong', domainId: 'd' } });

    const error = await sms.unlockTargetEcs({ taskId: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmsServiceError);
    expect(error).toMatchObject({ status: 401, errorCode: 'MOCK.Unauthenticated', errorMsg: 'The signature does not match.' });
  });

  test('the mock server refuses a date more than 15 minutes off', async () => {
    const server = await mockServer({ credentials: [{ ...KEYS, domainId: 'd' }] });
    const request = new Request(`${server.url}/v3/tasks/x/unlock`, { method: 'POST' });
    const credentials = { ...KEYS, domainId: 'd' };

    const stale = await fetch(await signRequest(request, credentials, { date: new Date(Date.now() - 16 * 60_000) }));
    const fresh = await fetch(await signRequest(request, credentials, { date: new Date(Date.now() - 14 * 60_000) }));

    expect(stale.status).toBe(401);
    expect(fresh.status).toBe(200);
  });

  test('every attempt is signed and verified, retries included', async () => {
    const server = await mockServer({
      credentials: [{ ...KEYS, domainId: 'd' }],
      respond: (_, index) => (index < 2 ? { status: 503 } : undefined),
    });
    const sms = createSmsClient({ endpoint: server.url, credentials: { ...KEYS, domainId: 'd' }, retry: { baseDelayMs: 1 } });

    await expect(sms.unlockTargetEcs({ taskId: 'x' })).resolves.toMatchObject({ status: 200 });
    // respond() only runs once the signature checked out.
    expect(server.requests).toHaveLength(3);
  });

  test('temporary credentials send a signed X-Security-Token, redacted in the records', async () => {
    const securityToken = 'temporary-security-token-value';
    const server = await mockServer({ credentials: [{ ...KEYS, domainId: 'd' }] });
    const sms = createSmsClient({ endpoint: server.url, credentials: { ...KEYS, domainId: 'd', securityToken } });

    await sms.unlockTargetEcs({ taskId: 'x' });

    const { headers } = server.requests[0]!;
    expect(headers['x-security-token']).toBe('[REDACTED]');
    expect(headers.authorization).toContain('SignedHeaders=host;x-domain-id;x-sdk-date;x-security-token,');
    expect(JSON.stringify(server.requests)).not.toContain(securityToken);
  });
});

describe('the IAM domain-id look-up', () => {
  test('runs once for 50 concurrent first calls and its id is sent', async () => {
    const server = await mockServer({ credentials: [{ ...KEYS, domainId: 'looked-up-domain' }] });
    const sms = createSmsClient({ endpoint: server.url, iamEndpoint: server.url, credentials: KEYS });

    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => sms.unlockTargetEcs({ taskId: `t${i}` })));

    expect(results.every((result) => result.status === 200)).toBe(true);
    const lookups = server.requests.filter((request) => request.path === '/v3/auth/domains');
    expect(lookups).toHaveLength(1);
    expect(lookups[0]!.method).toBe('GET');
    expect(lookups[0]!.headers['x-domain-id']).toBeUndefined();
    const unlocks = server.requests.filter((request) => request.taskId !== undefined);
    expect(unlocks).toHaveLength(50);
    expect(new Set(unlocks.map((request) => request.headers['x-domain-id']))).toEqual(new Set(['looked-up-domain']));

    await sms.unlockTargetEcs({ taskId: 'later' });
    expect(server.requests.filter((request) => request.path === '/v3/auth/domains')).toHaveLength(1);
  });

  test('a refused look-up says so, and is tried again on the next call', async () => {
    const server = await mockServer({ credentials: [{ ...KEYS, domainId: 'd' }] });
    const sms = createSmsClient({
      endpoint: server.url,
      iamEndpoint: await refusedEndpoint(),
      credentials: KEYS,
      retry: false,
    });

    const first = await sms.unlockTargetEcs({ taskId: 'x' }).catch((e: unknown) => e);
    const second = await sms.unlockTargetEcs({ taskId: 'x' }).catch((e: unknown) => e);

    for (const error of [first, second]) {
      expect(error).toBeInstanceOf(SmsConnectionError);
      expect((error as Error).message).toMatch(/^IAM domain look-up: Request failed: .*ECONNREFUSED/);
    }
    expect(server.requests).toHaveLength(0);
  });

  test('a look-up the IAM service refuses is an SmsServiceError that says so', async () => {
    const iam = await mockServer({ credentials: [] });
    const sms = createSmsClient({ endpoint: iam.url, iamEndpoint: iam.url, credentials: KEYS });

    const error = await sms.unlockTargetEcs({ taskId: 'x' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(SmsServiceError);
    expect(error).toMatchObject({ status: 401, errorCode: 'MOCK.Unauthenticated' });
    expect((error as Error).message).toMatch(/^IAM domain look-up: MOCK.Unauthenticated: Unknown access key\. \(HTTP 401/);
  });
});

describe('credential checks and secrets', () => {
  test.each([
    ['both token and credentials', { token: 't', credentials: KEYS }, 'token'],
    ['neither', {}, 'token'],
    ['an empty access key', { credentials: { accessKey: '', secretKey: SK } }, 'credentials.accessKey'],
    ['an empty secret key', { credentials: { accessKey: AK, secretKey: '' } }, 'credentials.secretKey'],
    ['a security token with a line feed', { credentials: { ...KEYS, securityToken: 'a\nb' } }, 'credentials.securityToken'],
    ['an iamEndpoint that is not a URL', { credentials: KEYS, iamEndpoint: 'iam' }, 'iamEndpoint'],
  ])('refuses %s at creation', (_, options, field) => {
    let error: unknown;
    try {
      createSmsClient({ region: 'cn-north-4', ...options });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SmsValidationError);
    expect(error).toMatchObject({ field });
  });

  test('the secret key and security token reach no error, client inspection or record', async () => {
    const secretKey = 'SECRET-KEY-never-to-be-seen-000000000000';
    const securityToken = 'SECURITY-TOKEN-never-to-be-seen';
    const server = await mockServer({ credentials: [{ accessKey: AK, secretKey: 'the-real-one', domainId: 'd' }] });
    const sms = createSmsClient({ endpoint: server.url, credentials: { accessKey: AK, secretKey, securityToken, domainId: 'd' } });
    const unreachable = createSmsClient({
      endpoint: await refusedEndpoint(),
      credentials: { accessKey: AK, secretKey, securityToken, domainId: 'd' },
      retry: false,
    });

    const errors = [
      await sms.unlockTargetEcs({ taskId: 'x' }).catch((e: unknown) => e),
      await unreachable.unlockTargetEcs({ taskId: 'x' }).catch((e: unknown) => e),
    ];

    expect(errors.map((error) => (error as Error).name)).toEqual(['SmsServiceError', 'SmsConnectionError']);
    const renderings = [...errors, sms, unreachable, server.requests].flatMap((value) => [
      String(value),
      (value as Error).stack ?? '',
      JSON.stringify(value) ?? '',
      inspect(value, { depth: Infinity, showHidden: true }),
    ]);
    for (const text of renderings) {
      expect(text).not.toContain(secretKey);
      expect(text).not.toContain(securityToken);
    }
  });
});
