import { describe, expect, it } from 'vitest';
import { anchorAll, anchorEach, anchorPassage, MIN_ANCHOR_SCORE } from '../../../src/core/anchor/anchor';
import { selectorsFor } from '../../../src/core/anchor/selectors';

const ARTICLE = [
  'Tel Aviv District Court judge Rachel Barkai ruled on Sunday in the long-running case.',
  'The court heard that Pegasus was used against journalists and activists in Mexico between 2016 and 2017.',
  'NSO Group said it sells its technology only to vetted government agencies for fighting crime and terror.',
  'Researchers at Citizen Lab found traces of the spyware on the phones of several reporters.',
  'The company declined to comment further on the ruling, which may be appealed to the Supreme Court.',
].join('\n');

/** Selectors for the first occurrence of `phrase` in `text`. */
function save(text: string, phrase: string, occurrence = 0) {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(phrase, at + 1);
  if (at < 0) throw new Error(`phrase not in text: ${phrase}`);
  return selectorsFor(text, at, at + phrase.length);
}

/** Where `phrase` is in `text`, as the span anchoring should return. */
function spanOf(text: string, phrase: string, occurrence = 0) {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(phrase, at + 1);
  if (at < 0) throw new Error(`phrase not in text: ${phrase}`);
  return { start: at, end: at + phrase.length };
}

describe('anchorPassage: unchanged and moved text', () => {
  it('places a quote exactly at its recorded position with score 1', () => {
    const { quote, position } = save(ARTICLE, 'Pegasus was used against journalists');
    expect(anchorPassage(ARTICLE, quote, position)).toEqual({
      ...spanOf(ARTICLE, 'Pegasus was used against journalists'),
      score: 1,
      exact: true,
    });
  });

  it('finds a quote that moved, exact but with a lower score', () => {
    const { quote, position } = save(ARTICLE, 'Pegasus was used against journalists');
    const moved = `Updated on Monday with a response from the company.\n${ARTICLE}`;
    const found = anchorPassage(moved, quote, position);
    expect(found).toMatchObject({ ...spanOf(moved, 'Pegasus was used against journalists'), exact: true });
    expect(found?.score).toBeLessThan(1);
    expect(found?.score).toBeGreaterThan(0.9);
  });

  it('does not trust a short quote at its recorded offsets when its context is gone', () => {
    const page = 'Barkai ruled. The appeal by NSO was heard on Monday and NSO lost again in court.';
    const { quote, position } = save(page, 'NSO', 1);
    // Rewritten so that another "NSO", in other words, now sits exactly at the recorded offsets.
    const rewritten = `${'Q'.repeat(position.start)}NSO shares rose. The appeal was heard on Monday and NSO lost again in court.`;
    expect(rewritten.slice(position.start, position.end)).toBe('NSO');
    const at = rewritten.indexOf('NSO lost again');
    expect(anchorPassage(rewritten, quote, position)).toMatchObject({ start: at, end: at + 3, exact: true });
  });

  it('finds a quote without a recorded position (e.g. an imported annotation)', () => {
    const { quote } = save(ARTICLE, 'traces of the spyware');
    expect(anchorPassage(ARTICLE, quote, null)).toMatchObject({
      ...spanOf(ARTICLE, 'traces of the spyware'),
      exact: true,
    });
  });

  it('ignores a recorded position that no longer holds the quote or lies outside the text', () => {
    const { quote } = save(ARTICLE, 'vetted government agencies');
    const stale = { type: 'TextPositionSelector' as const, start: 5000, end: 5026 };
    expect(anchorPassage(ARTICLE, quote, stale)).toMatchObject(spanOf(ARTICLE, 'vetted government agencies'));
    const wrong = { type: 'TextPositionSelector' as const, start: 0, end: 26 };
    expect(anchorPassage(ARTICLE, quote, wrong)).toMatchObject(spanOf(ARTICLE, 'vetted government agencies'));
  });
});

