/**
 * The library as Markdown a researcher can paste into a document: one section per article, each saved
 * quote as a blockquote with its note, tags and a full citation line. Quotes, titles and notes are
 * untrusted page text, so every character Markdown gives meaning to is escaped: no quote can make a
 * link, an image, HTML, a heading or a list, whatever renderer reads the file.
 */
import { type Article, dayOf, groupByArticle } from './articles';
import type { SavedPassage } from './types';

// Backslash-escaped everywhere (CommonMark lets any ASCII punctuation be escaped): emphasis, code,
// links and images ([ ]), raw HTML and autolinks (< >), entities (&), headings (#), GFM tables (|),
// strikethrough (~) and math ($, which some renderers read).
const INLINE = /[\\`*_[\]<>&#|~$]/g;

/** Text with Markdown syntax escaped, for use inside one line. */
export function escapeInline(text: string): string {
  return text.replace(INLINE, '\\$&');
}

/**
 * One line of text, escaped, with what Markdown reads at a line's start neutralised: list markers
 * (- + 1. 1)), setext underlines (= -), and indentation that would make a code block.
 */
function escapeLine(line: string): string {
  const text = escapeInline(line.replace(/[ \t]+/g, ' ').trim());
  return text.replace(/^([-+=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

/** Lines of a multi-line text, escaped; runs of blank lines become one (a paragraph break). */
function escapeLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/).map(escapeLine);
  return lines
    .filter((line, i) => line !== '' || (i > 0 && lines[i - 1] !== ''))
    .join('\n')
    .trim()
    .split('\n');
}

/** Single-line text (titles, tags, outlet names): line breaks become spaces. */
const oneLine = (text: string): string => escapeLine(text.replace(/\s+/g, ' '));

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2021-07-18" → "18 July 2021" (unambiguous in every locale, unlike 07/18/2021). */
export function longDate(isoDate: string): string {
  const [year, month, day] = dayOf(isoDate).split('-').map(Number);
  return `${day} ${MONTHS[(month ?? 1) - 1]} ${year}`;
}

/** A URL as an autolink when it can be one (no spaces or angle brackets), else as escaped text. */
function link(url: string): string {
  return /^https?:\/\/[^\s<>\p{Cc}]+$/u.test(url) ? `<${url}>` : escapeInline(url);
}

/** "Outlet, “Title,” 18 July 2021, <url> (accessed 20 November 2026)." — one line to paste under a quote. */
function citation(article: Article, p: SavedPassage): string {
  const parts: string[] = [];
  if (article.outlet) parts.push(`${oneLine(article.outlet)},`);
  if (article.title) parts.push(`“${oneLine(article.title)},”`);
  parts.push(`${article.published ? longDate(article.published) : 'n.d.'},`, link(article.url));
  return `— ${parts.join(' ')} (accessed ${longDate(p.savedAt)}).`;
}

/** The researcher's own line breaks kept (a trailing backslash is a CommonMark hard break). */
function hardBreaks(lines: readonly string[]): string {
  return lines.map((line, i) => (line !== '' && (lines[i + 1] ?? '') !== '' ? `${line}\\` : line)).join('\n');
}

function passageBlock(article: Article, p: SavedPassage): string[] {
  const out = [...escapeLines(p.quote.exact).map((line) => (line === '' ? '>' : `> ${line}`)), ''];
  if (p.note.trim() !== '') out.push(`**Note:** ${hardBreaks(escapeLines(p.note))}`, '');
  const labels: string[] = [];
  if (p.tags.length > 0) labels.push(`**Tags:** ${p.tags.map(oneLine).join(', ')}`);
  if (p.claims.length > 0) labels.push(`**Claims:** ${p.claims.map(oneLine).join(', ')}`);
  if (labels.length > 0) out.push(labels.join(' · '), '');
  out.push(citation(article, p), '');
  return out;
}

/** Reading order within an article (by position in the page), passages without a position last. */
function readingOrder(passages: readonly SavedPassage[]): SavedPassage[] {
  const start = (p: SavedPassage): number => p.position?.start ?? Number.MAX_SAFE_INTEGER;
  return [...passages].sort((a, b) => start(a) - start(b));
}

function articleBlock(article: Article): string[] {
  const about = [
    article.outlet ? oneLine(article.outlet) : null,
    article.published ? `published ${longDate(article.published)}` : null,
  ];
  const heading = article.title ? oneLine(article.title) : escapeInline(article.url);
  const out = [`## ${heading}`, '', [...about.filter((x) => x !== null), link(article.url)].join(' · '), ''];
  for (const p of readingOrder(article.passages)) out.push(...passageBlock(article, p));
  return out;
}

const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** The passages (in the order given; articles in order of their first passage) as a Markdown document. */
export function formatMarkdown(passages: readonly SavedPassage[], now: Date): string {
  const articles = groupByArticle(passages);
  const out = ['# NSO Lens library', ''];
  const summary = `${count(passages.length, 'passage', 'passages')} from ${count(articles.length, 'article', 'articles')}`;
  out.push(
    `Exported ${longDate(now.toISOString())}: ${passages.length === 0 ? 'no saved passages' : summary}.`,
    '',
  );
  for (const article of articles) out.push(...articleBlock(article));
  return `${out.join('\n').trimEnd()}\n`;
}
