/**
 * Renders assets/icon.svg to the PNG sizes the manifest names (assets/icon-<size>.png) with headless
 * Chromium. Run by hand after changing the SVG (`npm run icons`) and commit the PNGs: the build only
 * copies them and never needs a browser.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { requireBrowser } from '../test/e2e/browsers';

const SIZES = [16, 32, 48, 128];
const assets = resolve(import.meta.dirname, '../assets');
const svg = readFileSync(resolve(assets, 'icon.svg'), 'utf8');

const browser = await chromium.launch({
  executablePath: requireBrowser('chromium'),
  args: ['--headless=new', '--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage();
  for (const size of SIZES) {
    await page.setViewportSize({ width: size, height: size });
    const sized = svg.replace('width="128" height="128"', `width="${size}" height="${size}"`);
    await page.setContent(
      `<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block}</style>${sized}`,
    );
    const png = await page.locator('svg').screenshot({ omitBackground: true });
    writeFileSync(resolve(assets, `icon-${size}.png`), png);
    process.stdout.write(`assets/icon-${size}.png\n`);
  }
} finally {
  await browser.close();
}
