/**
 * Import of Hypothesis annotations (https://web.hypothes.is), so a researcher can bring highlights made
 * there into the library. Accepts the shapes Hypothesis produces: the client's "Export annotations" file
 * ({export_date, export_userid, client_version, annotations: [...]}), API search results ({total, rows}),
 * a list of annotations, or one annotation. Only annotations of quoted text become passages: page notes
 * and replies have no quote and are reported as problems.
 */
import { asList, firstString, hasType, isObject, own, shownId, toInstant } from './import-values';
import { PASSAGE_LIMITS, PASSAGE_SCHEMA, type SavedPassage } from './types';
import { URL_NAMESPACE, uuidV5 } from './uuid-v5';
import { type Checked, isWebUrl, validatePassage, validatePosition } from './validate';

/** The annotation records of a Hypothesis document, or null when the document is not one. */
export function hypothesisRecords(doc: unknown): unknown[] | null {
  if (Array.isArray(doc)) return doc;
  if (!isObject(doc)) return null;
  const rows = own(doc, 'rows');
  if (Array.isArray(rows)) return rows;
  const annotations = own(doc, 'annotations');
  if (Array.isArray(annotations)) return annotations;
  if (own(doc, 'uri') !== undefined || own(doc, 'target') !== undefined) return [doc];
  return null;
}

/** The id a problem report shows for a Hypothesis record (the Hypothesis id, which the user can look up). */
export function hypothesisRecordId(record: unknown): string | null {
  return shownId(own(record, 'id'));
}

/**
 * Our UUID for a Hypothesis annotation: Hypothesis ids are not UUIDs, so it is the version-5 UUID of the
 * annotation's address on hypothes.is. The same annotation always gets the same id, so importing a file
 * again finds every annotation already there.
 */
export function hypothesisPassageId(hypothesisId: string): string {
  return uuidV5(URL_NAMESPACE, `https://hypothes.is/a/${hypothesisId}`);
}

function selector(target: unknown, type: string): unknown {
  return asList(own(target, 'selector')).find((s) => hasType(s, type));
}

/** Hypothesis keeps 32 characters of context; other tools may keep more than we store, so cut to fit. */
function context(value: unknown, side: 'prefix' | 'suffix'): unknown {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') return value;
  const max = PASSAGE_LIMITS.context;
  return side === 'prefix' ? value.slice(Math.max(0, value.length - max)) : value.slice(0, max);
}

/** A position only when it is a valid one: Hypothesis positions are hints, a bad one is dropped, not fatal. */
function position(value: unknown): unknown {
  if (value === undefined) return null;
  const checked = validatePosition({
    type: 'TextPositionSelector',
    start: own(value, 'start'),
    end: own(value, 'end'),
  });
  return checked.ok ? checked.value : null;
}

/** One Hypothesis annotation as a saved passage, validated. */
export function fromHypothesis(record: unknown): Checked<SavedPassage> {
  if (!isObject(record)) return { ok: false, error: 'an annotation must be an object' };
  const hypothesisId = own(record, 'id');
  if (typeof hypothesisId !== 'string' || hypothesisId === '')
    return { ok: false, error: 'the annotation has no id' };
  const target = asList(own(record, 'target'))[0];
  const quote = selector(target, 'TextQuoteSelector');
  if (quote === undefined) {
    const reply = asList(own(record, 'references')).length > 0;
    return {
      ok: false,
      error: reply
        ? 'a reply has no quote, only quoted text can be imported'
        : 'a page note has no quote, only quoted text can be imported',
    };
  }
  const candidates = [firstString(own(target, 'source')), firstString(own(record, 'uri'))];
  const created = toInstant(own(record, 'created'));
  return validatePassage({
    id: hypothesisPassageId(hypothesisId),
    schema: PASSAGE_SCHEMA,
    quote: {
      type: 'TextQuoteSelector',
      exact: own(quote, 'exact'),
      prefix: context(own(quote, 'prefix'), 'prefix'),
      suffix: context(own(quote, 'suffix'), 'suffix'),
    },
    position: position(selector(target, 'TextPositionSelector')),
    url: candidates.find(isWebUrl) ?? candidates.find((c) => c !== null) ?? null,
    canonicalUrl: null,
    title: firstString(own(own(record, 'document'), 'title')) ?? '',
    outlet: null,
    published: null,
    savedAt: created,
    updatedAt: toInstant(own(record, 'updated')) ?? created,
    note: own(record, 'text') ?? '',
    tags: own(record, 'tags') ?? [],
    claims: [],
  });
}
