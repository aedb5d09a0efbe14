import { SmsConnectionError, SmsError, SmsTimeoutError } from './errors.js';

/** Adds authentication headers to a request about to be sent (called once per attempt). */
export type Authenticate = (request: Request) => void | Promise<void>;

export type FetchFunction = (request: Request) => Promise<Response>;

export interface RetryOptions {
  /** Attempts in all, the first included (default 3; 1 means no retry). */
  attempts?: number;
  /** Ceiling of the first backoff; doubles with each attempt (default 500 ms). */
  baseDelayMs?: number;
  /** Longest wait between attempts (default 30000 ms). A longer `Retry-After` ends the retries. */
  maxDelayMs?: number;
}

export interface TransportOptions {
  fetch: FetchFunction;
  authenticate: Authenticate;
  /** Per attempt: headers and body together. */
  timeoutMs: number;
  retry: Required<RetryOptions>;
  /** What the requests are for, put before error messages (e.g. the IAM domain look-up). */
  context?: string;
}

export const DEFAULT_RETRY: Required<RetryOptions> = { attempts: 3, baseDelayMs: 500, maxDelayMs: 30_000 };

/** Statuses that say "try again later": rate limited, or a gateway that could not reach the service. */
const RETRY_STATUSES = new Set([429, 502, 503, 504]);
/** The abort reason of an attempt's own timeout, told apart from the caller's. */
const TIMEOUT = Symbol('timeout');
/** Statuses whose responses cannot have a body (the Response constructor refuses one). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * The `fetch` handed to openapi-fetch. For each attempt it authenticates afresh, races the exchange
 * (headers and the whole body, which it buffers) against its own timeout and the caller's signal, and
 * retries connection errors, timeouts and retryable statuses with full-jitter exponential backoff.
 *
 * Thrown: `SmsConnectionError`, `SmsTimeoutError`, the caller's abort reason untouched, or whatever
 * `authenticate` throws (e.g. `SmsValidationError` for a bad token). Non-2xx answers are returned.
 */
export function createTransport(options: TransportOptions): FetchFunction {
  const { attempts, baseDelayMs, maxDelayMs } = options.retry;
  return async (request) => {
    const signal = request.signal;
    for (let attempt = 1; ; attempt++) {
      const last = attempt >= attempts;
      let response: Response;
      try {
        response = await attemptOnce(request, options);
      } catch (error) {
        if (last || !(error instanceof SmsConnectionError || error instanceof SmsTimeoutError)) throw error;
        await sleep(backoff(attempt, baseDelayMs, maxDelayMs), signal);
        continue;
      }
      if (last || !RETRY_STATUSES.has(response.status)) return response;
      const retryAfter = retryAfterMs(response.headers.get('Retry-After'));
      if (retryAfter !== undefined && retryAfter > maxDelayMs) return response;
      await sleep(retryAfter ?? backoff(attempt, baseDelayMs, maxDelayMs), signal);
    }
  };
}

async function attemptOnce(request: Request, options: TransportOptions): Promise<Response> {
  const callerSignal = request.signal;
  callerSignal.throwIfAborted();
  const controller = new AbortController();
  const onCallerAbort = () => controller.abort(callerSignal.reason);
  callerSignal.addEventListener('abort', onCallerAbort, { once: true });
  const timer = setTimeout(() => controller.abort(TIMEOUT), options.timeoutMs);
  try {
    const attempt = new Request(request, { signal: controller.signal });
    await options.authenticate(attempt);
    const response = await options.fetch(attempt);
    const body = NULL_BODY_STATUSES.has(response.status) ? null : await response.arrayBuffer();
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  } catch (error) {
    if (callerSignal.aborted) throw callerSignal.reason;
    if (controller.signal.reason === TIMEOUT) throw new SmsTimeoutError(options.timeoutMs, options.context);
    if (error instanceof SmsError) throw error;
    const prefix = options.context ? `${options.context}: ` : '';
    throw new SmsConnectionError(`${prefix}Request failed: ${describe(error)}`, { cause: error });
  } finally {
    clearTimeout(timer);
    callerSignal.removeEventListener('abort', onCallerAbort);
  }
}

/** Node's fetch says only "fetch failed"; the cause says why (ECONNREFUSED, …). */
function describe(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return cause ? `${message} (${cause.message})` : message;
}

/** Full jitter: a random wait between 0 and the exponential ceiling. */
function backoff(attempt: number, baseDelayMs: number, maxDelayMs: number): number {
  return Math.random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
}

/** `Retry-After` as delay-seconds or an HTTP date, in ms; undefined when absent or unreadable. */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // An HTTP date names the day and month in letters; Date.parse alone would also take "-1" as a year.
  const date = /[a-z]/i.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    signal.throwIfAborted();
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
