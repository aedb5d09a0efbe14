import { describe, expectTypeOf, test } from 'vitest';
import {
  createSmsClient,
  SMS_REGIONS,
  SmsServiceError,
  SmsTimeoutError,
  SmsValidationError,
  type components,
  type operations,
  type SmsErrorDetail,
  type SmsRegion,
  type UnlockTargetEcsResult,
} from '../src/index.js';

describe('generated types', () => {
  test('the 403 body is the source error envelope', () => {
    type Forbidden = operations['unlockTargetEcs']['responses'][403]['content']['application/json'];
    expectTypeOf<Forbidden['error_param']>().toEqualTypeOf<string[] | undefined>();
    expectTypeOf<Forbidden['error_code']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<NonNullable<Forbidden['details']>[number]>().toEqualTypeOf<components['schemas']['SmsErrorDetail']>();
  });

  test('the 200 body is a readable object', () => {
    type Unlocked = operations['unlockTargetEcs']['responses'][200]['content']['application/json'];
    expectTypeOf<Unlocked>().toEqualTypeOf<{ [key: string]: unknown }>();
  });

  test('the task id is a required string path parameter', () => {
    expectTypeOf<operations['unlockTargetEcs']['parameters']['path']>().toEqualTypeOf<{ task_id: string }>();
  });

  test('regions are a closed union', () => {
    expectTypeOf<SmsRegion>().toEqualTypeOf<'cn-north-4' | 'ap-southeast-3' | 'my-kualalumpur-1' | 'ru-moscow-1'>();
    expectTypeOf(SMS_REGIONS['ru-moscow-1']).toEqualTypeOf<'https://sms-api.ru-moscow-1.myhuaweicloud.com'>();
  });
});

describe('client types', () => {
  const sms = createSmsClient({ region: 'cn-north-4', token: 't' });

  test('a region typo does not compile', () => {
    // @ts-expect-error 'cn-north-44' is not a region
    createSmsClient({ region: 'cn-north-44', token: 't' });
  });

  test('taskId must be a string', () => {
    // @ts-expect-error a number is not a task id
    void sms.unlockTargetEcs({ taskId: 42 });
    // @ts-expect-error taskId is required
    void sms.unlockTargetEcs({});
    expectTypeOf(sms.unlockTargetEcs).parameter(0).toEqualTypeOf<{ taskId: string }>();
  });

  test('the result is typed', () => {
    expectTypeOf(sms.unlockTargetEcs({ taskId: 'x' })).resolves.toEqualTypeOf<UnlockTargetEcsResult>();
    expectTypeOf<UnlockTargetEcsResult>().toEqualTypeOf<{
      status: number;
      requestId: string | undefined;
      body: string;
    }>();
  });

  test('token may be a string or a (possibly async) function', () => {
    createSmsClient({ region: 'cn-north-4', token: () => 't' });
    createSmsClient({ region: 'cn-north-4', token: async () => 't' });
    // @ts-expect-error a number is not a token
    createSmsClient({ region: 'cn-north-4', token: 42 });
  });

  test('error fields are typed', () => {
    expectTypeOf<SmsServiceError['status']>().toEqualTypeOf<number>();
    expectTypeOf<SmsServiceError['errorCode']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<SmsServiceError['errorParams']>().toEqualTypeOf<string[]>();
    expectTypeOf<SmsServiceError['details']>().toEqualTypeOf<SmsErrorDetail[]>();
    expectTypeOf<SmsServiceError['body']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<SmsTimeoutError['timeoutMs']>().toEqualTypeOf<number>();
    expectTypeOf<SmsValidationError['field']>().toEqualTypeOf<string>();
  });

  test('raw is typed by the paths of the spec', () => {
    // @ts-expect-error no such path
    void sms.raw.POST('/v3/tasks/{task_id}/lock', { params: { path: { task_id: 'x' } } });
    // @ts-expect-error task_id is required
    void sms.raw.POST('/v3/tasks/{task_id}/unlock', { params: { path: {} } });
  });
});
