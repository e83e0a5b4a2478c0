/**
 * A fact's sources, resolved from the pack's normalised `sources` for display: who published it,
 * when, where, and the supporting quote — flagged when the quote is the record's summary rather than
 * the source's own words (SourceRef.fromRecord), so the UI never presents it as a quotation.
 */
import type { PackIndex } from '../../../core/facts/index';
import type { SourceRef } from '../../../core/facts/types';

export interface SourceView {
  id: string;
  publisher: string;
  title: string;
  url: string;
  date: string;
  dateApprox: boolean;
  lang: string;
  quote: string;
  fromRecord: boolean;
}

/** The refs' sources in order; refs to unknown sources (impossible in a validated pack) are skipped. */
export function sourceViews(index: PackIndex, refs: readonly SourceRef[]): SourceView[] {
  const out: SourceView[] = [];
  for (const ref of refs) {
    const source = index.sources.get(ref.source);
    if (!source) continue;
    out.push({
      id: source.id,
      publisher: source.publisher,
      title: source.title,
      url: source.url,
      date: source.date,
      dateApprox: source.dateApprox === true,
      lang: source.lang,
      quote: ref.quote,
      fromRecord: ref.fromRecord === true,
    });
  }
  return out;
}

/** Only http(s) addresses become links (normalised); anything else in a pack is shown as text. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
