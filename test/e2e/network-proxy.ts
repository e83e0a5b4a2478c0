/**
 * A proxy on 127.0.0.1 that every request of a browser goes through (loopback included), so a test
 * sees the whole browser's network traffic, whichever context made it: a page, a content script, the
 * extension's service worker or background page. Requests to `upstream` (the fixture server) are passed
 * on; anything else — another host, an https tunnel — is answered 403 and recorded all the same.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Absolute URL ("http://127.0.0.1:1234/a"), or "host:port" for a CONNECT tunnel. */
  url: string;
  at: number;
}

export interface RecordingProxy {
  port: number;
  /** Every request so far, in order. */
  requests: readonly RecordedRequest[];
  /** Chromium switches that send all traffic through the proxy. */
  chromiumArgs: string[];
  /** Firefox preferences that send all traffic through the proxy. */
  firefoxPrefs: Record<string, unknown>;
  close(): Promise<void>;
}

export async function startRecordingProxy(upstream: string): Promise<RecordingProxy> {
  const requests: RecordedRequest[] = [];
  const target = new URL(upstream);
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '';
    requests.push({ method: req.method ?? '', url, at: Date.now() });
    let parsed: URL | null = null;
    try {
      parsed = new URL(url);
    } catch {
      // Not an absolute URL: not a proxy request.
    }
    if (!parsed || parsed.host !== target.host || parsed.protocol !== 'http:') {
      res.writeHead(403, { 'content-type': 'text/plain' }).end('refused by the test proxy');
      return;
    }
    const forward = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: parsed.pathname + parsed.search,
        headers: req.headers,
      },
      (upstreamRes) => {
        res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
        upstreamRes.pipe(res);
      },
    );
    forward.on('error', () => res.writeHead(502).end());
    req.pipe(forward);
  });
  server.on('connect', (req, socket) => {
    requests.push({ method: 'CONNECT', url: req.url ?? '', at: Date.now() });
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    requests,
    chromiumArgs: [
      `--proxy-server=http://127.0.0.1:${port}`,
      '--proxy-bypass-list=<-loopback>',
      // The browser's own services, which would otherwise call home during the test.
      '--disable-features=AutofillServerCommunication,OptimizationHints,MediaRouter,Translate',
      '--disable-domain-reliability',
      '--disable-client-side-phishing-detection',
      '--no-pings',
    ],
    firefoxPrefs: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': port,
      'network.proxy.share_proxy_settings': true,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      // The browser's own services, which would otherwise call home during the test.
      'services.settings.server': 'data:,#remote-settings-dummy/v1',
    },
    close: () =>
      new Promise<void>((done, fail) => {
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : done()));
      }),
  };
}
