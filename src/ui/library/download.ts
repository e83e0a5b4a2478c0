/**
 * Saves an export as a file from the library page: a Blob, an object URL and a click on an
 * `<a download>`. Needs no `downloads` permission; the URL is revoked once the browser has taken it.
 */

/** Starts the download of `text` as `filename`. */
export function downloadText(filename: string, mime: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in Firefox; a minute is ample.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
