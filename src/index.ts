export { createSmsClient } from './client.js';
export type {
  CallOptions,
  SmsClient,
  SmsClientOptions,
  UnlockTargetEcsParams,
  UnlockTargetEcsResult,
} from './client.js';
export { SmsConnectionError, SmsError, SmsServiceError, SmsTimeoutError, SmsValidationError } from './errors.js';
export type { SmsErrorDetail } from './errors.js';
export type { TokenSource } from './auth/token.js';
export { computeSignature, formatSdkDate, signRequest } from './auth/sign.js';
export type { Credentials, Signature, SignableRequest, SignOptions } from './auth/sign.js';
export type { FetchFunction, RetryOptions } from './transport.js';
export { SMS_REGIONS } from '../generated/regions.js';
export type { SmsRegion } from '../generated/regions.js';
export type { components, operations, paths } from '../generated/schema.js';
