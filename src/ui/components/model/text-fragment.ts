/**
 * Links to the exact words in an outlet's article with a Text Fragment (`#:~:text=`; Chrome 80+,
 * Firefox 131+). Wordings elided with "…" become `textStart,textEnd`. Each part is percent-encoded
 * with encodeURIComponent, plus "-", which the directive syntax reserves for prefix/suffix.
 */

function encodePart(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D');
}

/** `url` (without its own fragment) pointing at `wording`; `url` alone when the wording is empty. */
export function textFragmentUrl(url: string, wording: string): string {
  const base = url.replace(/#.*$/s, '');
  const parts = wording
    .split(/…|\.\.\./)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  const first = parts[0];
  const last = parts[parts.length - 1];
  if (first === undefined || last === undefined) return base;
  const directive = parts.length === 1 ? encodePart(first) : `${encodePart(first)},${encodePart(last)}`;
  return `${base}#:~:text=${directive}`;
}
