/**
 * Engine figures for `npm run bench` (contract: `bench: NAME VALUE UNIT`): throughput on 10 KB,
 * 100 KB and 1 MB of article text, and the time ratio with a pack ten times larger, each measured
 * against its baseline in this same run. Figures are medians of warmed-up runs (`time`).
 */
import type { Engine } from '../src/core/engine/engine';
import { loadFixtures, makeEngine, pack, runHtml } from './fixture-runner';
import { syntheticPack } from './synthetic-pack';

const SEEDS = ['afp-i24news-2020-01-16', 'jpost-2020-01-16', 'presstv-2020-07-13'];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

/**
 * Median milliseconds of `fn` over enough runs to fill about `budgetMs`, after a warm-up of a
 * quarter of that (at least three runs), so the figure is the engine's steady state rather than
 * the JIT compiling it: the 10 KB case is measured first, when little has been optimised yet.
 */
export function time(fn: () => void, budgetMs = 400, minRuns = 5): number {
  const warm = performance.now() + budgetMs / 4;
  for (let runs = 0; runs < 3 || performance.now() < warm; runs++) fn();
  const samples: number[] = [];
  const until = performance.now() + budgetMs;
  while (samples.length < minRuns || (performance.now() < until && samples.length < 200)) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

/**
 * Median milliseconds of `a` and of `b`, run in turns after a warm-up: a ratio of the two is then
 * not skewed by the machine getting busier or quieter between two separate measurements.
 */
export function timeBoth(a: () => void, b: () => void, budgetMs: number): [number, number] {
  const warm = performance.now() + budgetMs / 4;
  for (let runs = 0; runs < 3 || performance.now() < warm; runs++) {
    a();
    b();
  }
  const as: number[] = [];
  const bs: number[] = [];
  const until = performance.now() + budgetMs;
  while (as.length < 5 || (performance.now() < until && as.length < 200)) {
    let t0 = performance.now();
    a();
    as.push(performance.now() - t0);
    t0 = performance.now();
    b();
    bs.push(performance.now() - t0);
  }
  return [median(as), median(bs)];
}

/** Seed article texts (as extracted) repeated to `bytes` characters, split at paragraph breaks. */
export function corpus(engine: Engine, bytes: number): string {
  const fixtures = loadFixtures().filter((f) => SEEDS.includes(f.slug));
  const texts = fixtures.map((f) => runHtml(engine, f.html, null).text);
  let out = '';
  for (let i = 0; out.length < bytes; i++) out += `${texts[i % texts.length]}\n\n`;
  return out.slice(0, bytes);
}

export function benchEngine(print: (name: string, value: number, unit: string) => void): void {
  const engine = makeEngine();
  const analyse = (e: Engine, text: string) => () =>
    e.analyse({ text, date: '2020-07-13', today: '2026-11-22' });
  for (const [label, size] of [
    ['10kb', 10_000],
    ['100kb', 100_000],
    ['1mb', 1_000_000],
  ] as const) {
    const text = corpus(engine, size);
    const ms = time(analyse(engine, text), size >= 1_000_000 ? 2000 : 500);
    print(`engine-throughput-${label}`, +(text.length / 1e6 / (ms / 1000)).toFixed(1), 'MB/s');
  }
  print('engine-compile-pack', +time(() => makeEngine(), 300).toFixed(2), 'ms');
  const big = syntheticPack(pack, 10);
  const bigEngine = makeEngine(big);
  const text = corpus(engine, 100_000);
  const [base, large] = timeBoth(analyse(engine, text), analyse(bigEngine, text), 1600);
  print('engine-pack10x-phrases', bigEngine.compiled.index.size, 'phrases');
  print('engine-pack1x-phrases', engine.compiled.index.size, 'phrases');
  print('engine-pack10x-time-ratio', +(large / base).toFixed(2), 'x');
  const seeds = loadFixtures().filter((f) => SEEDS.includes(f.slug));
  const perSeed = time(() => {
    for (const f of seeds) runHtml(engine, f.html, null);
  }, 800);
  print('cli-extract-and-analyse-seed', +(perSeed / seeds.length).toFixed(2), 'ms');
}
