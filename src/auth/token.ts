import { PARAMETER_LIMITS } from '../../generated/limits.js';
import { VISIBLE_ASCII } from '../checks.js';
import { SmsValidationError } from '../errors.js';
import type { Authenticate } from '../transport.js';

/** An IAM token, or a function giving one (called for every attempt, so it can refresh). */
export type TokenSource = string | (() => string | Promise<string>);

const [minLength, maxLength] = PARAMETER_LIMITS['X-Auth-Token'];

/**
 * Checks a token against the spec's bounds and HTTP's rules for header values. The reason never quotes
 * the token.
 */
function checkToken(token: unknown): string {
  if (typeof token !== 'string' || token.length < minLength || token.length > maxLength || !VISIBLE_ASCII.test(token)) {
    throw new SmsValidationError('token', `must be ${minLength} to ${maxLength} visible ASCII characters`);
  }
  return token;
}

/** Sets `X-Auth-Token`, asking `source` afresh for every attempt. */
export function tokenAuth(source: TokenSource): Authenticate {
  if (typeof source === 'function') return async (request) => request.headers.set('X-Auth-Token', checkToken(await source()));
  const token = checkToken(source);
  return (request) => request.headers.set('X-Auth-Token', token);
}
