/** The signal of one attempt: it aborts when the attempt's time is up, or when the caller aborts. */
export interface Deadline {
  signal: AbortSignal;
  /** Stops the timer and stops following the caller's signal. */
  finish(): void;
}

/**
 * A signal of the attempt's own that aborts with `timedOut` after `timeoutMs`, or with the caller's
 * reason when `caller` aborts. Used everywhere but Node.js (package.json `imports`, `#deadline`).
 */
export function startDeadline(timeoutMs: number, caller: AbortSignal | undefined, timedOut: unknown): Deadline {
  const controller = new AbortController();
  const onAbort = () => controller.abort(caller!.reason);
  caller?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => controller.abort(timedOut), timeoutMs);
  return {
    signal: controller.signal,
    finish() {
      clearTimeout(timer);
      caller?.removeEventListener('abort', onAbort);
    },
  };
}
