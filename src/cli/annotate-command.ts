/**
 * `nso-lens annotate FILE [--url URL] [--date YYYY-MM-DD]`: the extension's engine over a saved
 * page, printing the CLI contract's JSON (DESIGN.md §4). HTML goes through the same Readability
 * extraction as the extension; text is taken as the article.
 */
import { parseHTML } from 'linkedom';
import type { Engine } from '../core/engine/engine.js';
import type { Analysis } from '../core/match/findings.js';
import { extractArticle } from '../dom/extract.js';
import { InputError, readInput } from './read-input.js';

export interface AnnotateOptions {
  file: string;
  url: string | null;
  date: string | null;
}

export function parseAnnotateArgs(args: string[]): AnnotateOptions {
  let file: string | null = null;
  let url: string | null = null;
  let date: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    if (flag === '--url' || flag === '--date') {
      const value = inline ?? args[++i];
      if (value === undefined || value === '') throw new InputError(`${flag} needs a value`);
      if (flag === '--url') {
        if (!/^https?:\/\/[^\s/?#]+/i.test(value))
          throw new InputError(`--url must be an http(s) URL, got "${value}"`);
        url = value;
      } else {
        const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
        // Round-trips only for real calendar days (no 2020-02-30, no month 13).
        const time = Date.parse(`${value}T00:00:00Z`);
        const real = d !== null && !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
        if (!real) throw new InputError(`--date must be a calendar date YYYY-MM-DD, got "${value}"`);
        date = value;
      }
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new InputError(`unknown option "${arg}"`);
    } else if (file === null) {
      file = arg;
    } else {
      throw new InputError(`one FILE only (got "${file}" and "${arg}")`);
    }
  }
  if (file === null) throw new InputError('annotate needs a FILE (.html or .txt)');
  return { file, url, date };
}

/** The HTML path shared with eval and bench: linkedom document → Readability extraction → engine. */
export function analyseHtml(
  engine: Engine,
  html: string,
  opts: { url: string | null; date: string | null; today: string },
): { text: string; result: Analysis } {
  const { document } = parseHTML(html);
  const { map, meta } = extractArticle(document as unknown as Document);
  const result = engine.analyse({
    text: map.text,
    title: meta.title,
    url: opts.url,
    canonical: meta.canonical,
    siteName: meta.siteName,
    published: meta.published,
    date: opts.date,
    today: opts.today,
  });
  if (!map.text) result.reasons.unshift('no article text found on the page');
  return { text: map.text, result };
}

export function annotate(engine: Engine, opts: AnnotateOptions, today: string): Analysis {
  const input = readInput(opts.file);
  if (input.kind === 'text') {
    return engine.analyse({ text: input.content, url: opts.url, date: opts.date, today });
  }
  return analyseHtml(engine, input.content, { url: opts.url, date: opts.date, today }).result;
}
