import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const exec = promisify(execFile);
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

describe('the published package', () => {
  const work = mkdtempSync(join(tmpdir(), 'sms-package-'));
  const consumer = join(work, 'consumer');
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test('npm pack ships dist/, the README and the licence only', async () => {
    const { stdout } = await exec('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' });
    const files = (JSON.parse(stdout) as { files: { path: string }[] }[])[0]!.files.map((file) => file.path).sort();

    expect(files.filter((path) => !path.startsWith('dist/'))).toEqual(['LICENSE', 'README.md', 'package.json']);
    expect(files).toEqual(
      expect.arrayContaining([
        'dist/src/index.js',
        'dist/src/index.d.ts',
        'dist/src/cli.js',
        'dist/src/testing/mock-server.js',
        'dist/src/auth/crypto.node.js',
        'dist/src/auth/crypto.web.js',
        'dist/generated/openapi.json',
        'dist/generated/schema.d.ts',
      ]),
    );
    expect(files.filter((path) => path.endsWith('.map') || /(^|\/)test\//.test(path))).toEqual([]);
  });

  describe('installed from its tarball into a fresh project', () => {
    beforeAll(async () => {
      mkdirSync(consumer, { recursive: true });
      await exec('npm', ['pack', '--ignore-scripts', '--pack-destination', work]);
      const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'))!;
      writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
      // --offline: every dependency comes from the npm cache `npm ci` filled; no test reaches the network.
      await exec('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', join(work, tarball), 'ajv@8.20.0'], {
        cwd: consumer,
      });
      const compilerOptions = { module: 'nodenext', target: 'es2022', lib: ['es2022', 'dom'], strict: true, noEmit: true, types: [] };
      writeFileSync(join(consumer, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['good.ts'] }));
      writeFileSync(join(consumer, 'tsconfig.bad.json'), JSON.stringify({ compilerOptions, files: ['bad.ts'] }));
    }, 120_000);

    test('installs only openapi-fetch (and its helper types) at run time', async () => {
      const { stdout } = await exec('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: consumer, encoding: 'utf8' });
      const installed = stdout
        .trim()
        .split('\n')
        .slice(1)
        .map((path) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length))
        .filter((name) => !name.startsWith('ajv') && !['fast-deep-equal', 'fast-uri', 'json-schema-traverse', 'require-from-string'].includes(name));
      expect(installed.sort()).toEqual(['openapi-fetch', 'openapi-typescript-helpers', 'sms-unlock-client']);
    });

    test('imports from ESM and unlocks against its own mock server', async () => {
      writeFileSync(
        join(consumer, 'smoke.mjs'),
        `import { createSmsClient, SMS_REGIONS, SmsServiceError } from 'sms-unlock-client';
import { startMockSmsServer } from 'sms-unlock-client/testing';
import spec from 'sms-unlock-client/openapi.json' with { type: 'json' };
const server = await startMockSmsServer({ token: 't' });
const result = await createSmsClient({ endpoint: server.url, token: 't' }).unlockTargetEcs({ taskId: 'x' });
await server.close();
console.log(JSON.stringify({ status: result.status, regions: Object.keys(SMS_REGIONS).length, error: typeof SmsServiceError, title: spec.info.title }));`,
      );
      const { stdout } = await exec(process.execPath, ['--no-warnings', 'smoke.mjs'], { cwd: consumer, encoding: 'utf8' });
      expect(JSON.parse(stdout)).toEqual({ status: 200, regions: 4, error: 'function', title: expect.stringContaining('Server Migration Service') });
    });

    test('type-checks a consumer, and wrong argument types fail to compile', async () => {
      writeFileSync(
        join(consumer, 'good.ts'),
        `import { createSmsClient, type UnlockTargetEcsResult } from 'sms-unlock-client';
import { startMockSmsServer, type RecordedRequest } from 'sms-unlock-client/testing';
const sms = createSmsClient({ region: 'ap-southeast-3', credentials: { accessKey: 'a', secretKey: 'b' } });
export const result: Promise<UnlockTargetEcsResult> = sms.unlockTargetEcs({ taskId: 'x' }, { timeoutMs: 5000 });
export const server = startMockSmsServer({ token: 't' });
export type Recorded = RecordedRequest['taskId'];
`,
      );
      writeFileSync(
        join(consumer, 'bad.ts'),
        `import { createSmsClient } from 'sms-unlock-client';
const sms = createSmsClient({ region: 'ap-southeast-33', token: 't' });
sms.unlockTargetEcs({ taskId: 42 });
`,
      );
      await expect(exec(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: consumer })).resolves.toBeDefined();

      const failure = await exec(process.execPath, [tsc, '-p', 'tsconfig.bad.json'], { cwd: consumer, encoding: 'utf8' }).catch(
        (error: { code: number; stdout: string }) => error,
      );
      expect(failure).toMatchObject({ code: 2 });
      expect((failure as { stdout: string }).stdout).toMatch(/bad\.ts\(2,\d+\): error TS2820: Type '"ap-southeast-33"'/);
      expect((failure as { stdout: string }).stdout).toMatch(/bad\.ts\(3,\d+\): error TS2322: Type 'number' is not assignable to type 'string'/);
    });
  });
});
