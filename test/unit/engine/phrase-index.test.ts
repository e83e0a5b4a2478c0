import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PhraseIndex } from '../../../src/core/match/phrase-index';
import { tokenize } from '../../../src/core/text/tokens';
import { PhraseIndex as PhraseIndexV1 } from './reference/phrase-index-v1';

function found(index: PhraseIndex, text: string): string[] {
  const t = tokenize(text);
  return index
    .scan(t)
    .map((h) => `${index.phrases[h.phrase]}@${text.slice(t.starts[h.first]!, t.ends[h.last]!)}`);
}

describe('PhraseIndex', () => {
  it('finds multi-word phrases whatever the punctuation, case or hyphenation', () => {
    const ix = new PhraseIndex();
    ix.add('Rachel Lavi-Barkai');
    ix.add('barkai');
    expect(found(ix, 'Judge RACHEL LAVI BARKAI ruled; Barkai’s ruling')).toEqual([
      'Rachel Lavi-Barkai@RACHEL LAVI BARKAI',
      'barkai@BARKAI',
      'barkai@Barkai',
    ]);
  });
  it('matches whole words only, and prefixes only when asked', () => {
    const ix = new PhraseIndex();
    ix.add('nso');
    ix.add('export licen*');
    expect(found(ix, 'NSOs export licences and export licensing, not exports license')).toEqual([
      'export licen*@export licences',
      'export licen*@export licensing',
    ]);
  });
  it('is idempotent for the same folded phrase', () => {
    const ix = new PhraseIndex();
    expect(ix.add('Eitay Mack')).toBe(ix.add('eitay  MACK'));
    expect(ix.add('  ')).toBe(-1);
    expect(ix.size).toBe(1);
  });
  it('finds Hebrew words behind attached prefixes and Arabic words behind clitics', () => {
    const ix = new PhraseIndex();
    ix.add('פגסוס');
    ix.add('العفو الدولية');
    ix.add('بيغاسوس');
    expect(found(ix, 'שימוש בפגסוס ובפגסוס')).toEqual(['פגסוס@בפגסוס', 'פגסוס@ובפגסוס']);
    expect(found(ix, 'منظمة والعفو الدولية وبيغاسوس')).toEqual([
      'العفو الدولية@والعفو الدولية',
      'بيغاسوس@وبيغاسوس',
    ]);
  });
  it('follows a word’s forms even where the word itself is a phrase', () => {
    const ix = new PhraseIndex();
    ix.add('المكسيك');
    ix.add('مكسيك*');
    ix.add('בפגסוס');
    ix.add('פגסוס');
    expect(found(ix, 'في المكسيك')).toEqual(['المكسيك@المكسيك', 'مكسيك*@المكسيك']);
    expect(found(ix, 'השימוש בפגסוס')).toEqual(['בפגסוס@בפגסוס', 'פגסוס@בפגסוס']);
  });
  it('finds a Hebrew word with its article behind ב, ל or כ, which swallow the article', () => {
    const ix = new PhraseIndex();
    ix.add('הרשימה השחורה');
    ix.add('בית המשפט המחוזי');
    expect(found(ix, 'נכללה ברשימה השחורה, ולרשימה השחורה; בבית המשפט המחוזי')).toEqual([
      'הרשימה השחורה@ברשימה השחורה',
      'הרשימה השחורה@ולרשימה השחורה',
      'בית המשפט המחוזי@בבית המשפט המחוזי',
    ]);
    // Not after other prefixes: "מרשימה" is "from a list" or "impressive", never "the list".
    expect(found(ix, 'מרשימה השחורה')).toEqual([]);
  });
  it('reads an ordinal day as its number, at the start of a phrase and inside it', () => {
    const ix = new PhraseIndex();
    ix.add('november 8 2021');
    ix.add('14 may');
    ix.add('11 may');
    ix.add('ninth circuit');
    expect(found(ix, 'On November 8th, 2021 and on 14th May; November 8th 2020; the 9th Circuit')).toEqual([
      'november 8 2021@November 8th, 2021',
      '14 may@14th May',
    ]);
    // Only a day of the month with its own ending: "8st", "11st" and "123rd" are other words.
    expect(found(ix, 'November 8st 2021, November 123rd 2021, 11st May, 11th May')).toEqual([
      '11 may@11th May',
    ]);
  });
  it('reports overlapping phrases', () => {
    const ix = new PhraseIndex();
    ix.add('nso group');
    ix.add('nso');
    ix.add('group');
    // Ordered by start, then by length.
    expect(found(ix, 'NSO Group')).toEqual(['nso@NSO', 'nso group@NSO Group', 'group@Group']);
  });
});

describe('PhraseIndex agrees with the index before the speed work', () => {
  /** Words that make prefixes, clitics (Hebrew ו/ב, Arabic وال) and repeats likely. */
  const WORDS = [
    'nso',
    'group',
    'export',
    'licence',
    'licensing',
    'lic',
    'the',
    'court',
    'פגסוס',
    'בפגסוס',
    'ובפגסוס',
    'العفو',
    'والعفو',
    'الدولية',
    'عفو',
    'Barkai',
    'lavi',
    'spy',
    'spyware',
  ];
  const phrase = fc
    .tuple(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }), fc.boolean())
    .map(([ws, star]) => `${ws.join(' ')}${star ? '*' : ''}`);
  const text = fc
    .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(' ', ', ', '-', '. ', '\n')), {
      maxLength: 40,
    })
    .map((parts) => parts.map(([w, sep]) => w + sep).join(''));
  it('on random phrase sets and texts, hit for hit and in the same order', () => {
    fc.assert(
      fc.property(
        fc.array(phrase, { minLength: 1, maxLength: 25 }),
        fc.array(text, { minLength: 1, maxLength: 3 }),
        (phrases, texts) => {
          const now = new PhraseIndex();
          const before = new PhraseIndexV1();
          for (const p of phrases) expect(now.add(p)).toBe(before.add(p));
          for (const t of texts) {
            const tokens = tokenize(t);
            expect(now.scan(tokens)).toEqual(before.scan(tokens));
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
