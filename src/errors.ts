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
  readonly status: number;
  readonly requestId: string | undefined;
  readonly errorCode: string | undefined;
  readonly errorMsg: string | undefined;
  readonly encodedAuthorizationMessage: string | undefined;
  readonly errorParams: string[];
  readonly details: SmsErrorDetail[];
  readonly body: string | undefined;

  constructor(init: SmsServiceErrorInit) {
    const what = init.errorCode ? `${init.errorCode}: ${init.errorMsg ?? ''}` : `HTTP ${init.status}`;
    const where = [`HTTP ${init.status}`, init.requestId && `request ${init.requestId}`].filter(Boolean).join(', ');
    super(`${init.context ? `${init.context}: ` : ''}${what} (${where})`);
    this.status = init.status;
    this.requestId = init.requestId;
    this.errorCode = init.errorCode;
    this.errorMsg = init.errorMsg;
    this.encodedAuthorizationMessage = init.encodedAuthorizationMessage;
    this.errorParams = init.errorParams ?? [];
    this.details = init.details ?? [];
    this.body = init.body;
  }
}

export interface SmsServiceErrorInit {
  status: number;
  requestId: string | undefined;
  errorCode?: string | undefined;
  errorMsg?: string | undefined;
  encodedAuthorizationMessage?: string | undefined;
  errorParams?: string[] | undefined;
  details?: SmsErrorDetail[] | undefined;
  body?: string | undefined;
  /** What was being done, put before the message (e.g. the IAM domain look-up). */
  context?: string | undefined;
}

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
  readonly timeoutMs: number;

  constructor(timeoutMs: number, context?: string) {
    super(`${context ? `${context}: ` : ''}No complete answer within ${timeoutMs} ms`);
    this.timeoutMs = timeoutMs;
  }
}

/**
 * An option or argument was refused before anything was sent. `field` names it (`taskId`, `token`,
 * `region`, …) and `reason` says what is wrong; neither ever contains a secret's value.
 */
export class SmsValidationError extends SmsError {
  override name = 'SmsValidationError';
  readonly field: string;
  readonly reason: string;

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
export function serviceErrorFromResponse(response: Response, parsed: unknown, context?: string): SmsServiceError {
  const status = response.status;
  const requestId = response.headers.get('X-Request-Id') ?? undefined;
  if (!isEnvelope(parsed)) {
    const body = typeof parsed === 'string' ? parsed : parsed === undefined ? '' : JSON.stringify(parsed);
    return new SmsServiceError({ status, requestId, body, context });
  }
  return new SmsServiceError({
    status,
    requestId,
    context,
    errorCode: text(parsed.error_code),
    errorMsg: text(parsed.error_msg),
    encodedAuthorizationMessage: text(parsed.encoded_authorization_message),
    errorParams: list(parsed.error_param).filter((item) => typeof item === 'string'),
    details: list(parsed.details)
      .filter(isRecord)
      .map((detail) => ({ errorCode: text(detail.error_code), errorMsg: text(detail.error_msg) })),
  });
}

/** The service's envelope: a JSON object with `error_code` or `error_msg`. Other fields are read leniently. */
function isEnvelope(parsed: unknown): parsed is Record<string, unknown> {
  return isRecord(parsed) && ('error_code' in parsed || 'error_msg' in parsed);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
