/**
 * No network requests by the extension (issue 8), run in each browser: all of the browser's traffic
 * goes through a recording proxy (network-proxy.ts) while the three seed pages and a look-alike page
 * are opened and annotated. The only requests in that window may be the pages themselves, the favicon
 * the browser asks for, and what the same browser does with an extension that does nothing (measured
 * first, in a browser of its own: Chromium's account service calls home on its own schedule). The
 * fixture pages load nothing else. To show the proxy would see the extension if it did fetch
 * something, the test then fetches from the extension's own background and finds it recorded.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type FixtureServer, startFixtureServer } from './fixture-server';
import { type ExtensionHarness, waitForStates } from './harness';
import { type RecordedRequest, type RecordingProxy, startRecordingProxy } from './network-proxy';
import { waitForAnalysis } from './pipeline-scenario';

export interface NetworkHarness extends ExtensionHarness {
  /** Fetches `url` from the extension's background context (service worker or background page). */
  fetchFromBackground(url: string): Promise<void>;
  /** Where the driver sees them: URLs of the requests pages and workers (the extension's too) made. */
  contextRequests?(): readonly string[];
}

/** Launches the browser through `proxy`, with the extension at `extensionPath` (default: the build). */
export type NetworkLaunch = (proxy: RecordingProxy, extensionPath?: string) => Promise<NetworkHarness>;

/** An extension that does nothing: the baseline of what the browser itself requests. */
function idleExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nso-lens-idle-extension-'));
  const manifest = {
    manifest_version: 3,
    name: 'idle',
    version: '1.0',
    background: { service_worker: 'background.js', scripts: ['background.js'] },
    browser_specific_settings: { gecko: { id: 'idle@nso-lens.test' } },
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'background.js'), '');
  writeFileSync(join(dir, 'popup.html'), '<!doctype html><title>idle</title>');
  return dir;
}

function hostOf(r: RecordedRequest): string {
  if (r.method === 'CONNECT') return r.url.replace(/:443$/, '');
  try {
    return new URL(r.url).hostname;
  } catch {
    return r.url;
  }
}

const SEEDS = ['jpost-2020-01-16', 'presstv-2020-07-13', 'afp-i24news-2020-01-16'];
const LOOK_ALIKE = 'orchestra-nso-concert';

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Opens the seed pages and the look-alike one, each until the background has its report. */
async function visitSeeds(
  harness: ExtensionHarness,
  server: FixtureServer,
  analysed: boolean,
): Promise<string[]> {
  const opened: string[] = [];
  for (const slug of SEEDS) {
    const url = server.url(`pages/${slug}/source.html`);
    opened.push(url);
    await harness.openPage(url);
    if (analysed) {
      const state = await waitForAnalysis(harness, url);
      expect(state.analysis!.highlights.placed).toBeGreaterThan(5);
    } else await sleep(1000);
  }
  const lookAlike = server.url(`pages/${LOOK_ALIKE}/source.html`);
  opened.push(lookAlike);
  await harness.openPage(lookAlike);
  if (analysed) {
    await waitForStates(harness, `a report for ${lookAlike}`, (all) => all.some((s) => s.url === lookAlike));
  }
  // Time for anything late (a deferred fetch, a beacon, a retry).
  await sleep(1500);
  return opened;
}

export function networkScenario(launch: NetworkLaunch): void {
  let harness: NetworkHarness;
  let server: FixtureServer;
  let proxy: RecordingProxy;
  /** Hosts the browser contacts by itself, with an extension that does nothing. */
  const browserHosts = new Set<string>();

  beforeAll(async () => {
    server = await startFixtureServer();
    const idle = idleExtension();
    const baselineProxy = await startRecordingProxy(server.origin);
    try {
      const baseline = await launch(baselineProxy, idle);
      await sleep(1500);
      await visitSeeds(baseline, server, false);
      await baseline.close();
      for (const r of baselineProxy.requests) browserHosts.add(hostOf(r));
    } finally {
      await baselineProxy.close();
      rmSync(idle, { recursive: true, force: true });
    }
    browserHosts.delete('127.0.0.1');
    proxy = await startRecordingProxy(server.origin);
    harness = await launch(proxy);
  });

  afterAll(async () => {
    await harness?.close();
    await proxy?.close();
    await server?.close();
  });

  it('makes no network request while annotating the seed pages (every request of the browser recorded)', async () => {
    // Whatever the browser does as it starts is not ours to judge.
    await sleep(1500);
    const mark = proxy.requests.length;
    const seenBefore = harness.contextRequests?.().length ?? 0;
    const opened = await visitSeeds(harness, server, true);

    const during = proxy.requests.slice(mark);
    // The pages themselves went through the proxy: it sees this browser's traffic, loopback included.
    for (const url of opened) expect(during.some((r) => r.method === 'GET' && r.url === url)).toBe(true);
    const favicon = `${server.origin}/favicon.ico`;
    const ours = (r: RecordedRequest) => r.method === 'GET' && (opened.includes(r.url) || r.url === favicon);
    const browsers = during.filter((r) => !ours(r) && browserHosts.has(hostOf(r)));
    if (browsers.length > 0) {
      console.info(
        `network: the browser itself contacted ${[...new Set(browsers.map(hostOf))].join(', ')} (also without NSO Lens)`,
      );
    }
    expect(during.filter((r) => !ours(r) && !browserHosts.has(hostOf(r)))).toEqual([]);
    // Where the driver attributes requests to pages and workers, those are only the pages opened.
    if (harness.contextRequests) expect(harness.contextRequests().slice(seenBefore)).toEqual(opened);
  });

  it('would have seen it: a fetch from the extension background is recorded', async () => {
    const before = proxy.requests.length;
    const url = `${server.origin}/nso-lens-network-probe`;
    await harness.fetchFromBackground(url);
    expect(proxy.requests.slice(before).map((r) => r.url)).toContain(url);
  });
}
