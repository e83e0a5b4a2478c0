/**
 * The library as CSL-JSON (the Citation Style Language's data format, read by Zotero, Mendeley, Pandoc
 * and citeproc-js), so saved articles can be cited in any style. One item per article (passages from
 * one article share it), of type "article-newspaper".
 *
 * Quotes and notes go in `abstract`, not `note`: Zotero imports `note` into its Extra field and reads
 * "Key: value" lines there as item fields (a quoted line "Title: …" would overwrite the title), and
 * styles print `note` in bibliographies, while `abstract` is free text that only annotated-bibliography
 * styles print. Tags go in `keyword`. Claim ids are not exported here (they mean nothing outside
 * NSO Lens); the JSON-LD and CSV exports keep them.
 */
import { type Article, dayOf, firstSaved, groupByArticle } from './articles';
import type { SavedPassage } from './types';

/** A CSL date: [[year, month, day]]. */
interface CslDate {
  'date-parts': [[number, number, number]];
}

/** The CSL-JSON fields this export writes (https://github.com/citation-style-language/schema). */
export interface CslItem {
  id: string;
  type: 'article-newspaper';
  title?: string;
  'container-title'?: string;
  URL: string;
  issued?: CslDate;
  accessed: CslDate;
  abstract: string;
  keyword?: string;
}

function cslDate(isoDate: string): CslDate {
  const [year, month, day] = dayOf(isoDate).split('-').map(Number) as [number, number, number];
  return { 'date-parts': [[year, month, day]] };
}

/** ASCII letters and digits of a name, for citation keys ("Times of Israel" → "times-of-israel"). */
function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** "a", "b", … "z", "aa", "ab", … — the suffixes that tell apart keys like smith-2021a and smith-2021b. */
function letters(index: number): string {
  let n = index;
  let out = '';
  do {
    out = String.fromCharCode(97 + (n % 26)) + out;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return out;
}

/**
 * Citation keys a writer can type (Pandoc's [@haaretz-2021]): outlet (or host) and year, with letters
 * added when two articles would share one. Unique and stable for a given list of articles.
 */
function citationKeys(articles: readonly Article[]): string[] {
  const bases = articles.map(
    (a) => `${slug(a.outlet ?? '') || slug(hostOf(a.url)) || 'article'}-${a.published?.slice(0, 4) ?? 'nd'}`,
  );
  const seen = new Map<string, number>();
  return bases.map((base) => {
    if (bases.indexOf(base) === bases.lastIndexOf(base)) return base;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return `${base}${letters(n)}`;
  });
}

/** Each passage as “quote” with its note on the next line; passages separated by a blank line. */
function abstractOf(passages: readonly SavedPassage[]): string {
  return passages
    .map((p) => (p.note === '' ? `“${p.quote.exact}”` : `“${p.quote.exact}”\n${p.note}`))
    .join('\n\n');
}

/** The passages (in the order given; articles in order of their first passage) as CSL-JSON items. */
export function toCslItems(passages: readonly SavedPassage[]): CslItem[] {
  const articles = groupByArticle(passages);
  const keys = citationKeys(articles);
  return articles.map((article, i) => {
    const item: CslItem = {
      id: keys[i]!,
      type: 'article-newspaper',
      URL: article.url,
      accessed: cslDate(firstSaved(article)),
      abstract: abstractOf(article.passages),
    };
    if (article.title !== '') item.title = article.title;
    if (article.outlet !== null) item['container-title'] = article.outlet;
    if (article.published !== null) item.issued = cslDate(article.published);
    const tags = [...new Set(article.passages.flatMap((p) => p.tags))];
    if (tags.length > 0) item.keyword = tags.join(', ');
    return item;
  });
}

/** The CSL-JSON document: an array of items. */
export function formatCsl(passages: readonly SavedPassage[]): string {
  return `${JSON.stringify(toCslItems(passages), null, 2)}\n`;
}
