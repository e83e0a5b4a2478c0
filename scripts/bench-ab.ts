/**
 * `npm run bench:ab -- REV_A REV_B [SECONDS]`: the engine of two git revisions side by side, each
 * bundled by Vite as it ships and given its own fact pack, warmed on every size and then timed call
 * by call in turn (A, B, A, B…) on the bench's texts (its three sizes and its two distinct texts).
 * Prints, per text, both throughputs and the ratio of A's time to B's.
 *
 * Why a tool of its own: on this machine the host's speed swings by 2x within minutes, so two
 * separate `npm run bench` runs cannot compare two revisions, and even in one process, V8's
 * concurrent compilation makes each run's optimised code a lottery of about ±10 %: the same
 * comparison read 0.92–1.18 over five runs. The npm script therefore runs node with
 * `--no-concurrent-recompilation`, under which identical trees read 0.98–1.02 and a change's ratio
 * repeats within about 2 %. Run it a few times all the same; a change that shows only without that
 * flag, or only with it, is not a change to count on.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import type { createEngine as CreateEngine } from '../src/core/engine/engine';
import type { FactPack } from '../src/core/facts/types';
import { benchInput, mbPerSecond, measureInTurns, WARM_UP_MS } from '../test/bench/throughput';
import { benchTexts } from './bench-engine';
import { makeEngine } from './fixture-runner';

const [revA, revB, seconds = '10'] = process.argv.slice(2);
if (!revA || !revB || !(Number(seconds) > 0)) {
  console.error('usage: npm run bench:ab -- REV_A REV_B [SECONDS]');
  process.exit(2);
}
const root = resolve(import.meta.dirname, '..');
for (const rev of [revA, revB]) {
  try {
    execFileSync('git', ['-C', root, 'rev-parse', '--verify', '--quiet', `${rev}^{commit}`], {
      stdio: 'ignore',
    });
  } catch {
    console.error(`bench:ab: ${rev} is not a commit of this repository`);
    process.exit(2);
  }
}
const work = mkdtempSync(join(tmpdir(), 'nso-lens-bench-ab-'));

/** `createEngine` and the pack of revision `rev`, bundled from a worktree of it. */
async function engineAt(rev: string, name: string) {
  const tree = join(work, name);
  execFileSync('git', ['-C', root, 'worktree', 'add', '--detach', '--quiet', tree, rev]);
  const outDir = join(work, `${name}-out`);
  await build({
    configFile: false,
    logLevel: 'silent',
    root: tree,
    build: {
      ssr: true,
      outDir,
      target: 'node20',
      rolldownOptions: {
        input: { engine: 'src/core/engine/engine.ts', pack: 'src/data/pack.ts' },
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  });
  const load = (file: string) => import(/* @vite-ignore */ pathToFileURL(join(outDir, file)).href);
  const { createEngine } = (await load('engine.js')) as { createEngine: typeof CreateEngine };
  const { nsoPack } = (await load('pack.js')) as { nsoPack: FactPack };
  return createEngine(nsoPack);
}

try {
  const a = await engineAt(revA, 'a');
  const b = await engineAt(revB, 'b');
  const reader = makeEngine();
  const labelled = benchTexts(reader);
  const texts = labelled.map(([, text]) => text);
  const run = (engine: typeof a) => (text: string) => engine.analyse(benchInput(text));
  const { ms } = measureInTurns([run(a), run(b)], texts, WARM_UP_MS, Number(seconds) * 1000);
  labelled.forEach(([label, text], k) => {
    const [ta, tb] = [ms[0]![k]!, ms[1]![k]!];
    console.log(
      `bench-ab: ${label}  A ${mbPerSecond(text.length, ta)} MB/s  B ${mbPerSecond(text.length, tb)} MB/s  A/B time ${(ta / tb).toFixed(3)}`,
    );
  });
} finally {
  for (const name of ['a', 'b']) {
    try {
      execFileSync('git', ['-C', root, 'worktree', 'remove', '--force', join(work, name)], {
        stdio: 'ignore',
      });
    } catch {
      // Not made (its `worktree add` failed): nothing to remove.
    }
  }
  rmSync(work, { recursive: true, force: true });
}
