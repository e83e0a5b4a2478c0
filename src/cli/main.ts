/**
 * The `nso-lens` command (DESIGN.md §4 CLI contract). Errors are one line on stderr with exit 2
 * for bad input, never a stack trace.
 */
import { readFileSync } from 'node:fs';
import { createEngine } from '../core/engine/engine.js';
import type { FactPack } from '../core/facts/types.js';
import packJson from '../data/nso-facts.json';
import { annotate, parseAnnotateArgs } from './annotate-command.js';
import { runFactsCommand } from './facts-command.js';
import { InputError } from './read-input.js';

const USAGE = `usage: nso-lens annotate FILE [--url URL] [--date YYYY-MM-DD]
       nso-lens facts [--check FILE]

  annotate  analyse a saved page (.html, through the extension's extraction) or article text (.txt)
            and print the analysis as JSON
  facts     print the bundled fact pack; --check FILE validates another pack`;

function run(argv: string[]): number {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  if (command === 'facts') {
    return runFactsCommand(
      rest,
      {
        readFile: (path) => readFileSync(path, 'utf8'),
        stdout: (s) => process.stdout.write(s),
        stderr: (s) => process.stderr.write(s),
      },
      packJson,
    );
  }
  if (command === 'annotate') {
    const opts = parseAnnotateArgs(rest);
    const engine = createEngine(packJson as unknown as FactPack);
    const result = annotate(engine, opts, new Date().toISOString().slice(0, 10));
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  }
  process.stderr.write(`nso-lens: unknown command "${command}"\n${USAGE}\n`);
  return 2;
}

try {
  process.exitCode = run(process.argv.slice(2));
} catch (e) {
  if (e instanceof InputError) {
    process.stderr.write(`nso-lens: ${e.message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`nso-lens: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  }
}
