import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractArticle, readMeta } from '../../../src/dom/extract';
import { buildTextMap, segmentAt } from '../../../src/dom/text-map';

const doc = (html: string) => parseHTML(html).document as unknown as Document;

describe('buildTextMap', () => {
  it('separates blocks with a blank line and collapses whitespace', () => {
    const d = doc(
      '<div><h1> Title </h1><p>First   <b>bold</b>\n text.</p><p>Second.</p><script>var x = "NSO"</script></div>',
    );
    expect(buildTextMap(d.querySelector('div')!).text).toBe('Title\n\nFirst bold text.\n\nSecond.');
  });
  it('maps every mapped character back to its text node and offset', () => {
    const d = doc('<article><p>  Judge   Rachel <i>Barkai</i> ruled.</p><p>Then&nbsp;more</p></article>');
    const map = buildTextMap(d.querySelector('article')!);
    for (const seg of map.segments) {
      for (let i = seg.start; i < seg.end; i++) {
        const inNode = seg.node.data[seg.offsets[i - seg.start]!]!;
        const mapped = map.text[i]!;
        expect(mapped === ' ' || mapped === '\n' ? /\s/.test(inNode) : inNode === mapped).toBe(true);
      }
    }
    const at = map.text.indexOf('Barkai');
    const seg = segmentAt(map, at)!;
    expect(seg.node.data).toBe('Barkai');
    expect(segmentAt(map, map.text.length)).toBeUndefined();
  });
  it('skips hidden and aria-hidden content', () => {
    const d = doc('<div><p hidden>secret</p><p aria-hidden="true">also</p><p>shown</p></div>');
    expect(buildTextMap(d.querySelector('div')!).text).toBe('shown');
  });
});

describe('metadata', () => {
  it('reads Open Graph, article time, canonical and JSON-LD', () => {
    const d = doc(`<html lang="en"><head><title>T</title>
      <meta property="og:site_name" content="JPost.com">
      <link rel="canonical" href="https://www.jpost.com/a-1">
      <script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","headline":"H","datePublished":"2020-01-16T10:00:00Z"}]}</script>
      <script type="application/ld+json">{ broken</script>
      </head><body></body></html>`);
    expect(readMeta(d)).toEqual({
      title: 'H',
      siteName: 'JPost.com',
      published: '2020-01-16T10:00:00Z',
      canonical: 'https://www.jpost.com/a-1',
      lang: 'en',
    });
  });
  it('reads Highwire citation tags', () => {
    const d = doc(
      '<html><head><meta name="citation_title" content="C"><meta name="citation_publication_date" content="2020/07/13"></head><body></body></html>',
    );
    expect(readMeta(d)).toMatchObject({ title: 'C', published: '2020/07/13' });
  });
});

describe('extractArticle', () => {
  it('extracts the article without touching the page and keeps an ISO day', () => {
    const para =
      '<p>Amnesty International asked the Tel Aviv District Court to revoke the export licence of NSO Group, the maker of the Pegasus spyware, on national security grounds.</p>';
    const html = `<html><head><meta property="article:published_time" content="2020-01-16T08:00:00+02:00"></head><body><nav>Home News Sport</nav><article>${para.repeat(6)}</article><footer>© Outlet</footer></body></html>`;
    const d = doc(html);
    const before = d.body.innerHTML;
    const x = extractArticle(d);
    expect(d.body.innerHTML).toBe(before);
    expect(x.meta.published).toBe('2020-01-16');
    expect(x.map.text).toContain('Pegasus spyware');
    expect(x.map.text).not.toContain('Home News Sport');
  });
  it('returns empty text when there is no article', () => {
    expect(extractArticle(doc('<html><body></body></html>')).map.text).toBe('');
  });
});

describe('mapping engine offsets back to the live page', () => {
  const para = (s: string) =>
    `<p>${s} Amnesty International asked the Tel Aviv District Court to revoke the export licence of NSO Group, maker of Pegasus, and the court heard it in private.</p>`;
  const html = `<html><body><aside><p>Judge Rachel <b>Barkai</b> said so. (teaser)</p></aside><article>${para('One.')}<div class="ad">Advertisement: buy now</div>${para('Two.')}<p>Then Judge Rachel <b>Barkai</b> said so, in  closed   court.</p>${para('Three.')}${para('Four.')}</article></body></html>`;

  it('lands on the article’s own nodes, not on a repeat elsewhere on the page', () => {
    const d = doc(html);
    const x = extractArticle(d);
    const at = x.map.text.indexOf('Judge Rachel Barkai said so');
    expect(at).toBeGreaterThan(0);
    const span = x.toLive(at, at + 'Judge Rachel Barkai said so'.length)!;
    expect(span).not.toBeNull();
    const article = d.querySelector('article')!;
    expect(article.contains(span.startNode)).toBe(true);
    expect(span.startNode.data.slice(span.startOffset)).toBe('Judge Rachel ');
    expect(span.endNode.data.slice(0, span.endOffset)).toBe(' said so');
  });
  it('maps across collapsed whitespace', () => {
    const d = doc(html);
    const x = extractArticle(d);
    const at = x.map.text.indexOf('in closed court');
    const span = x.toLive(at, at + 'in closed court'.length)!;
    expect(span.startNode.data.slice(span.startOffset, span.endOffset)).toBe('in  closed   court');
  });
  it('refuses to place text whose live node changed since extraction', () => {
    const d = doc(html);
    const x = extractArticle(d);
    const at = x.map.text.indexOf('Two.');
    const span = x.toLive(at, at + 4)!;
    span.startNode.data = 'Changed.';
    expect(x.toLive(at, at + 4)).toBeNull();
  });
});
