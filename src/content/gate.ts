/**
 * The gate: a cheap, bounded test of whether a page is about the NSO story at all. Pure (takes plain
 * strings) so it is unit-tested in node; the DOM sampling lives in page-sample.ts.
 */

import type { GateResult } from '../platform/messages';
import { GATE_TERMS, SPYWARE_CONTEXT } from './gate-terms';

interface CompiledTerm {
  label: string;
  strong: RegExp | null;
  weak: RegExp | null;
}

const compile = (source: string | undefined) => (source === undefined ? null : new RegExp(source, 'iu'));

const TERMS: CompiledTerm[] = GATE_TERMS.map((term) => ({
  label: term.label,
  strong: compile(term.strong),
  weak: compile(term.weak),
}));
const CONTEXT = new RegExp(SPYWARE_CONTEXT, 'iu');

/** Scans `text` (already bounded by the caller) for the story's names. */
export function scanGate(text: string): GateResult {
  const strong = TERMS.filter((term) => term.strong?.test(text));
  const context = strong.length > 0 || CONTEXT.test(text);
  const terms = TERMS.filter((term) => strong.includes(term) || (context && term.weak?.test(text)));
  return { hit: terms.length > 0, terms: terms.map((term) => term.label) };
}
