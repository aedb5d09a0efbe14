import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import * as webCrypto from '../src/auth/crypto.web.js';
import * as nodeCrypto from '../src/auth/crypto.node.js';
import { computeSignature, formatSdkDate, signRequest } from '../src/index.js';
import { encodeSegment } from '../src/path.js';

const require = createRequire(import.meta.url);
// The official Node.js signer, as a test oracle (devDependency; never shipped).
const { AKSKSigner } = require('@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner') as {
  AKSKSigner: {
    sign(request: object, credential: object): Record<string, string>;
    urlEncode(value: string): string;
    buildCanonicalRequest(...parts: string[]): string;
    getStringToSign(...parts: string[]): string;
  };
};

/** Runs the official signer, keeping the canonical request and string to sign it builds on the way. */
function oracleSign(request: object, credential: object) {
  const { buildCanonicalRequest, getStringToSign } = AKSKSigner;
  const seen = { canonicalRequest: '', stringToSign: '' };
  AKSKSigner.buildCanonicalRequest = (...parts) => (seen.canonicalRequest = buildCanonicalRequest.apply(AKSKSigner, parts));
  AKSKSigner.getStringToSign = (...parts) => (seen.stringToSign = getStringToSign.apply(AKSKSigner, parts));
  try {
    const authorization = AKSKSigner.sign(request, credential).Authorization;
    return { ...seen, authorization };
  } finally {
    Object.assign(AKSKSigner, { buildCanonicalRequest, getStringToSign });
  }
}
const { GlobalCredentials } = require('@huaweicloud/huaweicloud-sdk-core/auth/GlobalCredentials') as {
  GlobalCredentials: new () => { withAk(ak: string): { withSk(sk: string): object } };
};

const AK = 'AKTESTEXAMPLE0000000';
const SK = 'SKTESTEXAMPLE0000000000000000000000000000';
const URL_ABC = 'https://sms.ap-southeast-1.myhuaweicloud.com/v3/tasks/abc/unlock';
const DATE = new Date('2024-01-01T00:00:00Z');

describe('reference vectors of the facts file', () => {
  test('host;x-sdk-date', async () => {
    const signed = await signRequest(new Request(URL_ABC, { method: 'POST' }), { accessKey: AK, secretKey: SK }, { date: DATE });
    expect(signed.headers.get('X-Sdk-Date')).toBe('20240101T000000Z');
    expect(signed.headers.get('Authorization')).toBe(
      `SDK-HMAC-SHA256 Access=${AK}, SignedHeaders=host;x-sdk-date, Signature=2da158e59d8ec0aff2cd403a60a7546a3169d0a960e7e324b93a98b7e41eeaac`,
    );
    const parts = await computeSignature({ method: 'POST', url: URL_ABC, headers: unsigned(signed) }, { accessKey: AK, secretKey: SK });
    expect(parts.stringToSign.endsWith('7441a6d0b3f313daf04af8c7345ab3cb9cdae4e5dd4cce72dd06bf8277037561')).toBe(true);
  });

  test('content-type;host;x-domain-id;x-sdk-date', async () => {
    const request = new Request(URL_ABC, { method: 'POST', headers: { 'Content-Type': 'application/json' } });
    const signed = await signRequest(request, { accessKey: AK, secretKey: SK, domainId: 'domain123' }, { date: DATE });
    expect(signed.headers.get('Authorization')).toBe(
      `SDK-HMAC-SHA256 Access=${AK}, SignedHeaders=content-type;host;x-domain-id;x-sdk-date, Signature=be1f82536d398ca69bef14a58407817abd87895ba3dd7cf08f23eafbaed1edee`,
    );
  });

  test('the original request is left unsigned', async () => {
    const request = new Request(URL_ABC, { method: 'POST' });
    await signRequest(request, { accessKey: AK, secretKey: SK });
    expect(request.headers.has('Authorization')).toBe(false);
  });
});

describe('crypto back ends agree', () => {
  test('node:crypto and Web Crypto give the same digests', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary', minLength: 1 }), async (data, key) => {
        expect(await webCrypto.sha256Hex(data)).toBe(nodeCrypto.sha256Hex(data));
        expect(await webCrypto.hmacSha256Hex(key, data)).toBe(nodeCrypto.hmacSha256Hex(key, data));
      }),
      { numRuns: 200 },
    );
  });
});

/** Header names and values the official signer and a fetch `Headers` both keep as they are. */
const headerName = fc.stringMatching(/^x-[a-z][a-z0-9-]{0,15}$/);
const headerValue = fc.stringMatching(/^[\x21-\x7e]([\x20-\x7e]{0,30}[\x21-\x7e])?$/);
/** Characters that the official signer's URL parsing passes through unchanged in a path. */
const oracleSafeChar = fc.oneof(
  fc.constantFrom(...'abcXYZ019-_.~:@!$&()*+,;=[]'.split('')),
  fc.integer({ min: 0xa0, max: 0xd7ff }).map((code) => String.fromCharCode(code)),
  fc.integer({ min: 0x10000, max: 0x10ffff }).map((code) => String.fromCodePoint(code)),
);

describe('against the official Node.js signer', () => {
  test('1,000 random requests: canonical request, string to sign and signature are identical', async () => {
    const credential = new GlobalCredentials().withAk(AK).withSk(SK);
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: oracleSafeChar, minLength: 1, maxLength: 40 }).filter((id) => id !== '.' && id !== '..'),
        fc.dictionary(headerName, headerValue, { maxKeys: 5 }),
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }),
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'),
        async (taskId, extraHeaders, date, method) => {
          const url = `https://sms.cn-north-4.myhuaweicloud.com/v3/tasks/${encodeSegment(taskId)}/unlock`;
          const sdkDate = formatSdkDate(date);
          const oracle = oracleSign(
            {
              method,
              endpoint: `https://sms.cn-north-4.myhuaweicloud.com/v3/tasks/${taskId}/unlock`,
              headers: { ...extraHeaders, 'X-Sdk-Date': sdkDate },
              queryParams: {},
            },
            credential,
          );
          const signed = await signRequest(new Request(url, { method, headers: extraHeaders }), { accessKey: AK, secretKey: SK }, { date });
          const ours = await computeSignature({ method, url, headers: unsigned(signed) }, { accessKey: AK, secretKey: SK });
          expect(ours.canonicalRequest).toBe(oracle.canonicalRequest);
          expect(ours.stringToSign).toBe(oracle.stringToSign);
          expect(ours.authorization).toBe(oracle.authorization);
          expect(signed.headers.get('Authorization')).toBe(oracle.authorization);
        },
      ),
      { numRuns: 1_000 },
    );
  });

  test('any task id, reserved characters included, is encoded as the official encoder does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1 }), (taskId) => {
        expect(encodeSegment(taskId)).toBe(AKSKSigner.urlEncode(taskId));
      }),
      { numRuns: 2_000 },
    );
  });
});

/** The signed request's headers without the signature itself: what was signed. */
function unsigned(request: Request): Headers {
  const headers = new Headers(request.headers);
  headers.delete('Authorization');
  return headers;
}
