/**
 * Passages grouped by the article they were saved from, for the formats that cite articles (Markdown,
 * CSL-JSON). An article is its canonical address when the page had one, else its address, so passages
 * saved from two addresses of one article (tracking parameters, AMP) are cited once.
 */
import type { SavedPassage } from './types';

/** One article with its passages and the details its passages recorded. */
export interface Article {
  /** The address to cite: canonical when known. */
  url: string;
  /** The first non-empty title recorded ("" when none was). */
  title: string;
  outlet: string | null;
  published: string | null;
  /** In the order given. */
  passages: SavedPassage[];
}

/** Articles in the order of their first passage; passages keep their order within an article. */
export function groupByArticle(passages: readonly SavedPassage[]): Article[] {
  const byUrl = new Map<string, Article>();
  for (const p of passages) {
    const url = p.canonicalUrl ?? p.url;
    let article = byUrl.get(url);
    if (!article) {
      article = { url, title: '', outlet: null, published: null, passages: [] };
      byUrl.set(url, article);
    }
    article.passages.push(p);
    if (article.title === '') article.title = p.title;
    article.outlet ??= p.outlet;
    article.published ??= p.published;
  }
  return [...byUrl.values()];
}

/** The UTC calendar day of an ISO instant or date, as YYYY-MM-DD. */
export const dayOf = (isoInstantOrDate: string): string => isoInstantOrDate.slice(0, 10);

/** The earliest save of an article's passages: the day the researcher accessed it. */
export function firstSaved(article: Article): string {
  return article.passages.map((p) => p.savedAt).reduce((a, b) => (Date.parse(b) < Date.parse(a) ? b : a));
}
