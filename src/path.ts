import { PARAMETER_LIMITS } from '../generated/limits.js';
import { SmsValidationError } from './errors.js';

/**
 * Percent-encodes everything but RFC 3986's unreserved characters (`A-Z a-z 0-9 - _ . ~`), with
 * upper-case hex: the encoding the SDK-HMAC-SHA256 canonical URI uses, so that the path sent is the
 * path signed. `encodeURIComponent` alone leaves `! ' ( ) *` as they are.
 */
export function encodeSegment(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * openapi-fetch's path serializer: checks each path parameter against the spec's bounds, then encodes
 * it as one segment. Throws `SmsValidationError` (field in camelCase, e.g. `taskId`) before anything is
 * sent.
 */
export function serializePath(template: string, params: Record<string, unknown>): string {
  return template.replace(/\{([^{}]+)\}/g, (_, name: string) => encodeSegment(checkPathParameter(name, params[name])));
}

function checkPathParameter(name: string, value: unknown): string {
  const [minLength, maxLength] = PARAMETER_LIMITS[name as 'task_id'];
  // Code points, as JSON Schema counts; only surrogate pairs make that differ from `length`.
  const length = typeof value !== 'string' ? -1 : /[\uD800-\uDFFF]/.test(value) ? [...value].length : value.length;
  // `.` and `..`: URL resolution would turn them into another path (`/v3/tasks/../unlock` is `/v3/unlock`).
  if (length < minLength || length > maxLength || !(value as string).isWellFormed() || value === '.' || value === '..') {
    const field = name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
    const got = typeof value === 'string' ? length : typeof value;
    throw new SmsValidationError(field, `must be ${minLength} to ${maxLength} well-formed characters, not . or .. (got ${got})`);
  }
  return value as string;
}
