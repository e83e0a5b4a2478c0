/**
 * Placeholder for the nso-lens command (the CLI issue replaces this file): prints usage, exits 2 for
 * anything it does not know.
 */
const USAGE = `usage: nso-lens annotate FILE [--url URL] [--date YYYY-MM-DD]
       nso-lens facts [--check FILE]`;

const [command] = process.argv.slice(2);
if (command === undefined || command === '--help' || command === '-h') {
  process.stdout.write(`${USAGE}\n`);
  process.exitCode = command === undefined ? 2 : 0;
} else {
  process.stderr.write(`nso-lens: unknown command "${command}"\n${USAGE}\n`);
  process.exitCode = 2;
}
