/**
 * Every script the build wrote (both extensions and the CLI), scanned as shipped: no code from strings
 * (eval, new Function, string timers) — MV3 forbids it, and a page's text must never become code — and
 * no network API at all, since NSO Lens fetches nothing. Run with the e2e layer, after `npm run build`
 * (see vitest.e2e.config.ts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtExtension, DIST } from '../../e2e/harness';

function scripts(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return scripts(path);
    return /\.(?:js|mjs)$/.test(name) ? [path] : [];
  });
}

/** What no shipped script may contain; each with why. */
const CODE_FROM_STRINGS: [RegExp, string][] = [
  [/(?<![\w$.])eval\s*\(/, 'eval('],
  [/\bnew\s+Function\s*\(/, 'new Function('],
  [/(?<![\w$.])Function\s*\(\s*["'`]/, 'Function("…")'],
  [/\bset(?:Timeout|Interval)\s*\(\s*["'`]/, 'a timer given a string'],
  [/\.insertAdjacentHTML\s*\(/, 'insertAdjacentHTML'],
  [/\bdocument\.write(?:ln)?\s*\(/, 'document.write'],
];

const NETWORK: [RegExp, string][] = [
  [/(?<![\w$.])fetch\s*\(/, 'fetch('],
  [/\.fetch\s*\(/, '.fetch('],
  [/\bXMLHttpRequest\b/, 'XMLHttpRequest'],
  [/\bWebSocket\b/, 'WebSocket'],
  [/\bEventSource\b/, 'EventSource'],
  [/\bsendBeacon\b/, 'sendBeacon'],
  [/\bimportScripts\s*\(/, 'importScripts('],
  [/\bRTCPeerConnection\b/, 'RTCPeerConnection'],
  [/\bWebTransport\b/, 'WebTransport'],
];

const bundles = [
  ...scripts(builtExtension('chrome')),
  ...scripts(builtExtension('firefox')),
  ...scripts(join(DIST, 'cli')),
];

describe('built scripts', () => {
  it('are all scanned (both extensions and the CLI)', () => {
    const names = bundles.map((b) => relative(DIST, b));
    for (const expected of [
      'chrome/content.js',
      'chrome/pipeline.js',
      'chrome/background.js',
      'firefox/pipeline.js',
      'cli/nso-lens.js',
    ]) {
      expect(names).toContain(expected);
    }
  });

  it.each(bundles.map((b) => [relative(DIST, b), b]))('%s makes no code from strings', (_name, path) => {
    const text = readFileSync(path, 'utf8');
    expect(CODE_FROM_STRINGS.filter(([re]) => re.test(text)).map(([, what]) => what)).toEqual([]);
  });

  it.each(bundles.map((b) => [relative(DIST, b), b]))('%s calls no network API', (_name, path) => {
    const text = readFileSync(path, 'utf8');
    expect(NETWORK.filter(([re]) => re.test(text)).map(([, what]) => what)).toEqual([]);
  });
});
