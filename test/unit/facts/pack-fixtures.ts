/**
 * Shared loaders for the fact-pack tests: the bundled pack (read from disk, so every test sees
 * exactly the shipped JSON), a deep copy to break, the seed texts, and a small reference cue
 * matcher that follows the cue syntax in docs/fact-pack.md.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { phraseTokens, tokenize } from '../../../src/core/facts/normalize';
import type { CueSet, FactPack } from '../../../src/core/facts/types';

export const repoPath = (relative: string): string =>
  fileURLToPath(new URL(`../../../${relative}`, import.meta.url));

export const PACK_PATH = repoPath('src/data/nso-facts.json');
export const SCHEMA_PATH = repoPath('src/data/fact-pack.schema.json');

/** The bundled pack, parsed afresh (callers may mutate it). */
export function loadPack(): FactPack {
  return JSON.parse(readFileSync(PACK_PATH, 'utf8')) as FactPack;
}

/** The published JSON Schema, parsed. */
export function loadSchemaJson(): Record<string, unknown> {
  return JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
}

/** The text of a seed article copied into test/fixtures/seeds/. */
export function seedText(file: string): string {
  return readFileSync(repoPath(`test/fixtures/seeds/${file}`), 'utf8');
}

/** Finds an item by id or fails the test with a clear message. */
export function byId<T extends { id: string }>(items: readonly T[], id: string): T {
  const item = items.find((candidate) => candidate.id === id);
  if (!item) throw new Error(`no item with id ${id}`);
  return item;
}

function hasPhrase(tokens: readonly string[], phrase: string): boolean {
  const cue = phraseTokens(phrase);
  const n = cue.tokens.length;
  for (let i = 0; i + n <= tokens.length; i++) {
    const ok = cue.tokens.every((token, j) => {
      const word = tokens[i + j] ?? '';
      return cue.prefix && j === n - 1 ? word.startsWith(token) : word === token;
    });
    if (ok) return true;
  }
  return false;
}

/** True when `text` satisfies the cue set: every `all` group has a phrase, no `none` phrase occurs. */
export function cuesMatch(cues: CueSet, text: string): boolean {
  const tokens = tokenize(text);
  return (
    cues.all.every((group) => group.some((phrase) => hasPhrase(tokens, phrase))) &&
    !(cues.none ?? []).some((phrase) => hasPhrase(tokens, phrase))
  );
}
