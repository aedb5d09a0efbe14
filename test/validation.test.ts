import { describe, expect, test } from 'vitest';
import { createSmsClient, SmsValidationError, type SmsClientOptions } from '../src/index.js';
import { mockServer } from './helpers/servers.js';

function creationError(options: unknown): SmsValidationError {
  try {
    createSmsClient(options as SmsClientOptions);
  } catch (error) {
    expect(error).toBeInstanceOf(SmsValidationError);
    return error as SmsValidationError;
  }
  throw new Error('createSmsClient accepted the options');
}

describe('createSmsClient option checks', () => {
  test.each([
    ['an unknown region', { region: 'cn-north-44', token: 't' }, 'region'],
    ['an unknown region beside an endpoint', { region: 'cn-north-44', endpoint: 'http://127.0.0.1:9', token: 't' }, 'region'],
    ['neither region nor endpoint', { token: 't' }, 'region'],
    ['an endpoint that is not a URL', { endpoint: 'sms.example', token: 't' }, 'endpoint'],
    ['an ftp endpoint', { endpoint: 'ftp://127.0.0.1/', token: 't' }, 'endpoint'],
    ['an endpoint with a query', { endpoint: 'http://127.0.0.1/?a=1', token: 't' }, 'endpoint'],
    ['no authentication', { region: 'cn-north-4' }, 'token'],
    ['an empty token', { region: 'cn-north-4', token: '' }, 'token'],
    ['a token with a line feed', { region: 'cn-north-4', token: 'abc\ndef' }, 'token'],
    ['a token over 16384 characters', { region: 'cn-north-4', token: 'a'.repeat(16385) }, 'token'],
    ['a token that is a number', { region: 'cn-north-4', token: 42 }, 'token'],
    ['a timeout of 0', { region: 'cn-north-4', token: 't', timeoutMs: 0 }, 'timeoutMs'],
    ['a timeout that is not a number', { region: 'cn-north-4', token: 't', timeoutMs: '5' }, 'timeoutMs'],
    ['0 attempts', { region: 'cn-north-4', token: 't', retry: { attempts: 0 } }, 'retry.attempts'],
    ['a negative delay', { region: 'cn-north-4', token: 't', retry: { baseDelayMs: -1 } }, 'retry.baseDelayMs'],
    ['a fetch that is not a function', { region: 'cn-north-4', token: 't', fetch: 'x' }, 'fetch'],
    ['a header value with a line feed', { region: 'cn-north-4', token: 't', headers: { 'X-A': 'a\nb' } }, 'headers'],
  ])('refuses %s', (_, options, field) => {
    expect(creationError(options).field).toBe(field);
  });

  test('names the unknown region', () => {
    expect(creationError({ region: 'cn-north-44', token: 't' }).message).toBe('Invalid region: unknown region "cn-north-44"');
  });

  test('never quotes the token or a header value', () => {
    const secret = 'SECRET-VALUE';
    for (const error of [
      creationError({ region: 'cn-north-4', token: `${secret}\r\n` }),
      creationError({ region: 'cn-north-4', token: 't', headers: { 'X-Api-Key': `${secret}\nmore` } }),
    ]) {
      expect(error.message).not.toContain(secret);
      expect(error.reason).not.toContain(secret);
    }
  });

  test('a region picks its endpoint; an endpoint overrides it', () => {
    expect(createSmsClient({ region: 'ru-moscow-1', token: 't' }).endpoint).toBe(
      'https://sms-api.ru-moscow-1.myhuaweicloud.com',
    );
    expect(createSmsClient({ region: 'cn-north-4', endpoint: 'http://127.0.0.1:9/', token: 't' }).endpoint).toBe(
      'http://127.0.0.1:9',
    );
  });
});

describe('taskId checks, before anything is sent', () => {
  test.each([
    ['an empty id', '', /\(got 0\)$/],
    ['256 characters', 'x'.repeat(256), /\(got 256\)$/],
    ['.', '.', /not \. or \.\. \(got 1\)$/],
    ['..', '..', /\(got 2\)$/],
    ['a lone surrogate', 'a\uD800b', /well-formed characters, not \. or \.\. \(got 3\)$/],
    ['a number', 42, /\(got number\)$/],
    ['undefined', undefined, /\(got undefined\)$/],
  ])('refuses %s', async (_, taskId, reason) => {
    const server = await mockServer();
    const sms = createSmsClient({ endpoint: server.url, token: 't' });

    const error = await sms.unlockTargetEcs({ taskId: taskId as string }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(SmsValidationError);
    expect(error).toMatchObject({ field: 'taskId', reason: expect.stringMatching(reason) });
    expect(server.requests).toHaveLength(0);
  });

  test('accepts 255 characters counted as Unicode code points', async () => {
    const server = await mockServer();
    const sms = createSmsClient({ endpoint: server.url, token: 't' });
    const taskId = '😀'.repeat(255);

    await sms.unlockTargetEcs({ taskId });

    expect(server.requests[0]!.taskId).toBe(taskId);
  });

  test('a token function returning a bad token fails before sending', async () => {
    const server = await mockServer();
    const sms = createSmsClient({ endpoint: server.url, token: () => 'bad token' });

    await expect(sms.unlockTargetEcs({ taskId: 'x' })).rejects.toMatchObject({
      name: 'SmsValidationError',
      field: 'token',
      reason: 'must be 1 to 16384 visible ASCII characters',
    });
    expect(server.requests).toHaveLength(0);
  });
});
