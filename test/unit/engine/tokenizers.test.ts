/**
 * The UTF-8 tokeniser (the fast path) must read every text exactly as the UTF-16 one does: same
 * words, offsets, hashes and break offsets. A text with a lone surrogate goes to the UTF-16 reading.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanUtf8 } from '../../../src/core/text/scan-utf8';
import { scanUtf16 } from '../../../src/core/text/scan-utf16';
import { TokenList, type TokenSink } from '../../../src/core/text/token-list';
import { tokenize } from '../../../src/core/text/tokens';
import { SHORT_FREE, shortHome, WordTable } from '../../../src/core/text/word-table';

/**
 * What a tokeniser read; hashes and folded forms as the tokens give them (the UTF-8 reading leaves
 * hashes to `TokenList`, and a numbered reading leaves folded forms to its table).
 */
function view(sink: TokenSink, text: string, table: WordTable | null = null) {
  const n = sink.count;
  const tokens = new TokenList(text, sink, null, table);
  const folded: [number, string][] = [];
  for (let k = 0; k < n; k++) if (tokens.isFolded(k)) folded.push([k, tokens.wordAt(k)]);
  return {
    starts: [...sink.starts.slice(0, n)],
    ends: [...sink.ends.slice(0, n)],
    hashes: [...tokens.hashes.slice(0, n)],
    folded,
    breaks: [...sink.breaks.slice(0, sink.breakCount)],
  };
}

/** Characters that exercise every branch: ASCII, breaks, marks, Hebrew, Arabic, emoji, soft hyphen. */
const PIECES = [
  'a',
  'Z',
  '7',
  ' ',
  '\n',
  '.',
  '!',
  '?',
  ',',
  '’',
  '“',
  'é',
  'É',
  '\u0301',
  '\u00AD',
  '\u200D',
  'ש',
  'בפגסוס',
  'إ',
  'ة',
  '؟',
  '۔',
  '。',
  '🙂',
  '𝔸',
  'İ',
  'ß',
  'ﬁ',
  '\uFFFD',
  '\u0640',
  'Peg',
  'NSO',
];

describe('the two tokenisers agree', () => {
  it('on texts made of tricky pieces', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        const utf8 = scanUtf8(text, null);
        expect(utf8).not.toBeNull();
        expect(view(utf8!.sink, text)).toEqual(view(scanUtf16(text), text));
      }),
      { numRuns: 2000 },
    );
  });
  it('on arbitrary well-formed strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => {
        expect(view(scanUtf8(text, null)!.sink, text)).toEqual(view(scanUtf16(text), text));
      }),
      { numRuns: 2000 },
    );
  });
  it('finds every short word again where the table put it, across the table growing', () => {
    // The tokeniser probes the table's short-word slots itself: its home slot must be the table's
    // (shortHome), or a word would be added again on every text and the table fill up with copies.
    const words = new WordTable();
    const text = Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)} Pegasus`).join(' ');
    const used = () => words.shortSlots.filter((v, i) => i % 4 === 0 && v !== SHORT_FREE).length;
    const first = [...scanUtf8(text, words)!.sink.ids.slice(0, 6000)];
    const after = used();
    expect(after).toBe(3001);
    const again = [...scanUtf8(text, words)!.sink.ids.slice(0, 6000)];
    expect(used()).toBe(after);
    expect(again).toEqual(first);
    // Each word sits in the run of taken slots from its home slot on.
    const slots = words.shortSlots;
    const mask = (slots.length >> 2) - 1;
    for (let s = 0; s <= mask; s++) {
      if (slots[s * 4] === SHORT_FREE) continue;
      for (
        let t = shortHome(slots[s * 4 + 1]!, slots[s * 4 + 2]!, slots[s * 4 + 3]!, mask);
        t !== s;
        t = (t + 1) & mask
      )
        expect(slots[t * 4]).not.toBe(SHORT_FREE);
    }
  });
  it('numbers words in a table as the table itself would', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), { maxLength: 4 }),
        (texts) => {
          const numbered = new WordTable();
          const reference = new WordTable();
          for (const parts of texts) {
            const text = parts.join('');
            const t = tokenize(text, numbered);
            const plain = tokenize(text);
            const expected = Array.from({ length: plain.count }, (_, i) =>
              reference.idOfToken(plain, i, plain.hashes[i]!),
            );
            expect([...t.ids!.slice(0, t.count)]).toEqual(expected);
            expect(numbered.text).toEqual(reference.text);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
  it('folds words beyond ASCII as the UTF-16 reading does while numbering them', () => {
    // The numbered scan folds such words as it decodes them; capital sigma, characters beyond the
    // BMP and words of over 256 bytes are left to the whole-word folding.
    const more = [...PIECES, 'Σ', 'ΣΟΦΙΑΣ', 'ϹΑ', 'ﷺ', 'צה״ל', 'ب'.repeat(200), 'ة'.repeat(130)];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...more), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const table = new WordTable();
        const numbered = scanUtf8(text, table);
        fc.pre(numbered !== null);
        expect(view(numbered!.sink, text, table)).toEqual(view(scanUtf16(text), text));
        // A numbered reading keeps no strings of its own.
        expect(numbered!.sink.folded.size).toBe(0);
      }),
      { numRuns: 1500 },
    );
  });
  it('leaves a text with a lone surrogate to the UTF-16 reading', () => {
    const text = 'NSO \uD83D. Pegasus \uDE42x';
    expect(scanUtf8(text, null)).toBeNull();
    const t = tokenize(text);
    // The lone high surrogate takes the '.' after it along; the lone low one is skipped alone.
    expect(t.words).toEqual(['nso', 'pegasus', 'x']);
    expect([...t.breaks.slice(0, t.breakCount)]).toEqual([5]);
    // Numbered in a table, words beyond ASCII as well: each number is that of its folded form.
    const mixed = 'Barkaï \uD83D השופטת إسرائيلية Barkai';
    const table = new WordTable();
    const numbered = tokenize(mixed, table);
    // إ and ئ fold to ا and ي, ة to ه (normalize.ts).
    expect(numbered.words).toEqual(['barkai', 'השופטת', 'اسراييليه', 'barkai']);
    expect([...numbered.ids!.slice(0, numbered.count)].map((id) => table.text[id])).toEqual(numbered.words);
  });
});
