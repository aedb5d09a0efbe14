import { describe, expect, test } from 'vitest';
import { createSmsClient, SmsServiceError } from '../src/index.js';
import { loadSpec, resolve, type Operation, type ResponseObject } from '../src/testing/spec.js';
import { mockServer } from './helpers/servers.js';

const TOKEN = 'MIIT-test-token-0123456789';
const TASK_ID = '7a9a9540-ff28-4869-b9e4-855fbe12xxxx';

const spec = loadSpec();
const operation = spec.paths['/v3/tasks/{task_id}/unlock']!.post as Operation;
const sourceForbiddenExample = resolve<ResponseObject>(spec, operation.responses['403']!, []).value.content![
  'application/json'
]!.example as Record<string, unknown>;

describe('unlockTargetEcs', () => {
  test('sends POST /v3/tasks/{task_id}/unlock with the token and resolves to the status and request id', async () => {
    const server = await mockServer({ token: TOKEN, respond: () => ({ headers: { 'X-Request-Id': 'req-123' } }) });
    const sms = createSmsClient({ endpoint: server.url, token: TOKEN });

    await expect(sms.unlockTargetEcs({ taskId: TASK_ID })).resolves.toEqual({ status: 200, requestId: 'req-123', body: '{}' });

    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({
      method: 'POST',
      path: `/v3/tasks/${TASK_ID}/unlock`,
      taskId: TASK_ID,
      headers: { 'x-auth-token': '[REDACTED]' },
    });
    expect(server.requests[0]!.headers['content-type']).toBeUndefined();
  });

  test('sends a task id with reserved characters as one percent-encoded segment', async () => {
    const server = await mockServer();
    const sms = createSmsClient({ endpoint: server.url, token: TOKEN });

    await sms.unlockTargetEcs({ taskId: "a/b?c#d %:'(x)*!" });

    expect(server.requests[0]!.path).toBe('/v3/tasks/a%2Fb%3Fc%23d%20%25%3A%27%28x%29%2A%21/unlock');
    expect(server.requests[0]!.taskId).toBe("a/b?c#d %:'(x)*!");
  });

  test('keeps a path prefix of the endpoint', async () => {
    const server = await mockServer();
    const sms = createSmsClient({ endpoint: `${server.url}/prefix/`, token: TOKEN });

    await expect(sms.unlockTargetEcs({ taskId: TASK_ID })).rejects.toMatchObject({ status: 404 });
    expect(server.requests[0]!.path).toBe(`/prefix/v3/tasks/${TASK_ID}/unlock`);
  });

  test('any 2xx counts as unlocked; its body is kept as sent, JSON or not', async () => {
    const bodies = ['OK', undefined, { job: 'j-1' }];
    const server = await mockServer({ respond: (_, index) => ({ status: index === 1 ? 204 : 200, body: bodies[index] }) });
    const sms = createSmsClient({ endpoint: server.url, token: TOKEN });

    await expect(sms.unlockTargetEcs({ taskId: TASK_ID })).resolves.toMatchObject({ status: 200, body: 'OK' });
    await expect(sms.unlockTargetEcs({ taskId: TASK_ID })).resolves.toMatchObject({ status: 204, body: '' });
    await expect(sms.unlockTargetEcs({ taskId: TASK_ID })).resolves.toMatchObject({ status: 200, body: '{"job":"j-1"}' });
  });

  test('sends the extra headers of the client', async () => {
    const server = await mockServer();
    const sms = createSmsClient({ endpoint: server.url, token: TOKEN, headers: { 'X-Trace': 'abc' } });

    await sms.unlockTargetEcs({ taskId: TASK_ID });

    expect(server.requests[0]!.headers['x-trace']).toBe('abc');
  });

  test('asks a token function again for every call', async () => {
    const server = await mockServer({ token: 'second' });
    const tokens = ['first', 'second'];
    const sms = createSmsClient({ endpoint: server.url, token: async () => tokens.shift()! });

    await expect(sms.unlockTargetEcs({ taskId: TASK_ID })).rejects.toMatchObject({ status: 403 });
    await expect(sms.unlockTargetEcs({ taskId: TASK_ID })).resolves.toMatchObject({ status: 200 });
  });
});

