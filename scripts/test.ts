/**
 * `npm test`: everything, in order, stopping at the first failure — typecheck, lint, unit tests, build,
 * `web-ext lint` of dist/firefox (errors fail), then e2e tests in Chromium and Firefox (installing the
 * browsers first when missing and possible). Prints each step's wall time.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { ensureBrowsers } from './browsers-ensure';

const root = resolve(import.meta.dirname, '..');
const bin = (name: string) => resolve(root, 'node_modules/.bin', name);

interface LintMessage {
  code: string;
  message: string;
  file?: string;
}
interface LintReport {
  count: number;
  summary: { errors: number; notices: number; warnings: number };
  errors: LintMessage[];
  warnings: LintMessage[];
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
}

/** web-ext lint on the Firefox build: fails on any error, lists warnings. */
function webExtLint(): void {
  const result = spawnSync(
    bin('web-ext'),
    ['lint', '--source-dir', 'dist/firefox', '--output', 'json', '--no-input', '--no-config-discovery'],
    { cwd: root, encoding: 'utf8' },
  );
  let report: LintReport;
  try {
    report = JSON.parse(result.stdout) as LintReport;
  } catch {
    throw new Error(`web-ext lint gave no JSON report:\n${result.stdout}\n${result.stderr}`);
  }
  const { errors, warnings, notices } = report.summary;
  process.stdout.write(`web-ext lint: ${errors} errors, ${warnings} warnings, ${notices} notices\n`);
  for (const m of [...report.errors, ...report.warnings]) {
    process.stdout.write(`  ${m.code} ${m.file ?? ''}: ${m.message}\n`);
  }
  if (errors > 0) throw new Error('web-ext lint found errors');
}

const steps: [string, () => void][] = [
  ['typecheck', () => run('npm', ['run', '--silent', 'typecheck'])],
  ['lint', () => run('npm', ['run', '--silent', 'lint'])],
  ['unit', () => run('npm', ['run', '--silent', 'test:unit'])],
  ['build', () => run('npm', ['run', '--silent', 'build'])],
  ['web-ext lint', webExtLint],
  ['browsers', ensureBrowsers],
  ['e2e', () => run('npm', ['run', '--silent', 'test:e2e'])],
];

const times: string[] = [];
const started = performance.now();
let failed: string | null = null;
for (const [name, step] of steps) {
  process.stdout.write(`\n▶ ${name}\n`);
  const t0 = performance.now();
  try {
    step();
  } catch (error) {
    failed = `${name}: ${error instanceof Error ? error.message : String(error)}`;
  }
  times.push(`${name} ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  if (failed) break;
}
const total = ((performance.now() - started) / 1000).toFixed(1);
process.stdout.write(`\n${times.join(' · ')}\n`);
if (failed) {
  process.stderr.write(`npm test FAILED at ${failed} (after ${total} s)\n`);
  process.exitCode = 1;
} else {
  process.stdout.write(`npm test passed in ${total} s\n`);
}
