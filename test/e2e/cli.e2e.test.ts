/**
 * The built command, as a user runs it after `npm ci && npm run build` (DESIGN.md §4 CLI contract):
 * one JSON object on stdout, exit 0; bad input is one line on stderr and exit 2, never a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const page = (slug: string) => join(root, 'test/fixtures/pages', slug, 'source.html');
const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, [join(root, 'bin/nso-lens.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const dir = mkdtempSync(join(tmpdir(), 'nso-lens-cli-e2e-'));

interface Output {
  relevant: boolean;
  score: number;
  reasons: string[];
  article: { title: string | null; outlet: string | null; published: string | null };
  matches: { claimId: string; start: number; end: number; quote: string; confidence: number }[];
  conflicts: {
    conflictId: string;
    start: number;
    end: number;
    found: string;
    expected: string;
    kind: string;
    note: string;
  }[];
  status: { caseId: string; asOf: string; status: string; since: string[] }[];
}

describe('nso-lens annotate', () => {
  it('prints the contract JSON for a seed page, with its known conflicts', () => {
    const r = cli('annotate', page('presstv-2020-07-13'));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Output;
    expect(Object.keys(out).sort()).toEqual([
      'article',
      'conflicts',
      'matches',
      'reasons',
      'relevant',
      'score',
      'status',
    ]);
    expect(out.relevant).toBe(true);
    expect(out.article).toEqual({
      title: 'Israeli court rejects legal bid by Amnesty against Israel’s spyware firm NSO',
      outlet: 'outlet.presstv',
      published: '2020-07-13',
    });
    const found = out.conflicts.map((c) => c.found);
    for (const f of ['his', 'ministry of military affairs', 'co-director for tech'])
      expect(found).toContain(f);
    for (const m of out.matches) expect(m.quote.length).toBe(m.end - m.start);
    const petition = out.status.find((s) => s.caseId === 'case.amnesty-israel-petition');
    expect(petition).toMatchObject({ asOf: '2020-07-13' });
    expect(petition!.status).toMatch(/dismissed/);
  });

  it('reads --date and --url, and plain text files', () => {
    const txt = join(dir, 'jpost.txt');
    writeFileSync(
      txt,
      'Tel Aviv District Court Judge Rachel Barkai did allow Amnesty lawyer, Itai Mack, to make some arguments about NSO Group.',
    );
    const r = cli('annotate', txt, '--date', '2020-01-16', '--url', 'https://www.jpost.com/x');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Output;
    expect(out.article).toEqual({ title: null, outlet: 'outlet.jpost', published: '2020-01-16' });
    expect(out.conflicts.map((c) => [c.conflictId, c.found])).toContainEqual([
      'conflict.lawyer-name',
      'Itai Mack',
    ]);
    expect(out.status[0]).toMatchObject({ caseId: 'case.amnesty-israel-petition', asOf: '2020-01-16' });
  });

  it('says a look-alike page is not about the story', () => {
    const out = JSON.parse(cli('annotate', page('orchestra-nso-concert')).stdout) as Output;
    expect(out).toMatchObject({ relevant: false, matches: [], conflicts: [], status: [] });
  });

  it.each([
    ['a missing file', [join(dir, 'nope.html')], /no such file/],
    [
      'an empty file',
      [
        (() => {
          const p = join(dir, 'empty.html');
          writeFileSync(p, '');
          return p;
        })(),
      ],
      /is empty/,
    ],
    [
      'a binary file',
      [
        (() => {
          const p = join(dir, 'bin.html');
          writeFileSync(p, Buffer.from([0, 1, 2, 3, 0xff]));
          return p;
        })(),
      ],
      /binary/,
    ],
    [
      'an unsupported type',
      [
        (() => {
          const p = join(dir, 'a.pdf');
          writeFileSync(p, '%PDF');
          return p;
        })(),
      ],
      /unsupported file type/,
    ],
    ['a bad date', [page('presstv-2020-07-13'), '--date', '2020-13-01'], /calendar date/],
    ['no file', [], /needs a FILE/],
  ])('refuses %s with one line and exit 2', (_name, args, message) => {
    const r = cli('annotate', ...(args as string[]));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message as RegExp);
    expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  });
});

describe('nso-lens facts', () => {
  it('prints the validated pack', () => {
    const r = cli('facts');
    expect(r.code).toBe(0);
    const pack = JSON.parse(r.stdout) as { claims: unknown[]; conflicts: unknown[] };
    expect(pack.claims.length).toBeGreaterThanOrEqual(50);
    expect(pack.conflicts.length).toBeGreaterThanOrEqual(15);
  });

  it('checks another pack: exit 2 with readable errors', () => {
    const bad = join(dir, 'bad-pack.json');
    writeFileSync(bad, JSON.stringify({ version: '1', claims: [] }));
    const r = cli('facts', '--check', bad);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\//);
    const notJson = join(dir, 'not.json');
    writeFileSync(notJson, '{ nope');
    expect(cli('facts', '--check', notJson).code).toBe(2);
  });

  it('prints usage on an unknown command', () => {
    const r = cli('frobnicate');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/usage: nso-lens annotate/);
  });
});
