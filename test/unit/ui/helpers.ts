/**
 * Shared by the popup's unit and component tests: the real pack and its index, a real engine
 * analysis of a seed page (the same Readability + engine path the CLI and eval use), and a `t` that
 * reads the English catalogue the way browser.i18n does (named placeholders → $1, $2…).
 */
import catalogue from '../../../_locales/en/messages.json';
import { loadFixtures, makeEngine, pack, runHtml } from '../../../scripts/fixture-runner';
import type { Engine } from '../../../src/core/engine/engine';
import { indexPack } from '../../../src/core/facts/index';
import type { Analysis } from '../../../src/core/match/findings';
import type { MessageKey, Translate } from '../../../src/ui/components/i18n';

export { pack };
export const index = indexPack(pack);

/** A fixed "today", so status-today assertions do not drift. */
export const TODAY = '2026-11-22';

let engine: Engine | null = null;
const analyses = new Map<string, Analysis>();

/** The engine's analysis of test/fixtures/pages/<slug>/source.html at its recorded URL. */
export function seedAnalysis(slug: string): Analysis {
  const cached = analyses.get(slug);
  if (cached) return cached;
  const fixture = loadFixtures().find((f) => f.slug === slug);
  if (!fixture) throw new Error(`no fixture ${slug}`);
  engine ??= makeEngine();
  const result = runHtml(engine, fixture.html, fixture.expected?.url ?? null, TODAY).result;
  analyses.set(slug, result);
  return result;
}

interface CatalogueEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

/** browser.i18n.getMessage over the English catalogue. */
export const t: Translate = (key: MessageKey, substitutions: string[] = []) => {
  const entry = (catalogue as Record<string, CatalogueEntry>)[key];
  if (!entry) return key;
  const positional = (text: string) =>
    text.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
  return entry.message.replace(/\$([A-Za-z_]+)\$/g, (_, name: string) =>
    positional(entry.placeholders?.[name.toLowerCase()]?.content ?? ''),
  );
};
