/**
 * "Who reported what" (the Outlets view): rows are the pack's reports, columns the key details most
 * reports touch. A cell holds the report's own wording for that detail: its conflict variants when it
 * used any (with their assessment, so wrong or loose readings can stand out), else its statements of
 * the column's claims. Each wording links to the article at those words (text-fragment.ts).
 */
import type { PackIndex } from '../../../core/facts/index';
import type { Report } from '../../../core/facts/types';
import type { Assessment } from './conflicts';
import { safeHref } from './sources';
import { textFragmentUrl } from './text-fragment';

export interface MatrixColumn {
  id: string;
  conflicts: readonly string[];
  claims: readonly string[];
}

/**
 * The details, chosen for how many reports touch them and how often outlets got them wrong. The
 * closed-door hearing itself is left out: only two reports in the pack word it.
 */
export const MATRIX_COLUMNS: readonly MatrixColumn[] = [
  { id: 'petitioners', conflicts: ['conflict.petitioners'], claims: ['claim.petitioners-about-30'] },
  { id: 'filing', conflicts: ['conflict.filing-date'], claims: ['claim.petition-filed-2019-05-13'] },
  { id: 'ruling', conflicts: ['conflict.ruling-date'], claims: ['claim.judgment-dated-2020-07-12'] },
  { id: 'judge', conflicts: ['conflict.judge-name', 'conflict.judge-gender'], claims: [] },
  { id: 'lawyer', conflicts: ['conflict.lawyer-name'], claims: ['claim.mack-represents-petitioners'] },
  { id: 'ingleton', conflicts: ['conflict.ingleton-title'], claims: [] },
  { id: 'ministry', conflicts: ['conflict.ministry-name'], claims: [] },
  {
    id: 'whatsapp',
    conflicts: ['conflict.whatsapp-court', 'conflict.whatsapp-1400-unit'],
    claims: ['claim.whatsapp-court-oakland', 'claim.whatsapp-1400-devices'],
  },
];

export interface MatrixItem {
  wording: string;
  /** The variant's assessment; null for a plain statement of a claim. */
  assessment: Assessment | null;
  /** The variant's reading as the pack names it (for the cell's explanation). */
  reading: string | null;
  href: string | null;
}

export interface MatrixRow {
  reportId: string;
  outletId: string;
  outletName: string;
  title: string;
  date: string;
  /** The report's outlet is the current page's outlet. */
  current: boolean;
  cells: MatrixItem[][];
}

export interface OutletMatrix {
  columns: readonly MatrixColumn[];
  rows: MatrixRow[];
}

function cellOf(index: PackIndex, report: Report, column: MatrixColumn): MatrixItem[] {
  const url = safeHref(report.url);
  const link = (wording: string) => (url ? textFragmentUrl(url, wording) : null);
  const items: MatrixItem[] = [];
  const seen = new Set<string>();
  for (const v of report.variants) {
    if (!column.conflicts.includes(v.conflict) || seen.has(v.wording)) continue;
    seen.add(v.wording);
    const variant = index.variants.get(v.variant)?.variant;
    items.push({
      wording: v.wording,
      assessment: variant?.assessment ?? null,
      reading: variant?.reading ?? null,
      href: link(v.wording),
    });
  }
  if (items.length > 0) return items;
  for (const s of report.statements) {
    if (!column.claims.includes(s.claim) || seen.has(s.wording)) continue;
    seen.add(s.wording);
    items.push({ wording: s.wording, assessment: null, reading: null, href: link(s.wording) });
  }
  return items;
}

/** The matrix over every report that words at least one column; oldest first, then by outlet name. */
export function buildOutletMatrix(
  index: PackIndex,
  currentOutlet: string | null,
  columns: readonly MatrixColumn[] = MATRIX_COLUMNS,
): OutletMatrix {
  const rows: MatrixRow[] = [];
  for (const report of index.pack.reports) {
    const cells = columns.map((column) => cellOf(index, report, column));
    if (cells.every((cell) => cell.length === 0)) continue;
    rows.push({
      reportId: report.id,
      outletId: report.outlet,
      outletName: index.outlets.get(report.outlet)?.name ?? report.outlet,
      title: report.title,
      date: report.date,
      current: currentOutlet !== null && report.outlet === currentOutlet,
      cells,
    });
  }
  rows.sort((a, b) => a.date.localeCompare(b.date) || a.outletName.localeCompare(b.outletName));
  return { columns, rows };
}

/** A wording stands out when its reading is anything but right. */
export function standsOut(item: MatrixItem): boolean {
  return item.assessment !== null && item.assessment !== 'right';
}
