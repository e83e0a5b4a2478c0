/**
 * One `vite build` makes everything (DESIGN.md §4 build contract), as Vite environments run by
 * `builder.buildApp`:
 * - `pages`: the popup page and the background, as ES modules (module service worker in Chrome,
 *   `background.scripts` of type module in Firefox);
 * - `content`: the content script as ONE classic IIFE file (MV3 content scripts cannot be modules);
 * - `pipeline`: the heavy part (Readability, engine, pack, highlights, cards), one classic IIFE file the
 *   background injects with scripting.executeScript only into pages the gate picked;
 * - `cli`: the node command, src/cli/main.ts → dist/cli/nso-lens.js.
 * buildApp empties dist once, builds the three, then scripts/extension-dist.ts writes the per-browser
 * manifests, dist/firefox and the zips. scripts/validate-pack-plugin.ts fails the build on an invalid
 * fact pack.
 */
import { rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { packageExtension } from './scripts/extension-dist';
import { validatePackPlugin } from './scripts/validate-pack-plugin';

const root = import.meta.dirname;
const at = (path: string) => resolve(root, path);
const DIST = at('dist');
const EXTENSION_OUT = at('dist/chrome');
/** Chrome 116: module workers, storage.session, action.setBadgeTextColor; Firefox 142 per the manifest. */
const BROWSER_TARGET = ['chrome116', 'firefox142'];

/** An environment that builds one classic (IIFE) script: MV3 content scripts cannot be modules. */
function classicScript(entry: string, file: string) {
  return {
    consumer: 'client' as const,
    build: {
      outDir: EXTENSION_OUT,
      emptyOutDir: false,
      target: BROWSER_TARGET,
      copyPublicDir: false,
      rolldownOptions: {
        input: { [file.replace(/\.js$/, '')]: at(entry) },
        output: { format: 'iife' as const, entryFileNames: file },
      },
    },
  };
}

export default defineConfig({
  root: at('src/ui'),
  publicDir: false,
  // An invalid fact pack stops the build (with the validator's errors) before anything is written.
  plugins: [preact(), validatePackPlugin({ packPath: at('src/data/nso-facts.json') })],
  environments: {
    pages: {
      consumer: 'client',
      build: {
        outDir: EXTENSION_OUT,
        emptyOutDir: false,
        target: BROWSER_TARGET,
        // The polyfill fetches modules; extension pages load everything locally and need none.
        modulePreload: { polyfill: false },
        rolldownOptions: {
          input: {
            popup: at('src/ui/popup.html'),
            library: at('src/ui/library.html'),
            background: at('src/background/index.ts'),
          },
          output: {
            entryFileNames: (chunk) =>
              chunk.name === 'background' ? 'background.js' : 'assets/[name]-[hash].js',
          },
        },
      },
    },
    content: classicScript('src/content/index.ts', 'content.js'),
    pipeline: classicScript('src/content/pipeline/index.ts', 'pipeline.js'),
    cli: {
      consumer: 'server',
      resolve: { noExternal: true, external: ['linkedom'] },
      build: {
        outDir: at('dist/cli'),
        emptyOutDir: false,
        target: 'node20',
        ssr: true,
        rolldownOptions: {
          input: { 'nso-lens': at('src/cli/main.ts') },
          external: [/^node:/, ...builtinModules, 'linkedom', /^linkedom\//],
          output: { format: 'es', entryFileNames: 'nso-lens.js' },
        },
      },
    },
  },
  builder: {
    async buildApp(builder) {
      rmSync(DIST, { recursive: true, force: true });
      for (const name of ['pages', 'content', 'pipeline', 'cli']) {
        const environment = builder.environments[name];
        if (!environment) throw new Error(`vite.config.ts: no environment "${name}"`);
        await builder.build(environment);
      }
      const written = packageExtension({ root, dist: DIST });
      builder.config.logger.info(`extension: ${written.map((p) => p.slice(root.length + 1)).join(', ')}`);
    },
  },
});
