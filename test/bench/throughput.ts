/**
 * The engine's throughput as `npm run bench` measures it, in whichever runtime runs this module:
 * node for the CLI's figures (scripts/bench-engine.ts) and a Chromium page for the extension's
 * (test/bench/page-bench.ts). No node or DOM API here, so both bundle the same loop.
 */

/** How long the engine runs over all sizes before the figures are timed, and then for how long they are. */
export const WARM_UP_MS = 6000;
export const TIMED_MS = 5000;

/** The bench's text sizes, by the label each figure's name carries. */
export const BENCH_SIZES = [
  ['10kb', 10_000],
  ['100kb', 100_000],
  ['1mb', 1_000_000],
] as const;

/** What the bench asks the engine for each text (fixed dates, so every run does the same work). */
export const benchInput = (text: string) => ({ text, date: '2020-07-13', today: '2026-11-22' });

/** Megabytes per second of `chars` characters analysed in `ms` milliseconds. */
export const mbPerSecond = (chars: number, ms: number) => +(chars / 1e6 / (ms / 1000)).toFixed(1);

/**
 * The yardstick: FNV-1a over every byte, word by word, as plain as a text loop gets. Returned so
 * the work is not optimised away.
 */
function hashLoop(bytes: Uint8Array): number {
  let words = 0;
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 32) {
      words = (words + h) | 0;
      h = 0x811c9dc5 | 0;
    } else h = Math.imul(h ^ b, 16777619);
  }
  return words;
}

export function median(xs: number[]): number {
  return quantile(xs, 0.5);
}

/** The value a share `q` (0..1) of `xs` lies below: the median at 0.5. */
export function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * q))]!;
}

/**
 * The share of calls a `quiet` figure is read at. Every call does the same work on the same text,
 * so what makes one slower than another is mostly the host: other work on the machine, which can
 * slow a call but never speed it up (and, rarely, a garbage collection falling in the call: about
 * 1 % of the engine's time, which this figure leaves out and the median mostly does too). A call
 * that nine in ten are slower than is one the host left alone, or nearly; the fastest call alone
 * would be one lucky reading. A host slow for the whole run slows this figure too.
 */
export const QUIET_SHARE = 0.1;

export interface Throughput {
  /** Median milliseconds of one analysis of each text, in the order given. */
  ms: number[];
  /** The same at QUIET_SHARE instead of the median: the engine's time when the host is quiet. */
  quiet: number[];
  /** Median milliseconds of `hashLoop` over the last (largest) text's UTF-8 bytes. */
  yardstick: number;
}

/**
 * Steady state, as in the extension's long-lived background and a CLI batch: the JIT has seen
 * every size before any is timed (a fresh engine runs its first 10 KB pages a third slower while
 * it is still being optimised). Then timed in rounds that take every text in turn, each round
 * analysing about 1 MB of each size (100 pages of 10 KB, 10 of 100 KB, one of 1 MB), with the
 * yardstick once a round: this host's speed swings by up to 2x over minutes, and interleaving makes
 * each figure see the same machine, and the yardstick show which one it was.
 */
export function measureThroughput(
  analyse: (text: string) => unknown,
  texts: string[],
  warmUpMs = WARM_UP_MS,
  timedMs = TIMED_MS,
): Throughput {
  const { ms, quiet, yardstick } = measureInTurns([analyse], texts, warmUpMs, timedMs);
  return { ms: ms[0]!, quiet: quiet[0]!, yardstick };
}

/**
 * `measureThroughput` for several analysers at once (two revisions of the engine, say), each call
 * of one followed by the same call of the next: they see the same machine, call by call.
 * `ms[analyser][text]`.
 */
export function measureInTurns(
  analysers: ((text: string) => unknown)[],
  texts: string[],
  warmUpMs = WARM_UP_MS,
  timedMs = TIMED_MS,
): { ms: number[][]; quiet: number[][]; yardstick: number } {
  const repeats = texts.map((t) => Math.max(1, Math.round(1_000_000 / t.length)));
  for (const until = performance.now() + warmUpMs; performance.now() < until; ) {
    texts.forEach((text, k) => {
      for (let r = 0; r < repeats[k]!; r++) for (const analyse of analysers) analyse(text);
    });
  }
  const samples: number[][][] = analysers.map(() => texts.map(() => []));
  const yardstick: number[] = [];
  const bytes = new TextEncoder().encode(texts[texts.length - 1]!);
  for (let round = 0, until = performance.now() + timedMs; round < 5 || performance.now() < until; round++) {
    texts.forEach((text, k) => {
      for (let r = 0; r < repeats[k]!; r++) {
        analysers.forEach((analyse, a) => {
          const t0 = performance.now();
          analyse(text);
          samples[a]![k]!.push(performance.now() - t0);
        });
      }
    });
    const t0 = performance.now();
    hashLoop(bytes);
    yardstick.push(performance.now() - t0);
  }
  return {
    ms: samples.map((perText) => perText.map(median)),
    quiet: samples.map((perText) => perText.map((xs) => quantile(xs, QUIET_SHARE))),
    yardstick: median(yardstick),
  };
}
