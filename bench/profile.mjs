// npm run bench:profile: who spends each benchmark case's CPU time, by component, in µs per call.
// Each case runs alone under the V8 sampling profiler (node:inspector). A sample counts for the nearest
// frame on its stack that is not Node.js's own (`node:`) or V8's: the work Node.js does for a caller
// (undici building a Request, node:crypto hashing) counts for that caller, so the table says who causes
// the cost. What runs with no such caller (sockets, the HTTP parser, fetch's internals run from the event
// loop) counts for Node.js. Sampling every 500 µs keeps the profiler's own cost small (at 50 µs it doubled
// the totals); the totals stay near the benchmark's own numbers.
import { Session } from 'node:inspector/promises';
import { clientSideCases, startLoopback } from './cases.mjs';

const CALLS = Number(process.env.PROFILE_CALLS ?? 30_000);

/** Components, first match wins: the file a frame comes from → what it is part of (else its own URL). */
const COMPONENTS = [
  [/\/dist\/src\/auth\//, 'this client: signing'],
  [/\/dist\/src\//, 'this client: transport, checks, errors'],
  [/\/openapi-fetch\//, 'openapi-fetch (with the Request it builds)'],
  [/\/node_modules\//, 'official core and its dependencies (axios, moment, lodash)'],
  [/\/bench\//, "the case's own code (canned Response, raw fetch call)"],
];
const component = (url) => COMPONENTS.find(([pattern]) => pattern.test(url))?.[1] ?? url;
const NODE = 'Node.js with no caller in JS (sockets, fetch internals)';

/** Runs `call` `CALLS` times under the profiler; returns µs of CPU per call by component, and GC. */
async function profile(session, call) {
  for (let i = 0; i < 2_000; i++) await call(); // warm-up: JIT, connection pool
  await session.post('Profiler.start');
  for (let i = 0; i < CALLS; i++) await call();
  const { profile } = await session.post('Profiler.stop');

  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map(profile.nodes.flatMap((node) => (node.children ?? []).map((child) => [child, node.id])));
  const owner = (id) => {
    for (let node = nodes.get(id); node; node = nodes.get(parents.get(node.id))) {
      const { url, functionName } = node.callFrame;
      if (functionName === '(garbage collector)') return 'garbage collector';
      if (functionName === '(idle)' || functionName === '(program)') return undefined;
      // `node:` is Node.js's JavaScript, `wasm:` its HTTP parser (llhttp).
      if (url && !/^(node|wasm):/.test(url)) return component(url);
    }
    return NODE;
  };
  const perCall = {};
  profile.samples.forEach((id, i) => {
    const name = owner(id);
    if (name) perCall[name] = (perCall[name] ?? 0) + profile.timeDeltas[i] / CALLS;
  });
  return perCall;
}

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 500 });

const results = {};
for (const [name, call] of Object.entries(clientSideCases())) results[`${name} (canned)`] = await profile(session, call);
const loopback = await startLoopback();
try {
  for (const [name, call] of Object.entries(loopback.cases)) results[`${name} (loopback)`] = await profile(session, call);
} finally {
  loopback.stop();
}
session.disconnect();

const columns = Object.keys(results);
const rows = [...new Set(columns.flatMap((column) => Object.keys(results[column])))];
const total = (column) => Object.values(results[column]).reduce((sum, value) => sum + value, 0);
const cell = (value) => (value >= 0.05 ? value.toFixed(1) : '');
console.log(`µs of CPU per call by component (V8 sampling profiler, ${CALLS} calls per case, ${process.version})\n`);
console.log(`| component | ${columns.join(' | ')} |\n|---|${columns.map(() => '---:').join('|')}|`);
for (const row of rows.sort()) console.log(`| ${row} | ${columns.map((column) => cell(results[column][row] ?? 0)).join(' | ')} |`);
console.log(`| **total** | ${columns.map((column) => `**${total(column).toFixed(1)}**`).join(' | ')} |`);
