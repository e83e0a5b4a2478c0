/**
 * Vite plugin: validates the bundled fact pack when a build starts and stops the build with the
 * readable errors if the pack is invalid, so a broken pack can never ship. In dev (watch) mode
 * the pack file is watched, so an edit re-runs the check.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { formatErrors, validatePack } from '../src/core/facts/validate';

export interface ValidatePackOptions {
  /** Path of the pack, relative to the working directory. Default: src/data/nso-facts.json. */
  packPath?: string;
}

/** Returns the problems with the pack at `path` as one printable string, or null when it is valid. */
export function packProblems(path: string): string | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return `cannot read the fact pack ${path}: ${error instanceof Error ? error.message : String(error)}`;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return `${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`;
  }
  const result = validatePack(value);
  return result.ok ? null : `${path}: ${formatErrors(result.errors)}`;
}

/** The plugin factory; wire it into vite.config.ts `plugins`. */
export function validatePackPlugin(options: ValidatePackOptions = {}): Plugin {
  const path = resolve(options.packPath ?? 'src/data/nso-facts.json');
  return {
    name: 'nso-lens:validate-pack',
    buildStart() {
      this.addWatchFile(path);
      const problems = packProblems(path);
      if (problems) this.error(problems);
    },
  };
}
