// npm run bench: this client against bare openapi-fetch, raw fetch and the official Node.js SDK core.
// Rounds are interleaved (every case once per round, in turn) and the median of the rounds is reported.
// Writes bench/results.json. Only loopback addresses are used.
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';
import { writeFileSync } from 'node:fs';
import createClient from 'openapi-fetch';
import { computeSignature, createSmsClient, formatSdkDate } from '../dist/src/index.js';

const require = createRequire(import.meta.url);
const { ClientBuilder } = require('@huaweicloud/huaweicloud-sdk-core/ClientBuilder');
const { GlobalCredentials } = require('@huaweicloud/huaweicloud-sdk-core/auth/GlobalCredentials');
const { AKSKSigner } = require('@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner');

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const ENDPOINT = 'https://sms.cn-north-4.myhuaweicloud.com';
const TASK_ID = '7a9a9540-ff28-4869-b9e4-855fbe12xxxx';
const KEYS = { accessKey: 'AKTESTEXAMPLE0000000', secretKey: 'SKTESTEXAMPLE0000000000000000000000000000', domainId: 'domain123' };
const PATH = '/v3/tasks/{task_id}/unlock';

/** A fresh canned answer per call: a Response body can be read once. */
const cannedFetch = async () =>
  new Response('{}', { status: 200, headers: { 'Content-Type': 'application/json', 'X-Request-Id': 'r' } });

/** Calls `call` back to back (`concurrency` at a time) for `ms`; returns calls per second. */
async function opsPerSecond(call, ms, concurrency = 1) {
  let count = 0;
  const end = performance.now() + ms;
  const worker = async () => {
    while (performance.now() < end) {
      await call();
      count++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return count / ((performance.now() - started) / 1000);
}

/** Runs every case once per round, rounds interleaved; returns the median ops/s of each. */
async function compare(cases, ms, concurrency) {
  const samples = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
  for (const call of Object.values(cases)) await opsPerSecond(call, ms / 2, concurrency); // warm-up
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, call] of Object.entries(cases)) samples[name].push(await opsPerSecond(call, ms, concurrency));
  }
  return Object.fromEntries(
    Object.entries(samples).map(([name, values]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return [name, { opsPerSecond: Math.round(sorted[Math.floor(sorted.length / 2)]), rounds: values.map(Math.round) }];
    }),
  );
}

function officialClient() {
  const credential = new GlobalCredentials().withAk(KEYS.accessKey).withSk(KEYS.secretKey).withDomainId(KEYS.domainId);
  const adapter = async (config) => ({ data: {}, status: 200, statusText: 'OK', headers: { 'x-request-id': 'r' }, config, request: {} });
  return new ClientBuilder((client) => client, 'GlobalCredentials')
    .withEndpoint(ENDPOINT)
    .withCredential(credential)
    .withOptions({ axiosRequestConfig: { adapter } })
    .build();
}

async function clientSideCost() {
  const bare = createClient({ baseUrl: ENDPOINT, fetch: cannedFetch });
  const withToken = createSmsClient({ region: 'cn-north-4', token: 'MIIT-benchmark-token', fetch: cannedFetch });
  const withKeys = createSmsClient({ region: 'cn-north-4', credentials: KEYS, fetch: cannedFetch });
  const official = officialClient();
  const officialRequest = () => ({ method: 'POST', url: PATH, contentType: 'application/json', queryParams: {}, pathParams: { task_id: TASK_ID }, headers: {} });
  return compare(
    {
      'openapi-fetch, bare': () => bare.POST(PATH, { params: { path: { task_id: TASK_ID } } }),
      'this client, token': () => withToken.unlockTargetEcs({ taskId: TASK_ID }),
      'this client, AK/SK': () => withKeys.unlockTargetEcs({ taskId: TASK_ID }),
      'official core (HcClient, axios), AK/SK': () => official.sendRequest(officialRequest()),
    },
    400,
  );
}

