/**
 * "Open at its place" links (Text Fragments, https://wicg.github.io/scroll-to-text-fragment/): terms
 * match whole words within one block, so the quote is widened to whole words, long or multi-line
 * quotes become start,end, and only whole context words on the quote's own line are used.
 */
import { describe, expect, it } from 'vitest';
import { passageLink, textDirective } from '../../../src/ui/components/library/model/fragment-link';

const URL = 'https://news.example/story?id=7#top';
const q = (exact: string, prefix = '', suffix = '') => ({ exact, prefix, suffix });

describe('textDirective', () => {
  it('widens a selection cut mid-word to the whole words its context holds', () => {
    expect(textDirective(q('ected the peti', 'the court rej', 'tion filed'))).toBe(
      'the%20court-,rejected%20the%20petition,-filed',
    );
  });

  it('uses at most three context words, and drops a context word the 32-character window cut', () => {
    const prefix = 'abcdefghijklmnopqrstuvwxyz12 on '; // 32 characters: "abc…12" may be cut
    expect(prefix).toHaveLength(32);
    const suffix = ' and then it went all wrong agai'; // 32 characters: "agai" may be cut
    expect(suffix).toHaveLength(32);
    expect(textDirective(q('Sunday', prefix, suffix))).toBe('on-,Sunday,-and%20then%20it');
    expect(textDirective(q('Sunday', ' we met on ', ' at noon'))).toBe('we%20met%20on-,Sunday,-at%20noon');
  });

  it('keeps context only from the quote’s own line', () => {
    expect(textDirective(q('The court ruled', 'Headline\n    By A. Reporter\n    ', '\n  Related'))).toBe(
      'The%20court%20ruled',
    );
  });

  it('links a long quote by its first and last words', () => {
    expect(textDirective(q('one two three four five six seven eight nine'))).toBe(
      'one%20two%20three%20four,six%20seven%20eight%20nine',
    );
    expect(textDirective(q('one two three four five six seven eight'))).toBe(
      'one%20two%20three%20four%20five%20six%20seven%20eight',
    );
  });

  it('links a quote over several blocks by the start of the first and the end of the last', () => {
    expect(textDirective(q('Court rules\n\n   The judge dismissed the petition on Sunday'))).toBe(
      'Court%20rules,the%20petition%20on%20Sunday',
    );
  });

  it('encodes the characters the directive reserves', () => {
    expect(textDirective(q('pro-NSO, anti-Amnesty & co'))).toBe('pro%2DNSO%2C%20anti%2DAmnesty%20%26%20co');
  });

  it('has nothing to point at in a quote without words', () => {
    expect(textDirective(q(' \n '))).toBeNull();
  });
});

describe('passageLink', () => {
  it('replaces the page’s own fragment', () => {
    expect(passageLink(URL, q('the petition'))).toBe(
      'https://news.example/story?id=7#:~:text=the%20petition',
    );
    expect(passageLink(URL, q('  '))).toBe('https://news.example/story?id=7');
  });

  it('links only http(s) pages', () => {
    expect(passageLink('javascript:alert(1)', q('x'))).toBeNull();
    expect(passageLink('file:///etc/passwd', q('x'))).toBeNull();
    expect(passageLink('not a url', q('x'))).toBeNull();
  });
});