describe('anchorPassage: repeated quotes', () => {
  const REPEATED = [
    'In Mexico, the spyware was installed on the phone of a journalist investigating corruption.',
    'In Spain, the spyware was installed on the phone of a Catalan politician during the referendum.',
    'In Saudi Arabia, the spyware was installed on the phone of a dissident living in Canada.',
  ].join(' ');

  it('tells repeats apart by prefix and suffix when there is no position', () => {
    const { quote } = save(REPEATED, 'the spyware was installed on the phone', 1);
    expect(anchorPassage(REPEATED, quote, null)).toMatchObject(
      spanOf(REPEATED, 'the spyware was installed on the phone', 1),
    );
  });

  it('tells repeats apart by prefix and suffix when the recorded position is stale', () => {
    const { quote, position } = save(REPEATED, 'the spyware was installed on the phone', 2);
    const edited = REPEATED.replace('In Mexico,', 'In Mexico, according to Citizen Lab researchers,');
    expect(anchorPassage(edited, quote, position)).toMatchObject(
      spanOf(edited, 'the spyware was installed on the phone', 2),
    );
  });

  it('uses the position to choose among repeats with identical context', () => {
    const block = 'Read more: NSO Group and the Pegasus affair. ';
    const page = block.repeat(4);
    const { quote, position } = save(page, 'NSO Group and the Pegasus affair', 2);
    const shifted = `Menu. ${page}`;
    expect(anchorPassage(shifted, quote, position)).toMatchObject(
      spanOf(shifted, 'NSO Group and the Pegasus affair', 2),
    );
  });
});

describe('anchorPassage: edited text', () => {
  it('finds a quote with a word changed inside it', () => {
    const { quote, position } = save(ARTICLE, 'Pegasus was used against journalists and activists in Mexico');
    const edited = ARTICLE.replace('was used against', 'was deployed against');
    const found = anchorPassage(edited, quote, position);
    expect(found).toMatchObject({
      ...spanOf(edited, 'Pegasus was deployed against journalists and activists in Mexico'),
      exact: false,
    });
    expect(found?.score).toBeGreaterThanOrEqual(MIN_ANCHOR_SCORE);
    expect(found?.score).toBeLessThan(1);
  });

  it('finds a quote whose punctuation changed', () => {
    const { quote, position } = save(ARTICLE, 'NSO Group said it sells its technology only to vetted');
    const edited = ARTICLE.replace('NSO Group said it sells', 'NSO Group said: it sells');
    expect(anchorPassage(edited, quote, position)).toMatchObject({
      ...spanOf(edited, 'NSO Group said: it sells its technology only to vetted'),
      exact: false,
    });
  });

  it('finds a quote when typographic quotes became straight ones', () => {
    const page = 'The ruling said the company’s “duty of care” was not breached by its sale of the system.';
    const { quote, position } = save(page, 'company’s “duty of care” was not breached');
    const straight = `Intro. ${page.replace('’', "'").replace('“', '"').replace('”', '"')}`;
    expect(anchorPassage(straight, quote, position)).toMatchObject({
      ...spanOf(straight, 'company\'s "duty of care" was not breached'),
      exact: false,
    });
  });

  it('finds a quote when whitespace was re-flowed', () => {
    const { quote, position } = save(ARTICLE, 'Researchers at Citizen Lab found traces');
    const reflowed = ARTICLE.replace(
      'Researchers at Citizen Lab found',
      'Researchers  at\n    Citizen\tLab found',
    );
    expect(anchorPassage(reflowed, quote, position)).toMatchObject({
      ...spanOf(reflowed, 'Researchers  at\n    Citizen\tLab found traces'),
      exact: false,
    });
  });

  it('prefers the edited quote in its old place over an exact copy in another context', () => {
    const page = `${ARTICLE}\nRelated: the spyware was sold to Mexico, reports say.`;
    const { quote, position } = save(page, 'Pegasus was used against journalists');
    const edited = page
      .replace('Pegasus was used against journalists', 'Pegasus was used against reporters')
      .replace('the spyware was sold to Mexico', 'claims that Pegasus was used against journalists');
    expect(anchorPassage(edited, quote, position)).toMatchObject({
      ...spanOf(edited, 'Pegasus was used against reporters'),
      exact: false,
    });
  });

  it('returns null when the quote was removed (an orphan, not a wrong highlight)', () => {
    const { quote, position } = save(ARTICLE, 'Researchers at Citizen Lab found traces of the spyware');
    const removed = ARTICLE.replace(/Researchers at Citizen Lab[^\n]*\n/, '');
    expect(anchorPassage(removed, quote, position)).toBeNull();
  });

  it('does not place a short removed quote on an unrelated occurrence of the same words', () => {
    const page = 'Judge Barkai said the NSO Group case raised novel questions. Other news follows here.';
    const { quote, position } = save(page, 'NSO Group');
    const other = 'Markets fell sharply today. In unrelated news, NSO Group hired a new chief executive.';
    expect(anchorPassage(other, quote, position)).toBeNull();
  });

  it('returns null on an unrelated page', () => {
    const { quote, position } = save(ARTICLE, 'Pegasus was used against journalists');
    expect(
      anchorPassage('A recipe for tomato soup with basil and garlic, simmered slowly.', quote, position),
    ).toBeNull();
  });
});

