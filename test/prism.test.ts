import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createSmsClient, SmsServiceError } from '../src/index.js';
import { refusedEndpoint } from './helpers/servers.js';

// Prism (Stoplight's mock server) reads the bundled spec as a third party would.
const prismCli = createRequire(import.meta.url).resolve('@stoplight/prism-cli/dist/index.js');
let prism: ChildProcess;
let endpoint: string;

beforeAll(async () => {
  endpoint = await refusedEndpoint();
  const port = new URL(endpoint).port;
  prism = spawn(process.execPath, [prismCli, 'mock', '-h', '127.0.0.1', '-p', port, 'generated/openapi.json'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  await new Promise<void>((ready, fail) => {
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('Prism is listening')) ready();
      if (/error|fatal/i.test(log)) fail(new Error(`Prism failed to start:\n${log}`));
    };
    prism.stdout!.on('data', onData);
    prism.stderr!.on('data', onData);
    prism.once('exit', (code) => fail(new Error(`Prism exited with ${code}:\n${log}`)));
  });
}, 60_000);
afterAll(() => {
  prism?.kill();
});

test('Prism mocks the bundled spec: 200 for a token, the source 403 example on request', async () => {
  const sms = createSmsClient({ endpoint, token: 't', retry: false });
  await expect(sms.unlockTargetEcs({ taskId: '7a9a9540-ff28-4869-b9e4-855fbe12xxxx' })).resolves.toMatchObject({ status: 200 });

  const forbidden = createSmsClient({ endpoint, token: 't', retry: false, headers: { Prefer: 'code=403' } });
  const error = await forbidden.unlockTargetEcs({ taskId: 'x' }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SmsServiceError);
  expect(error).toMatchObject({ status: 403, errorCode: 'SMS.9004', encodedAuthorizationMessage: 'XXXXXX' });
});
