/**
 * `nso-lens facts` and `nso-lens facts --check FILE`: print the bundled fact pack, or validate
 * another one. Takes its file access and output streams as arguments so it runs the same in tests
 * and in the real CLI; it never throws and never prints a stack trace (contract: DESIGN.md §4).
 */
import { formatErrors, summarizePack, validatePack } from '../core/facts/validate';

/** The side effects the command needs; the CLI entry passes real ones, tests pass fakes. */
export interface FactsCommandIo {
  readFile(path: string): string;
  stdout(s: string): void;
  stderr(s: string): void;
}

const USAGE = 'usage: nso-lens facts [--check FILE]';

function message(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0] ?? error.name;
  return String(error);
}

function fail(io: FactsCommandIo, lines: string): number {
  io.stderr(lines.endsWith('\n') ? lines : `${lines}\n`);
  return 2;
}

function check(file: string, io: FactsCommandIo): number {
  let text: string;
  try {
    text = io.readFile(file);
  } catch (error) {
    return fail(io, `nso-lens facts: cannot read ${file}: ${message(error)}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return fail(io, `nso-lens facts: ${file} is not valid JSON: ${message(error)}`);
  }
  const result = validatePack(value);
  if (!result.ok) return fail(io, `${file}: ${formatErrors(result.errors)}`);
  io.stderr(`valid: ${summarizePack(result.pack)}\n`);
  return 0;
}

/**
 * Runs `nso-lens facts` with the arguments after the word `facts` (a leading `facts` is also
 * accepted). `pack` is the bundled pack as parsed JSON. Returns the exit code: 0 on success,
 * 2 for bad usage, unreadable or invalid input.
 */
export function runFactsCommand(args: string[], io: FactsCommandIo, pack: unknown): number {
  const rest = args[0] === 'facts' ? args.slice(1) : args;
  if (rest.length === 0) {
    const result = validatePack(pack);
    if (!result.ok) return fail(io, `bundled pack: ${formatErrors(result.errors)}`);
    io.stdout(`${JSON.stringify(result.pack, null, 2)}\n`);
    return 0;
  }
  if (rest.length === 1 && (rest[0] === '--help' || rest[0] === '-h')) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (rest[0] === '--check' && rest.length === 2 && rest[1]) return check(rest[1], io);
  return fail(io, `nso-lens facts: unexpected arguments: ${rest.join(' ')}\n${USAGE}`);
}