describe('anchorPassage: long quotes', () => {
  const sentences = Array.from(
    { length: 40 },
    (_, i) => `Sentence ${i} of the judgment discusses exhibit ${i * 7} and witness number ${i + 3}. `,
  );
  const page = `Header text. ${sentences.join('')}Footer text.`;
  const longQuote = sentences.slice(5, 30).join('').trim();

  it('finds a very long quote that moved', () => {
    const { quote, position } = save(page, longQuote);
    expect(longQuote.length).toBeGreaterThan(1500);
    const moved = `A new introduction paragraph was added. ${page}`;
    expect(anchorPassage(moved, quote, position)).toMatchObject({ ...spanOf(moved, longQuote), exact: true });
  });

  it('finds a very long quote edited in many places (more than whole-quote search allows)', () => {
    const { quote, position } = save(page, longQuote);
    let edited = page;
    for (let i = 8; i < 28; i += 2) {
      edited = edited.replace(`exhibit ${i * 7} and`, `exhibit no. ${i * 7}, and`);
    }
    const editedQuote = edited
      .slice(edited.indexOf('Sentence 5 of'), edited.indexOf('Sentence 30 of'))
      .trim();
    const found = anchorPassage(edited, quote, position);
    expect(found).toMatchObject({ ...spanOf(edited, editedQuote), exact: false });
  });
});

describe('anchorPassage: scripts and special characters', () => {
  it('places Hebrew text that moved', () => {
    const page =
      'בית המשפט המחוזי בתל אביב דחה את התביעה נגד קבוצת NSO. השופטת רחל ברקאי כתבה בפסק הדין כי אין ראיות.';
    const { quote, position } = save(page, 'השופטת רחל ברקאי כתבה');
    const moved = `עדכון: ${page}`;
    expect(anchorPassage(moved, quote, position)).toMatchObject({
      ...spanOf(moved, 'השופטת רחל ברקאי כתבה'),
      exact: true,
    });
  });

  it('places pointed Hebrew on a page that dropped the points', () => {
    const pointed = 'הַשּׁוֹפֶטֶת כָּתְבָה בְּפְסַק הַדִּין';
    const page = `כותרת. ${pointed} ועוד טקסט אחרי הציטוט.`;
    const { quote, position } = save(page, pointed);
    const plain = `כותרת חדשה. ${'השופטת כתבה בפסק הדין'} ועוד טקסט אחרי הציטוט.`;
    expect(anchorPassage(plain, quote, position)).toMatchObject({
      ...spanOf(plain, 'השופטת כתבה בפסק הדין'),
      exact: false,
    });
  });

  it('places Arabic text with an edit', () => {
    const page = 'قالت المحكمة إن برنامج بيغاسوس استخدم ضد صحفيين في المكسيك. وأضافت أن الشركة رفضت التعليق.';
    const { quote, position } = save(page, 'برنامج بيغاسوس استخدم ضد صحفيين في المكسيك');
    const edited = page.replace('استخدم', 'استُخدم');
    expect(anchorPassage(edited, quote, position)).toMatchObject({
      ...spanOf(edited, 'برنامج بيغاسوس استُخدم ضد صحفيين في المكسيك'),
      exact: false,
    });
  });

  it('places a quote with emoji and keeps surrogate pairs whole', () => {
    const page = 'Breaking 🚨 NSO ruling 👩‍⚖️ the judge dismissed the suit 📱 details below.';
    const { quote, position } = save(page, '👩‍⚖️ the judge dismissed the suit 📱');
    const moved = `🔴 Live: ${page}`;
    expect(anchorPassage(moved, quote, position)).toMatchObject({
      ...spanOf(moved, '👩‍⚖️ the judge dismissed the suit 📱'),
      exact: true,
    });
  });

  it('places a precomposed quote on a page with combining marks', () => {
    const page = 'The exposé in Le Monde named the café where the meeting took place.';
    const { quote, position } = save(page, 'exposé in Le Monde named the café');
    const decomposed = `Update. ${page.normalize('NFD')}`;
    expect(decomposed.length).toBeGreaterThan(page.length + 'Update. '.length);
    expect(anchorPassage(decomposed, quote, position)).toMatchObject({
      ...spanOf(decomposed, 'expose\u0301 in Le Monde named the cafe\u0301'),
      exact: false,
    });
  });

  it('treats a no-break space like a space', () => {
    const page = 'The contract was worth 10 000 000 dollars according to court filings seen by reporters.';
    const { quote, position } = save(page, 'worth 10 000 000 dollars');
    const nbsp = `Intro. ${page.replace('10 000 000', '10\u00A0000\u00A0000')}`;
    expect(anchorPassage(nbsp, quote, position)).toMatchObject({
      ...spanOf(nbsp, 'worth 10\u00A0000\u00A0000 dollars'),
      exact: false,
    });
  });

  it('sees through soft hyphens and zero-width spaces inserted in words', () => {
    const page = 'Mass surveillance of journalists is incompatible with a free press, the rapporteur said.';
    const { quote, position } = save(page, 'surveillance of journalists is incompatible');
    const hyphenated = `Intro. ${page.replace('surveillance', 'sur\u00ADveil\u00ADlance').replace('incompatible', 'incom\u200Bpatible')}`;
    expect(anchorPassage(hyphenated, quote, position)).toMatchObject({
      ...spanOf(hyphenated, 'sur\u00ADveil\u00ADlance of journalists is incom\u200Bpatible'),
      exact: false,
    });
  });
});

