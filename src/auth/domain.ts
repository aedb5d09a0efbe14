import { serviceErrorFromResponse, SmsError } from '../errors.js';
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
export function createDomainIdLookup(iamEndpoint: string, transport: Omit<TransportOptions, 'authenticate'>) {
  const cache = new Map<string, Promise<string>>();

  /** `credentials` has no domain id (else no look-up): the look-up is signed without `X-Domain-Id`. */
  async function lookUp(credentials: Credentials): Promise<string> {
    try {
      const run = createTransport({ ...transport, authenticate: (request) => signHeaders(request, credentials) });
      const [response, text] = await run(async (fetch) => {
        const answer = await fetch(new Request(`${iamEndpoint}/v3/auth/domains`));
        return [answer, await answer.text()] as const;
      });
      const parsed = parseJson(text) as { domains?: { id?: unknown }[] } | undefined;
      const id = parsed?.domains?.[0]?.id;
      // An answer without a usable id is reported like a refusal, with its body.
      if (!response.ok || typeof id !== 'string' || !VISIBLE_ASCII.test(id)) throw serviceErrorFromResponse(response, parsed ?? text);
      return id;
    } catch (error) {
      // Say which request failed: otherwise the look-up's errors read like the unlock call's own.
      if (error instanceof SmsError) error.message = `${CONTEXT}: ${error.message}`;
      throw error;
    }
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

/** The JSON value of `text`, or `undefined` when it is not JSON. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
