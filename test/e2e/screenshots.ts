/**
 * Where e2e tests and the demo put screenshots. test-output/ is git-ignored.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

export const SCREENSHOT_DIR = resolve(import.meta.dirname, '../../test-output/screenshots');

/** The path for a screenshot named `name` (created directory, .png added). */
export function screenshotPath(name: string, dir: string = SCREENSHOT_DIR): string {
  mkdirSync(dir, { recursive: true });
  return resolve(dir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
}
