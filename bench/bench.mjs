// npm run bench: this client against bare openapi-fetch, raw fetch and the official Node.js SDK core.
// Rounds are interleaved (every case once per round, the order rotating from round to round so that no
// case always follows the same one) and the median of the rounds is reported. Many short rounds, because
// these shared machines change speed from second to second. Writes bench/results.json. Only loopback
// addresses are used.
import { cpus, totalmem } from 'node:os';
import { writeFileSync } from 'node:fs';
import { clientSideCases, signingCases, startLoopback } from './cases.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);

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
  const entries = Object.entries(cases);
  const samples = Object.fromEntries(entries.map(([name]) => [name, []]));
  for (const [, call] of entries) await opsPerSecond(call, ms, concurrency); // warm-up
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < entries.length; i++) {
      const [name, call] = entries[(round + i) % entries.length];
      samples[name].push(await opsPerSecond(call, ms, concurrency));
    }
  }
  return Object.fromEntries(
    Object.entries(samples).map(([name, values]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return [name, { opsPerSecond: Math.round(sorted[Math.floor(sorted.length / 2)]), rounds: values.map(Math.round) }];
    }),
  );
}

async function loopback() {
  const { cases, stop } = await startLoopback();
  try {
    const results = {};
    for (const concurrency of [1, 64]) {
      const measured = await compare(cases, 500, concurrency);
      for (const [name, value] of Object.entries(measured)) results[`${name}, concurrency ${concurrency}`] = value;
    }
    return results;
  } finally {
    stop();
  }
}

const ratio = (a, b) => Math.round((a / b) * 100) / 100;

const client = await compare(clientSideCases(), 200);
const signer = await compare(signingCases(), 100);
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
for (const c of [1, 64]) {
  const rows = Object.fromEntries(Object.entries(network).filter(([name]) => name.endsWith(`, concurrency ${c}`)));
  table(`Loopback throughput at concurrency ${c} (local HTTP server in another process)`, rows, network[`raw fetch, concurrency ${c}`].opsPerSecond);
}
console.log('\n| target | measured | met |\n|---|---:|:---:|');
for (const row of targets) console.log(`| ${row.target} | ${row.value}x | ${row.met ? 'yes' : 'NO'} |`);
