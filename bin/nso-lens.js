#!/usr/bin/env node
// The nso-lens command: runs the CLI bundle that `npm run build` writes to dist/cli/.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/cli/nso-lens.js', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write('nso-lens: run `npm run build` first\n');
  process.exit(2);
}
await import(bundle.href);
