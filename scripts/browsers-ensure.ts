/**
 * Makes sure both e2e browsers are installed before e2e tests run: installs them with apt-get when we
 * are root on a Debian-like system, otherwise stops with the exact command. Never a silent skip.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { BROWSER_PATHS, type BrowserName, installCommand } from '../test/e2e/browsers';

const PACKAGES: Record<BrowserName, string> = { chromium: 'chromium', firefox: 'firefox-esr' };

function hasAptGet(): boolean {
  return spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
}

/** Installs missing browsers or throws with the command that would. */
export function ensureBrowsers(): void {
  const missing = (Object.keys(BROWSER_PATHS) as BrowserName[]).filter(
    (name) => !existsSync(BROWSER_PATHS[name]),
  );
  if (missing.length === 0) return;
  const packages = missing.map((name) => PACKAGES[name]);
  if (process.getuid?.() !== 0 || !hasAptGet()) {
    throw new Error(
      `missing browsers for e2e tests: ${missing.join(', ')}. Install with: ${missing.map(installCommand).join(' && ')}`,
    );
  }
  process.stdout.write(`installing ${packages.join(' ')} with apt-get\n`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', ...packages], { stdio: 'inherit', env });
  const still = missing.filter((name) => !existsSync(BROWSER_PATHS[name]));
  if (still.length > 0) throw new Error(`apt-get did not install ${still.join(', ')}`);
}
