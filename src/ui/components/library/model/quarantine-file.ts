/**
 * The file behind the health banner's "Download them": the records the library could not read, as
 * they were stored, so the reader can repair them by hand (and import them again). Each record is its
 * JSON value when whole; a record cut for size keeps its text under `rawText` and says so. The records
 * themselves stay in the browser's storage whatever is done with the file.
 */
import type { QuarantinedView } from '../types';

/** The download: file name, type and text. */
export interface QuarantineFile {
  filename: string;
  mime: string;
  text: string;
}

/** The file of the listed quarantined records (`total` counts all of them, listed or not). */
export function quarantineFile(
  records: readonly QuarantinedView[],
  total: number,
  now: Date,
): QuarantineFile {
  const day = now.toISOString().slice(0, 10);
  const doc = {
    type: 'nso-lens-unreadable-records',
    exported: now.toISOString(),
    note:
      'Saved records NSO Lens could not read. They are still kept in the browser storage of NSO Lens; ' +
      'this copy is for repairing them by hand.',
    total,
    included: records.length,
    records: records.map((r) => {
      const base = { id: r.id, reason: r.reason, quarantinedAt: r.quarantinedAt };
      if (!r.truncated) {
        try {
          return { ...base, record: JSON.parse(r.raw) as unknown };
        } catch {
          // Not JSON after all: kept as text below.
        }
      }
      return { ...base, truncated: r.truncated, rawText: r.raw };
    }),
  };
  return {
    filename: `nso-lens-unreadable-records-${day}.json`,
    mime: 'application/json',
    text: `${JSON.stringify(doc, null, 2)}\n`,
  };
}
