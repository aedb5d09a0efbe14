import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { mockServer, refusedEndpoint } from './helpers/servers.js';

const BIN = JSON.parse(readFileSync('package.json', 'utf8')).bin['sms-unlock'] as string;
const TOKEN = 'cli-secret-token-0000';
const SK = 'cli-secret-key-0000000000000000000000';

/** Runs the built binary with only the given environment (plus PATH), as a user's shell would. */
function run(args: string[], env: Record<string, string> = {}, stdin?: string) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

function expectNoSecrets(output: { stdout: string; stderr: string }) {
  for (const secret of [TOKEN, SK]) expect(output.stdout + output.stderr).not.toContain(secret);
}

describe('sms-unlock', () => {
  test('--help shows usage, exit codes and examples', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: sms-unlock <task-id>');
    expect(result.stdout).toMatch(/Exit codes:[\s\S]*3 {2}connection error or timeout/);
    expect(result.stdout).toContain('Examples:');
  });

  test('unlocks with SMS_AUTH_TOKEN and prints one human line', async () => {
    const server = await mockServer({ token: TOKEN });
    const result = await run(['task-1', '--endpoint', server.url], { SMS_AUTH_TOKEN: TOKEN });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^Unlocked the target server of task task-1 \(HTTP 200, request [0-9a-f]{32}\)\n$/);
    expect(server.requests[0]!.taskId).toBe('task-1');
  });

  test('--json prints the result as one JSON object', async () => {
    const server = await mockServer();
    const result = await run(['a/b', '--endpoint', server.url, '--json'], { SMS_AUTH_TOKEN: TOKEN });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ ok: true, taskId: 'a/b', status: 200, requestId: expect.any(String), body: '{}' });
  });

  test('signs with CLOUD_SDK_AK / CLOUD_SDK_SK / CLOUD_SDK_DOMAIN_ID', async () => {
    const server = await mockServer({ credentials: [{ accessKey: 'AK1', secretKey: SK, domainId: 'dom' }] });
    const result = await run(['t', '--endpoint', server.url], { CLOUD_SDK_AK: 'AK1', CLOUD_SDK_SK: SK, CLOUD_SDK_DOMAIN_ID: 'dom' });
    expect(result.code).toBe(0);
    expect(server.requests[0]!.headers.authorization).toMatch(/^SDK-HMAC-SHA256 Access=AK1, /);
    expectNoSecrets(result);
  });

  test('--token-stdin reads the token from standard input', async () => {
    const server = await mockServer({ token: TOKEN });
    const result = await run(['t', '--endpoint', server.url, '--token-stdin'], {}, `${TOKEN}\n`);
    expect(result.code).toBe(0);
  });

  test('a refusal exits 1 with the status, error code and request id', async () => {
    const server = await mockServer({ token: 'another' });
    const result = await run(['t', '--endpoint', server.url, '--json'], { SMS_AUTH_TOKEN: TOKEN });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({
      ok: false,
      error: { name: 'SmsServiceError', status: 403, errorCode: 'SMS.9004', requestId: expect.stringMatching(/^[0-9a-f]{32}$/) },
    });
    expectNoSecrets(result);

    const human = await run(['t', '--endpoint', server.url], { SMS_AUTH_TOKEN: TOKEN });
    expect(human.code).toBe(1);
    expect(human.stderr).toMatch(/^sms-unlock: SMS\.9004: /);
    expectNoSecrets(human);
  });

  test.each([
    ['no credentials', ['t', '--region', 'cn-north-4'], {}],
    ['an invalid task id', ['..', '--region', 'cn-north-4'], { SMS_AUTH_TOKEN: TOKEN }],
    ['an unknown region', ['t', '--region', 'xx-1'], { SMS_AUTH_TOKEN: TOKEN }],
    ['no task id', ['--region', 'cn-north-4'], { SMS_AUTH_TOKEN: TOKEN }],
    ['a secret given as a flag', ['t', '--region', 'cn-north-4', `--token=${TOKEN}`], {}],
    ['a non-numeric timeout', ['t', '--region', 'cn-north-4', '--timeout', 'soon'], { SMS_AUTH_TOKEN: TOKEN }],
    ['an invalid token', ['t', '--region', 'cn-north-4'], { SMS_AUTH_TOKEN: `${TOKEN} x` }],
  ])('%s exits 2 and sends nothing', async (_, args, env) => {
    const result = await run(args, env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^sms-unlock: .+\nTry 'sms-unlock --help'\.\n$/);
    expectNoSecrets(result);
  });

  test('a refused connection exits 3', async () => {
    const result = await run(['t', '--endpoint', await refusedEndpoint(), '--retries', '0', '--json'], { SMS_AUTH_TOKEN: TOKEN });
    expect(result.code).toBe(3);
    expect(JSON.parse(result.stdout).error.name).toBe('SmsConnectionError');
  });

  test('a timeout exits 3', async () => {
    const server = await mockServer({ respond: () => ({ delayMs: 60_000 }) });
    const result = await run(['t', '--endpoint', server.url, '--timeout', '200', '--retries', '0'], { SMS_AUTH_TOKEN: TOKEN });
    expect(result.code).toBe(3);
    expect(result.stderr).toBe('sms-unlock: Timed out after 200 ms\n');
  });

  test('--retries N makes N + 1 attempts', async () => {
    const server = await mockServer({ respond: () => ({ status: 503 }) });
    const result = await run(['t', '--endpoint', server.url, '--retries', '1'], { SMS_AUTH_TOKEN: TOKEN });
    expect(result.code).toBe(1);
    expect(server.requests).toHaveLength(2);
  });
});
