/**
 * DOM reads a hostile page cannot redirect (src/dom/pristine.ts) and the extraction built on them. In
 * browsers a form's controls shadow the form's own properties (`<input name="lastChild">`); here that is
 * imitated with own properties on the element, which is what a named getter looks like to a script
 * (only for properties linkedom defines on its prototypes, as browsers define them all).
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { leadingText, samplePage, TEXT_LIMIT } from '../../../src/content/page-sample';
import { extractArticle } from '../../../src/dom/extract';
import { domCall, domGet, unshadowCopy } from '../../../src/dom/pristine';
import { buildTextMap } from '../../../src/dom/text-map';

const ARTICLE = `<html><head><title>Court rejects bid</title><meta name="description" content="d"></head><body>
<article><h1>Court rejects bid</h1>
<p>An Israeli court has dismissed Amnesty International’s legal bid to revoke the export license of spyware firm NSO Group over allegations of cyber-espionage on human rights activists and others.</p>
<form id="signup" name="signup"><p>Get our daily briefing by email.</p><input name="parentNode"><input name="lastChild"><input name="tagName"><button name="submit">Subscribe</button></form>
<p>However, Judge Rachel Barkai in his ruling on Monday dismissed the petition, claiming there was no evidence that an attempt has been made to monitor a human rights activist.</p>
<p>The University of Toronto’s Citizen Lab, through a study, has already found a link between the NSO technology and political surveillance in Mexico, the UAE and Saudi Arabia.</p>
</article><img name="title" alt=""><a name="top">top</a></body></html>`;

const parse = (html: string) => parseHTML(html).document as unknown as Document;

/** Gives `form` the properties its controls would shadow in a browser. */
function shadowForm(form: Element): void {
  const input = form.querySelector('input')!;
  // Not firstChild: linkedom's own childNodes getter reads it (a browser's getters are native).
  for (const name of [
    'lastChild',
    'previousSibling',
    'nextSibling',
    'tagName',
    'childNodes',
    'getAttribute',
    'hasAttribute',
  ]) {
    Object.defineProperty(form, name, { value: input, configurable: true });
  }
}

describe('domGet and domCall', () => {
  it('read what the prototypes define, not what an element shadows', () => {
    const doc = parse(ARTICLE);
    const form = doc.querySelector('form')!;
    const button = form.querySelector('button')!;
    shadowForm(form);
    expect((form as unknown as { lastChild: unknown }).lastChild).not.toBe(button);
    expect(domGet(form, 'lastChild')).toBe(button);
    expect(domGet(form, 'tagName')).toBe('FORM');
    expect(domCall(form, 'getAttribute', 'id')).toBe('signup');
    expect(() => domCall(form, 'noSuchMethod')).toThrow(TypeError);
  });
});

describe('unshadowCopy', () => {
  it('drops the names that shadow properties, keeps every other name and id', () => {
    const doc = parse(ARTICLE);
    unshadowCopy(doc);
    expect(doc.querySelector('form')!.getAttribute('name')).toBeNull();
    expect(doc.querySelector('form')!.id).toBe('signup');
    expect(doc.querySelectorAll('form [name], form [id]').length).toBe(0);
    expect(doc.querySelector('img')!.getAttribute('name')).toBeNull();
    expect(doc.querySelector('meta[name="description"]')).not.toBeNull();
    expect(doc.querySelector('a')!.getAttribute('name')).toBe('top');
  });
});

describe('text map and extraction over a shadowed form', () => {
  it('maps the same text as over a plain one', () => {
    const plain = parse(ARTICLE);
    const shadowed = parse(ARTICLE);
    shadowForm(shadowed.querySelector('form')!);
    expect(buildTextMap(shadowed.querySelector('article')!).text).toBe(
      buildTextMap(plain.querySelector('article')!).text,
    );
  });

  it('places every passage of the article on the live page, after the form too', () => {
    const doc = parse(ARTICLE);
    shadowForm(doc.querySelector('form')!);
    const x = extractArticle(doc);
    for (const sentence of [
      'An Israeli court has dismissed',
      'However, Judge Rachel Barkai in his ruling',
      'The University of Toronto’s Citizen Lab',
    ]) {
      const start = x.map.text.indexOf(sentence);
      expect(start, sentence).toBeGreaterThanOrEqual(0);
      const span = x.toLive(start, start + sentence.length);
      expect(span, sentence).not.toBeNull();
      expect(span!.startNode.data.slice(span!.startOffset, span!.startOffset + sentence.length)).toBe(
        sentence,
      );
    }
    expect(x.meta.title).toBe('Court rejects bid');
  });
});

describe('the gate over a shadowed form', () => {
  it('reads the same text, and does not call the controls', () => {
    const plain = parse(ARTICLE);
    const shadowed = parse(ARTICLE);
    const form = shadowed.querySelector('form')!;
    const input = form.querySelector('input')!;
    for (const name of ['firstChild', 'nextSibling', 'hasAttribute']) {
      Object.defineProperty(form, name, { value: input, configurable: true });
    }
    expect(leadingText(shadowed.body, TEXT_LIMIT)).toBe(leadingText(plain.body, TEXT_LIMIT));
    expect(samplePage(shadowed, 'https://example.org/a')).toContain('Get our daily briefing by email.');
  });
});
