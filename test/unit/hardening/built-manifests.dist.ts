/**
 * The built manifests, as the browsers will read them (dist/chrome and dist/firefox after
 * `npm run build`; run with the e2e layer, see vitest.e2e.config.ts): the permissions and nothing
 * more, the default extension CSP, no web-accessible resources or outside messaging, the gecko
 * settings, and every file they name present in the build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtExtension } from '../../e2e/harness';

type Manifest = Record<string, unknown> & {
  content_scripts: { js: string[] }[];
  icons: Record<string, string>;
  action: { default_popup: string; default_icon: Record<string, string> };
};

const read = (browser: 'chrome' | 'firefox') => {
  const dir = builtExtension(browser);
  return { dir, manifest: JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest };
};

describe.each(['chrome', 'firefox'] as const)('built %s manifest', (browser) => {
  const { dir, manifest } = read(browser);

  it('asks for exactly these permissions, on web pages only', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.permissions).toEqual(['storage', 'scripting', 'contextMenus', 'unlimitedStorage']);
    expect(manifest.host_permissions).toEqual(['http://*/*', 'https://*/*']);
    expect(manifest.content_scripts).toEqual([
      { matches: ['http://*/*', 'https://*/*'], js: ['content.js'], run_at: 'document_idle' },
    ]);
    for (const key of [
      'optional_permissions',
      'optional_host_permissions',
      'web_accessible_resources',
      'externally_connectable',
      'content_security_policy',
      'sandbox',
      'key',
      'update_url',
      'oauth2',
      'declarative_net_request',
      'chrome_url_overrides',
    ]) {
      expect(manifest, key).not.toHaveProperty(key);
    }
  });

  it('names only files the build wrote', () => {
    const files = [
      ...manifest.content_scripts.flatMap((c) => c.js),
      ...Object.values(manifest.icons),
      ...Object.values(manifest.action.default_icon),
      manifest.action.default_popup,
      'background.js',
    ];
    for (const file of files) expect(existsSync(join(dir, file)), file).toBe(true);
  });

  if (browser === 'chrome') {
    it('has a module service worker and no Firefox settings', () => {
      expect(manifest.background).toEqual({ service_worker: 'background.js', type: 'module' });
      expect(manifest).not.toHaveProperty('browser_specific_settings');
      expect(manifest.minimum_chrome_version).toBe('116');
    });
  } else {
    it('has module background scripts and the gecko settings', () => {
      expect(manifest.background).toEqual({ scripts: ['background.js'], type: 'module' });
      expect(manifest).not.toHaveProperty('minimum_chrome_version');
      expect(manifest.browser_specific_settings).toEqual({
        gecko: {
          id: 'nso-lens@nso-lens.org',
          strict_min_version: '142.0',
          data_collection_permissions: { required: ['none'] },
        },
      });
    });
  }
});
