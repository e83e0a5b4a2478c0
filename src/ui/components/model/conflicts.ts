/**
 * The conflicts an article contains, for the This page view: one entry per conflict (the engine may
 * find the same one in several passages), with what the page says, what the record says, why, and
 * which outlets used which reading — the current page's outlet marked — from the pack's variants.
 */
import type { PackIndex } from '../../../core/facts/index';
import type { ConflictVariant } from '../../../core/facts/types';
import type { ConflictMatch } from '../../../core/match/findings';
import { type SourceView, sourceViews } from './sources';

export type Assessment = ConflictVariant['assessment'];

export interface OutletRef {
  id: string;
  name: string;
}

export interface VariantView {
  id: string;
  reading: string;
  assessment: Assessment;
  outlets: OutletRef[];
  /** The page's outlet is among the outlets that used this reading. */
  byThisOutlet: boolean;
}

export interface ConflictView {
  conflictId: string;
  subject: string;
  kind: string;
  /** What the page says: each distinct wording the engine found, in text order. */
  found: string[];
  /** What the record says, as the engine put it for this article (it may be date-specific). */
  expected: string;
  /** The engine's notes on the readings found (one per distinct reading). */
  notes: string[];
  /** The pack's explanation of the conflict as a whole. */
  why: string;
  variants: VariantView[];
  sources: SourceView[];
}

export function outletRefs(index: PackIndex, ids: readonly string[]): OutletRef[] {
  return ids.map((id) => ({ id, name: index.outlets.get(id)?.name ?? id }));
}

/** One view per conflict found, in the order the article first shows each. */
export function conflictViews(
  index: PackIndex,
  conflicts: readonly ConflictMatch[],
  outletId: string | null,
): ConflictView[] {
  const views = new Map<string, ConflictView>();
  for (const match of [...conflicts].sort((a, b) => a.start - b.start || a.end - b.end)) {
    let view = views.get(match.conflictId);
    if (!view) {
      const conflict = index.conflicts.get(match.conflictId);
      view = {
        conflictId: match.conflictId,
        subject: conflict?.subject ?? match.conflictId,
        kind: match.kind,
        found: [],
        expected: match.expected,
        notes: [],
        why: conflict?.why ?? '',
        variants: (conflict?.variants ?? []).map((v) => ({
          id: v.id,
          reading: v.reading,
          assessment: v.assessment,
          outlets: outletRefs(index, v.outlets),
          byThisOutlet: outletId !== null && v.outlets.includes(outletId),
        })),
        sources: conflict ? sourceViews(index, conflict.sources) : [],
      };
      views.set(match.conflictId, view);
    }
    if (!view.found.includes(match.found)) view.found.push(match.found);
    if (match.note && !view.notes.includes(match.note)) view.notes.push(match.note);
  }
  return [...views.values()];
}
