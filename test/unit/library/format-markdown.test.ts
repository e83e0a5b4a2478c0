import { describe, expect, it } from 'vitest';
import { escapeInline, formatMarkdown, longDate } from '../../../src/core/library/format-markdown';
import type { SavedPassage } from '../../../src/core/library/types';
import { forensics, NOW, ruling, statement } from './sample-library';

const HAARETZ = 'https://www.haaretz.com/israel-news/2021-07-18/ty-article/pegasus-export';
const CITE_HAARETZ = `— Haaretz, “NSO: "We sell only to governments",” 18 July 2021, <${HAARETZ}>`;

describe('formatMarkdown', () => {
  it('writes one section per article, quotes in reading order, each with a citation', () => {
    const expected = [
      '# NSO Lens library',
      '',
      'Exported 22 November 2026: 3 passages from 2 articles.',
      '',
      '## NSO: "We sell only to governments"',
      '',
      `Haaretz · published 18 July 2021 · <${HAARETZ}>`,
      '',
      '> The court wrote that the licence was "not a blank cheque" - see \\*Section 4\\* of the ruling.',
      '',
      `${CITE_HAARETZ} (accessed 20 November 2026).`,
      '',
      '> NSO said it sells Pegasus only to vetted governments, for use against terrorism and crime.',
      '',
      '**Note:** Compare with the 2019 WhatsApp suit.',
      '',
      '**Tags:** pegasus, nso-statement · **Claims:** nso-sells-only-to-governments',
      '',
      `${CITE_HAARETZ} (accessed 20 November 2026).`,
      '',
      '## Forensic Methodology',
      '',
      '<https://citizenlab.ca/2021/07/forensic-methodology/>',
      '',
      '> Pegasus was deployed, via zero-click exploits, against "journalists, activists and lawyers".',
      '> The attacks used iMessage.',
      '',
      '**Note:** \\-1 means the count was not reported; check the original',
      '',
      '**Tags:** forensics',
      '',
      '— “Forensic Methodology,” n.d., <https://citizenlab.ca/2021/07/forensic-methodology/> (accessed 21 November 2026).',
      '',
    ].join('\n');
    expect(formatMarkdown([statement, ruling, forensics], NOW)).toBe(expected);
  });

  it('says so when the library is empty', () => {
    expect(formatMarkdown([], NOW)).toBe(
      '# NSO Lens library\n\nExported 22 November 2026: no saved passages.\n',
    );
  });

  it('counts in the singular', () => {
    expect(formatMarkdown([forensics], NOW)).toContain(
      'Exported 22 November 2026: 1 passage from 1 article.',
    );
  });
});

describe('Markdown escaping of page text', () => {
  const hostile = (exact: string, extra: Partial<SavedPassage> = {}): string =>
    formatMarkdown([{ ...forensics, quote: { ...forensics.quote, exact }, ...extra }], NOW);

  it('cannot make links, images or HTML', () => {
    const md = hostile(
      'Click [here](https://evil.example) ![x](https://evil.example/p.png) <img src=x onerror=alert(1)>',
    );
    expect(md).toContain(
      '> Click \\[here\\](https://evil.example) !\\[x\\](https://evil.example/p.png) \\<img src=x onerror=alert(1)\\>',
    );
  });

  it('cannot make headings, lists, code blocks or setext underlines inside the quote', () => {
    const md = hostile('first\n# Heading\n- item\n+ item\n1. item\n2) item\n    indented code\n===\n```js');
    expect(md).toContain(
      [
        '> first',
        '> \\# Heading',
        '> \\- item',
        '> \\+ item',
        '> 1\\. item',
        '> 2\\) item',
        '> indented code',
        '> \\===',
        '> \\`\\`\\`js',
      ].join('\n'),
    );
  });

  it('keeps entities and emphasis literal', () => {
    expect(escapeInline('&lt;b&gt; *a* _b_ `c` ~d~ |e| $f$ \\')).toBe(
      '\\&lt;b\\&gt; \\*a\\* \\_b\\_ \\`c\\` \\~d\\~ \\|e\\| \\$f\\$ \\\\',
    );
  });

  it('keeps paragraph breaks of a quote but collapses runs of blank lines', () => {
    expect(hostile('one\n\n\n\ntwo')).toContain('> one\n>\n> two\n');
  });

  it('keeps a hostile title to one escaped heading line', () => {
    const md = hostile('quote', { title: 'Evil\n## <script>alert(1)</script>', canonicalUrl: null });
    expect(md).toContain('## Evil \\#\\# \\<script\\>alert(1)\\</script\\>\n');
  });

  it('writes an address that cannot be an autolink as escaped text', () => {
    const url = 'https://example.org/a b<c>';
    expect(hostile('quote', { url })).toContain('n.d., https://example.org/a b\\<c\\> (accessed');
  });

  it("keeps the note's line breaks (hard breaks) and paragraphs", () => {
    const md = hostile('quote', { note: 'line one\n[link](x)\n\n\nnew paragraph' });
    expect(md).toContain('**Note:** line one\\\n\\[link\\](x)\n\nnew paragraph\n');
  });

  it('keeps right-to-left text and emoji as they are', () => {
    expect(hostile('פגסוס 🙂 بيغاسوس')).toContain('> פגסוס 🙂 بيغاسوس\n');
  });
});

describe('longDate', () => {
  it('spells the month, for every locale', () => {
    expect(longDate('2021-07-18')).toBe('18 July 2021');
    expect(longDate('2026-01-02T23:59:59.000Z')).toBe('2 January 2026');
  });
});
