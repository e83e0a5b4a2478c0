import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pageKey, pageKeys, sameSite, siteOf } from '../../../src/core/library/url-key';

const JPOST = 'jpost.com/israel-news/article-682355';

describe('pageKey', () => {
  it('drops scheme, www., fragment and trailing slash', () => {
    expect(pageKey('https://www.jpost.com/israel-news/article-682355')).toBe(JPOST);
    expect(pageKey('http://jpost.com/israel-news/article-682355/')).toBe(JPOST);
    expect(pageKey('https://WWW.JPost.com/israel-news/article-682355#comments')).toBe(JPOST);
    expect(pageKey('https://m.jpost.com/israel-news/article-682355')).toBe(JPOST);
  });

  it('drops tracking parameters and keeps the ones that pick the article', () => {
    expect(
      pageKey(
        'https://www.jpost.com/israel-news/article-682355?utm_source=twitter&utm_medium=social&utm_campaign=share&fbclid=IwAR0abc',
      ),
    ).toBe(JPOST);
    expect(
      pageKey(
        'https://www.i24news.tv/en/news/israel/technology-science/1626700531-nso-group-denies-report?gclid=Cj0KCQ&mc_cid=9a&mc_eid=1b&igshid=x&ref=homepage&_ga=2.1&at_medium=rss&cmpid=fb&ito=792&taid=61f',
      ),
    ).toBe('i24news.tv/en/news/israel/technology-science/1626700531-nso-group-denies-report');
    expect(pageKey('https://www.example.org/article.php?id=123&UTM_Source=x')).toBe(
      'example.org/article.php?id=123',
    );
  });

  it('sorts the remaining parameters', () => {
    expect(pageKey('https://example.org/search?q=pegasus&page=2')).toBe(
      'example.org/search?page=2&q=pegasus',
    );
    expect(pageKey('https://example.org/search?page=2&q=pegasus')).toBe(
      'example.org/search?page=2&q=pegasus',
    );
  });

  it('keeps path case (paths are case-sensitive) but folds percent-escape case', () => {
    expect(pageKey('https://www.presstv.ir/Detail/2021/07/19/663149/Israel-NSO-Pegasus-spyware')).toBe(
      'presstv.ir/Detail/2021/07/19/663149/Israel-NSO-Pegasus-spyware',
    );
    expect(pageKey('https://www.ynet.co.il/news/%d7%a9')).toBe(pageKey('https://www.ynet.co.il/news/ש'));
    expect(pageKey('https://www.ynet.co.il/news/ש')).toBe('ynet.co.il/news/%D7%A9');
  });

  it('removes AMP markers from host, path and query', () => {
    expect(pageKey('https://www.jpost.com/israel-news/article-682355/amp')).toBe(JPOST);
    expect(pageKey('https://www.jpost.com/israel-news/article-682355/amp/')).toBe(JPOST);
    expect(pageKey('https://amp.theguardian.com/news/2021/jul/18/what-is-pegasus-spyware')).toBe(
      'theguardian.com/news/2021/jul/18/what-is-pegasus-spyware',
    );
    expect(pageKey('https://www.timesofisrael.com/nso-group-pegasus-report/?amp=1')).toBe(
      'timesofisrael.com/nso-group-pegasus-report',
    );
    expect(pageKey('https://www.haaretz.com/israel-news/tech-news/nso-ruling?outputType=amp')).toBe(
      'haaretz.com/israel-news/tech-news/nso-ruling',
    );
    expect(pageKey('https://www.example.com/world/story?output=amp')).toBe('example.com/world/story');
    expect(pageKey('https://edition.cnn.com/2021/07/18/tech/nso-group-pegasus/index.amp.html')).toBe(
      'edition.cnn.com/2021/07/18/tech/nso-group-pegasus/index.html',
    );
    expect(pageKey('https://www.example.com/news/story-1.amp')).toBe('example.com/news/story-1');
    expect(pageKey('https://www.example.com/amp/news/story-1')).toBe('example.com/news/story-1');
  });

  it('keeps an amp parameter that is not an AMP switch, and a path that is only /amp', () => {
    expect(pageKey('https://example.com/watch?amp=3')).toBe('example.com/watch?amp=3');
    expect(pageKey('https://example.com/amp')).toBe('example.com');
  });

  it('maps Google AMP cache and viewer addresses to the publisher', () => {
    expect(
      pageKey(
        'https://www-jpost-com.cdn.ampproject.org/c/s/www.jpost.com/israel-news/article-682355/amp?amp_js_v=0.1&usqp=mq331AQKKAFQArABIIACAw%3D%3D',
      ),
    ).toBe(JPOST);
    expect(pageKey('https://www.google.com/amp/s/www.jpost.com/israel-news/article-682355/amp')).toBe(JPOST);
    expect(pageKey('https://example-com.cdn.ampproject.org/c/example.com/story')).toBe('example.com/story');
  });

  it('keeps a non-default port and drops a default one', () => {
    expect(pageKey('http://localhost:8080/article/')).toBe('localhost:8080/article');
    expect(pageKey('https://example.com:443/a')).toBe('example.com/a');
    expect(pageKey('http://127.0.0.1:5173/fixtures/page.html')).toBe('127.0.0.1:5173/fixtures/page.html');
  });

  it('gives a bare host for the front page', () => {
    expect(pageKey('https://www.i24news.tv/')).toBe('i24news.tv');
    expect(pageKey('https://www.i24news.tv')).toBe('i24news.tv');
  });

  it('returns null for anything but an http(s) URL', () => {
    expect(pageKey('javascript:alert(1)')).toBeNull();
    expect(pageKey('ftp://example.com/a')).toBeNull();
    expect(pageKey('not a url')).toBeNull();
    expect(pageKey('')).toBeNull();
    expect(pageKey('chrome-extension://abc/library.html')).toBeNull();
  });
});

