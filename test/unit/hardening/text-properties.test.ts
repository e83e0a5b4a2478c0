/**
 * Properties of the engine's text layer over arbitrary and story-like input (texts.ts): folding,
 * tokens and passages never throw, and every offset they give lies in the text, in order, on the
 * characters it claims.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText, foldWord } from '../../../src/core/text/normalize';
import { splitPassages } from '../../../src/core/text/passages';
import { tokenize } from '../../../src/core/text/tokens';
import { anyText } from './texts';

const RUNS = { numRuns: 400 };

describe('folding', () => {
  it('foldWord never throws; an ASCII word is just lower-cased', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(typeof foldWord(text)).toBe('string');
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 40 }), (word) => {
        expect(foldWord(word)).toBe(word.toLowerCase());
      }),
    );
  });

  it('foldText never throws, trims, leaves single spaces and no invisible characters', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const folded = foldText(text);
        expect(folded).toBe(folded.trim());
        expect(folded).not.toMatch(/\s\s|[\u00ad\u200b-\u200d\u2060\ufeff]/);
      }),
      RUNS,
    );
  });
});

describe('tokens', () => {
  it('give words in order, each inside the text and non-empty, and line breaks and terminators where they are', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const t = tokenize(text);
        let previousEnd = 0;
        for (let i = 0; i < t.count; i++) {
          const start = t.starts[i]!;
          const end = t.ends[i]!;
          expect(start).toBeGreaterThanOrEqual(previousEnd);
          expect(end).toBeGreaterThan(start);
          expect(end).toBeLessThanOrEqual(text.length);
          expect(t.words[i]!.length).toBeGreaterThan(0);
          previousEnd = end;
        }
        let previous = -1;
        for (let i = 0; i < t.breakCount; i++) {
          const at = t.breaks[i]!;
          expect(at).toBeGreaterThan(previous);
          expect(at).toBeLessThan(text.length);
          expect('\n.!?\u061f\u06d4\u3002').toContain(text[at]);
          previous = at;
        }
      }),
      RUNS,
    );
  });
});

describe('passages', () => {
  it('cover every visible character once, in order, trimmed, never across a line break', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const passages = splitPassages(text);
        let previousEnd = 0;
        const covered = new Uint8Array(text.length);
        for (const p of passages) {
          expect(p.start).toBeGreaterThanOrEqual(previousEnd);
          expect(p.end).toBeGreaterThan(p.start);
          expect(p.end).toBeLessThanOrEqual(text.length);
          const slice = text.slice(p.start, p.end);
          expect(slice).toBe(slice.trim());
          expect(slice).not.toContain('\n');
          covered.fill(1, p.start, p.end);
          previousEnd = p.end;
        }
        for (let i = 0; i < text.length; i++)
          if (!/\s/.test(text[i]!)) expect(covered[i], `offset ${i}`).toBe(1);
      }),
      RUNS,
    );
  });

  it('are the same whether the tokenizer found the break candidates or the splitter did', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(splitPassages(text, tokenize(text))).toEqual(splitPassages(text));
      }),
      RUNS,
    );
  });
});
