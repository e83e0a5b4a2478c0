/**
 * Validation of saved passages and drafts. Everything that enters the library passes here: drafts from
 * content scripts (hostile pages), records read back from the database (possibly corrupt), import
 * files. It copies what it accepts, so extra keys, getters or prototypes never reach the store.
 */
import {
  PASSAGE_LIMITS as L,
  type PassageDraft,
  type SavedPassage,
  type TextPositionSelector,
  type TextQuoteSelector,
} from './types';

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

const good = <T>(value: T): Checked<T> => ({ ok: true, value });
const bad = <T = never>(error: string): Checked<T> => ({ ok: false, error });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function boundedString(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length <= max;
}

/** True for an absolute http(s) URL of bounded length. */
export function isWebUrl(value: unknown): value is string {
  if (!boundedString(value, L.url)) return false;
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** True for a real calendar date YYYY-MM-DD (not 2020-02-31). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** True for an instant as Date.prototype.toISOString writes it. */
export function isIsoInstant(value: unknown): value is string {
  return typeof value === 'string' && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value));
}

/** Trims tags, drops empty ones and repeats (first kept); refuses too many or too long. */
export function cleanTags(value: unknown): Checked<string[]> {
  if (!Array.isArray(value)) return bad('tags must be a list of strings');
  const out: string[] = [];
  for (const tag of value) {
    if (typeof tag !== 'string') return bad('tags must be a list of strings');
    const t = tag.trim().replace(/\s+/g, ' ');
    if (t.length > L.tag) return bad(`a tag is longer than ${L.tag} characters`);
    if (t !== '' && !out.includes(t)) out.push(t);
  }
  if (out.length > L.tags) return bad(`more than ${L.tags} tags`);
  return good(out);
}

export function validateQuote(value: unknown): Checked<TextQuoteSelector> {
  if (!isRecord(value) || value.type !== 'TextQuoteSelector') return bad('quote must be a TextQuoteSelector');
  const { exact, prefix, suffix } = value;
  if (!boundedString(exact, L.quote) || exact.trim() === '') return bad('quote must be non-empty text');
  if (!boundedString(prefix, L.context) || !boundedString(suffix, L.context)) {
    return bad(`quote prefix and suffix must be text of at most ${L.context} characters`);
  }
  return good({ type: 'TextQuoteSelector', exact, prefix, suffix });
}

export function validatePosition(value: unknown): Checked<TextPositionSelector | null> {
  if (value === null) return good(null);
  if (!isRecord(value) || value.type !== 'TextPositionSelector') {
    return bad('position must be a TextPositionSelector or null');
  }
  const { start, end } = value;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || (start as number) < 0) {
    return bad('position start and end must be non-negative integers');
  }
  if ((end as number) <= (start as number)) return bad('position end must be after start');
  return good({ type: 'TextPositionSelector', start: start as number, end: end as number });
}

function validateClaims(value: unknown): Checked<string[]> {
  if (!Array.isArray(value) || value.length > L.claims) return bad('claims must be a bounded list of ids');
  if (!value.every((c) => typeof c === 'string' && c.length > 0 && c.length <= L.claimId)) {
    return bad('claims must be non-empty ids');
  }
  return good([...new Set(value as string[])]);
}

function nullable<T>(value: unknown, test: (v: unknown) => v is T): value is T | null {
  return value === null || test(value);
}

/** Checks a draft (what a content script may send). */
export function validateDraft(value: unknown): Checked<PassageDraft> {
  if (!isRecord(value)) return bad('passage must be an object');
  const quote = validateQuote(value.quote);
  if (!quote.ok) return quote;
  const position = validatePosition(value.position ?? null);
  if (!position.ok) return position;
  if (!isWebUrl(value.url)) return bad('url must be an http(s) URL');
  if (!nullable(value.canonicalUrl ?? null, isWebUrl))
    return bad('canonicalUrl must be an http(s) URL or null');
  if (!boundedString(value.title, L.title)) return bad(`title must be text of at most ${L.title} characters`);
  if (!nullable(value.outlet ?? null, (v): v is string => boundedString(v, L.outlet) && v !== '')) {
    return bad('outlet must be a short name or null');
  }
  if (!nullable(value.published ?? null, isIsoDate))
    return bad('published must be a date YYYY-MM-DD or null');
  if (!boundedString(value.note, L.note)) return bad(`note must be text of at most ${L.note} characters`);
  const tags = cleanTags(value.tags);
  if (!tags.ok) return tags;
  const claims = validateClaims(value.claims);
  if (!claims.ok) return claims;
  return good({
    quote: quote.value,
    position: position.value,
    url: value.url,
    canonicalUrl: (value.canonicalUrl as string | null | undefined) ?? null,
    title: value.title,
    outlet: (value.outlet as string | null | undefined) ?? null,
    published: (value.published as string | null | undefined) ?? null,
    note: value.note,
    tags: tags.value,
    claims: claims.value,
  });
}

/** Checks a whole saved passage (store reads, imports). */
export function validatePassage(value: unknown): Checked<SavedPassage> {
  if (!isRecord(value)) return bad('passage must be an object');
  if (!isUuid(value.id)) return bad('id must be a UUID');
  if (!Number.isSafeInteger(value.schema) || (value.schema as number) < 1)
    return bad('schema must be a version number');
  if (!isIsoInstant(value.savedAt) || !isIsoInstant(value.updatedAt)) {
    return bad('savedAt and updatedAt must be ISO 8601 instants');
  }
  const draft = validateDraft(value);
  if (!draft.ok) return draft;
  return good({
    id: (value.id as string).toLowerCase(),
    schema: value.schema as number,
    ...draft.value,
    savedAt: value.savedAt as string,
    updatedAt: value.updatedAt as string,
  });
}
