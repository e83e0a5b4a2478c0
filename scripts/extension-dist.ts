/**
 * The build's last step (called from vite.config.ts once every environment is built): writes each
 * browser's manifest.json from the one root manifest, copies locales and icons, makes dist/firefox
 * from dist/chrome, and zips both. Node only; needs no browser.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { type Zippable, zipSync } from 'fflate';

export type TargetBrowser = 'chrome' | 'firefox';
export const BROWSERS: readonly TargetBrowser[] = ['chrome', 'firefox'];

type Json = Record<string, unknown>;

/**
 * The manifest for one browser. The root manifest carries the union of both browsers' keys; each side
 * drops what the other browser alone understands, so neither warns about unknown keys.
 */
export function browserManifest(root: Json, browser: TargetBrowser, version: string): Json {
  const manifest: Json = structuredClone({ ...root, version });
  const background = { ...(manifest.background as Json) };
  if (browser === 'chrome') {
    delete background.scripts;
    delete manifest.browser_specific_settings;
  } else {
    delete background.service_worker;
    delete manifest.minimum_chrome_version;
  }
  manifest.background = background;
  return manifest;
}

/** Every file under `dir`, as paths relative to it with "/" separators, sorted. */
function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string) => {
    for (const name of readdirSync(current).sort()) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return out;
}

/** A zip of `dir` with fixed timestamps, so the same build gives byte-identical archives. */
export function zipDirectory(dir: string): Uint8Array {
  const mtime = new Date('2020-01-01T00:00:00Z');
  const files: Zippable = {};
  for (const path of listFiles(dir)) files[path] = [readFileSync(join(dir, path)), { mtime }];
  return zipSync(files, { level: 9 });
}

export interface PackageOptions {
  /** Repository root. */
  root: string;
  /** Output root (dist). The bundler has already written the extension files to `<dist>/chrome`. */
  dist: string;
}

/** Completes dist/chrome, derives dist/firefox, writes both zips. Returns the paths written. */
export function packageExtension({ root, dist }: PackageOptions): string[] {
  const rootManifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as Json;
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const chromeDir = join(dist, 'chrome');
  cpSync(join(root, '_locales'), join(chromeDir, '_locales'), { recursive: true });
  mkdirSync(join(chromeDir, 'icons'), { recursive: true });
  for (const size of [16, 32, 48, 128]) {
    cpSync(join(root, 'assets', `icon-${size}.png`), join(chromeDir, 'icons', `icon-${size}.png`));
  }
  cpSync(chromeDir, join(dist, 'firefox'), { recursive: true });

  const written: string[] = [];
  for (const browser of BROWSERS) {
    const dir = join(dist, browser);
    const manifest = browserManifest(rootManifest, browser, version);
    writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const zipPath = join(dist, `nso-lens-${browser}.zip`);
    writeFileSync(zipPath, zipDirectory(dir));
    written.push(dir, zipPath);
  }
  return written;
}
