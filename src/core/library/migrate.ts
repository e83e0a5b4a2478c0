/**
 * Record migrations for the library store. A record read from the database may be of an older shape
 * (written by an earlier build), of the current shape, or corrupt. `migratePassage` turns any of them
 * into a current SavedPassage, or says why it cannot — the store then quarantines the raw record (kept,
 * never dropped). Pure, so the same code runs in the background, the tests and any future tool.
 *
 * Schema 0 — the pre-release builds (0.0.x) stored flat records without a `schema` field:
 *   { id: UUID, text: string, prefix?: string, suffix?: string, start?: int, end?: int,
 *     page: URL, canonical?: URL | null, title?: string, site?: string | null,
 *     published?: "YYYY-MM-DD" | null, note?: string, tags?: "comma, separated",
 *     created: epoch ms, modified?: epoch ms }
 * Schema 1 — the current SavedPassage (types.ts): W3C selectors, ISO instants, tags as a list, claims.
 *
 * Migration only re-shapes: it never invents or silently discards what a record says. A value it cannot
 * map (an unparseable date, a malformed URL) makes the whole record corrupt, so it is quarantined intact
 * rather than stored with a field quietly emptied. Migrating a migrated record changes nothing.
 */
import { PASSAGE_SCHEMA, QUOTE_CONTEXT, type SavedPassage } from './types';
import { isIsoDate, validatePassage } from './validate';

export type Migration = { passage: SavedPassage; changed: boolean } | { corrupt: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep equality of JSON-like values, ignoring key order (records come back from IndexedDB as clones). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => sameJson(item, b[i]));
  }
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && sameJson(a[key], b[key]));
}

function epochToIso(value: unknown): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function optionalString(value: unknown, fallback: string): string | null {
  if (value === undefined || value === null) return fallback;
  return typeof value === 'string' ? value : null;
}

/** Schema 0 → schema 1 (see the module comment), or why the record cannot be read. */
function fromSchema0(raw: Record<string, unknown>): SavedPassage | string {
  if (typeof raw.text !== 'string') return 'schema 0 record without its text';
  const prefix = optionalString(raw.prefix, '');
  const suffix = optionalString(raw.suffix, '');
  if (prefix === null || suffix === null) return 'schema 0 prefix and suffix must be text';
  const hasStart = raw.start !== undefined && raw.start !== null;
  const hasEnd = raw.end !== undefined && raw.end !== null;
  if (hasStart !== hasEnd) return 'schema 0 record with only one of start and end';
  const savedAt = epochToIso(raw.created);
  if (savedAt === null) return 'schema 0 created must be epoch milliseconds';
  const updatedAt = raw.modified === undefined || raw.modified === null ? savedAt : epochToIso(raw.modified);
  if (updatedAt === null) return 'schema 0 modified must be epoch milliseconds';
  const tags = optionalString(raw.tags, '');
  if (tags === null) return 'schema 0 tags must be a comma-separated string';
  const title = optionalString(raw.title, '');
  const note = optionalString(raw.note, '');
  if (title === null || note === null) return 'schema 0 title and note must be text';
  const site = raw.site === '' ? null : (raw.site ?? null);
  const published = raw.published ?? null;
  if (published !== null && !isIsoDate(published)) return 'schema 0 published must be a date YYYY-MM-DD';
  const candidate = {
    id: raw.id,
    schema: 1,
    quote: {
      type: 'TextQuoteSelector',
      exact: raw.text,
      // Early builds kept up to 80 characters of context; the W3C selector keeps the nearest ones.
      prefix: prefix.slice(-QUOTE_CONTEXT),
      suffix: suffix.slice(0, QUOTE_CONTEXT),
    },
    position: hasStart ? { type: 'TextPositionSelector', start: raw.start, end: raw.end } : null,
    url: raw.page,
    canonicalUrl: raw.canonical === '' ? null : (raw.canonical ?? null),
    title,
    outlet: site,
    published,
    savedAt,
    updatedAt,
    note,
    tags: tags.split(','),
    claims: [],
  };
  const checked = validatePassage(candidate);
  return checked.ok ? checked.value : `schema 0 record: ${checked.error}`;
}

/** The schema a raw record was written with, or null when it is not a passage record at all. */
function schemaOf(raw: Record<string, unknown>): number | null {
  if (raw.schema === undefined) return typeof raw.text === 'string' && 'page' in raw ? 0 : null;
  return Number.isSafeInteger(raw.schema) && (raw.schema as number) >= 0 ? (raw.schema as number) : null;
}

/**
 * Brings one stored record to the current schema. `changed` says the stored copy differs from the
 * result and should be rewritten; `corrupt` says why the record must be quarantined instead.
 */
export function migratePassage(raw: unknown): Migration {
  if (!isRecord(raw)) return { corrupt: 'record is not an object' };
  const schema = schemaOf(raw);
  if (schema === null) return { corrupt: 'record has no recognisable schema version' };
  if (schema > PASSAGE_SCHEMA) {
    return { corrupt: `record was written by a newer version of NSO Lens (schema ${schema})` };
  }
  if (schema === 0) {
    const migrated = fromSchema0(raw);
    return typeof migrated === 'string' ? { corrupt: migrated } : { passage: migrated, changed: true };
  }
  const checked = validatePassage(raw);
  if (!checked.ok) return { corrupt: checked.error };
  // Validation normalises (tags trimmed, id lower-cased, extra keys dropped): rewrite when it did.
  return { passage: checked.value, changed: !sameJson(raw, checked.value) };
}
