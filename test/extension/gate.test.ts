import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { scanGate } from '../../src/content/gate';
import { leadingText, samplePage, TEXT_LIMIT } from '../../src/content/page-sample';

/** linkedom needs a whole document (a bare <body> fragment parses oddly). */
const doc = (html: string) =>
  parseHTML(html.startsWith('<!') ? html : `<!doctype html><html>${html}</html>`)
    .document as unknown as Document;

describe('scanGate', () => {
  it('finds strong names on their own', () => {
    expect(scanGate('Judge Rachel Barkai heard Eitay Mack; Citizen Lab and NSO Group')).toEqual({
      hit: true,
      terms: ['NSO Group', 'Barkai', 'Eitay Mack', 'Citizen Lab'],
    });
    expect(scanGate('lawyer Itai Mack').terms).toEqual(['Eitay Mack']);
  });

  it('counts bare Pegasus and NSO only with spyware context or a strong name', () => {
    expect(scanGate('The NSO played a new Pegasus overture')).toEqual({ hit: false, terms: [] });
    expect(scanGate('Pegasus Airlines adds flights; download the app on your phone')).toEqual({
      hit: false,
      terms: [],
    });
    expect(scanGate('NSO said its Pegasus spyware is sold to governments').terms).toEqual([
      'NSO Group',
      'Pegasus',
    ]);
    expect(scanGate('Pegasus was named by Citizen Lab').terms).toEqual(['Pegasus', 'Citizen Lab']);
  });

  it('reads Hebrew and Arabic forms, with attached prefixes', () => {
    expect(scanGate('השופטת רחל ברקאי דחתה את העתירה נגד קבוצת NSO').terms).toEqual(['NSO Group', 'Barkai']);
    expect(scanGate('תוכנת הריגול בפגסוס').terms).toEqual(['Pegasus']);
    expect(scanGate('برنامج التجسس بيغاسوس').terms).toEqual(['Pegasus']);
    expect(scanGate('مجموعة إن إس أو الإسرائيلية').terms).toEqual(['NSO Group']);
  });

  it('is not fooled by substrings of other words', () => {
    expect(scanGate('Pegasuses? NSOs? Barkaiville hackneyed').hit).toBe(false);
  });
});

describe('leadingText', () => {
  it('skips scripts, styles and hidden subtrees and keeps document order', () => {
    const d = doc(
      '<body><p>one</p><script>NSO Group</script><style>.a{}</style><div hidden>two</div><p>three <b>four</b></p></body>',
    );
    expect(leadingText(d.body, 100)).toBe('one three four');
  });

  it('stops at the character limit', () => {
    const d = doc(`<body>${'<p>abcdefghij</p>'.repeat(1000)}</body>`);
    expect(leadingText(d.body, 25).length).toBeLessThanOrEqual(25);
    expect(samplePage(d, 'https://example.org/').length).toBeLessThan(TEXT_LIMIT + 100);
  });

  it('reads title, meta tags and URL words', () => {
    const d = doc(
      '<head><title>T</title><meta name="keywords" content="NSO Group"></head><body><p>x</p></body>',
    );
    const sample = samplePage(d, 'https://example.org/2020/citizen-lab-report');
    expect(sample).toContain('NSO Group');
    expect(sample).toContain('citizen lab report');
  });
});

describe('gate on the fixture pages', () => {
  const dir = join(import.meta.dirname, '../fixtures/pages');
  const pages = readdirSync(dir).filter((slug) => !slug.startsWith('.'));
  /** Pages about other things named NSO or Pegasus: the gate must stay shut there. */
  const lookAlikes = [
    'orchestra-nso-concert',
    'statistics-office-nso',
    'pegasus-horse-racing',
    'pegasus-mosaic-airline',
    'pegasus-rocket-launch',
  ];

  it.each(pages)('%s', (slug) => {
    const meta = JSON.parse(readFileSync(join(dir, slug, 'page.json'), 'utf8')) as {
      url: string;
      relevant: boolean;
    };
    const gate = scanGate(samplePage(doc(readFileSync(join(dir, slug, 'source.html'), 'utf8')), meta.url));
    if (meta.relevant) expect(gate.hit).toBe(true);
    if (lookAlikes.includes(slug)) expect(gate).toEqual({ hit: false, terms: [] });
  });

  it('includes the look-alike pages', () => {
    expect(pages).toEqual(expect.arrayContaining(lookAlikes));
  });
});
