/**
 * Where the real browsers live, and a loud failure when one is missing: e2e tests never skip silently.
 */
import { existsSync } from 'node:fs';

export const BROWSER_PATHS = {
  chromium: '/usr/bin/chromium',
  firefox: '/usr/lib/firefox-esr/firefox-esr',
} as const;

export type BrowserName = keyof typeof BROWSER_PATHS;

const DEBIAN_PACKAGE: Record<BrowserName, string> = { chromium: 'chromium', firefox: 'firefox-esr' };

/** The command that installs a browser here (no sudo when already root). */
export function installCommand(name: BrowserName): string {
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  return `${sudo}apt-get install -y ${DEBIAN_PACKAGE[name]}`;
}

/** The browser's executable path; throws with the install command when it is missing. */
export function requireBrowser(name: BrowserName): string {
  const path = BROWSER_PATHS[name];
  if (!existsSync(path)) {
    throw new Error(
      `${name} is not installed (${path} is missing). Install it with: ${installCommand(name)}`,
    );
  }
  return path;
}
