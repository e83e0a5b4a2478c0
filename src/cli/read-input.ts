/**
 * Reads the file given to `nso-lens annotate` and refuses, with one clear line, anything that is
 * not a readable HTML or text document: missing, a directory, empty, binary, not UTF-8, too large.
 */
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';

/** Larger than any real article page; a bigger file is almost certainly not one. */
export const MAX_INPUT_BYTES = 50 * 1024 * 1024;

export class InputError extends Error {}

export interface Input {
  kind: 'html' | 'text';
  content: string;
}

const HTML_EXT = new Set(['.html', '.htm', '.xhtml']);
const TEXT_EXT = new Set(['.txt', '.text']);

function looksBinary(buf: Buffer): boolean {
  const sample = buf.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return sample.length > 0 && control / sample.length > 0.05;
}

export function readInput(path: string): Input {
  const ext = extname(path).toLowerCase();
  const kind = HTML_EXT.has(ext) ? 'html' : TEXT_EXT.has(ext) ? 'text' : null;
  if (!kind)
    throw new InputError(`${path}: unsupported file type "${ext || '(none)'}"; give a .html or .txt file`);
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new InputError(`${path}: is a directory, not a file`);
    size = st.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`${path}: cannot read (${code === 'ENOENT' ? 'no such file' : (code ?? 'error')})`);
  }
  if (size > MAX_INPUT_BYTES) {
    throw new InputError(
      `${path}: too large (${(size / 1048576).toFixed(1)} MB; the limit is ${MAX_INPUT_BYTES / 1048576} MB)`,
    );
  }
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    throw new InputError(`${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (looksBinary(buf))
    throw new InputError(`${path}: looks like a binary file, not ${kind === 'html' ? 'HTML' : 'text'}`);
  let content: string;
  try {
    content = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw new InputError(`${path}: is not valid UTF-8 text`);
  }
  content = content.replace(/^\uFEFF/, '');
  if (!content.trim()) throw new InputError(`${path}: is empty`);
  return { kind, content };
}
