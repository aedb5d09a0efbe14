import { serviceErrorFromResponse, SmsServiceError } from '../errors.js';
import { createTransport, type TransportOptions } from '../transport.js';
import { signHeaders, type Credentials } from './sign.js';

export const DEFAULT_IAM_ENDPOINT = 'https://iam.myhuaweicloud.com';
const CONTEXT = 'IAM domain look-up';

/**
 * Looks up the account (domain) id of an access key with a signed `GET {iamEndpoint}/v3/auth/domains`,
 * as the official SDKs do for global credentials, and caches it per access key. Concurrent first calls
 * share one look-up; a failed look-up is not cached, so the next call tries again. Each caller's signal
 * stops only that caller's wait, never the shared look-up.
 */
export function createDomainIdLookup(iamEndpoint: string, transport: Omit<TransportOptions, 'authenticate' | 'context'>) {
  const cache = new Map<string, Promise<string>>();

  async function lookUp({ accessKey, secretKey, securityToken }: Credentials): Promise<string> {
    const send = createTransport({
      ...transport,
      context: CONTEXT,
      authenticate: (request) => signHeaders(request, { accessKey, secretKey, ...(securityToken !== undefined && { securityToken }) }),
    });
    const response = await send(new Request(`${iamEndpoint}/v3/auth/domains`));
    const text = await response.text();
    const parsed = parseJson(text);
    if (!response.ok) throw serviceErrorFromResponse(response, parsed ?? text, CONTEXT);
    const id = (parsed as { domains?: { id?: unknown }[] } | undefined)?.domains?.[0]?.id;
    if (typeof id !== 'string' || !/^[\x21-\x7e]+$/.test(id)) {
      const requestId = response.headers.get('X-Request-Id') ?? undefined;
      throw new SmsServiceError({ status: response.status, requestId, body: text, context: `${CONTEXT}: no domain id in the answer` });
    }
    return id;
  }

  return (credentials: Credentials, signal: AbortSignal): Promise<string> => {
    let pending = cache.get(credentials.accessKey);
    if (!pending) {
      pending = lookUp(credentials);
      cache.set(credentials.accessKey, pending);
      pending.catch(() => cache.delete(credentials.accessKey));
    }
    return untilAborted(pending, signal);
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** `promise`, or the signal's reason as soon as it aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  signal.throwIfAborted();
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
