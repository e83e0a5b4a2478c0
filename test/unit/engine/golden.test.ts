/**
 * Regression pins for the engine's speed work (issue #4): the full Analysis of every fixture page,
 * of each page's text read with another date and with a pack ten times larger, and of the bench's
 * synthetic texts must stay byte-identical while the engine is restructured.
 *
 * The files under test/fixtures/engine-golden/ were GENERATED FROM THE ENGINE'S OWN OUTPUT, at
 * commit f612d72 (before the speed work), with `ENGINE_GOLDEN_WRITE=1 npx vitest run
 * test/unit/engine/golden.test.ts`. They pin behaviour, they are not expectations of correctness:
 * the hand-written expected.json files of each fixture (eval, fixtures.test.ts) remain that check.
 * Regenerate them only for a change meant to alter results, and say so in its commit.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpus } from '../../../scripts/bench-engine';
import { loadFixtures, makeEngine, pack, runHtml } from '../../../scripts/fixture-runner';
import { syntheticPack } from '../../../scripts/synthetic-pack';
import type { Analysis } from '../../../src/core/match/findings';

const DIR = resolve(import.meta.dirname, '../../fixtures/engine-golden');
const WRITE = process.env.ENGINE_GOLDEN_WRITE === '1';
const TODAY = '2026-11-22';

const engine = makeEngine();
const bigEngine = makeEngine(syntheticPack(pack, 10));
const json = (a: Analysis) => `${JSON.stringify(a, null, 1)}\n`;
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/** Compares `actual` with the pinned file, or writes the file when regenerating. */
function pin(name: string, actual: string): void {
  const path = join(DIR, name);
  if (WRITE) {
    mkdirSync(DIR, { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  expect(existsSync(path), `${name} is missing`).toBe(true);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

describe('engine output stays byte-identical on every fixture page', () => {
  const fixtures = loadFixtures();
  it('has the pages', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(20);
  });
  it.each(fixtures.map((f) => [f.slug, f] as const))('%s', (slug, f) => {
    const { text, result } = runHtml(engine, f.html, f.expected?.url ?? null, TODAY);
    // The same text with a user date and no metadata, and with a pack ten times larger.
    const dated = engine.analyse({ text, date: '2021-01-01', today: TODAY });
    const big = bigEngine.analyse({ text, date: '2020-07-13', today: TODAY });
    pin(`${slug}.json`, `${json(result)}${json(dated)}${json(big)}`);
  });
});

describe('engine output stays byte-identical on the bench texts', () => {
  // Too large to keep as JSON: a digest pins every byte, the counts help see what moved.
  const digest = (a: Analysis) =>
    `${a.relevant} ${a.score} matches ${a.matches.length} conflicts ${a.conflicts.length} status ${a.status.length} sha256 ${sha(json(a))}`;
  it('10 KB, 100 KB, 1 MB and 100 KB with the pack ten times larger', () => {
    const lines: string[] = [];
    for (const size of [10_000, 100_000, 1_000_000]) {
      const text = corpus(engine, size);
      lines.push(`${size}: ${digest(engine.analyse({ text, date: '2020-07-13', today: TODAY }))}`);
      if (size === 100_000)
        lines.push(
          `${size} pack10x: ${digest(bigEngine.analyse({ text, date: '2020-07-13', today: TODAY }))}`,
        );
    }
    const all = loadFixtures()
      .map((f) => runHtml(engine, f.html, null, TODAY).text)
      .join('\n\n');
    lines.push(`all pages: ${digest(engine.analyse({ text: all, today: TODAY }))}`);
    pin('bench-texts.txt', `${lines.join('\n')}\n`);
  }, 60_000);
});
