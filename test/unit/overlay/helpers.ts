/**
 * Shared by the overlay's tests: the real pack and its index, real engine analyses of the seed pages
 * (the same Readability + engine path as the CLI), and a `t` that reads the English catalogue the way
 * browser.i18n.getMessage does (named placeholders → $1, $2…).
 */
import catalogue from '../../../_locales/en/messages.json';
import { loadFixtures, makeEngine, pack, runHtml } from '../../../scripts/fixture-runner';
import type { Engine } from '../../../src/core/engine/engine';
import { indexPack } from '../../../src/core/facts/index';
import type { Analysis } from '../../../src/core/match/findings';
import type { MessageKey, Translate } from '../../../src/ui/overlay/strings';

export { pack };
export const index = indexPack(pack);

let engine: Engine | null = null;
const analyses = new Map<string, Analysis>();

/** The engine's analysis of test/fixtures/pages/<slug>/source.html at its recorded URL. */
export function seedAnalysis(slug: string): Analysis {
  const cached = analyses.get(slug);
  if (cached) return cached;
  const fixture = loadFixtures().find((f) => f.slug === slug);
  if (!fixture) throw new Error(`no fixture ${slug}`);
  engine ??= makeEngine();
  const result = runHtml(engine, fixture.html, fixture.expected?.url ?? null, '2026-11-22').result;
  analyses.set(slug, result);
  return result;
}

interface Entry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

export const t: Translate = (key: MessageKey, substitutions: string[] = []) => {
  const entry = (catalogue as Record<string, Entry>)[key];
  if (!entry) return key;
  return entry.message.replace(/\$([A-Za-z_]+)\$/g, (_, name: string) =>
    (entry.placeholders?.[name.toLowerCase()]?.content ?? '').replace(
      /\$(\d)/g,
      (_m, n: string) => substitutions[Number(n) - 1] ?? '',
    ),
  );
};
