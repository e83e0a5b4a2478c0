/**
 * Which tab the popup describes. `popup.html?tab=ID` names one explicitly (the UI-test contract, and
 * how a popup opened in a tab shows another tab); otherwise it is the active tab of the current window.
 */

/** The tab id from a `?tab=` query, or null when absent or not a non-negative integer. */
export function tabFromQuery(search: string): number | null {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d{1,15}$/.test(raw)) return null;
  return Number(raw);
}
