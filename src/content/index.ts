/**
 * Content script (the always-injected part, one classic IIFE file): runs the gate on the page and
 * reports the result to the background, which loads the pipeline only on a hit. It changes nothing in
 * the page. Everything it sets up hangs off one root AbortController, aborted when the extension goes
 * away (update, reload, uninstall).
 */
import { domGet } from '../dom/pristine';
import { onReportAgain, onSettingsChange, sendFromGate } from '../platform/gate-runtime';
import { LIMITS, type PageReport } from '../platform/messages';
import { scanGate } from './gate';
import { samplePage } from './page-sample';
import { loadedPipeline } from './pipeline/handle';

const root = new AbortController();
const { signal } = root;

function pageReport(): PageReport {
  const url = location.href;
  return {
    url,
    title: domGet<string>(document, 'title').slice(0, LIMITS.title),
    gate: scanGate(samplePage(document, url)),
    pipeline: loadedPipeline() !== undefined,
  };
}

async function report(): Promise<void> {
  if (signal.aborted) return;
  const sent = pageReport();
  const result = await sendFromGate('page-report', sent);
  // An orphaned content script (extension reloaded or removed) can never talk to a background again.
  if (!result.ok && /context invalidated/i.test(result.error)) {
    root.abort();
    loadedPipeline()?.destroy();
    return;
  }
  // Loaded earlier in this document (a single-page app moved on): the pipeline looks again itself.
  if (sent.pipeline) loadedPipeline()?.rerun();
}

let pending = false;
/** Several events can announce one navigation; report once for them. */
function reportSoon(): void {
  if (pending) return;
  pending = true;
  setTimeout(() => {
    pending = false;
    void report();
  }, 0);
}

void report();

onReportAgain(reportSoon, signal);
// A resumed or re-enabled reader: the background decides again whether to load the pipeline.
onSettingsChange(reportSoon, signal);
// Same-document navigations change the URL the report names; back/forward-cache restores bring a
// document back after the background forgot it.
addEventListener('hashchange', reportSoon, { signal });
addEventListener('popstate', reportSoon, { signal });
addEventListener(
  'pageshow',
  (event) => {
    if (event.persisted) reportSoon();
  },
  { signal },
);