describe('siteOf and sameSite', () => {
  it('takes the registrable domain, with two-level country suffixes', () => {
    expect(siteOf('https://www.ynet.co.il/news/article/1')).toBe('ynet.co.il');
    expect(siteOf('https://edition.cnn.com/a')).toBe('cnn.com');
    expect(siteOf('https://www.bbc.co.uk/news')).toBe('bbc.co.uk');
    expect(siteOf('https://www-jpost-com.cdn.ampproject.org/c/s/www.jpost.com/x')).toBe('jpost.com');
    expect(siteOf('mailto:a@b.c')).toBeNull();
  });

  it('treats subdomains of one site as the same site', () => {
    expect(sameSite('https://m.ynet.co.il/a', 'https://www.ynet.co.il/b')).toBe(true);
    expect(sameSite('https://edition.cnn.com/a', 'https://www.cnn.com/a')).toBe(true);
    expect(sameSite('http://jpost.com/a', 'https://www.jpost.com/a')).toBe(true);
  });

  it('tells different sites apart', () => {
    expect(sameSite('https://www.ynet.co.il/a', 'https://www.haaretz.co.il/a')).toBe(false);
    expect(sameSite('https://www.bbc.co.uk/a', 'https://www.bbc.com/a')).toBe(false);
    expect(sameSite('https://evil.example/a', 'https://www.jpost.com/a')).toBe(false);
    expect(sameSite('https://alice.blogspot.com/a', 'https://bob.blogspot.com/a')).toBe(false);
    expect(sameSite('https://example.com/a', 'not a url')).toBe(false);
  });
});

describe('pageKeys', () => {
  it('adds a same-site canonical link', () => {
    expect(
      pageKeys(
        'https://www.jpost.com/israel-news/article-682355/amp?utm_source=x',
        'https://www.jpost.com/israel-news/nso-ruling-682355',
      ),
    ).toEqual([JPOST, 'jpost.com/israel-news/nso-ruling-682355']);
  });

  it('adds the publisher canonical of an AMP cache page', () => {
    expect(
      pageKeys(
        'https://www-jpost-com.cdn.ampproject.org/c/s/www.jpost.com/israel-news/article-682355/amp',
        'https://www.jpost.com/israel-news/nso-ruling-682355',
      ),
    ).toEqual([JPOST, 'jpost.com/israel-news/nso-ruling-682355']);
  });

  it('ignores a canonical link on another site (a hostile page claiming an article)', () => {
    expect(pageKeys('https://evil.example/copy', 'https://www.jpost.com/israel-news/article-682355')).toEqual(
      ['evil.example/copy'],
    );
  });

  it('lists each key once and nothing for a non-web page', () => {
    expect(pageKeys('https://www.jpost.com/israel-news/article-682355', `https://${JPOST}/`)).toEqual([
      JPOST,
    ]);
    expect(pageKeys('https://www.jpost.com/israel-news/article-682355', null)).toEqual([JPOST]);
    expect(pageKeys('about:blank', 'https://www.jpost.com/a')).toEqual([]);
  });
});

describe('pageKey (properties)', () => {
  const host = fc.constantFrom(
    'www.jpost.com',
    'm.ynet.co.il',
    'amp.theguardian.com',
    'presstv.ir',
    'localhost:8080',
  );
  const segment = fc.constantFrom(
    'amp',
    'news',
    'Article-1',
    'index.amp.html',
    'ש',
    '%d7%a9',
    '',
    'a b',
    '.amp',
  );
  const param = fc.tuple(
    fc.constantFrom('utm_source', 'id', 'amp', 'page', 'fbclid', 'q', 'outputType', 'AT_medium'),
    fc.constantFrom('', '1', 'amp', 'x y', 'ü', '&'),
  );
  const webUrl = fc
    .tuple(
      fc.constantFrom('http', 'https'),
      host,
      fc.array(segment, { maxLength: 5 }),
      fc.array(param, { maxLength: 4 }),
    )
    .map(([scheme, h, path, params]) => {
      const query = new URLSearchParams(params).toString();
      return `${scheme}://${h}/${path.join('/')}${query ? `?${query}` : ''}`;
    });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const key = pageKey(s);
        expect(key === null || typeof key === 'string').toBe(true);
        expect(pageKeys(s, s).length).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('is its own key, and ignores tracking parameters and the fragment', () => {
    fc.assert(
      fc.property(webUrl, fc.constantFrom('utm_campaign=x', 'fbclid=1', 'gclid=2'), (url, tracking) => {
        const key = pageKey(url);
        expect(key).not.toBeNull();
        expect(pageKey(`https://${key}`)).toBe(key);
        expect(pageKey(`${url}${url.includes('?') ? '&' : '?'}${tracking}#section-2`)).toBe(key);
      }),
    );
  });
});
