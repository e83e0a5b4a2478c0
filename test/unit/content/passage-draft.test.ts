// @vitest-environment happy-dom
/**
 * The draft a selection becomes: quote and position over the page text, addresses, article metadata
 * from the analysis (or the page), and the claims whose highlights the selection overlaps, in pack order.
 * Selections in our own UI are not passages.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  buildDraft,
  canonicalUrl,
  type DraftContext,
  touchesHost,
} from '../../../src/content/pipeline/passage-draft';
import type { Outlet } from '../../../src/core/facts/types';
import type { Analysis } from '../../../src/core/match/findings';
import { nsoPack } from '../../../src/data/pack';
import { HOST_TAG } from '../../../src/ui/overlay/host';

const outlets = new Map<string, Outlet>(nsoPack.outlets.map((o) => [o.id, o]));
const claimOrder = new Map<string, number>(nsoPack.claims.map((c, i) => [c.id, i]));
const URL_ = 'https://www.jpost.com/israel-news/article-1';

const BODY =
  '<h1 id="h">Court shuts doors</h1>\n' +
  '<p id="a">Tel Aviv District Court Judge Rachel Barkai ruled on the petition.</p>\n' +
  '<p id="b">Amnesty lawyer Eitay Mack asked for the licence to be revoked.</p>';

function analysis(article: Partial<Analysis['article']> = {}): Analysis {
  return {
    relevant: true,
    score: 1,
    reasons: [],
    article: {
      title: 'Court shuts doors on NSO',
      outlet: 'outlet.jpost',
      published: '2020-01-16',
      ...article,
    },
    matches: [],
    conflicts: [],
    status: [],
  };
}

function rangeIn(id: string, text: string, upTo?: string): Range {
  const node = document.getElementById(id)!.firstChild as Text;
  const start = node.data.indexOf(text);
  if (start < 0) throw new Error(`no "${text}" in #${id}`);
  const end = upTo === undefined ? start + text.length : node.data.indexOf(upTo) + upTo.length;
  const r = document.createRange();
  r.setStart(node, start);
  r.setEnd(node, end);
  return r;
}

function ctx(extra: Partial<DraftContext> = {}): DraftContext {
  return { url: URL_, analysis: analysis(), claimRanges: [], outlets, claimOrder, host: null, ...extra };
}

beforeEach(() => {
  document.head.innerHTML = '';
  document.title = 'Court shuts doors | The Jerusalem Post';
  document.body.innerHTML = BODY;
});

describe('buildDraft', () => {
  it('quotes the selection with context and its position in the page text', () => {
    const out = buildDraft(document, rangeIn('a', 'Judge Rachel Barkai'), ctx());
    if (!out.ok) throw new Error(out.reason);
    const { quote, position } = out.draft;
    expect(quote.exact).toBe('Judge Rachel Barkai');
    expect(position).not.toBeNull();
    // The page text is the body's text nodes as they are: the heading, a newline, the paragraph...
    const pageText = `Court shuts doors\nTel Aviv District Court Judge Rachel Barkai ruled on the petition.\nAmnesty`;
    expect(position!.start).toBe(pageText.indexOf('Judge'));
    expect(position!.end - position!.start).toBe('Judge Rachel Barkai'.length);
    expect(quote.prefix).toBe(pageText.slice(position!.start - 32, position!.start));
    expect(quote.prefix).toBe('s doors\nTel Aviv District Court ');
    expect(quote.suffix.startsWith(' ruled on the petition.')).toBe(true);
    expect(out.draft.url).toBe(URL_);
    expect(out.draft.note).toBe('');
    expect(out.draft.tags).toEqual([]);
  });

  it('takes title, outlet name and date from the analysis', () => {
    const out = buildDraft(document, rangeIn('a', 'Judge'), ctx());
    if (!out.ok) throw new Error(out.reason);
    expect(out.draft.title).toBe('Court shuts doors on NSO');
    expect(out.draft.outlet).toBe('The Jerusalem Post');
    expect(out.draft.published).toBe('2020-01-16');
  });

  it('falls back to the page metadata without an analysis', () => {
    document.head.innerHTML =
      '<meta property="og:site_name" content="Some Site"><meta property="article:published_time" content="2021-07-18T09:00:00Z">';
    document.title = 'Court shuts doors | The Jerusalem Post';
    const out = buildDraft(document, rangeIn('a', 'Judge'), ctx({ analysis: null }));
    if (!out.ok) throw new Error(out.reason);
    expect(out.draft.title).toBe('Court shuts doors | The Jerusalem Post');
    expect(out.draft.outlet).toBe('Some Site');
    expect(out.draft.published).toBe('2021-07-18');
  });

  it('lists the claims whose highlights the selection overlaps, in pack order, once each', () => {
    const [first, second, third] = [nsoPack.claims[0]!.id, nsoPack.claims[1]!.id, nsoPack.claims[2]!.id];
    const claimRanges = [
      { claimId: second, range: rangeIn('a', 'Rachel Barkai ruled') },
      { claimId: first, range: rangeIn('a', 'Tel Aviv') },
      { claimId: third, range: rangeIn('b', 'Eitay Mack') },
      { claimId: second, range: rangeIn('a', 'Court Judge') },
    ];
    // "Court Judge Rachel": touches the first claim? No — "Tel Aviv" ends before "District".
    const out = buildDraft(document, rangeIn('a', 'Court Judge Rachel'), ctx({ claimRanges }));
    if (!out.ok) throw new Error(out.reason);
    expect(out.draft.claims).toEqual([second]);
    const wide = buildDraft(document, rangeIn('a', 'Tel', 'petition.'), ctx({ claimRanges }));
    if (!wide.ok) throw new Error(wide.reason);
    expect(wide.draft.claims).toEqual([first, second]);
    // Touching the end of a highlight is not overlapping it.
    const touching = [{ claimId: first, range: rangeIn('a', 'Tel Aviv ') }];
    const after = buildDraft(document, rangeIn('a', 'District'), ctx({ claimRanges: touching }));
    if (!after.ok) throw new Error(after.reason);
    expect(after.draft.claims).toEqual([]);
  });

  it('trims whitespace around the selection and refuses a blank one', () => {
    const r = document.createRange();
    r.setStart(document.getElementById('h')!.firstChild!, 12);
    r.setEnd(document.getElementById('a')!.firstChild!, 3);
    const out = buildDraft(document, r, ctx());
    if (!out.ok) throw new Error(out.reason);
    expect(out.draft.quote.exact).toBe('doors\nTel');
    const blank = document.createRange();
    blank.setStart(document.body, 1);
    blank.setEnd(document.body, 2);
    expect(blank.toString()).toBe('\n');
    expect(buildDraft(document, blank, ctx())).toEqual({ ok: false, reason: 'empty' });
  });

  it('refuses a selection longer than the library keeps', () => {
    document.body.innerHTML = `<p id="a">${'word '.repeat(5000)}end</p>`;
    const r = document.createRange();
    r.selectNodeContents(document.getElementById('a')!);
    expect(buildDraft(document, r, ctx())).toEqual({ ok: false, reason: 'too-long' });
  });

  it('ignores a selection in our own UI', () => {
    const host = document.createElement(HOST_TAG);
    host.append('Save');
    document.documentElement.append(host);
    const r = document.createRange();
    r.selectNodeContents(host);
    expect(buildDraft(document, r, ctx({ host }))).toEqual({ ok: false, reason: 'ignored' });
    // One that runs from the page into our host is not the page's either.
    const across = document.createRange();
    across.setStart(document.getElementById('b')!.firstChild!, 0);
    across.setEnd(host.firstChild!, 2);
    expect(touchesHost(across, host)).toBe(true);
    expect(touchesHost(rangeIn('a', 'Judge'), host)).toBe(false);
    expect(touchesHost(rangeIn('a', 'Judge'), null)).toBe(false);
    host.remove();
  });

  it('ignores a selection inside a shadow root (ours, reported with its inner nodes, or the page’s)', () => {
    const host = document.createElement(HOST_TAG);
    const root = host.attachShadow({ mode: 'closed' });
    const quote = document.createElement('blockquote');
    quote.textContent = 'Judge Rachel Barkai';
    root.append(quote);
    document.documentElement.append(host);
    const r = document.createRange();
    r.selectNodeContents(quote);
    expect(touchesHost(r, host)).toBe(true);
    expect(touchesHost(r, null)).toBe(true);
    expect(buildDraft(document, r, ctx({ host }))).toEqual({ ok: false, reason: 'ignored' });
    host.remove();
  });

  it('refuses a page address the library does not accept', () => {
    const out = buildDraft(document, rangeIn('a', 'Judge'), ctx({ url: 'file:///home/me/page.html' }));
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.reason).toBe('invalid');
  });
});

describe('canonicalUrl', () => {
  it('reads <link rel=canonical>, resolved against the page, http(s) only', () => {
    expect(canonicalUrl(document)).toBeNull();
    document.head.innerHTML = '<link rel="canonical" href="https://www.jpost.com/a?x=1">';
    expect(canonicalUrl(document)).toBe('https://www.jpost.com/a?x=1');
    document.head.innerHTML = '<link rel="alternate canonical" href="/story/1">';
    expect(canonicalUrl(document)).toBe(`${location.origin}/story/1`);
    document.head.innerHTML = '<link rel="canonical" href="javascript:alert(1)">';
    expect(canonicalUrl(document)).toBeNull();
    document.head.innerHTML = '<link rel="alternate" href="https://example.com/feed">';
    expect(canonicalUrl(document)).toBeNull();
  });

  it('goes into the draft', () => {
    document.head.innerHTML = '<link rel="canonical" href="https://www.jpost.com/canonical">';
    const out = buildDraft(document, rangeIn('a', 'Judge'), ctx());
    if (!out.ok) throw new Error(out.reason);
    expect(out.draft.canonicalUrl).toBe('https://www.jpost.com/canonical');
  });
});