describe('service errors', () => {
  test("403 with the source's body fills every field", async () => {
    const server = await mockServer({ token: 'the-right-token' });
    const sms = createSmsClient({ endpoint: server.url, token: 'a-wrong-token' });

    const error = await sms.unlockTargetEcs({ taskId: TASK_ID }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(SmsServiceError);
    const serviceError = error as SmsServiceError;
    expect(serviceError).toMatchObject({
      name: 'SmsServiceError',
      status: 403,
      errorCode: 'SMS.9004',
      errorMsg: sourceForbiddenExample.error_msg,
      encodedAuthorizationMessage: 'XXXXXX',
      errorParams: ['You do not have permission to perform action XXX on resource XXX.'],
      details: [{ errorCode: 'SMS.9004', errorMsg: 'You do not have permission to perform action XXX on resource XXX.' }],
      body: undefined,
    });
    expect(serviceError.requestId).toMatch(/^[0-9a-f]{32}$/);
    expect(serviceError.message).toBe(
      `SMS.9004: ${String(sourceForbiddenExample.error_msg)} (HTTP 403, request ${serviceError.requestId})`,
    );
  });

  test('an HTML 502 page is kept as the raw body', async () => {
    const html = '<html><body><h1>502 Bad Gateway</h1></body></html>';
    const server = await mockServer({
      respond: () => ({ status: 502, body: html, headers: { 'Content-Type': 'text/html' } }),
    });
    const sms = createSmsClient({ endpoint: server.url, token: TOKEN, retry: false });

    const error = (await sms.unlockTargetEcs({ taskId: TASK_ID }).catch((e: unknown) => e)) as SmsServiceError;

    expect(error).toBeInstanceOf(SmsServiceError);
    expect(error).toMatchObject({ status: 502, body: html, errorCode: undefined, errorParams: [], details: [] });
    expect(error.message).toMatch(/^HTTP 502, request [0-9a-f]{32}$/);
  });

  test('an empty error body is an empty string, not lost', async () => {
    const server = await mockServer({ respond: () => ({ status: 500 }) });
    const sms = createSmsClient({ endpoint: server.url, token: TOKEN });

    await expect(sms.unlockTargetEcs({ taskId: TASK_ID })).rejects.toMatchObject({ status: 500, body: '' });
  });

  test('JSON that is not the envelope is kept as text', async () => {
    const server = await mockServer({ respond: () => ({ status: 500, body: { message: 'boom' } }) });
    const sms = createSmsClient({ endpoint: server.url, token: TOKEN });

    await expect(sms.unlockTargetEcs({ taskId: TASK_ID })).rejects.toMatchObject({ body: '{"message":"boom"}' });
  });
});

describe('sms.raw', () => {
  test('is the openapi-fetch client over the same auth and path rules', async () => {
    const server = await mockServer({ token: TOKEN });
    const sms = createSmsClient({ endpoint: server.url, token: TOKEN });

    const { data, error, response } = await sms.raw.POST('/v3/tasks/{task_id}/unlock', {
      params: { path: { task_id: 'a b' } },
    });

    expect(response.status).toBe(200);
    expect(data).toEqual({});
    expect(error).toBeUndefined();
    expect(server.requests[0]!.path).toBe('/v3/tasks/a%20b/unlock');
  });

  test('rejects a dot segment before sending', async () => {
    const server = await mockServer();
    const sms = createSmsClient({ endpoint: server.url, token: TOKEN });

    await expect(
      sms.raw.POST('/v3/tasks/{task_id}/unlock', { params: { path: { task_id: '..' } } }),
    ).rejects.toMatchObject({ name: 'SmsValidationError', field: 'taskId' });
    expect(server.requests).toHaveLength(0);
  });
});
