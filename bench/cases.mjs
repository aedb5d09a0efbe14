// The cases `npm run bench` measures and `npm run bench:profile` profiles: the same calls in both.
// Only loopback addresses are used.
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import createClient from 'openapi-fetch';
import { computeSignature, createSmsClient, formatSdkDate } from '../dist/src/index.js';

const require = createRequire(import.meta.url);
const { ClientBuilder } = require('@huaweicloud/huaweicloud-sdk-core/ClientBuilder');
const { GlobalCredentials } = require('@huaweicloud/huaweicloud-sdk-core/auth/GlobalCredentials');
const { AKSKSigner } = require('@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner');

const ENDPOINT = 'https://sms.cn-north-4.myhuaweicloud.com';
const TASK_ID = '7a9a9540-ff28-4869-b9e4-855fbe12xxxx';
const KEYS = { accessKey: 'AKTESTEXAMPLE0000000', secretKey: 'SKTESTEXAMPLE0000000000000000000000000000', domainId: 'domain123' };
const TOKEN = 'MIIT-benchmark-token';
const PATH = '/v3/tasks/{task_id}/unlock';

/** A fresh canned answer per call: a Response body can be read once. */
const cannedFetch = async () =>
  new Response('{}', { status: 200, headers: { 'Content-Type': 'application/json', 'X-Request-Id': 'r' } });

function officialClient() {
  const credential = new GlobalCredentials().withAk(KEYS.accessKey).withSk(KEYS.secretKey).withDomainId(KEYS.domainId);
  const adapter = async (config) => ({ data: {}, status: 200, statusText: 'OK', headers: { 'x-request-id': 'r' }, config, request: {} });
  return new ClientBuilder((client) => client, 'GlobalCredentials')
    .withEndpoint(ENDPOINT)
    .withCredential(credential)
    .withOptions({ axiosRequestConfig: { adapter } })
    .build();
}

/** Client-side cost: every client over a canned answer, no network. */
export function clientSideCases() {
  const bare = createClient({ baseUrl: ENDPOINT, fetch: cannedFetch });
  const withToken = createSmsClient({ region: 'cn-north-4', token: TOKEN, fetch: cannedFetch });
  const withKeys = createSmsClient({ region: 'cn-north-4', credentials: KEYS, fetch: cannedFetch });
  const official = officialClient();
  const officialRequest = () => ({ method: 'POST', url: PATH, contentType: 'application/json', queryParams: {}, pathParams: { task_id: TASK_ID }, headers: {} });
  return {
    'openapi-fetch, bare': () => bare.POST(PATH, { params: { path: { task_id: TASK_ID } } }),
    'this client, token': () => withToken.unlockTargetEcs({ taskId: TASK_ID }),
    'this client, AK/SK': () => withKeys.unlockTargetEcs({ taskId: TASK_ID }),
    'official core (HcClient, axios), AK/SK': () => official.sendRequest(officialRequest()),
  };
}

/** Both sides take a request's parts and a date-less header set, and give the signature (headers). */
export function signingCases() {
  const url = `${ENDPOINT}/v3/tasks/${TASK_ID}/unlock`;
  const credential = new GlobalCredentials().withAk(KEYS.accessKey).withSk(KEYS.secretKey);
  return {
    'this signer (computeSignature)': () =>
      computeSignature(
        { method: 'POST', url, headers: new Headers({ 'X-Domain-Id': KEYS.domainId, 'X-Sdk-Date': formatSdkDate(new Date()) }) },
        KEYS,
      ),
    'official AKSKSigner.sign': async () =>
      AKSKSigner.sign({ method: 'POST', endpoint: url, headers: { 'X-Domain-Id': KEYS.domainId }, queryParams: {} }, credential),
  };
}

/**
 * Starts the loopback server in another process (so that it does not share the client's event loop) and
 * returns the cases that call it: raw fetch, bare openapi-fetch (what this client is built on) and this
 * client, all with the same token header and reading the whole answer.
 */
export async function startLoopback() {
  const server = fork(new URL('./loopback-server.mjs', import.meta.url), { stdio: 'inherit' });
  const { port } = await new Promise((resolve) => server.once('message', resolve));
  const url = `http://127.0.0.1:${port}`;
  const headers = { 'X-Auth-Token': TOKEN };
  const bare = createClient({ baseUrl: url });
  const sms = createSmsClient({ endpoint: url, token: TOKEN });
  return {
    cases: {
      'raw fetch': async () => (await fetch(`${url}/v3/tasks/${TASK_ID}/unlock`, { method: 'POST', headers })).text(),
      'openapi-fetch, bare': () => bare.POST(PATH, { params: { path: { task_id: TASK_ID } }, headers, parseAs: 'text' }),
      'this client, token': () => sms.unlockTargetEcs({ taskId: TASK_ID }),
    },
    stop() {
      server.disconnect();
      server.kill();
    },
  };
}
