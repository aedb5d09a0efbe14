import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { SMS_REGIONS } from '../src/index.js';
import { createSchemaCompiler, loadSpec, type Location } from '../src/testing/spec.js';

const spec = loadSpec();
const compile = createSchemaCompiler(spec);

/** Every `example` (and each of `examples`) next to a `schema`, with the schema's location. */
function examplesOf(node: unknown, at: Location = []): { at: Location; schemaAt: Location; value: unknown }[] {
  if (typeof node !== 'object' || node === null) return [];
  const record = node as Record<string, unknown>;
  const found: { at: Location; schemaAt: Location; value: unknown }[] = [];
  if ('schema' in record) {
    const schemaAt = [...at, 'schema'];
    if ('example' in record) found.push({ at: [...at, 'example'], schemaAt, value: record.example });
    for (const [name, example] of Object.entries((record.examples as Record<string, { value: unknown }>) ?? {})) {
      found.push({ at: [...at, 'examples', name], schemaAt, value: example.value });
    }
  }
  for (const [key, child] of Object.entries(record)) {
    if (key !== 'example' && key !== 'examples') found.push(...examplesOf(child, [...at, key]));
  }
  return found;
}

describe('the bundled spec', () => {
  const examples = examplesOf(spec);

  test('has the examples of the source (200, 403, task id)', () => {
    expect(examples.map(({ at }) => at.join('/'))).toEqual(
      expect.arrayContaining([
        'components/parameters/TaskId/example',
        'components/responses/Unlocked/content/application/json/example',
        'components/responses/Forbidden/content/application/json/example',
      ]),
    );
  });

  test.each(examples.map((example) => [example.at.join('/'), example]))(
    'example %s validates against its schema',
    (_, { schemaAt, value }) => {
      const validate = compile(schemaAt);
      expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
    },
  );

  test('the error schema keeps the bounds of the source', () => {
    const validate = compile(['components', 'schemas', 'SmsError']);
    expect(validate({ error_code: 'x'.repeat(256) })).toBe(false);
    expect(validate({ error_param: [] })).toBe(false);
    expect(validate({ error_param: Array(21).fill('p') })).toBe(false);
    expect(validate({ details: [{ error_code: 1 }] })).toBe(false);
    expect(validate({ error_code: 'x'.repeat(255), error_param: Array(20).fill('p') })).toBe(true);
  });

  test('the region table is derived from servers', () => {
    expect(SMS_REGIONS).toEqual({
      'cn-north-4': 'https://sms.cn-north-4.myhuaweicloud.com',
      'ap-southeast-3': 'https://sms.ap-southeast-3.myhuaweicloud.com',
      'my-kualalumpur-1': 'https://sms.my-kualalumpur-1.myhuaweicloud.com',
      'ru-moscow-1': 'https://sms-api.ru-moscow-1.myhuaweicloud.com',
    });
  });
});

describe('drift check', () => {
  const work = mkdtempSync(join(tmpdir(), 'sms-drift-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  cpSync('openapi', join(work, 'openapi'), { recursive: true });
  cpSync('generated', join(work, 'generated'), { recursive: true });
  const root = join(work, 'openapi', 'openapi.yaml');
  const generated = join(work, 'generated');

  function run(script: string): { code: number; output: string } {
    try {
      const output = execFileSync(process.execPath, [script, root, generated], { encoding: 'utf8', stdio: 'pipe' });
      return { code: 0, output };
    } catch (error) {
      const failed = error as { status: number; stdout: string; stderr: string };
      return { code: failed.status, output: failed.stdout + failed.stderr };
    }
  }

  test('passes on the committed files, fails naming the stale files after a spec edit, passes after generate', () => {
    expect(run('scripts/check-generated.mjs')).toMatchObject({ code: 0 });

    const taskId = join(work, 'openapi', 'components', 'parameters', 'TaskId.yaml');
    writeFileSync(taskId, readFileSync(taskId, 'utf8').replace('maxLength: 255', 'maxLength: 200'));
    const stale = run('scripts/check-generated.mjs');
    expect(stale.code).toBe(1);
    expect(stale.output).toContain(join(generated, 'openapi.json'));
    expect(stale.output).toContain(join(generated, 'limits.ts'));
    expect(stale.output).not.toContain(join(generated, 'regions.ts'));
    expect(stale.output).toContain('npm run generate');

    expect(run('scripts/generate.mjs')).toMatchObject({ code: 0 });
    expect(run('scripts/check-generated.mjs')).toMatchObject({ code: 0 });
    expect(readFileSync(join(generated, 'limits.ts'), 'utf8')).toContain('"task_id":[1,200]');
  });
});
