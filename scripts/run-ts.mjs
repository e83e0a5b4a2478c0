#!/usr/bin/env node
// Runs a TypeScript script with node 20 (which cannot strip types): `node scripts/run-ts.mjs FILE [ARGS]`.
// Vite's module runner transforms the file and its local imports; packages load natively.
import { resolve } from 'node:path';
import { runnerImport } from 'vite';

const [file, ...args] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: node scripts/run-ts.mjs FILE.ts [ARGS...]\n');
  process.exit(2);
}
const path = resolve(file);
process.argv = [process.argv[0], path, ...args];
await runnerImport(path);
