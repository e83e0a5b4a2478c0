/**
 * Content script (the always-injected part, one classic IIFE file): runs the gate on the page and
 * reports the result to the background. It changes nothing in the page. Everything it sets up hangs off
 * one root AbortController, aborted when the extension goes away (update, reload, uninstall).
 */
import { LIMITS, type PageReport } from '../platform/messages';
import { onBackgroundRequest, sendFromContent } from '../platform/runtime';
import { scanGate } from './gate';
import { samplePage } from './page-sample';

const root = new AbortController();
const { signal } = root;

function pageReport(): PageReport {
  const url = location.href;
  return { url, title: document.title.slice(0, LIMITS.title), gate: scanGate(samplePage(document, url)) };
}

async function report(): Promise<void> {
  if (signal.aborted) return;
  const result = await sendFromContent('page-report', pageReport());
  // An orphaned content script (extension reloaded or removed) can never talk to a background again.
  if (!result.ok && /context invalidated/i.test(result.error)) root.abort();
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

onBackgroundRequest(reportSoon, signal);
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
