/**
 * Cooperative time slicing for work on large pages: the caller does a bounded amount of work, asks
 * `due()`, and awaits `pause()` when its slice is used up, so no main-thread task runs much longer
 * than the budget and the page keeps painting and answering input. Records the longest slice it saw
 * (for the popup's diagnostics and the bench).
 */

export interface Slicer {
  /** True when the current slice has used its budget: the caller should `await pause()`. */
  due(): boolean;
  /** Ends the current slice; resolves in a new task. Rejects with an AbortError once aborted. */
  pause(): Promise<void>;
  /** Ends the current slice while `work` runs elsewhere (another thread); a new slice starts after. */
  wait<T>(work: Promise<T>): Promise<T>;
  /** Milliseconds of the longest slice so far (ended or current). */
  longest(): number;
}

type YieldFn = () => Promise<void>;

/**
 * A new task, as soon as possible: scheduler.yield() where it exists (Chromium; keeps our priority),
 * else a MessageChannel message — not setTimeout, which background tabs throttle to one per second.
 */
function nativeYield(win: typeof globalThis): YieldFn {
  const scheduler = (win as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler && typeof scheduler.yield === 'function') return () => scheduler.yield!();
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(null);
    });
}

/** Resolves in a new task (scheduler.yield or a MessageChannel message, as slices do). */
export function nextTask(): Promise<void> {
  yieldOnce ??= nativeYield(globalThis);
  return yieldOnce();
}
let yieldOnce: YieldFn | null = null;

/** `clock`: milliseconds, rising (performance.now; tests pass a clock of their own, so no test times anything). */
export function createSlicer(
  budgetMs: number,
  signal?: AbortSignal,
  yieldTo?: YieldFn,
  clock: () => number = () => performance.now(),
): Slicer {
  const now = clock;
  const next = yieldTo ?? nativeYield(globalThis);
  let sliceStart = now();
  let longest = 0;
  const close = () => {
    longest = Math.max(longest, now() - sliceStart);
  };
  return {
    due: () => now() - sliceStart >= budgetMs,
    async pause() {
      close();
      await next();
      signal?.throwIfAborted();
      sliceStart = now();
    },
    async wait(work) {
      close();
      try {
        return await work;
      } finally {
        sliceStart = now();
      }
    },
    longest() {
      return Math.max(longest, now() - sliceStart);
    },
  };
}
