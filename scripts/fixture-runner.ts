/**
 * Loads the fixture pages (test/fixtures/pages/<slug>/) and runs the CLI's pipeline over each:
 * shared by `npm run eval`, the bench and the fixture tests, so all three measure the same thing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyseHtml } from '../src/cli/annotate-command';
import { createEngine, type Engine } from '../src/core/engine/engine';
import type { FactPack } from '../src/core/facts/types';
import packJson from '../src/data/nso-facts.json';

export const PAGES_DIR = resolve(import.meta.dirname, '../test/fixtures/pages');

export interface Expected {
  url: string;
  date: string | null;
  relevant: boolean;
  outlet: string | null;
  matches: { claimId: string; quote: string }[];
  conflicts: { conflictId: string; variant?: string; found: string }[];
  status: { caseId: string; status: string }[];
}

export interface Fixture {
  slug: string;
  html: string;
  expected: Expected | null;
  /** page.json's kind: "seed", "negative", "positive-spa"... */
  kind: string;
  /** page.json's language of the article ("en", "he", "ar"). */
  lang: string;
}

/** Pages whose article exists only after their own scripts run: node has no script engine for them. */
export const needsBrowser = (f: Fixture) => f.kind.endsWith('-spa');

export function loadFixtures(): Fixture[] {
  return (
    readdirSync(PAGES_DIR, { withFileTypes: true })
      // A page counts once it has both its HTML and its page.json (a page being written has not).
      .filter(
        (d) =>
          d.isDirectory() &&
          existsSync(join(PAGES_DIR, d.name, 'source.html')) &&
          existsSync(join(PAGES_DIR, d.name, 'page.json')),
      )
      .map((d) => {
        const dir = join(PAGES_DIR, d.name);
        const expectedPath = join(dir, 'expected.json');
        const page = JSON.parse(readFileSync(join(dir, 'page.json'), 'utf8')) as {
          kind?: string;
          lang?: string;
        };
        return {
          kind: page.kind ?? '',
          lang: page.lang ?? '',
          slug: d.name,
          html: readFileSync(join(dir, 'source.html'), 'utf8'),
          expected: existsSync(expectedPath)
            ? (JSON.parse(readFileSync(expectedPath, 'utf8')) as Expected)
            : null,
        };
      })
      .sort((a, b) => a.slug.localeCompare(b.slug))
  );
}

export const pack = packJson as unknown as FactPack;

export function makeEngine(p: FactPack = pack): Engine {
  return createEngine(p);
}

/** The CLI's HTML path, as eval and bench run it (no --date: the page's own metadata decides). */
export function runHtml(engine: Engine, html: string, url: string | null, today = '2026-11-22') {
  return analyseHtml(engine, html, { url, date: null, today });
}
