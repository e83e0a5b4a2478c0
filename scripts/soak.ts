/**
 * `npm run soak` (needs `npm run build`): 200 navigations in one Chromium session with the built
 * extension, over the seed pages and look-alike pages — 160 page loads in one tab, then 40
 * same-document navigations of the single-page app — checking after each that the extension
 * annotated it right (the same findings as the first time, every one painted; nothing on a
 * look-alike page), and measuring over time, after a forced garbage collection:
 * - the extension service worker's JavaScript heap;
 * - the tab renderer's JavaScript heap (the page and NSO Lens's content scripts together);
 * - in the single-page app, the MutationObservers alive in NSO Lens's content-script world, and the
 *   event listeners on its document and window.
 * Prints `soak: NAME VALUE UNIT` lines (the bench format) and exits 1 if an annotation was wrong or
 * a figure grew beyond its bound. Chromium only: the figures come from the DevTools protocol, which
 * Firefox does not speak.
 */
import puppeteer, { type CDPSession, type Page, type Target } from 'puppeteer-core';
import type { TabState } from '../src/platform/messages';
import { requireBrowser } from '../test/e2e/browsers';
import { startFixtureServer } from '../test/e2e/fixture-server';
import { builtExtension } from '../test/e2e/harness';

const STORY = ['jpost-2020-01-16', 'presstv-2020-07-13', 'afp-i24news-2020-01-16'];
const LOOK_ALIKE = [
  'orchestra-nso-concert',
  'statistics-office-nso',
  'pegasus-horse-racing',
  'unrelated-tech-news',
  'pegasus-rocket-launch',
];
const LOADS = Number(process.env.SOAK_LOADS ?? 160);
const SPA_STEPS = 40;
/** A figure may grow by this much from its first measurement (allocator and JIT noise) and still be flat. */
const HEAP_SLACK = { ratio: 0.25, bytes: 2 * 1024 * 1024 };

const MB = (bytes: number) => (bytes / 1024 / 1024).toFixed(2);
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const line = (name: string, value: string | number, unit: string) =>
  process.stdout.write(`soak: ${name} ${value} ${unit}\n`);

interface Findings {
  key: string;
  count: number;
}

/** Claims and conflicts of an analysis, as one comparable string. */
function findingsOf(state: TabState): Findings {
  const a = state.analysis!.analysis;
  const all = [
    ...a.matches.map((m) => `claim ${m.claimId} ${m.start}-${m.end}`),
    ...a.conflicts.map((c) => `conflict ${c.conflictId} ${c.start}-${c.end}`),
  ].sort();
  return { key: all.join('\n'), count: all.length };
}

