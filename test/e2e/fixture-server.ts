/**
 * A static file server for test fixtures on 127.0.0.1 and a free port. Serves only files under its
 * root (no directory listings, no path traversal), answers /favicon.ico with 204 so browsers do not log
 * errors, and sends the content types browsers need. A file may come with extra response headers in a
 * sidecar `<file>.headers.json` (an object of header names to values), e.g. a hostile page's strict
 * Content-Security-Policy.
 */
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';

export const FIXTURES_ROOT = resolve(import.meta.dirname, '../fixtures');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
};

export interface FixtureServer {
  /** e.g. http://127.0.0.1:40123 */
  origin: string;
  /** The URL of a file under the root, e.g. url('pages/jpost-2020-01-16/source.html'). */
  url(path: string): string;
  /** Every request received so far, in order, as "METHOD /path?query" (tests count what a page fetched). */
  requests: readonly string[];
  close(): Promise<void>;
}

/** The file a request path maps to, or null when it would leave `root` or is malformed. */
export function resolveUnder(root: string, requestPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.split(/[/\\]/).includes('..')) return null;
  const file = resolve(root, `.${decoded.startsWith('/') ? decoded : `/${decoded}`}`);
  return file.startsWith(root + sep) ? file : null;
}

/** The extra headers of `file` from its `.headers.json` sidecar; none when there is no sidecar. */
async function sidecarHeaders(file: string): Promise<Record<string, string>> {
  let text: string;
  try {
    text = await readFile(`${file}.headers.json`, 'utf8');
  } catch {
    return {};
  }
  const parsed = JSON.parse(text) as unknown;
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error(`${file}.headers.json: not an object of header names to values`);
  }
  return Object.fromEntries(Object.entries(parsed).map(([name, value]) => [name, String(value)]));
}

export async function startFixtureServer(root: string = FIXTURES_ROOT): Promise<FixtureServer> {
  const requests: string[] = [];
  const server: Server = createServer(async (request, response) => {
    requests.push(`${request.method} ${request.url}`);
    // The raw path, not new URL().pathname: that would resolve "/a/%2e%2e/" and hide the attempt.
    const path = (request.url ?? '/').split(/[?#]/)[0] ?? '/';
    if (path === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const file = resolveUnder(root, path);
    if (file === null) {
      response.writeHead(403, { 'content-type': 'text/plain' }).end('forbidden');
      return;
    }
    let body: Buffer;
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      body = await readFile(file);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    let extra: Record<string, string>;
    try {
      extra = await sidecarHeaders(file);
    } catch (error) {
      response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
      return;
    }
    response.writeHead(200, {
      'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': body.length,
      'cache-control': 'no-store',
      ...extra,
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => `${origin}/${path.replace(/^\/+/, '')}`,
    requests,
    close: () =>
      new Promise<void>((done, fail) => {
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : done()));
      }),
  };
}
