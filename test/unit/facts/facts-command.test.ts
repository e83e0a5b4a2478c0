import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packProblems } from '../../../scripts/validate-pack-plugin';
import { type FactsCommandIo, runFactsCommand } from '../../../src/cli/facts-command';
import { loadPack, PACK_PATH } from './pack-fixtures';

function run(args: string[], pack: unknown = loadPack()) {
  const out: string[] = [];
  const err: string[] = [];
  const io: FactsCommandIo = {
    readFile: (path) => readFileSync(path, 'utf8'),
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
  };
  const code = runFactsCommand(args, io, pack);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

const dir = mkdtempSync(join(tmpdir(), 'nso-facts-'));
function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('nso-lens facts', () => {
  it('prints the validated bundled pack as pretty JSON', () => {
    const { code, stdout, stderr } = run([]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(JSON.parse(stdout)).toEqual(loadPack());
    expect(stdout).toContain('\n  "version": ');
  });

  it('accepts the leading word "facts" too', () => {
    expect(run(['facts']).code).toBe(0);
  });

  it('refuses to print a bundled pack that is invalid', () => {
    const { code, stdout, stderr } = run([], { version: '1' });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('bundled pack: invalid fact pack');
  });
});

describe('nso-lens facts --check FILE', () => {
  it('accepts a valid pack with a one-line summary on stderr', () => {
    const { code, stdout, stderr } = run(['--check', PACK_PATH]);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /^valid: \d+ entities, \d+ outlets, 3 cases, \d+ events, \d+ claims, \d+ reports, \d+ conflicts, \d+ sources\n$/,
    );
  });

  it('lists the errors of an invalid pack, one per line, with exit 2', () => {
    const pack = loadPack();
    pack.claims[0]!.sources[0]!.source = 'src.foo';
    pack.outlets[0]!.domains = ['jpost.com'];
    const path = file('broken.json', JSON.stringify(pack));
    const { code, stdout, stderr } = run(['facts', '--check', path]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const lines = stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(`${path}: invalid fact pack (2 errors):`);
    expect(lines.slice(1)).toEqual([
      '  /claims/0/sources/0/source: unknown source "src.foo"',
      '  /outlets/2/domains/0: domain "jpost.com" is already used by "outlet.i24news"',
    ]);
    expect(stderr).not.toMatch(/\bat \w+ \(/); // no stack trace
  });

  it('says so when the file is not JSON', () => {
    const path = file('not-json.json', '{ "version": ');
    const { code, stderr } = run(['--check', path]);
    expect(code).toBe(2);
    expect(stderr).toMatch(new RegExp(`^nso-lens facts: ${path} is not valid JSON: .+\\n$`));
  });

  it('says so when the file cannot be read', () => {
    const { code, stderr } = run(['--check', join(dir, 'missing.json')]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^nso-lens facts: cannot read .*missing\.json: .+\n$/);
    expect(stderr.split('\n').length).toBe(2);
  });

  it('explains its usage on bad arguments', () => {
    for (const args of [['--check'], ['--bogus'], ['--check', 'a', 'b']]) {
      const { code, stderr } = run(args);
      expect(code).toBe(2);
      expect(stderr).toContain('usage: nso-lens facts [--check FILE]');
    }
    expect(run(['--help'])).toMatchObject({ code: 0, stdout: 'usage: nso-lens facts [--check FILE]\n' });
  });
});

describe('the build-time check (validatePackPlugin)', () => {
  it('passes the bundled pack and reports a broken one readably', () => {
    expect(packProblems(PACK_PATH)).toBeNull();
    const pack = loadPack();
    pack.events[0]!.date = '2018-13-01';
    const problems = packProblems(file('bad-date.json', JSON.stringify(pack)));
    expect(problems).toContain('/events/0/date: "2018-13-01" does not match the pattern');
    expect(packProblems(file('bad.json', '['))).toMatch(/is not valid JSON/);
    expect(packProblems(join(dir, 'nope.json'))).toMatch(/^cannot read the fact pack/);
  });
});
