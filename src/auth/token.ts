import { PARAMETER_LIMITS } from '../../generated/limits.js';
import { SmsValidationError } from '../errors.js';
import type { Authenticate } from '../transport.js';

/** An IAM token, or a function giving one (called for every attempt, so it can refresh). */
export type TokenSource = string | (() => string | Promise<string>);

const { minLength, maxLength } = PARAMETER_LIMITS['X-Auth-Token'];

/**
 * Checks a token against the spec's bounds and HTTP's rules for header values. The reason never quotes
 * the token.
 */
export function checkToken(token: unknown): string {
  if (typeof token !== 'string') throw new SmsValidationError('token', `must be a string, got ${typeof token}`);
  if (token.length < minLength || token.length > maxLength) {
    throw new SmsValidationError('token', `must be ${minLength} to ${maxLength} characters long, got ${token.length}`);
  }
  const bad = token.search(/[^\x21-\x7e]/);
  if (bad !== -1) {
    throw new SmsValidationError('token', `must be visible ASCII only; character ${bad} is not`);
  }
  return token;
}

/** Sets `X-Auth-Token`, asking `source` afresh for every attempt. */
export function tokenAuth(source: TokenSource): Authenticate {
  if (typeof source === 'string') {
    const token = checkToken(source);
    return (request) => request.headers.set('X-Auth-Token', token);
  }
  return async (request) => request.headers.set('X-Auth-Token', checkToken(await source()));
}