async function main(): Promise<void> {
  const extensionPath = builtExtension('chrome');
  const server = await startFixtureServer();
  const browser = await puppeteer.launch({
    browser: 'chrome',
    executablePath: requireBrowser('chromium'),
    headless: true,
    pipe: true,
    enableExtensions: [extensionPath],
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    defaultViewport: { width: 1100, height: 800 },
  });
  const failures: string[] = [];
  try {
    const workerTarget: Target = await browser.waitForTarget(
      (t) => t.type() === 'service_worker' && t.url().endsWith('/background.js'),
    );
    // Not new URL().origin: for chrome-extension: URLs it is "null".
    const extensionOrigin = workerTarget.url().replace(/\/background\.js$/, '');
    /** The service worker, looked up afresh: Chromium may stop and restart it. */
    const worker = async () =>
      (
        await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url() === workerTarget.url())
      ).createCDPSession();

    const states = async (): Promise<TabState[]> => {
      const w = await (
        await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url() === workerTarget.url())
      ).worker();
      return (await w!.evaluate(async () => {
        const all = await (
          globalThis as unknown as { chrome: { storage: { session: { get(k: null): Promise<object> } } } }
        ).chrome.storage.session.get(null);
        return Object.entries(all)
          .filter(([key]) => key.startsWith('tab:'))
          .map(([, value]) => value);
      })) as TabState[];
    };
    const waitFor = async (what: string, test: (s: TabState) => boolean): Promise<TabState> => {
      const deadline = Date.now() + 20_000;
      for (;;) {
        const found = (await states()).find(test);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`soak: ${what} did not happen in 20 s`);
        await sleep(100);
      }
    };

    const heapAfterGc = async (session: CDPSession): Promise<number> => {
      await session.send('HeapProfiler.collectGarbage');
      return (await session.send('Runtime.getHeapUsage')).usedSize;
    };

    const page: Page = await browser.newPage();
    const cdp = await page.createCDPSession();
    /** NSO Lens's content-script world in the current document (the last one created). */
    let contentWorld: number | null = null;
    cdp.on('Runtime.executionContextCreated', ({ context }) => {
      if (process.env.SOAK_DEBUG)
        console.log('ctx', context.id, context.name, context.origin, JSON.stringify(context.auxData));
      if (context.origin === extensionOrigin && context.auxData?.isDefault === false)
        contentWorld = context.id;
    });
    cdp.on('Runtime.executionContextsCleared', () => {
      contentWorld = null;
    });
    await cdp.send('Runtime.enable');

    const painted = () =>
      page.evaluate(() => {
        const reg = (CSS as unknown as { highlights: Map<string, { size: number }> }).highlights;
        return (reg.get('nso-lens-claim')?.size ?? 0) + (reg.get('nso-lens-conflict')?.size ?? 0);
      });

    const reference = new Map<string, Findings>();
    /** Checks the background's state for `url`, reported after `since`, and the page's highlights. */
    const check = async (url: string, story: boolean, since: number, label: string) => {
      if (story) {
        const state = await waitFor(
          `an analysis of ${label}`,
          (s) => s.url === url && s.reportedAt >= since && s.analysis?.analysis.relevant === true,
        );
        const found = findingsOf(state);
        const first = reference.get(label) ?? found;
        reference.set(label, first);
        if (found.key !== first.key) failures.push(`${label}: findings differ from the first visit`);
        const { placed, unplaced } = state.analysis!.highlights;
        if (placed !== found.count || unplaced !== 0)
          failures.push(`${label}: ${placed} placed of ${found.count}`);
        // The background has it; the page paints it (wait for a paint after a same-document change).
        let inPage = await painted();
        for (let i = 0; i < 20 && inPage !== found.count; i++) {
          await sleep(100);
          inPage = await painted();
        }
        if (inPage !== found.count) failures.push(`${label}: ${inPage} painted of ${found.count}`);
      } else if (label === 'spa home') {
        // The pipeline stays loaded in a single-page app: it reads the home view and finds nothing.
        await waitFor(
          `an analysis of ${label}`,
          (s) =>
            s.url === url && s.reportedAt >= since && s.analysis !== null && !s.analysis.analysis.relevant,
        );
        let inPage = await painted();
        for (let i = 0; i < 20 && inPage !== 0; i++) {
          await sleep(100);
          inPage = await painted();
        }
        if (inPage !== 0) failures.push(`${label}: highlights left on the home view`);
      } else {
        const state = await waitFor(`a report of ${label}`, (s) => s.url === url && s.reportedAt >= since);
        await sleep(150);
        if (state.gate.hit || state.analysis !== null) failures.push(`${label}: annotated a look-alike page`);
        if ((await painted()) !== 0) failures.push(`${label}: highlights on a look-alike page`);
      }
    };

    const swHeap: number[] = [];
    const tabHeap: number[] = [];
    const measure = async () => {
      const w = await worker();
      swHeap.push(await heapAfterGc(w));
      await w.detach();
      tabHeap.push(await heapAfterGc(cdp));
    };

    // Phase 1: page loads in one tab.
    const rotation = [
      STORY[0]!,
      LOOK_ALIKE[0]!,
      STORY[1]!,
      LOOK_ALIKE[1]!,
      STORY[2]!,
      LOOK_ALIKE[2]!,
      LOOK_ALIKE[3]!,
      LOOK_ALIKE[4]!,
    ];
    const started = performance.now();
    for (let n = 0; n < LOADS; n++) {
      const slug = rotation[n % rotation.length]!;
      const url = `${server.url(`pages/${slug}/source.html`)}?visit=${n}`;
      const since = Date.now();
      await page.goto(url, { waitUntil: 'load' });
      await check(url, STORY.includes(slug), since, slug);
      // Always after the same page (the rotation's first), so the figures compare like with like.
      if (n % 40 === 0 || n === LOADS - rotation.length) await measure();
    }

    // Phase 2: one single-page app, navigated within its document.
    const spa = server.url('pages/spa-article/source.html');
    let since = Date.now();
    await page.goto(spa, { waitUntil: 'load' });
    await check(spa, true, since, 'spa-article');
    const observers: number[] = [];
    const listeners: number[] = [];
    const spaHeap: number[] = [];
    const measureWorld = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      if (contentWorld === null) throw new Error('soak: no content-script world in the page');
      const proto = await cdp.send('Runtime.evaluate', {
        expression: 'MutationObserver.prototype',
        contextId: contentWorld,
      });
      const found = await cdp.send('Runtime.queryObjects', {
        prototypeObjectId: proto.result.objectId!,
        objectGroup: 'soak',
      });
      const count = await cdp.send('Runtime.callFunctionOn', {
        objectId: found.objects.objectId!,
        functionDeclaration: 'function () { return this.length; }',
        returnByValue: true,
      });
      observers.push(count.result.value as number);
      let total = 0;
      for (const expression of ['document', 'window']) {
        const target = await cdp.send('Runtime.evaluate', {
          expression,
          contextId: contentWorld,
          objectGroup: 'soak',
        });
        total += (await cdp.send('DOMDebugger.getEventListeners', { objectId: target.result.objectId! }))
          .listeners.length;
      }
      listeners.push(total);
      await cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'soak' });
      spaHeap.push(await heapAfterGc(cdp));
    };
    await measureWorld();
    for (let n = 0; n < SPA_STEPS; n++) {
      const home = n % 2 === 0;
      since = Date.now();
      const selector = home ? 'a[data-route="/"]' : '.bw-card a[data-route]';
      await page.evaluate((s) => (document.querySelector(s) as HTMLElement).click(), selector);
      const url = await page.evaluate(() => location.href);
      await check(url, !home, since, home ? 'spa home' : 'spa article');
      if (n % 10 === 9) await measureWorld();
    }
    const seconds = (performance.now() - started) / 1000;

    line('navigations', LOADS + SPA_STEPS, 'count');
    line('wrong annotations', failures.length, 'count');
    line('time', seconds.toFixed(1), 's');
    line('service worker heap (MB, after every 40th load)', swHeap.map(MB).join(' '), 'MB');
    line('tab heap (MB, after every 40th load, same page)', tabHeap.map(MB).join(' '), 'MB');
    line('single-page app heap (MB, every 10 navigations)', spaHeap.map(MB).join(' '), 'MB');
    line('content-world MutationObservers (every 10 navigations)', observers.join(' '), 'count');
    line('document and window listeners (every 10 navigations)', listeners.join(' '), 'count');

    const grew = (name: string, values: number[]) => {
      const first = values[0]!;
      const last = values[values.length - 1]!;
      if (last > first * (1 + HEAP_SLACK.ratio) && last - first > HEAP_SLACK.bytes) {
        failures.push(`${name} grew from ${MB(first)} to ${MB(last)} MB`);
      }
    };
    // Page loads: from the second figure on (the first load also fills the renderer's and the worker's
    // code space with the compiled pipeline and engine, which stays for the next document).
    grew('service worker heap', swHeap.slice(1));
    grew('tab heap', tabHeap.slice(1));
    grew('single-page app heap', spaHeap);
    // One more may be alive for a moment (a watch being replaced); a leak grows with every navigation.
    if (observers[observers.length - 1]! > observers[0]! + 1 || Math.max(...observers) > observers[0]! + 2) {
      failures.push(`observers grew: ${observers.join(' ')}`);
    }
    if (Math.max(...listeners) > listeners[0]!) failures.push(`listeners grew: ${listeners.join(' ')}`);
  } finally {
    await browser.close();
    await server.close();
  }
  if (failures.length > 0) {
    process.stderr.write(`soak FAILED:\n${failures.map((f) => `  ${f}`).join('\n')}\n`);
    process.exitCode = 1;
  } else process.stdout.write('soak passed\n');
}

await main();
