/**
 * The library survives a browser restart and an extension update (issue 7), in Chromium: the same
 * profile is opened again, and the second time the unpacked extension at the same path (so the same
 * extension id and storage origin) carries a higher version, which Chromium installs as an update.
 *
 * Firefox is not covered here: a temporary add-on (the only way to load an unsigned build) is removed
 * when Firefox exits, and its storage with it; a signed, installed add-on keeps its IndexedDB across
 * restarts and updates under the same moz-extension UUID.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { builtExtension } from './harness';
import { launchChromium } from './launch-chromium';
import { chromiumLibrary, type UiPage, until } from './library-driver';

const work = mkdtempSync(join(tmpdir(), 'nso-lens-persist-'));
const extension = join(work, 'extension');
const profileDir = join(work, 'profile');
const LIBRARY = resolve(import.meta.dirname, '../fixtures/library/nso-lens-library.jsonld');

afterAll(() => rmSync(work, { recursive: true, force: true }));

const listed = (library: UiPage) =>
  library.evaluate(
    () =>
      Array.from(document.querySelectorAll<HTMLElement>('[data-testid="saved-item"]')).map((el) => ({
        id: el.dataset.id ?? '',
        quote: el.querySelector('[data-testid="saved-quote"]')?.textContent?.trim() ?? '',
      })),
    null,
  );

it('keeps the library across a browser restart and an extension update', async () => {
  cpSync(builtExtension('chrome'), extension, { recursive: true });
  const expected = (
    JSON.parse(readFileSync(LIBRARY, 'utf8')) as { first: { items: { id: string }[] } }
  ).first.items
    .map((a) => a.id.replace('urn:uuid:', ''))
    .sort();

  let h = chromiumLibrary(await launchChromium({ extensionPath: extension, profileDir }));
  let library = await h.openExtensionPage('library.html');
  await library.upload('[data-testid="import-file"]', LIBRARY);
  const before = await until(
    'the imported library',
    () => listed(library),
    (l) => l.length === expected.length,
  );
  expect(before.map((p) => p.id).sort()).toEqual(expected);
  await h.close();

  // The update: the same unpacked extension, a higher version.
  const manifestPath = join(extension, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string };
  const updated = manifest.version.replace(/(\d+)$/, (n) => String(Number(n) + 1));
  writeFileSync(manifestPath, JSON.stringify({ ...manifest, version: updated }));

  const again = await launchChromium({ extensionPath: extension, profileDir });
  h = chromiumLibrary(again);
  expect(
    await again.evalInBackground(
      () =>
        (
          globalThis as unknown as { chrome: { runtime: { getManifest(): { version: string } } } }
        ).chrome.runtime.getManifest().version,
      null,
    ),
  ).toBe(updated);
  library = await h.openExtensionPage('library.html');
  const after = await until(
    'the library after the restart',
    () => listed(library),
    (l) => l.length === expected.length,
  );
  expect(after).toEqual(before);
  await h.close();
}, 90_000);
