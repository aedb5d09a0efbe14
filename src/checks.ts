import { SmsValidationError } from './errors.js';

/** What a header value may hold without being mangled or refused: visible ASCII, no spaces. */
export const VISIBLE_ASCII = /^[\x21-\x7e]+$/;

/** setTimeout's largest delay; a longer one fires at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** A number of milliseconds from `min` (0 or 1) to setTimeout's largest delay, or undefined. */
export function checkMs(field: string, value: number | undefined, min: 0 | 1): number | undefined {
  if (value !== undefined && !(typeof value === 'number' && value >= min && value <= MAX_TIMER_MS)) {
    throw new SmsValidationError(field, `must be ${min} to ${MAX_TIMER_MS} ms`);
  }
  return value;
}
