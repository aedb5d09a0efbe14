import { startDeadline as ownDeadline, type Deadline } from './deadline.web.js';

export type { Deadline };

/** How long a shared deadline takes in new attempts: their timeouts fire up to this much late. */
const SLOT_MS = 10;
/** Attempts per shared signal at most: undici adds a listener per request to it. */
const SLOT_SIZE = 500;

/** The deadline currently taking in attempts, per timeout. */
const slots = new Map<number, { signal: AbortSignal; opened: number; size: number }>();

/**
 * Node.js 20 takes about 4 µs to create an AbortSignal, more than the rest of the client's own work per
 * call, so attempts that have no caller's signal and start within the same 10 ms share one signal. It
 * aborts once the last of them reaches its timeout: each times out between `timeoutMs` and `timeoutMs`
 * + 10 ms. Its timer is unref'd (it never keeps a process alive) and needs no clearing, since aborting a
 * finished request does nothing. An attempt with a caller's signal gets one of its own.
 */
export function startDeadline(timeoutMs: number, caller: AbortSignal | undefined, timedOut: unknown): Deadline {
  if (caller) return ownDeadline(timeoutMs, caller, timedOut);
  const now = performance.now();
  let slot = slots.get(timeoutMs);
  if (!slot || now - slot.opened > SLOT_MS || slot.size >= SLOT_SIZE) {
    const controller = new AbortController();
    const current = { signal: controller.signal, opened: now, size: 0 };
    slots.set(timeoutMs, current);
    setTimeout(() => {
      controller.abort(timedOut);
      if (slots.get(timeoutMs) === current) slots.delete(timeoutMs);
    }, timeoutMs + SLOT_MS).unref();
    slot = current;
  }
  slot.size++;
  return { signal: slot.signal, finish() {} };
}
