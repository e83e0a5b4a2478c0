/**
 * Opening the extension's own pages in a normal tab (the library from the popup). tabs.create needs
 * no permission, and runtime.getURL gives chrome-extension://ID/… or moz-extension://UUID/….
 */
import browser from './browser';
import { errorMessage, fail, ok, type Result } from './result';

/** The library page (DESIGN.md contract: `library.html`). */
export const LIBRARY_PAGE = 'library.html';

/** Opens `path` (relative to the extension root) in a new tab. */
export async function openExtensionPage(path: string): Promise<Result<null>> {
  try {
    await browser.tabs.create({ url: browser.runtime.getURL(path) });
    return ok(null);
  } catch (error) {
    return fail(errorMessage(error));
  }
}
