/**
 * Keeps painted highlights honest on pages that change under them. A page that renders its article
 * again puts new nodes in place of ours (our ranges collapse: nothing shows, but the cards would still
 * step to them); one that rewrites text in place — a live blog shifting entries down its list — leaves
 * our ranges over other words. While highlights are shown, one MutationObserver on the body checks,
 * in the same microtask as the page's change (before it is painted), every range the change touched
 * against the words it was placed on, and reports those that no longer match.
 */

/** A painted range and the words it was placed on (the engine's quote, or the conflict's words). */
export interface WatchedRange {
  range: Range;
  text: string;
}

/** Whitespace as the engine's text map reads it (any run is one space); other characters as they are. */
function squash(text: string): string {
  return text.replace(/[ \n\t\r\f]+/g, ' ').trim();
}

function touches(range: Range, target: Node): boolean {
  try {
    return range.intersectsNode(target);
  } catch {
    return true;
  }
}

/** True when `watched` no longer covers its words (its nodes left the page, or their text changed). */
export function isStale(watched: WatchedRange): boolean {
  const { range } = watched;
  return range.collapsed || !range.startContainer.isConnected || squash(range.toString()) !== watched.text;
}

/**
 * Watches `ranges` until the signal aborts or the returned stop is called; `onStale` gets the indices
 * of the ranges a change spoiled (each reported once).
 */
export function watchHighlights(
  doc: Document,
  ranges: readonly WatchedRange[],
  onStale: (indices: number[]) => void,
  signal: AbortSignal,
): () => void {
  const spoiled = new Set<number>();
  const observer = new MutationObserver((records) => {
    const found: number[] = [];
    // After a burst of changes, every range is checked rather than every range against every change.
    const all = records.length > 64;
    ranges.forEach((watched, index) => {
      if (spoiled.has(index)) return;
      const range = watched.range;
      // Collapsed or detached ranges are cheap to spot; others only when a change landed inside them.
      const gone = range.collapsed || !range.startContainer.isConnected;
      if (!all && !gone && !records.some((r) => touches(range, r.target))) return;
      if (!isStale(watched)) return;
      spoiled.add(index);
      found.push(index);
    });
    if (found.length > 0) onStale(found);
  });
  const stop = () => {
    observer.disconnect();
    // The signal outlives many watches (one per run): let go of this one and what it holds.
    signal.removeEventListener('abort', stop);
  };
  if (doc.body && ranges.length > 0) {
    observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
  }
  signal.addEventListener('abort', stop, { once: true });
  return stop;
}
