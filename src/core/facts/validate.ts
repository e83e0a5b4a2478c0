/**
 * Validates a fact pack: first against its JSON Schema (interpreted, no code generation), then
 * the identity, reference and content rules the schema cannot express. Used by the build (a
 * pack that fails stops the build), the `nso-lens facts --check` command and the tests.
 */
import { factPackSchema } from './fact-pack-schema';
import { checkReferences } from './pack-refs';
import { checkRules } from './pack-rules';
import { checkSchema } from './schema-check';
import type { FactPack } from './types';

/** Either the pack, typed, or every problem found, each naming its JSON path. */
export type PackValidation = { ok: true; pack: FactPack } | { ok: false; errors: string[] };

/**
 * Checks `value` (parsed JSON) as a fact pack. Schema errors are reported alone: the semantic
 * rules assume the shape is right. Errors read like `/claims/3/sources/0/source: unknown source "src.foo"`.
 */
export function validatePack(value: unknown): PackValidation {
  const schemaErrors = checkSchema(factPackSchema, value);
  if (schemaErrors.length > 0) return { ok: false, errors: schemaErrors };
  const pack = value as FactPack;
  const errors = [...checkReferences(pack), ...checkRules(pack)];
  return errors.length > 0 ? { ok: false, errors } : { ok: true, pack };
}

/** The errors as lines for a terminal or a build log: a count, then one error per line. */
export function formatErrors(errors: readonly string[]): string {
  const count = errors.length === 1 ? '1 error' : `${errors.length} errors`;
  return [`invalid fact pack (${count}):`, ...errors.map((error) => `  ${error}`)].join('\n');
}

/** A one-line summary of a valid pack's contents ("12 entities, 3 cases, ..."). */
export function summarizePack(pack: FactPack): string {
  const count = (n: number, noun: string, plural = `${noun}s`) => `${n} ${n === 1 ? noun : plural}`;
  return [
    count(pack.entities.length, 'entity', 'entities'),
    count(pack.outlets.length, 'outlet'),
    count(pack.cases.length, 'case'),
    count(pack.events.length, 'event'),
    count(pack.claims.length, 'claim'),
    count(pack.reports.length, 'report'),
    count(pack.conflicts.length, 'conflict'),
    count(pack.sources.length, 'source'),
  ].join(', ');
}
