import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserManifest } from '../../scripts/extension-dist';
import { tabFromQuery } from '../../src/ui/popup/target-tab';

const root = join(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as Record<string, unknown>;
const messages = JSON.parse(readFileSync(join(root, '_locales/en/messages.json'), 'utf8')) as Record<
  string,
  unknown
>;

describe('manifest', () => {
  it('asks for the minimum: storage, scripting on web pages, content scripts on web pages only (README lists why)', () => {
    // contextMenus: the "Save passage to NSO Lens" item (issue 7). unlimitedStorage: the library is a
    // researcher's archive in IndexedDB; without it Chrome and Firefox may evict it under disk pressure.
    // Neither widens what pages NSO Lens can read.
    expect(manifest.permissions).toEqual(['storage', 'scripting', 'contextMenus', 'unlimitedStorage']);
    // scripting.executeScript loads the pipeline only into pages the gate picked: it needs the hosts.
    expect(manifest.host_permissions).toEqual(['http://*/*', 'https://*/*']);
    expect(manifest).not.toHaveProperty('optional_permissions');
    expect(manifest).not.toHaveProperty('web_accessible_resources');
    expect(manifest).not.toHaveProperty('externally_connectable');
    expect(manifest.content_scripts).toEqual([
      { matches: ['http://*/*', 'https://*/*'], js: ['content.js'], run_at: 'document_idle' },
    ]);
  });

  it('keeps the default extension CSP', () => {
    expect(manifest).not.toHaveProperty('content_security_policy');
  });

  it('gives Chrome a module service worker and nothing Firefox-only', () => {
    const chrome = browserManifest(manifest, 'chrome', '1.2.3');
    expect(chrome.version).toBe('1.2.3');
    expect(chrome.background).toEqual({ service_worker: 'background.js', type: 'module' });
    expect(chrome).not.toHaveProperty('browser_specific_settings');
  });

  it('gives Firefox module background scripts and its gecko settings', () => {
    const firefox = browserManifest(manifest, 'firefox', '1.2.3');
    expect(firefox.background).toEqual({ scripts: ['background.js'], type: 'module' });
    expect(firefox).not.toHaveProperty('minimum_chrome_version');
    expect(firefox.browser_specific_settings).toEqual({
      gecko: {
        id: 'nso-lens@nso-lens.org',
        strict_min_version: '142.0',
        data_collection_permissions: { required: ['none'] },
      },
    });
  });

  it('offers the save shortcut next to the highlight steps, within the four suggested keys Chrome allows', () => {
    const commands = manifest.commands as Record<string, { suggested_key?: { default: string } }>;
    expect(commands['save-passage']?.suggested_key).toEqual({ default: 'Alt+Shift+S' });
    const suggested = Object.values(commands).filter((c) => c.suggested_key !== undefined);
    expect(suggested.length).toBeLessThanOrEqual(4);
  });

  it('names only messages that exist in the default locale', () => {
    const used = JSON.stringify(manifest).match(/__MSG_(\w+)__/g) ?? [];
    expect(used.length).toBeGreaterThan(0);
    for (const ref of used) expect(messages).toHaveProperty(ref.slice(6, -2));
  });
});

describe('tabFromQuery', () => {
  it('reads ?tab=ID and ignores anything else', () => {
    expect(tabFromQuery('?tab=42')).toBe(42);
    expect(tabFromQuery('?tab=0')).toBe(0);
    expect(tabFromQuery('')).toBeNull();
    expect(tabFromQuery('?tab=-1')).toBeNull();
    expect(tabFromQuery('?tab=4x')).toBeNull();
    expect(tabFromQuery('?tab=1e3')).toBeNull();
  });
});
