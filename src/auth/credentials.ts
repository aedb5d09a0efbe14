import type { Authenticate } from '../transport.js';
import { checkCredentials, signHeaders, type Credentials } from './sign.js';

/**
 * Signs every attempt afresh with SDK-HMAC-SHA256, sending `X-Domain-Id` as global credentials do:
 * the given `domainId`, or the one `lookUpDomainId` finds.
 */
export function credentialsAuth(
  credentials: Credentials,
  lookUpDomainId: (credentials: Credentials, signal: AbortSignal) => Promise<string>,
): Authenticate {
  checkCredentials(credentials);
  // A copy: a caller changing its object later must not change what this client signs with.
  const own = { ...credentials };
  return async (request, signal) => {
    const domainId = own.domainId ?? (await lookUpDomainId(own, signal));
    await signHeaders(request, { ...own, domainId });
  };
}
