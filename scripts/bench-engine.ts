/**
 * Engine figures for `npm run bench` (contract: `bench: NAME VALUE UNIT`): throughput on 10 KB,
 * 100 KB and 1 MB of article text, and the time ratio with a pack ten times larger, each measured
 * against its baseline in this same run. Figures are medians of warmed-up runs (`time`).
 *
 * The engine is measured as it ships: bundled by Vite, as `npm run build` bundles it into the
 * extension and the CLI. This script itself runs under Vite's module runner, which reads every
 * imported name through an accessor; measured through the runner, that loader cost would be
 * counted as the engine's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import type { createEngine, Engine } from '../src/core/engine/engine';
import type { FactPack } from '../src/core/facts/types';
import {
  BENCH_SIZES,
  benchInput,
  mbPerSecond,
  measureThroughput,
  median,
  type Throughput,
} from '../test/bench/throughput';
import { loadFixtures, makeEngine, pack, runHtml } from './fixture-runner';
import { syntheticPack } from './synthetic-pack';

const SEEDS = ['afp-i24news-2020-01-16', 'jpost-2020-01-16', 'presstv-2020-07-13'];

/**
 * Median milliseconds of `fn` over enough runs to fill about `budgetMs`, after a warm-up of a
 * quarter of that (at least three runs), so the figure is the steady state rather than the JIT
 * compiling the code.
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

/**
 * The fixture articles in `langs` (as extracted, in slug order), one after another up to `bytes`
 * characters: distinct text, unlike `corpus`, whose three seeds repeat. A text that repeats is
 * read faster than one that does not (the processor learns its branches: the same 10 KB analysed
 * thirty times in a row took 14 % less time than thirty distinct 10 KB texts in turn), so these
 * figures are the ones to expect of a batch of real pages.
 */
export function fixtureCorpus(engine: Engine, langs: string[], bytes: number): string {
  const texts = loadFixtures()
    .filter((f) => langs.includes(f.lang))
    .map((f) => runHtml(engine, f.html, null).text);
  let out = '';
  for (let i = 0; out.length < bytes; i++) out += `${texts[i % texts.length]}\n\n`;
  return out.slice(0, bytes);
}

/**
 * The bench's texts, labelled as their figures are named: the two distinct 100 KB texts, then the
 * seed corpus at each of BENCH_SIZES. The largest comes last because the yardstick is timed over
 * the last text.
 */
export function benchTexts(engine: Engine): [label: string, text: string][] {
  return [
    ['english-distinct-100kb', fixtureCorpus(engine, ['en'], 100_000)],
    ['hebrew-arabic-100kb', fixtureCorpus(engine, ['he', 'ar'], 100_000)],
    ...BENCH_SIZES.map(([label, size]): [string, string] => [label, corpus(engine, size)]),
  ];
}

/**
 * The throughput figures of one runtime (`runtime`: '' for node, '-chromium'), in the order the
 * bench has always printed them: each text's median, each text's quiet figure, the yardstick and
 * the largest text's time against it.
 */
export function printThroughput(
  print: (name: string, value: number, unit: string) => void,
  labelled: [label: string, text: string][],
  { ms, quiet, yardstick }: Throughput,
  runtime = '',
): void {
  labelled.forEach(([label, text], k) => {
    print(`engine-throughput-${label}${runtime}`, mbPerSecond(text.length, ms[k]!), 'MB/s');
  });
  labelled.forEach(([label, text], k) => {
    print(`engine-throughput-${label}${runtime}-quiet`, mbPerSecond(text.length, quiet[k]!), 'MB/s');
  });
  print(`engine-yardstick-loop-1mb${runtime}`, +yardstick.toFixed(2), 'ms');
  print(`engine-1mb-vs-yardstick${runtime}`, +(ms[ms.length - 1]! / yardstick).toFixed(1), 'x');
}

/** `createEngine` from a bundle of src/core/engine/engine.ts built for this run (see above). */
export async function shippedCreateEngine(): Promise<typeof createEngine> {
  const outDir = mkdtempSync(join(tmpdir(), 'nso-lens-bench-'));
  try {
    await build({
      configFile: false,
      logLevel: 'silent',
      root: resolve(import.meta.dirname, '..'),
      build: {
        ssr: 'src/core/engine/engine.ts',
        outDir,
        target: 'node20',
        rolldownOptions: { output: { format: 'es', entryFileNames: 'engine.js' } },
      },
    });
    const bundle = pathToFileURL(join(outDir, 'engine.js')).href;
    return ((await import(/* @vite-ignore */ bundle)) as { createEngine: typeof createEngine }).createEngine;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

export async function benchEngine(print: (name: string, value: number, unit: string) => void): Promise<void> {
  const create = await shippedCreateEngine();
  const shipped = (p: FactPack = pack) => create(p);
  // Seed texts are extracted with the CLI's own pipeline (loaded by the runner: not timed).
  const engine = makeEngine();
  const analyse = (e: Engine, text: string) => () => e.analyse(benchInput(text));
  const labelled = benchTexts(engine);
  const steady = shipped();
  const throughput = measureThroughput(
    (text) => steady.analyse(benchInput(text)),
    labelled.map(([, text]) => text),
  );
  printThroughput(print, labelled, throughput);
  print('engine-compile-pack', +time(() => shipped(), 300).toFixed(2), 'ms');
  const big = syntheticPack(pack, 10);
  const bigEngine = shipped(big);
  const baseEngine = shipped();
  const text = corpus(engine, 100_000);
  const [base, large] = timeBoth(analyse(baseEngine, text), analyse(bigEngine, text), 1600);
  print('engine-pack10x-phrases', bigEngine.compiled.index.size, 'phrases');
  print('engine-pack1x-phrases', baseEngine.compiled.index.size, 'phrases');
  print('engine-pack10x-time-ratio', +(large / base).toFixed(2), 'x');
  const seeds = loadFixtures().filter((f) => SEEDS.includes(f.slug));
  const perSeed = time(() => {
    for (const f of seeds) runHtml(engine, f.html, null);
  }, 800);
  print('cli-extract-and-analyse-seed', +(perSeed / seeds.length).toFixed(2), 'ms');
}
