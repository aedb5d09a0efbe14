import { startDeadline, type Deadline } from '#deadline';
import { SmsConnectionError, SmsError, SmsTimeoutError } from './errors.js';

/** Adds authentication headers to a request about to be sent (called once per attempt, with its signal). */
export type Authenticate = (request: Request, signal: AbortSignal) => void | Promise<void>;

/**
 * The `fetch` the client sends with. It gets the attempt's signal in `init` and must honour it, as the
 * platform's fetch does: that signal is how a timed-out or aborted attempt ends.
 */
export type FetchFunction = (request: Request, init: { signal: AbortSignal }) => Promise<Response>;

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
}

export interface RunOptions {
  /** The caller's signal: aborting it rejects with its reason and stops any retry. */
  signal?: AbortSignal | undefined;
  /** Overrides the transport's `timeoutMs` for this call's attempts. */
  timeoutMs?: number | undefined;
}

/**
 * Runs one call: `use` sends with the `fetch` it is given (openapi-fetch does, then reads the body) and
 * everything it does until it settles is covered by the last attempt's timeout and the caller's signal.
 */
export type RunCall = <T>(use: (fetch: (request: Request) => Promise<Response>) => Promise<T>, options?: RunOptions) => Promise<T>;

/** Statuses that say "try again later": rate limited, or a gateway that could not reach the service. */
const RETRY_STATUSES = [429, 502, 503, 504];
/** The abort reason of an attempt's own timeout, told apart from the caller's. */
const TIMEOUT = Symbol('timeout');

/** The last attempt of a call, still open while its body is read. */
interface Attempt extends Deadline {
  /** Set once the request is handed to fetch: what is thrown before that (by authentication) is not a connection error. */
  fetching?: boolean;
}

/**
 * For each attempt of a call it authenticates afresh and ends the exchange on its own timeout or the
 * caller's signal; it retries connection errors, timeouts and retryable statuses with full-jitter
 * exponential backoff. The request is sent as it is (no copy per attempt: a Request that carries a
 * signal costs more to build than the rest of the client); the attempt's signal goes to `fetch` in `init`.
 *
 * Thrown: `SmsConnectionError`, `SmsTimeoutError`, the caller's abort reason untouched, or whatever
 * `authenticate` throws (e.g. `SmsValidationError` for a bad token). Non-2xx answers are returned.
 */
export function createTransport(options: TransportOptions): RunCall {
  const { attempts, baseDelayMs, maxDelayMs } = options.retry;
  return async (use, { signal, timeoutMs = options.timeoutMs } = {}) => {
    let open: Attempt | undefined;
    let reported: unknown;

    const send = async (request: Request): Promise<Response> => {
      for (let attempt = 1; ; attempt++) {
        const last = attempt >= attempts;
        // Full jitter: a random wait between 0 and the exponential ceiling.
        let delay = Math.random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
        try {
          signal?.throwIfAborted();
          open = startDeadline(timeoutMs, signal, TIMEOUT);
          await options.authenticate(request, open.signal);
          open.fetching = true;
          const response = await options.fetch(request, { signal: open.signal });
          if (last || !RETRY_STATUSES.includes(response.status)) return response;
          delay = retryAfterMs(response.headers.get('Retry-After')) ?? delay;
          if (delay > maxDelayMs) return response;
          open.finish();
          await response.body?.cancel();
        } catch (error) {
          open?.finish();
          reported = open ? failure(error, open, signal, timeoutMs) : error;
          if (last || !(reported instanceof SmsConnectionError || reported instanceof SmsTimeoutError)) throw reported;
        }
        await sleep(delay, signal);
      }
    };

    try {
      return await use(send);
    } catch (error) {
      // What failed after `send` returned, while the body was read, is reported like a failed attempt.
      throw error === reported || !open ? error : failure(error, open, signal, timeoutMs);
    } finally {
      open?.finish();
    }
  };
}

/** What to report for an error thrown while `attempt` was open (sending, or reading the body). */
function failure(error: unknown, attempt: Attempt, signal: AbortSignal | undefined, timeoutMs: number): unknown {
  if (signal?.aborted) return signal.reason;
  if (attempt.signal.reason === TIMEOUT) return new SmsTimeoutError(timeoutMs);
  if (error instanceof SmsError || !attempt.fetching) return error;
  // Node's fetch says only "fetch failed" (or "terminated" for a body cut short); the cause says why.
  const reason = (error instanceof Error && error.cause) || error;
  return new SmsConnectionError(`Request failed: ${String(reason)}`, { cause: error });
}

/** `Retry-After` as delay-seconds or an HTTP date, in ms; undefined when absent or unreadable. */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  // An HTTP date names its day and month in letters; Date.parse alone would also take "-1" as a year.
  const date = /[a-z]/i.test(value) ? Date.parse(value) : NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const wait = new Promise<void>((done) => (timer = setTimeout(done, ms)));
  return (signal ? untilAborted(wait, signal) : wait).finally(() => clearTimeout(timer));
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
