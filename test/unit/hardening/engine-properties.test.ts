/**
 * The engine over arbitrary and story-like input (texts.ts), with any metadata: it never throws, and
 * every finding's offsets lie in the text and give back exactly its quote (the CLI contract's
 * "quote is that text's slice"), passages included; case statuses carry real dates.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../src/core/engine/engine';
import { nsoPack } from '../../../src/data/pack';
import { anyText, storyText } from './texts';

let engine: Engine;
beforeAll(() => {
  engine = createEngine(nsoPack);
});

/** Metadata as pages give it: absent, empty, garbage, or plausible. */
const meta = fc.option(
  fc.oneof(
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constantFrom(
      '',
      ' ',
      '2020-07-13',
      '2020-02-30',
      '13/07/2020',
      'T',
      '9999-99-99',
      '2020-07-13T17:21:00+04:30',
    ),
    fc.constantFrom(
      'https://www.presstv.ir/Detail/2020/07/13/x',
      'http://[::1',
      'javascript:alert(1)',
      'jpost.com',
    ),
  ),
  { nil: null },
);

const input = fc.record({
  text: fc.oneof({ weight: 3, arbitrary: storyText }, { weight: 1, arbitrary: anyText }),
  title: meta,
  url: meta,
  canonical: meta,
  siteName: meta,
  published: meta,
  date: meta,
  today: fc.constantFrom('2026-01-01', '2020-07-13'),
});

describe('engine.analyse', () => {
  it('never throws, and every finding is the slice of the text its offsets name', () => {
    let withMatches = 0;
    let withConflicts = 0;
    fc.assert(
      fc.property(input, (article) => {
        const a = engine.analyse(article);
        if (a.matches.length > 0) withMatches++;
        if (a.conflicts.length > 0) withConflicts++;
        const { text } = article;
        expect(typeof a.relevant).toBe('boolean');
        expect(Number.isFinite(a.score)).toBe(true);
        for (const m of a.matches) {
          expect(0 <= m.start && m.start < m.end && m.end <= text.length, `${m.start}-${m.end}`).toBe(true);
          expect(m.quote).toBe(text.slice(m.start, m.end));
          expect(m.confidence).toBeGreaterThan(0);
          expect(m.confidence).toBeLessThanOrEqual(1);
        }
        for (const c of a.conflicts) {
          expect(0 <= c.start && c.start < c.end && c.end <= text.length, `${c.start}-${c.end}`).toBe(true);
          expect(c.found).toBe(text.slice(c.start, c.end));
        }
        for (const s of a.status) expect(s.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
      { numRuns: 800 },
    );
    // The property means something only if findings were made: story-like text is half the input.
    console.info(
      `engine property: ${withMatches} of 800 inputs with claims, ${withConflicts} with conflicts`,
    );
    expect(withMatches).toBeGreaterThan(80);
    expect(withConflicts).toBeGreaterThan(25);
  });
});
