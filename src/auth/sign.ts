import { hmacSha256Hex, sha256Hex } from '#crypto';
import { SmsValidationError } from '../errors.js';
import { encodeSegment } from '../path.js';

/** AK/SK credentials, as the official SDKs' GlobalCredentials. */
export interface Credentials {
  accessKey: string;
  secretKey: string;
  /** Account (domain) id sent as `X-Domain-Id`; looked up from IAM by the client when not given. */
  domainId?: string;
  /** Security token of temporary credentials, sent as `X-Security-Token`. */
  securityToken?: string;
}

export interface SignOptions {
  /** Signing time (default: now). */
  date?: Date;
}

/** Everything a signature is made of, for comparing with another signer or a server's complaint. */
export interface Signature {
  canonicalRequest: string;
  stringToSign: string;
  signedHeaders: string;
  signature: string;
  /** The `Authorization` header value. */
  authorization: string;
}

/** The parts of a request that are signed. `headers` holds every header to sign but `host`. */
export interface SignableRequest {
  method: string;
  url: string;
  headers: Headers;
  /** Raw body bytes; `undefined` for none. */
  body?: Uint8Array | undefined;
}

const ALGORITHM = 'SDK-HMAC-SHA256';
/** SHA-256 of an empty body, computed once (most requests here have no body). */
let emptyBodyHash: string | undefined;

/** `YYYYMMDDTHHMMSSZ` in UTC. */
export function formatSdkDate(date: Date): string {
  return date.toISOString().replace(/[-:]|\.\d+/g, '');
}

/**
 * Signs `request` with SDK-HMAC-SHA256 and returns a signed copy: `X-Sdk-Date`, `X-Domain-Id` (when
 * `domainId` is given), `X-Security-Token` (when `securityToken` is), and `Authorization`. Every header
 * of the request is signed, plus `host`. The signed path is the path as it will be sent.
 *
 * Works in any runtime with `fetch`'s `Request` (Node.js uses node:crypto, others Web Crypto).
 */
export async function signRequest(request: Request, credentials: Credentials, options: SignOptions = {}): Promise<Request> {
  checkCredentials(credentials);
  const signed = new Request(request);
  await signHeaders(signed, credentials, options.date);
  return signed;
}

/** Signs `request` in place (the client's per-attempt authentication); `credentials` are checked already. */
export async function signHeaders(request: Request, credentials: Credentials, date = new Date()): Promise<void> {
  const { headers } = request;
  // A retried request still carries the last attempt's signature: it is not itself signed.
  headers.delete('Authorization');
  headers.set('X-Sdk-Date', formatSdkDate(date));
  if (credentials.domainId) headers.set('X-Domain-Id', credentials.domainId);
  if (credentials.securityToken) headers.set('X-Security-Token', credentials.securityToken);
  const body = request.body ? new Uint8Array(await request.clone().arrayBuffer()) : undefined;
  const { authorization } = await computeSignature({ method: request.method, url: request.url, headers, body }, credentials);
  headers.set('Authorization', authorization);
}

/**
 * Computes the signature of a request whose `X-Sdk-Date` (and any other header to sign) is already
 * set. Used by `signRequest` and by the mock server to verify what it received.
 */
export async function computeSignature(
  request: SignableRequest,
  credentials: Pick<Credentials, 'accessKey' | 'secretKey'>,
): Promise<Signature> {
  const url = new URL(request.url);
  const date = request.headers.get('X-Sdk-Date') ?? '';
  // A Headers object iterates lower-cased names already; only `host` needs sorting in.
  const entries = [['host', url.host], ...request.headers].sort(([a], [b]) => (a! < b! ? -1 : 1));
  const signedHeaders = entries.map(([name]) => name).join(';');
  const payloadHash = request.body?.length ? await sha256Hex(request.body) : (emptyBodyHash ??= await sha256Hex(''));
  const canonicalRequest = [
    request.method.toUpperCase(),
    canonicalUri(url.pathname),
    canonicalQuery(url.searchParams),
    entries.map(([name, value]) => `${name}:${value}\n`).join(''),
    signedHeaders,
    payloadHash,
  ].join('\n');
  const stringToSign = `${ALGORITHM}\n${date}\n${await sha256Hex(canonicalRequest)}`;
  const signature = await hmacSha256Hex(credentials.secretKey, stringToSign);
  return {
    canonicalRequest,
    stringToSign,
    signedHeaders,
    signature,
    authorization: `${ALGORITHM} Access=${credentials.accessKey}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  };
}

/** Each segment decoded then encoded the one canonical way (so `%7e`, `~` and `%7E` sign alike), then `/`. */
function canonicalUri(pathname: string): string {
  // Fast path: nothing to decode or encode (the usual case: ids of letters, digits and dashes).
  const path = /^[\w\-.~/]*$/.test(pathname)
    ? pathname
    : pathname.split('/').map((segment) => encodeSegment(decodeSegment(segment))).join('/');
  return path.endsWith('/') ? path : `${path}/`;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function canonicalQuery(params: URLSearchParams): string {
  return [...params]
    .map(([key, value]) => `${encodeSegment(key)}=${encodeSegment(value)}`)
    .sort()
    .join('&');
}

/** Checks what goes into headers; the reasons never quote a secret. */
export function checkCredentials(credentials: Credentials): void {
  const { accessKey, secretKey, domainId, securityToken } = credentials ?? {};
  // Visible ASCII without commas: what a header (and Authorization's list) carries; Huawei secret keys are too.
  for (const [field, value] of Object.entries({ accessKey, secretKey, domainId, securityToken })) {
    if ((value !== undefined || field.endsWith('Key')) && !(typeof value === 'string' && /^[\x21-\x2b\x2d-\x7e]+$/.test(value))) {
      throw new SmsValidationError(`credentials.${field}`, 'must be visible ASCII without commas');
    }
  }
}
