import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES_ROOT, type FixtureServer, resolveUnder, startFixtureServer } from '../e2e/fixture-server';

describe('resolveUnder', () => {
  it('maps request paths to files under the root only', () => {
    expect(resolveUnder('/srv/fx', '/pages/a/source.html')).toBe('/srv/fx/pages/a/source.html');
    expect(resolveUnder('/srv/fx', '/../etc/passwd')).toBeNull();
    expect(resolveUnder('/srv/fx', '/pages/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(resolveUnder('/srv/fx', '/pages/..%5c..%5cetc')).toBeNull();
    expect(resolveUnder('/srv/fx', '/a%00b')).toBeNull();
    expect(resolveUnder('/srv/fx', '/%E0%A4%A')).toBeNull();
  });
});

/** GET with the path sent exactly as written (fetch would resolve "%2e%2e" before sending). */
function rawStatus(origin: string, path: string): Promise<number | undefined> {
  return new Promise((done, fail) => {
    const req = request(`${origin}${path}`, (res) => {
      res.resume();
      done(res.statusCode);
    });
    req.path = path;
    req.on('error', fail).end();
  });
}

describe('fixture server', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer(FIXTURES_ROOT);
  });
  afterAll(() => server.close());

  it('serves fixture pages as HTML, favicon as 204, and refuses traversal', async () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const page = await fetch(server.url('pages/jpost-2020-01-16/source.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect((await fetch(server.url('favicon.ico'))).status).toBe(204);
    expect((await fetch(server.url('pages/no-such-page/source.html'))).status).toBe(404);
    expect((await fetch(server.url('pages'))).status).toBe(404);
    expect(await rawStatus(server.origin, '/pages/%2e%2e/%2e%2e/package.json')).toBe(403);
    expect(await rawStatus(server.origin, '/../package.json')).toBe(403);
  });
});