/** Both sides take a request's parts and a date-less header set, and give the signature (headers). */
async function signing() {
  const url = `${ENDPOINT}/v3/tasks/${TASK_ID}/unlock`;
  const credential = new GlobalCredentials().withAk(KEYS.accessKey).withSk(KEYS.secretKey);
  return compare(
    {
      'this signer (computeSignature)': () =>
        computeSignature(
          { method: 'POST', url, headers: new Headers({ 'X-Domain-Id': KEYS.domainId, 'X-Sdk-Date': formatSdkDate(new Date()) }) },
          KEYS,
        ),
      'official AKSKSigner.sign': async () =>
        AKSKSigner.sign(
          { method: 'POST', endpoint: `${ENDPOINT}/v3/tasks/${TASK_ID}/unlock`, headers: { 'X-Domain-Id': KEYS.domainId }, queryParams: {} },
          credential,
        ),
    },
    300,
  );
}

async function loopback() {
  const server = fork(new URL('./loopback-server.mjs', import.meta.url), { stdio: 'inherit' });
  const { port } = await new Promise((resolve) => server.once('message', resolve));
  const url = `http://127.0.0.1:${port}`;
  const sms = createSmsClient({ endpoint: url, token: 'MIIT-benchmark-token' });
  const raw = async () => {
    const response = await fetch(`${url}/v3/tasks/${TASK_ID}/unlock`, { method: 'POST', headers: { 'X-Auth-Token': 'MIIT-benchmark-token' } });
    await response.text();
  };
  try {
    const results = {};
    for (const concurrency of [1, 64]) {
      const measured = await compare({ 'raw fetch': raw, 'this client, token': () => sms.unlockTargetEcs({ taskId: TASK_ID }) }, 1000, concurrency);
      for (const [name, value] of Object.entries(measured)) results[`${name}, concurrency ${concurrency}`] = value;
    }
    return results;
  } finally {
    server.disconnect();
    server.kill();
  }
}

const ratio = (a, b) => Math.round((a / b) * 100) / 100;

const client = await clientSideCost();
const signer = await signing();
const network = await loopback();

const bare = client['openapi-fetch, bare'].opsPerSecond;
const targets = [
  { target: 'token path costs at most 1.25x bare openapi-fetch', value: ratio(bare, client['this client, token'].opsPerSecond), limit: 1.25, better: 'lower' },
  { target: 'AK/SK path does at least 2x the official core', value: ratio(client['this client, AK/SK'].opsPerSecond, client['official core (HcClient, axios), AK/SK'].opsPerSecond), limit: 2, better: 'higher' },
  { target: 'signing alone at least as fast as the official AKSKSigner', value: ratio(signer['this signer (computeSignature)'].opsPerSecond, signer['official AKSKSigner.sign'].opsPerSecond), limit: 1, better: 'higher' },
  ...[1, 64].map((c) => ({
    target: `loopback throughput at concurrency ${c} at least 0.9x raw fetch`,
    value: ratio(network[`this client, token, concurrency ${c}`].opsPerSecond, network[`raw fetch, concurrency ${c}`].opsPerSecond),
    limit: 0.9,
    better: 'higher',
  })),
].map((row) => ({ ...row, met: row.better === 'lower' ? row.value <= row.limit : row.value >= row.limit }));

const machine = { cpu: cpus()[0]?.model, cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, date: new Date().toISOString() };
writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify({ machine, rounds: ROUNDS, client, signer, network, targets }, null, 2)}\n`);

const table = (title, rows, reference) => {
  console.log(`\n${title}`);
  console.log('| case | ops/s (median) | vs first row |\n|---|---:|---:|');
  for (const [name, { opsPerSecond }] of Object.entries(rows)) console.log(`| ${name} | ${opsPerSecond} | ${ratio(opsPerSecond, reference)}x |`);
};
console.log(`Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node.js ${machine.node}; median of ${ROUNDS} interleaved rounds`);
table('Client-side cost per call (canned Response, no network)', client, bare);
table('Signing alone', signer, signer['this signer (computeSignature)'].opsPerSecond);
table('Loopback throughput (local HTTP server in another process)', network, network['raw fetch, concurrency 1'].opsPerSecond);
console.log('\n| target | measured | met |\n|---|---:|:---:|');
for (const row of targets) console.log(`| ${row.target} | ${row.value}x | ${row.met ? 'yes' : 'NO'} |`);
