import createClient, { type Client } from 'openapi-fetch';
import { SMS_REGIONS, type SmsRegion } from '../generated/regions.js';
import type { paths } from '../generated/schema.js';
import { credentialsAuth } from './auth/credentials.js';
import { createDomainIdLookup, DEFAULT_IAM_ENDPOINT } from './auth/domain.js';
import type { Credentials } from './auth/sign.js';
import { tokenAuth, type TokenSource } from './auth/token.js';
import { checkMs } from './checks.js';
import { requestIdOf, serviceErrorFromResponse, SmsValidationError } from './errors.js';
import { serializePath } from './path.js';
import {
  createTransport,
  type Authenticate,
  type FetchFunction,
  type RetryOptions,
  type TransportOptions,
} from './transport.js';

export interface SmsClientOptions {
  /** Region whose endpoint to call (see `SMS_REGIONS`). */
  region?: SmsRegion;
  /** Endpoint URL; overrides `region`. `http:` is allowed, for local servers. */
  endpoint?: string;
  /** IAM token sent as `X-Auth-Token`, or a function returning one, called for every attempt. */
  token?: TokenSource;
  /** AK/SK credentials: every attempt is signed (SDK-HMAC-SHA256). The alternative to `token`. */
  credentials?: Credentials;
  /** IAM endpoint for the domain-id look-up of `credentials` without `domainId` (default https://iam.myhuaweicloud.com). */
  iamEndpoint?: string;
  /** Time allowed for each attempt, headers and body together (default 60000 ms). */
  timeoutMs?: number;
  /** Retry policy (default 3 attempts in all), or `false` for a single attempt. */
  retry?: RetryOptions | false;
  /** The `fetch` to send with (default: the global one). */
  fetch?: FetchFunction;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
}

export interface CallOptions {
  /** Aborting rejects the call with the signal's reason and stops any retry. */
  signal?: AbortSignal;
  /** Overrides the client's `timeoutMs` for this call's attempts. */
  timeoutMs?: number;
}

export interface UnlockTargetEcsParams {
  /** ID of the migration task: 1 to 255 characters, any but `.` and `..`. */
  taskId: string;
}

export interface UnlockTargetEcsResult {
  /** HTTP status of the answer (200). */
  status: number;
  /** The service's `X-Request-Id`, for support requests. */
  requestId: string | undefined;
  /**
   * The answer's body as sent (the source shows `{ }`; its schema, `UnlockTargetEcsResponse`, documents
   * no members). Kept as text so that an odd body never turns a success into a failure.
   */
  body: string;
}

export interface SmsClient {
  /** The endpoint this client calls. */
  readonly endpoint: string;
  /**
   * The openapi-fetch client over the same authentication, timeout and retry: `{ data, error, response }`.
   * Its timeout covers each attempt until the answer's headers; `unlockTargetEcs`'s covers the body too.
   */
  readonly raw: Client<paths>;
  /**
   * Unlocks the target server of a task. Resolves on any 2xx; rejects with `SmsServiceError` (non-2xx),
   * `SmsConnectionError`, `SmsTimeoutError`, `SmsValidationError` (before sending) or the signal's reason.
   */
  unlockTargetEcs(params: UnlockTargetEcsParams, options?: CallOptions): Promise<UnlockTargetEcsResult>;
}

const DEFAULT_TIMEOUT_MS = 60_000;

/** Creates a client. Throws `SmsValidationError` for a bad option, before anything is sent. */
export function createSmsClient(options: SmsClientOptions): SmsClient {
  if (options.fetch !== undefined && typeof options.fetch !== 'function') throw new SmsValidationError('fetch', 'must be a function');
  const regional = options.region === undefined ? undefined : regionEndpoint(options.region);
  const endpoint = checkUrl('endpoint', options.endpoint) ?? regional;
  if (endpoint === undefined) throw new SmsValidationError('region', 'give a region or an endpoint');
  const sending = {
    fetch: options.fetch ?? ((request, init) => globalThis.fetch(request, init)),
    timeoutMs: checkMs('timeoutMs', options.timeoutMs, 1) ?? DEFAULT_TIMEOUT_MS,
    retry: resolveRetry(options.retry),
  };
  const run = createTransport({ ...sending, authenticate: resolveAuth(options, sending) });
  const client = createClient<paths>({
    baseUrl: endpoint,
    headers: checkHeaders(options.headers),
    pathSerializer: serializePath,
    // `sms.raw`: every request runs over the transport; openapi-fetch reads the body once it returns.
    fetch: (request) => run((send) => send(request), { signal: request.signal }),
  });

  return {
    endpoint,
    raw: client,
    async unlockTargetEcs(params, { signal, timeoutMs } = {}) {
      const { data, error, response } = await run(
        (fetch) =>
          client.POST('/v3/tasks/{task_id}/unlock', {
            params: { path: { task_id: params?.taskId } },
            parseAs: 'text',
            fetch,
          }),
        { signal, timeoutMs: checkMs('timeoutMs', timeoutMs, 1) },
      );
      if (!response.ok) throw serviceErrorFromResponse(response, error);
      return { status: response.status, requestId: requestIdOf(response), body: data ?? '' };
    },
  };
}

function regionEndpoint(region: SmsRegion): string {
  if (!Object.hasOwn(SMS_REGIONS, region)) {
    throw new SmsValidationError('region', `unknown region "${region}"`);
  }
  return SMS_REGIONS[region];
}

/** An http(s) base URL without credentials, query or fragment, returned without its trailing slash. */
function checkUrl(field: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const url = typeof value === 'string' && URL.canParse(value) ? new URL(value) : undefined;
  if (!url || !/^https?:$/.test(url.protocol) || url.username || url.password || url.search || url.hash) {
    throw new SmsValidationError(field, 'must be an http(s) URL without credentials, query, fragment');
  }
  return url.href.replace(/\/$/, '');
}

function resolveAuth(options: SmsClientOptions, sending: Omit<TransportOptions, 'authenticate'>): Authenticate {
  const { token, credentials } = options;
  if ((token === undefined) === (credentials === undefined)) {
    throw new SmsValidationError('token', 'give either a token or credentials');
  }
  if (credentials !== undefined) {
    const iamEndpoint = checkUrl('iamEndpoint', options.iamEndpoint) ?? DEFAULT_IAM_ENDPOINT;
    return credentialsAuth(credentials, createDomainIdLookup(iamEndpoint, sending));
  }
  return tokenAuth(token!);
}

/** The defaults are documented on `RetryOptions`. */
function resolveRetry(retry: RetryOptions | false | undefined): Required<RetryOptions> {
  const { attempts = 3, baseDelayMs = 500, maxDelayMs = 30_000 } = retry === false ? { attempts: 1 } : (retry ?? {});
  if (!Number.isInteger(attempts) || attempts < 1) {
    throw new SmsValidationError('retry.attempts', 'must be a whole number above 0');
  }
  return {
    attempts,
    baseDelayMs: checkMs('retry.baseDelayMs', baseDelayMs, 0)!,
    maxDelayMs: checkMs('retry.maxDelayMs', maxDelayMs, 0)!,
  };
}

/** Checked without quoting anything: an extra header may hold a secret. */
function checkHeaders(headers: Record<string, string> | undefined): Record<string, string> {
  try {
    new Headers(headers);
  } catch {
    throw new SmsValidationError('headers', 'must be valid header names and values');
  }
  return headers ?? {};
}
