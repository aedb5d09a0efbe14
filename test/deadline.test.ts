import { describe, expect, test } from 'vitest';
import { startDeadline as nodeDeadline } from '../src/deadline.node.js';
import { startDeadline as webDeadline } from '../src/deadline.web.js';

const TIMED_OUT = Symbol('timed out');
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe.each([
  ['web (own signal per attempt)', webDeadline],
  ['node', nodeDeadline],
])('%s deadlines', (_, startDeadline) => {
  test('abort with the timeout reason once the time is up', async () => {
    const deadline = startDeadline(50, undefined, TIMED_OUT);
    expect(deadline.signal.aborted).toBe(false);
    await sleep(80);
    expect(deadline.signal.reason).toBe(TIMED_OUT);
  });

  test("follow the caller's signal, with its reason, until finished", async () => {
    const caller = new AbortController();
    const followed = startDeadline(10_000, caller.signal, TIMED_OUT);
    const reason = new Error('stop');
    caller.abort(reason);
    expect(followed.signal.reason).toBe(reason);

    const another = new AbortController();
    const finished = startDeadline(50, another.signal, TIMED_OUT);
    finished.finish();
    another.abort();
    await sleep(80);
    expect(finished.signal.aborted).toBe(false);
  });
});

describe('node deadlines without a caller signal', () => {
  test('attempts started together share one signal; a later one gets another', async () => {
    const first = nodeDeadline(1_000, undefined, TIMED_OUT);
    const second = nodeDeadline(1_000, undefined, TIMED_OUT);
    const otherTimeout = nodeDeadline(2_000, undefined, TIMED_OUT);
    await sleep(20);
    const later = nodeDeadline(1_000, undefined, TIMED_OUT);
    expect(second.signal).toBe(first.signal);
    expect(otherTimeout.signal).not.toBe(first.signal);
    expect(later.signal).not.toBe(first.signal);
  });

  test('a shared signal fires no earlier than timeoutMs and at most 10 ms after it for every attempt', async () => {
    const started = performance.now();
    const first = nodeDeadline(100, undefined, TIMED_OUT);
    await sleep(5);
    const joined = nodeDeadline(100, undefined, TIMED_OUT);
    expect(joined.signal).toBe(first.signal);
    const joinedAt = performance.now();
    const aborted = await new Promise<number>((done) => first.signal.addEventListener('abort', () => done(performance.now())));
    expect(aborted - joinedAt).toBeGreaterThanOrEqual(99);
    expect(aborted - started).toBeLessThan(100 + 10 + 30);
  });
});
