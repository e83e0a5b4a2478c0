// @vitest-environment happy-dom
/**
 * The watcher that keeps highlights honest (src/content/pipeline/stale-highlights.ts): a page that
 * rewrites the words under a highlight, or renders them again in new nodes, has that highlight
 * reported at once — in the microtask after the change, before anything else runs — and a change
 * elsewhere reports nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { isStale, watchHighlights } from '../../../src/content/pipeline/stale-highlights';

function setUp() {
  document.body.innerHTML =
    '<p id="a">Judge Rachel Barkai in his ruling dismissed it.</p><p id="b">Other words.</p>';
  const text = document.getElementById('a')!.firstChild as Text;
  const range = document.createRange();
  range.setStart(text, 'Judge Rachel Barkai in '.length);
  range.setEnd(text, 'Judge Rachel Barkai in his'.length);
  return { text, range };
}

/** Lets the observer's microtask run. */
const settle = () => new Promise<void>((done) => queueMicrotask(done));

describe('watchHighlights', () => {
  const stop = new AbortController();
  afterEach(() => stop.abort());

  it('reports a highlight whose words were rewritten in place, once', async () => {
    const { text, range } = setUp();
    const reported: number[][] = [];
    watchHighlights(document, [{ range, text: 'his' }], (stale) => reported.push(stale), stop.signal);
    (document.getElementById('b')!.firstChild as Text).data = 'Changed elsewhere.';
    await settle();
    expect(reported).toEqual([]);
    text.data = 'A court spokesman said the ruling stands.';
    await settle();
    expect(reported).toEqual([[0]]);
    text.data = 'Yet another text.';
    await settle();
    expect(reported).toEqual([[0]]);
  });

  it('reports a highlight whose nodes the page replaced', async () => {
    const { range } = setUp();
    const reported: number[][] = [];
    watchHighlights(document, [{ range, text: 'his' }], (stale) => reported.push(stale), stop.signal);
    const p = document.getElementById('a')!;
    p.replaceChildren(document.createTextNode(p.textContent!));
    await settle();
    expect(reported).toEqual([[0]]);
  });

  it('isStale: whitespace is compared as the text map reads it', () => {
    const { range } = setUp();
    expect(isStale({ range, text: 'his' })).toBe(false);
    expect(isStale({ range, text: 'her' })).toBe(true);
  });
});
