// @vitest-environment happy-dom
/**
 * The page text of saved passages (the basis defined in src/core/library/types.ts): body text nodes
 * concatenated as they are, without scripts, styles, noscript, templates or our host, and the way
 * between DOM ranges and offsets in both directions.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { buildPageText, offsetsToRange, pointToOffset, rangeToOffsets } from '../../../src/dom/page-text';
import { HOST_TAG } from '../../../src/ui/overlay/host';

beforeEach(() => {
  document.body.innerHTML = '';
});

function text(node: Node): Text {
  if (node.nodeType !== 3) throw new Error('not a text node');
  return node as Text;
}

describe('buildPageText', () => {
  it('concatenates body text nodes as they are, inserting nothing between blocks', () => {
    document.body.innerHTML = '<h1>Title</h1>\n<p>First  <b>bold</b>\ttext.</p><p>Second.</p>';
    expect(buildPageText(document).text).toBe('Title\nFirst  bold\ttext.Second.');
  });

  it('skips script, style, noscript, template and our own host, but keeps hidden text', () => {
    document.body.innerHTML =
      '<p>a</p><script>var s = 1</script><style>p{}</style><noscript>ns</noscript>' +
      '<template><p>tpl</p></template><div hidden>b</div><span aria-hidden="true">c</span>';
    const host = document.createElement(HOST_TAG);
    host.append('host text');
    document.body.append(host, 'd');
    expect(buildPageText(document).text).toBe('abcd');
  });

  it('reads only the body: the head and text after it are not page text', () => {
    document.title = 'Page title';
    document.body.innerHTML = '<p>Body</p>';
    expect(buildPageText(document).text).toBe('Body');
  });

  it('records every non-empty node with its start', () => {
    document.body.innerHTML = '<p>ab<i>cd</i></p><p></p><p>ef</p>';
    const map = buildPageText(document);
    expect(map.nodes.map((n) => n.data)).toEqual(['ab', 'cd', 'ef']);
    expect(map.starts).toEqual([0, 2, 4]);
    expect(map.index.get(map.nodes[1]!)).toBe(1);
  });

  it('handles a deeply nested page without recursion', () => {
    let html = '';
    for (let i = 0; i < 5000; i++) html += '<span>';
    html += 'deep';
    for (let i = 0; i < 5000; i++) html += '</span>';
    document.body.innerHTML = `${html}<p>after</p>`;
    expect(buildPageText(document).text).toBe('deepafter');
  });
});

describe('rangeToOffsets', () => {
  it('maps a selection within and across text nodes', () => {
    document.body.innerHTML = '<p id="a">Judge Rachel <b id="b">Barkai</b> ruled.</p>';
    const map = buildPageText(document);
    const p = document.getElementById('a')!;
    const r = document.createRange();
    r.setStart(text(p.firstChild!), 6); // "Rachel"
    r.setEnd(text(document.getElementById('b')!.firstChild!), 3); // "Bar"
    expect(rangeToOffsets(map, r)).toEqual({ start: 6, end: 16 });
    expect(map.text.slice(6, 16)).toBe('Rachel Bar');
  });

  it('maps element boundary points (a triple-click selects whole paragraphs)', () => {
    document.body.innerHTML = '<p>one</p><p id="two">two <i>2</i></p><p>three</p>';
    const map = buildPageText(document);
    const two = document.getElementById('two')!;
    const r = document.createRange();
    r.setStart(two, 0);
    r.setEnd(two, two.childNodes.length);
    expect(rangeToOffsets(map, r)).toEqual({ start: 3, end: 8 });
    expect(map.text.slice(3, 8)).toBe('two 2');
    const whole = document.createRange();
    whole.selectNodeContents(document.body);
    expect(rangeToOffsets(map, whole)).toEqual({ start: 0, end: map.text.length });
  });

  it('puts a point inside skipped content just after the text before it', () => {
    document.body.innerHTML = '<p>ab</p><script>xyz</script><p>cd</p>';
    const map = buildPageText(document);
    const script = document.querySelector('script')!;
    expect(pointToOffset(map, script.firstChild!, 1)).toBe(2);
    expect(pointToOffset(map, script, 0)).toBe(2);
    expect(pointToOffset(map, document.body, document.body.childNodes.length)).toBe(4);
  });

  it('clamps a text offset to the node', () => {
    document.body.innerHTML = '<p>abc</p>';
    const map = buildPageText(document);
    expect(pointToOffset(map, map.nodes[0]!, 99)).toBe(3);
  });
});

describe('offsetsToRange', () => {
  it('returns a live range whose text is the slice, across nodes', () => {
    document.body.innerHTML = '<p>Tel Aviv <a href="#">District Court</a> Judge Rachel Barkai</p>';
    const map = buildPageText(document);
    const start = map.text.indexOf('Aviv');
    const end = map.text.indexOf('Judge') + 'Judge'.length;
    const range = offsetsToRange(document, map, start, end)!;
    expect(range.toString()).toBe('Aviv District Court Judge');
    expect(rangeToOffsets(map, range)).toEqual({ start, end });
  });

  it('starts in the next node and ends in the previous one at a seam', () => {
    document.body.innerHTML = '<p>ab</p><p>cd</p><p>ef</p>';
    const map = buildPageText(document);
    const range = offsetsToRange(document, map, 2, 4)!;
    expect(range.startContainer).toBe(map.nodes[1]);
    expect(range.startOffset).toBe(0);
    expect(range.endContainer).toBe(map.nodes[1]);
    expect(range.endOffset).toBe(2);
  });

  it('refuses empty, reversed and out-of-text spans', () => {
    document.body.innerHTML = '<p>abc</p>';
    const map = buildPageText(document);
    expect(offsetsToRange(document, map, 1, 1)).toBeNull();
    expect(offsetsToRange(document, map, 2, 1)).toBeNull();
    expect(offsetsToRange(document, map, -1, 2)).toBeNull();
    expect(offsetsToRange(document, map, 0, 4)).toBeNull();
  });

  it('refuses offsets that no longer fit a node the page shortened', () => {
    document.body.innerHTML = '<p>abcdef</p>';
    const map = buildPageText(document);
    map.nodes[0]!.data = 'ab';
    expect(offsetsToRange(document, map, 3, 5)).toBeNull();
  });
});
