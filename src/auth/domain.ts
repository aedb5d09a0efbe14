import { serviceErrorFromResponse } from '../errors.js';
import { VISIBLE_ASCII } from '../checks.js';
import { createTransport, untilAborted, type TransportOptions } from '../transport.js';
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

  /** `credentials` has no domain id (else no look-up): the look-up is signed without `X-Domain-Id`. */
  async function lookUp(credentials: Credentials): Promise<string> {
    const send = createTransport({ ...transport, context: CONTEXT, authenticate: (request) => signHeaders(request, credentials) });
    const response = await send(new Request(`${iamEndpoint}/v3/auth/domains`));
    const text = await response.text();
    let parsed: { domains?: { id?: unknown }[] } | undefined;
    try {
      parsed = JSON.parse(text);
    } catch {}
    if (!response.ok) throw serviceErrorFromResponse(response, parsed ?? text, CONTEXT);
    const id = parsed?.domains?.[0]?.id;
    if (typeof id !== 'string' || !VISIBLE_ASCII.test(id)) {
      throw serviceErrorFromResponse(response, text, `${CONTEXT}: no domain id`);
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
