/**
 * Checks an article a content script asks the background to analyse ('analyse-article': very large
 * pages, whose engine run would otherwise block the page's main thread). The text comes from a page,
 * so every field is bounded and only known fields are copied.
 */
import type { ArticleInput } from '../core/engine/engine';
import { fail, ok, type Result } from './result';

/** Bounds: a 5 MB article is 5 M characters; ten times the largest page we measure is still a message. */
export const ARTICLE_LIMITS = {
  text: 16_000_000,
  title: 1000,
  url: 4096,
  site: 300,
  published: 100,
} as const;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalString(value: unknown, max: number): value is string | null | undefined {
  return value === undefined || value === null || (typeof value === 'string' && value.length <= max);
}

export function validateArticleInput(
  payload: unknown,
  isPageUrl: (value: unknown) => value is string,
): Result<ArticleInput> {
  if (!isRecord(payload)) return fail('analyse-article payload must be an object');
  const { text, title, url, canonical, siteName, published, today } = payload;
  if (typeof text !== 'string' || text.length > ARTICLE_LIMITS.text) {
    return fail(`analyse-article text must be a string of at most ${ARTICLE_LIMITS.text} characters`);
  }
  if (!isPageUrl(url)) return fail('analyse-article url must be an http(s) URL');
  if (!optionalString(title, ARTICLE_LIMITS.title))
    return fail('analyse-article title must be short text or null');
  if (!optionalString(canonical, ARTICLE_LIMITS.url))
    return fail('analyse-article canonical must be a URL or null');
  if (!optionalString(siteName, ARTICLE_LIMITS.site))
    return fail('analyse-article siteName must be short text or null');
  if (!optionalString(published, ARTICLE_LIMITS.published)) {
    return fail('analyse-article published must be a date or null');
  }
  if (typeof today !== 'string' || !DAY.test(today)) return fail('analyse-article today must be YYYY-MM-DD');
  return ok({
    text,
    title: title ?? null,
    url,
    canonical: canonical ?? null,
    siteName: siteName ?? null,
    published: published ?? null,
    today,
  });
}