describe('anchorPassage: degenerate input', () => {
  it('returns null for an empty quote or empty text', () => {
    const empty = { type: 'TextQuoteSelector' as const, exact: '', prefix: '', suffix: '' };
    expect(anchorPassage(ARTICLE, empty, null)).toBeNull();
    expect(anchorPassage('', save(ARTICLE, 'Pegasus').quote, null)).toBeNull();
  });

  it('ignores a malformed position', () => {
    const { quote } = save(ARTICLE, 'Citizen Lab');
    const bad = { type: 'TextPositionSelector' as const, start: Number.NaN, end: Number.POSITIVE_INFINITY };
    expect(anchorPassage(ARTICLE, quote, bad)).toMatchObject(spanOf(ARTICLE, 'Citizen Lab'));
  });
});

describe('anchorAll', () => {
  it('anchors many passages in one text and leaves orphans out', () => {
    const a = save(ARTICLE, 'Pegasus was used against journalists');
    const b = save(ARTICLE, 'Researchers at Citizen Lab found traces of the spyware');
    const c = save(ARTICLE, 'declined to comment further');
    const edited = ARTICLE.replace(/Researchers at Citizen Lab[^\n]*\n/, '');
    const result = anchorAll(edited, [
      { id: 'a', ...a },
      { id: 'b', ...b },
      { id: 'c', ...c },
    ]);
    expect([...result.keys()].sort()).toEqual(['a', 'c']);
    expect(result.get('a')).toEqual({
      ...spanOf(edited, 'Pegasus was used against journalists'),
      score: 1,
      exact: true,
    });
    expect(result.get('c')).toMatchObject({ ...spanOf(edited, 'declined to comment further'), exact: true });
  });
});

describe('anchorEach', () => {
  it('yields each passage with its anchor (null for an orphan), in order, one at a time', () => {
    const a = { id: 'a', ...save(ARTICLE, 'Pegasus was used against journalists') };
    const b = { id: 'b', ...save(ARTICLE, 'Researchers at Citizen Lab found traces of the spyware') };
    const edited = ARTICLE.replace(/Researchers at Citizen Lab[^\n]*\n/, '');
    const steps = anchorEach(edited, [a, b]);
    const first = steps.next();
    expect(first.done).toBe(false);
    expect(first.value).toEqual([
      a,
      { ...spanOf(edited, 'Pegasus was used against journalists'), score: 1, exact: true },
    ]);
    expect(steps.next().value).toEqual([b, null]);
    expect(steps.next().done).toBe(true);
  });
});
