/**
 * The text map builder (resumable, with a fast path for plain nodes) against a plain recursive
 * reference written from the rules in text-map.ts's header: same text, same node and offset for
 * every character, over generated markup — and the same whether built in one go or in tiny steps.
 */
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { buildTextMap, TextMapBuilder } from '../../../src/dom/text-map';

const BLOCKS = new Set(['P', 'DIV', 'LI', 'UL', 'H2', 'BLOCKQUOTE', 'BR', 'TD', 'TR', 'TABLE']);
const SKIPS = new Set(['SCRIPT', 'STYLE']);
const WS = new Set([' ', '\n', '\t', '\r', '\f']);

/** Reference: characters with their (node, offset); separators as the rules say. */
function reference(root: Node): { text: string; at: [Text, number][] } {
  let text = '';
  const at: [Text, number][] = [];
  let pending = 0;
  let started = false;
  let last: [Text, number] | null = null;
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      const t = node as Text;
      for (let i = 0; i < t.data.length; i++) {
        const ch = t.data[i]!;
        if (WS.has(ch)) {
          pending = Math.max(pending, 1);
          continue;
        }
        if (pending && started) {
          const sep = pending === 2 ? '\n\n' : ' ';
          // Inside a node the separator maps to the whitespace just before; between nodes it is unmapped.
          const inside = last !== null && last[0] === t;
          for (const c of sep) {
            text += c;
            at.push(inside ? [t, i - 1] : (null as unknown as [Text, number]));
          }
        }
        pending = 0;
        started = true;
        text += ch;
        at.push([t, i]);
        last = [t, i];
      }
      return;
    }
    const el = node as Element;
    if (node.nodeType === 1 && (SKIPS.has(el.tagName) || el.hasAttribute('hidden'))) return;
    const block = node.nodeType === 1 && BLOCKS.has(el.tagName);
    if (block) pending = 2;
    for (let c = node.firstChild; c; c = c.nextSibling) walk(c);
    if (block) pending = 2;
  };
  walk(root);
  return { text, at };
}

const word = fc.constantFrom(
  'NSO',
  'Pegasus',
  'Barkai',
  'ruled',
  'a,',
  'court.',
  'מאק',
  'é',
  '💬',
  '\u00a0x',
);
const space = fc.constantFrom(' ', '  ', '\n', '\t ', ' \r\n ', '');
const textNode = fc
  .tuple(fc.array(fc.tuple(space, word), { minLength: 1, maxLength: 6 }), space)
  .map(([xs, end]) => xs.flat().join('') + end);
const tag = fc.constantFrom('p', 'div', 'span', 'b', 'li', 'br', 'script', 'h2', 'em');
const markup: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    textNode,
    fc
      .tuple(tag, fc.array(tie('node'), { maxLength: 4 }), fc.boolean())
      .map(([t, kids, hidden]) =>
        t === 'br' ? '<br>' : `<${t}${hidden ? ' hidden' : ''}>${kids.join('')}</${t}>`,
      ),
  ),
})).node;

describe('TextMapBuilder', () => {
  it('agrees with the reference on generated markup, in one go and in steps of one node', () => {
    fc.assert(
      fc.property(fc.array(markup, { maxLength: 5 }), (parts) => {
        const { document } = parseHTML(`<html><body><main>${parts.join('')}</main></body></html>`);
        const root = document.querySelector('main') as unknown as Node;
        const ref = reference(root);
        const map = buildTextMap(root);
        expect(map.text).toBe(ref.text);
        for (const seg of map.segments) {
          for (let i = seg.start; i < seg.end; i++) {
            const want = ref.at[i];
            if (want) expect([seg.node, seg.offsets[i - seg.start]]).toEqual(want);
          }
        }
        const stepped = new TextMapBuilder(root);
        while (!stepped.done) stepped.step(1);
        expect(stepped.result().text).toBe(map.text);
        expect(stepped.result().segments.map((s) => [s.start, s.end])).toEqual(
          map.segments.map((s) => [s.start, s.end]),
        );
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    '<b>x </b>y',
    'x<b> y</b>',
    '<i>a</i><i>b</i>',
    ' lead <em>mid</em> trail ',
    'one  two<p>para</p>three',
    '<p>a</p> <p> b </p>',
  ])('maps %j like the reference', (html) => {
    const { document } = parseHTML(`<main>${html}</main>`);
    const root = document.querySelector('main') as unknown as Node;
    expect(buildTextMap(root).text).toBe(reference(root).text);
  });

  it('leaves out elements the enter filter refuses', () => {
    const { document } = parseHTML('<main><p>Kept.</p><div class="ad">Buy now</div><p>Also kept.</p></main>');
    const map = buildTextMap(
      document.querySelector('main') as unknown as Node,
      (el) => el.className !== 'ad',
    );
    expect(map.text).toBe('Kept.\n\nAlso kept.');
  });
});
