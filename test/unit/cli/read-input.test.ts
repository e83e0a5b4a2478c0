import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAnnotateArgs } from '../../../src/cli/annotate-command';
import { InputError, readInput } from '../../../src/cli/read-input';

const dir = mkdtempSync(join(tmpdir(), 'nso-lens-cli-'));
const file = (name: string, content: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    const msg = (e as Error).message;
    expect(msg).not.toContain('\n');
    return msg;
  }
  throw new Error('expected a refusal');
};

describe('readInput', () => {
  it('reads HTML and text, dropping a byte-order mark', () => {
    expect(readInput(file('a.html', '\uFEFF<p>NSO</p>'))).toEqual({ kind: 'html', content: '<p>NSO</p>' });
    expect(readInput(file('a.txt', 'NSO Group'))).toEqual({ kind: 'text', content: 'NSO Group' });
  });
  it('refuses missing files, directories, empty and whitespace-only files with one line', () => {
    expect(refusal(() => readInput(join(dir, 'missing.html')))).toMatch(/no such file/);
    expect(refusal(() => readInput(file('empty.txt', '')))).toMatch(/is empty/);
    expect(refusal(() => readInput(file('blank.html', '  \n\t ')))).toMatch(/is empty/);
  });
  it('refuses binary content and invalid UTF-8', () => {
    expect(refusal(() => readInput(file('bin.html', Buffer.from([0x3c, 0x70, 0x00, 0x01, 0x02]))))).toMatch(
      /binary/,
    );
    expect(
      refusal(() => readInput(file('latin1.txt', Buffer.from([0x4e, 0x53, 0x4f, 0x20, 0xe9, 0x74, 0xe9])))),
    ).toMatch(/UTF-8/);
  });
  it('refuses unsupported file types', () => {
    expect(refusal(() => readInput(file('a.pdf', '%PDF-1.7')))).toMatch(/unsupported file type ".pdf"/);
  });
});

describe('parseAnnotateArgs', () => {
  it('reads FILE, --url and --date in either form', () => {
    expect(parseAnnotateArgs(['a.html', '--url', 'https://www.jpost.com/x', '--date=2020-01-16'])).toEqual({
      file: 'a.html',
      url: 'https://www.jpost.com/x',
      date: '2020-01-16',
    });
  });
  it('refuses bad dates, bad URLs, unknown options and missing files', () => {
    expect(refusal(() => parseAnnotateArgs(['a.html', '--date', '2020-02-30']))).toMatch(/calendar date/);
    expect(refusal(() => parseAnnotateArgs(['a.html', '--date', '16/01/2020']))).toMatch(/YYYY-MM-DD/);
    expect(refusal(() => parseAnnotateArgs(['a.html', '--url', 'javascript:alert(1)']))).toMatch(/http/);
    expect(refusal(() => parseAnnotateArgs(['a.html', '--verbose']))).toMatch(/unknown option/);
    expect(refusal(() => parseAnnotateArgs(['--url', 'https://a.b/']))).toMatch(/needs a FILE/);
    expect(refusal(() => parseAnnotateArgs(['a.html', 'b.html']))).toMatch(/one FILE only/);
    expect(refusal(() => parseAnnotateArgs(['a.html', '--date']))).toMatch(/needs a value/);
  });
});
