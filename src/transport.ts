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


/** Statuses that say "try again later": rate limited, or a gateway that could not reach the service. */
const RETRY_STATUSES = [429, 502, 503, 504];
/** The abort reason of an attempt's own timeout, told apart from the caller's. */
const TIMEOUT = Symbol('timeout');

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
    for (let attempt = 1; ; attempt++) {
      const last = attempt >= attempts;
      // Full jitter: a random wait between 0 and the exponential ceiling.
      let delay = Math.random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
      try {
        const response = await attemptOnce(request, options);
        if (last || !RETRY_STATUSES.includes(response.status)) return response;
        delay = retryAfterMs(response.headers.get('Retry-After')) ?? delay;
        if (delay > maxDelayMs) return response;
      } catch (error) {
        if (last || !(error instanceof SmsConnectionError || error instanceof SmsTimeoutError)) throw error;
      }
      await sleep(delay, request.signal);
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
    // Null for 204 and the like, whose Response cannot be given a body.
    const body = response.body && (await response.arrayBuffer());
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  } catch (error) {
    if (callerSignal.aborted) throw callerSignal.reason;
    if (controller.signal.reason === TIMEOUT) throw new SmsTimeoutError(options.timeoutMs, options.context);
    if (error instanceof SmsError) throw error;
    // Node's fetch says only "fetch failed"; its cause says why (ECONNREFUSED, …).
    const reason = (error instanceof Error && error.cause) || error;
    throw new SmsConnectionError(`Request failed: ${String(reason)}`, { cause: error, context: options.context });
  } finally {
    clearTimeout(timer);
    callerSignal.removeEventListener('abort', onCallerAbort);
  }
}

/** `Retry-After` as delay-seconds or an HTTP date, in ms; undefined when absent or unreadable. */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  // An HTTP date names its day and month in letters; Date.parse alone would also take "-1" as a year.
  const date = /[a-z]/i.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return untilAborted(new Promise<void>((done) => (timer = setTimeout(done, ms))), signal).finally(() => clearTimeout(timer));
}

/** `promise`, or the signal's reason as soon as it aborts. */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  signal.throwIfAborted();
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
