/**
 * Base class of every error this client throws. Catch it to handle them all.
 *
 * Errors carry data about the failure, never credentials: the token, secret key and security token are
 * never stored on an error, so its `message`, `stack`, `JSON.stringify` and `util.inspect` are safe to log.
 */
export class SmsError extends Error {
  override name = 'SmsError';
}

/** One entry of the service's `details` list. */
export interface SmsErrorDetail {
  errorCode: string | undefined;
  errorMsg: string | undefined;
}

/**
 * The service (or something in front of it) answered with a non-2xx status.
 *
 * - The fields come from the service's JSON envelope (`error_code`, `error_msg`, …); each one is
 *   `undefined` (or an empty array) when the answer did not carry it.
 * - `body` holds the answer's raw text when it is not that envelope, e.g. an HTML page from a proxy or
 *   an empty body; it is `undefined` when the envelope was parsed.
 * - A retryable status (429, 502, 503, 504) is thrown only after the last attempt.
 */
export class SmsServiceError extends SmsError {
  override name = 'SmsServiceError';
  declare readonly status: number;
  declare readonly requestId: string | undefined;
  declare readonly errorCode: string | undefined;
  declare readonly errorMsg: string | undefined;
  declare readonly encodedAuthorizationMessage: string | undefined;
  declare readonly errorParams: string[];
  declare readonly details: SmsErrorDetail[];
  declare readonly body: string | undefined;

  constructor(fields: SmsServiceErrorFields) {
    const { status, requestId, errorCode, errorMsg } = fields;
    const where = `HTTP ${status}${requestId ? `, request ${requestId}` : ''}`;
    super(errorCode ? `${errorCode}: ${errorMsg ?? ''} (${where})` : where);
    Object.assign(this, fields);
  }
}

/** The data of an `SmsServiceError`. */
export type SmsServiceErrorFields = Pick<
  SmsServiceError,
  'status' | 'requestId' | 'errorCode' | 'errorMsg' | 'encodedAuthorizationMessage' | 'errorParams' | 'details' | 'body'
>;

/**
 * The request could not be sent or its answer could not be read: connection refused or reset, DNS
 * failure, TLS failure, a body cut short. The underlying error is kept as `cause`.
 * Thrown only after the last attempt when retries are on.
 */
export class SmsConnectionError extends SmsError {
  override name = 'SmsConnectionError';
}

/**
 * An attempt took longer than `timeoutMs` (headers and body together). Thrown only after the last
 * attempt when retries are on. A caller's own `AbortSignal` never produces this error: an abort
 * rejects with the signal's reason, untouched.
 */
export class SmsTimeoutError extends SmsError {
  override name = 'SmsTimeoutError';
  declare readonly timeoutMs: number;

  constructor(timeoutMs: number) {
    super(`Timed out after ${timeoutMs} ms`);
    this.timeoutMs = timeoutMs;
  }
}

/**
 * An option or argument was refused before anything was sent. `field` names it (`taskId`, `token`,
 * `region`, …) and `reason` says what is wrong; neither ever contains a secret's value.
 */
export class SmsValidationError extends SmsError {
  override name = 'SmsValidationError';
  declare readonly field: string;
  declare readonly reason: string;

  constructor(field: string, reason: string) {
    super(`Invalid ${field}: ${reason}`);
    this.field = field;
    this.reason = reason;
  }
}

/**
 * Turns a non-2xx answer into an `SmsServiceError`. `parsed` is what openapi-fetch made of the body:
 * the JSON value when it parsed, otherwise the raw text (`undefined` for an empty body).
 */
export function serviceErrorFromResponse(response: Response, parsed: unknown): SmsServiceError {
  // The service's envelope: a JSON object with `error_code` or `error_msg`; its fields are read leniently.
  const envelope = isRecord(parsed) && ('error_code' in parsed || 'error_msg' in parsed) ? parsed : undefined;
  const raw = typeof parsed === 'string' ? parsed : parsed === undefined ? '' : JSON.stringify(parsed);
  const fields: SmsServiceErrorFields = {
    status: response.status,
    requestId: requestIdOf(response),
    errorCode: text(envelope?.error_code),
    errorMsg: text(envelope?.error_msg),
    encodedAuthorizationMessage: text(envelope?.encoded_authorization_message),
    errorParams: list(envelope?.error_param).map(String),
    details: list(envelope?.details).map((detail) => {
      const entry = detail as Record<string, unknown> | null;
      return { errorCode: text(entry?.error_code), errorMsg: text(entry?.error_msg) };
    }),
    body: envelope ? undefined : raw,
  };
  return new SmsServiceError(fields);
}

/** The service's id of the request that got `response`. */
export function requestIdOf(response: Response): string | undefined {
  return response.headers.get('X-Request-Id') ?? undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
