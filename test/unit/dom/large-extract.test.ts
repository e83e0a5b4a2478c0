import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractLarge, isLargePage, LARGE_PAGE } from '../../../src/dom/large-extract';
import { createSlicer } from '../../../src/dom/sliced';

const para = (i: number) =>
  `<p>Paragraph ${i}: Judge Rachel Barkai of the Tel Aviv District Court heard the petition, which asked for the revocation of NSO Group's export licence, behind closed doors.</p>`;

function page(paragraphs: number): Document {
  const body = Array.from({ length: paragraphs }, (_, i) => para(i)).join('');
  return parseHTML(`<html><head><title>Ruling</title><meta property="article:published_time" content="2020-07-13T10:00:00Z"></head>
    <body class="has-ads"><nav><a href="/">Home</a> <a href="/world">World news, politics, business</a></nav>
    <div id="page"><article><h1>Court dismisses petition</h1><div class="body">${body}
      <div class="related-links"><p>Related: another story, with commas, that should not be read as the article.</p></div>
      <aside><p>Sidebar text about something else entirely, long enough to score as a paragraph.</p></aside>
    </div></article>
    <div class="comments"><p>Reader comment, with, many, commas, that is long enough to be counted as a paragraph.</p></div></div>
    <footer><p>Copyright notice and links for the whole site, written out at paragraph length.</p></footer></body></html>`)
    .document as unknown as Document;
}

describe('extractLarge', () => {
  it('calls a page large only above LARGE_PAGE characters of body text', () => {
    expect(isLargePage(page(10))).toBe(false);
    const big = page(Math.ceil(LARGE_PAGE / 150) + 10);
    expect(big.body.textContent!.length).toBeGreaterThan(LARGE_PAGE);
    expect(isLargePage(big)).toBe(true);
  });

  it('reads the article (headline and paragraphs) and leaves out navigation, related links, asides, comments and footer', async () => {
    const doc = page(40);
    let pauses = 0;
    const slicer = createSlicer(0, undefined, async () => {
      pauses++;
    });
    const x = await extractLarge(doc, slicer);
    expect(x.article?.tagName).toBe('ARTICLE');
    expect(x.map.text.startsWith('Court dismisses petition\n\nParagraph 0: Judge Rachel Barkai')).toBe(true);
    expect(x.map.text).toContain('Paragraph 39:');
    for (const junk of ['Home', 'Related:', 'Sidebar', 'Reader comment', 'Copyright']) {
      expect(x.map.text).not.toContain(junk);
    }
    // A zero budget makes every check due: the work was cut into slices.
    expect(pauses).toBeGreaterThan(1);
    expect(x.meta.published).toBe('2020-07-13');
  });

  it('is not fooled by a form whose controls shadow tagName, id, className and parentElement', async () => {
    const doc = page(12);
    const form = doc.createElement('form');
    const p = doc.createElement('p');
    p.textContent = 'Inside the form, a paragraph about the Pegasus spyware, long enough to be scored, too.';
    form.append(p);
    doc.querySelector('.body')!.append(form);
    // What a browser's named getter does for <input name="tagName"> etc. (linkedom has none).
    for (const name of ['tagName', 'id', 'className', 'parentElement']) {
      Object.defineProperty(form, name, { value: doc.createElement('input'), configurable: true });
    }
    const x = await extractLarge(doc, createSlicer(1000));
    expect(x.map.text).toContain('Paragraph 11:');
    // Forms are boilerplate: the form's paragraph is left out, and nothing threw on the way.
    expect(x.map.text).not.toContain('Inside the form');
  });

  it('maps offsets to the live page itself', async () => {
    const doc = page(5);
    const x = await extractLarge(doc, createSlicer(1000));
    const at = x.map.text.indexOf('Rachel Barkai', x.map.text.indexOf('Paragraph 3'));
    const span = x.toLive(at, at + 'Rachel Barkai'.length)!;
    expect(span.startNode.isConnected).toBe(true);
    expect(span.startNode.data.slice(span.startOffset, span.endOffset)).toBe('Rachel Barkai');
    expect(span.startNode.parentElement?.textContent).toContain('Paragraph 3');
    span.startNode.remove();
    expect(x.toLive(at, at + 5)).toBeNull();
  });
});

describe('createSlicer', () => {
  // A clock of the test's own: the slicer's arithmetic is checked, not this machine's speed.
  it('reports due once the budget is used and records the longest slice', async () => {
    let t = 100;
    const slicer = createSlicer(
      5,
      undefined,
      () => Promise.resolve(),
      () => t,
    );
    expect(slicer.due()).toBe(false);
    t += 4.9;
    expect(slicer.due()).toBe(false);
    t += 3.1; // one slice of 8 ms
    expect(slicer.due()).toBe(true);
    await slicer.pause();
    expect(slicer.due()).toBe(false);
    t += 2;
    expect(slicer.longest()).toBe(8);
  });

  it('does not count time spent waiting on other threads as a slice', async () => {
    let t = 0;
    const slicer = createSlicer(
      5,
      undefined,
      () => Promise.resolve(),
      () => t,
    );
    t = 1;
    const elsewhere = new Promise<string>((done) =>
      setTimeout(() => {
        t = 31; // 30 ms spent elsewhere
        done('answer');
      }, 0),
    );
    expect(await slicer.wait(elsewhere)).toBe('answer');
    expect(slicer.longest()).toBe(1);
    expect(slicer.due()).toBe(false);
  });

  it('stops the work once aborted', async () => {
    const stop = new AbortController();
    const slicer = createSlicer(0, stop.signal, () => Promise.resolve());
    await slicer.pause();
    stop.abort();
    await expect(slicer.pause()).rejects.toThrow();
  });
});
