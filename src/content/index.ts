/**
 * Content script (the always-injected part, one classic IIFE file): runs the gate on the page and
 * reports the result to the background. It changes nothing in the page. Everything it sets up hangs off
 * one root AbortController, aborted when the extension goes away (update, reload, uninstall).
 */

import { LIMITS, type PageReport } from '../platform/messages';
import { sendFromContent } from '../platform/runtime';
import { scanGate } from './gate';
import { samplePage } from './page-sample';

const root = new AbortController();

function pageReport(): PageReport {
  const url = location.href;
  return { url, title: document.title.slice(0, LIMITS.title), gate: scanGate(samplePage(document, url)) };
}

async function report(): Promise<void> {
  const result = await sendFromContent('page-report', pageReport());
  // An orphaned content script (extension reloaded or removed) can never talk to a background again.
  if (!result.ok && /context invalidated|receiving end does not exist/i.test(result.error)) root.abort();
}

void report();

// Back/forward cache: the background forgot this tab when it navigated away; tell it again.
addEventListener(
  'pageshow',
  (event) => {
    if (event.persisted) void report();
  },
  { signal: root.signal },
);
