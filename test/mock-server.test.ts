import { request as httpRequest } from 'node:http';
import { describe, expect, test } from 'vitest';
import { startMockSmsServer } from '../src/testing/mock-server.js';
import { mockServer } from './helpers/servers.js';

async function post(url: string, headers: Record<string, string> = { 'X-Auth-Token': 't' }, method = 'POST') {
  const response = await fetch(url, { method, headers });
  return { status: response.status, requestId: response.headers.get('X-Request-Id'), body: await response.json() };
}

describe('startMockSmsServer', () => {
  test('listens on 127.0.0.1 on a free port', async () => {
    const [a, b] = await Promise.all([mockServer(), mockServer()]);
    expect(a.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(a.url).not.toBe(b.url);
  });

  test('answers a valid request 200 {} with an X-Request-Id', async () => {
    const server = await mockServer();
    await expect(post(`${server.url}/v3/tasks/abc/unlock`)).resolves.toEqual({
      status: 200,
      requestId: expect.stringMatching(/^[0-9a-f]{32}$/),
      body: {},
    });
  });

  test.each([
    ['an unknown path', '/v3/tasks/abc/lock', 'POST', 404, 'MOCK.NotFound'],
    ['another method', '/v3/tasks/abc/unlock', 'GET', 405, 'MOCK.MethodNotAllowed'],
    ['a task id over 255 characters', `/v3/tasks/${'x'.repeat(256)}/unlock`, 'POST', 400, 'MOCK.InvalidRequest'],
    ['an empty task id', '/v3/tasks//unlock', 'POST', 400, 'MOCK.InvalidRequest'],
  ])('answers %s in the error envelope', async (_, path, method, status, code) => {
    const server = await mockServer();
    const answer = await post(`${server.url}${path}`, { 'X-Auth-Token': 't' }, method);
    expect(answer).toMatchObject({ status, requestId: expect.any(String), body: { error_code: code, error_msg: expect.any(String) } });
  });

  test('a token of 16384 characters is accepted; a longer one is a 400', async () => {
    const server = await mockServer();
    expect(await post(`${server.url}/v3/tasks/abc/unlock`, { 'X-Auth-Token': 'a'.repeat(16384) })).toMatchObject({ status: 200 });
    const answer = await post(`${server.url}/v3/tasks/abc/unlock`, { 'X-Auth-Token': 'a'.repeat(16385) });
    expect(answer).toMatchObject({ status: 400, body: { error_msg: expect.stringContaining('X-Auth-Token') } });
  });

  test('no token is a 401; a token other than options.token gets the source 403 body', async () => {
    const server = await mockServer({ token: 'right' });
    expect(await post(`${server.url}/v3/tasks/abc/unlock`, {})).toMatchObject({ status: 401 });
    expect(await post(`${server.url}/v3/tasks/abc/unlock`, { 'X-Auth-Token': 'wrong' })).toMatchObject({
      status: 403,
      body: { error_code: 'SMS.9004', encoded_authorization_message: 'XXXXXX' },
    });
    expect(await post(`${server.url}/v3/tasks/abc/unlock`, { 'X-Auth-Token': 'right' })).toMatchObject({ status: 200 });
  });

  test('records method, raw path, decoded task id and redacted headers, invalid requests included', async () => {
    const server = await mockServer();
    await post(`${server.url}/v3/tasks/a%2Fb%20c/unlock`, { 'X-Auth-Token': 'secret', 'X-Other': 'kept' });
    await post(`${server.url}/nowhere`);

    expect(server.requests).toEqual([
      expect.objectContaining({ method: 'POST', path: '/v3/tasks/a%2Fb%20c/unlock', taskId: 'a/b c' }),
      expect.objectContaining({ method: 'POST', path: '/nowhere', taskId: undefined }),
    ]);
    expect(server.requests[0]!.headers).toMatchObject({ 'x-auth-token': '[REDACTED]', 'x-other': 'kept' });
  });

  test('respond scripts status, body, headers and sees the request', async () => {
    const server = await mockServer({
      respond: (request, index) => ({ status: 202, body: { index, taskId: request.taskId }, headers: { 'X-Extra': 'yes' } }),
    });
    const response = await fetch(`${server.url}/v3/tasks/t1/unlock`, { method: 'POST', headers: { 'X-Auth-Token': 't' } });
    expect(response.status).toBe(202);
    expect(response.headers.get('X-Extra')).toBe('yes');
    expect(await response.json()).toEqual({ index: 0, taskId: 't1' });
  });

  test('drop destroys the connection without an answer', async () => {
    const server = await mockServer({ respond: () => ({ drop: true }) });
    await expect(fetch(`${server.url}/v3/tasks/t1/unlock`, { method: 'POST', headers: { 'X-Auth-Token': 't' } })).rejects.toThrow(
      /fetch failed/,
    );
  });

  test('close() ends pending answers and open connections at once', async () => {
    const server = await startMockSmsServer({ respond: () => ({ delayMs: 60_000 }) });
    const pending = new Promise<string>((resolve) => {
      const req = httpRequest(`${server.url}/v3/tasks/t1/unlock`, { method: 'POST', headers: { 'X-Auth-Token': 't' } });
      req.on('error', (error) => resolve(error.message));
      req.end();
    });
    await new Promise((done) => setTimeout(done, 50));
    const started = performance.now();
    await server.close();
    expect(await pending).toMatch(/socket hang up/);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
