/**
 * `npm run bench`: prints one line per figure, `bench: NAME VALUE UNIT` (DESIGN.md §4), then
 * exits 0. Ratios compare against a baseline measured in this same process. Needs `npm run build`
 * (for the size of the shipped gate script) and Debian's chromium.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { benchBrowser } from './bench-browser';
import { benchEngine } from './bench-engine';

const print = (name: string, value: number, unit: string) => console.log(`bench: ${name} ${value} ${unit}`);
if (!existsSync(resolve(import.meta.dirname, '../dist/chrome/content.js'))) {
  console.error('bench: dist/chrome/content.js is missing: run `npm run build` first');
  process.exit(2);
}
if (!existsSync('/usr/bin/chromium')) {
  console.error('bench: /usr/bin/chromium is missing: apt-get install -y chromium');
  process.exit(2);
}
await benchEngine(print);
await benchBrowser(print);
