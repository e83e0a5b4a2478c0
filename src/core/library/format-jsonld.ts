/**
 * The library as a W3C Web Annotation Data Model AnnotationCollection (JSON-LD), and back. It is the
 * lossless format: export → import gives the same library. Other annotation tools read it as plain Web
 * Annotations; our extra fields are compact IRIs in the "nso:" namespace, which they ignore.
 *
 * Mapping (see docs/library-formats.md): id → "urn:uuid:<id>"; savedAt → created; updatedAt → modified;
 * note → TextualBody (purpose commenting); each tag → TextualBody (purpose tagging); each claim id →
 * TextualBody (purpose identifying: the passage states that fact-pack claim); quote and position →
 * target.selector; url → target.source; canonicalUrl, title, outlet, published → "nso:" keys on the
 * target (they describe the source page); schema → "nso:schema" on the annotation.
 */
import { asList, firstString, hasType, isObject, own, shownId, toInstant } from './import-values';
import type { ImportProblem, SavedPassage } from './types';
import { PASSAGE_SCHEMA } from './types';
import { URL_NAMESPACE, uuidV5 } from './uuid-v5';
import { type Checked, validatePassage } from './validate';

/** The Web Annotation JSON-LD context. */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Our namespace for fields the Web Annotation vocabulary has no term for (a URN: the project has no domain). */
export const NSO_NAMESPACE = 'urn:nso-lens:';

type Json = Record<string, unknown>;

function bodies(p: SavedPassage): Json[] {
  const out: Json[] = [];
  if (p.note !== '')
    out.push({ type: 'TextualBody', purpose: 'commenting', value: p.note, format: 'text/plain' });
  for (const tag of p.tags) out.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  for (const claim of p.claims) out.push({ type: 'TextualBody', purpose: 'identifying', value: claim });
  return out;
}

/** One passage as a Web Annotation (without @context: it sits inside the collection). */
export function toAnnotation(p: SavedPassage): Json {
  const { exact, prefix, suffix } = p.quote;
  const quote: Json = { type: 'TextQuoteSelector', exact };
  if (prefix !== '') quote.prefix = prefix;
  if (suffix !== '') quote.suffix = suffix;
  const selector: Json[] = [quote];
  if (p.position)
    selector.push({ type: 'TextPositionSelector', start: p.position.start, end: p.position.end });
  const annotation: Json = {
    id: `urn:uuid:${p.id}`,
    type: 'Annotation',
    motivation: p.note === '' ? 'highlighting' : 'commenting',
    created: p.savedAt,
    modified: p.updatedAt,
    'nso:schema': p.schema,
  };
  const body = bodies(p);
  if (body.length > 0) annotation.body = body;
  annotation.target = {
    source: p.url,
    selector,
    'nso:canonicalUrl': p.canonicalUrl,
    'nso:title': p.title,
    'nso:outlet': p.outlet,
    'nso:published': p.published,
  };
  return annotation;
}

/** The passages (in the order given) as one self-contained AnnotationCollection document. */
export function formatJsonLd(passages: readonly SavedPassage[], now: Date): string {
  const collectionId = `urn:uuid:${uuidV5(URL_NAMESPACE, `${NSO_NAMESPACE}export:${now.toISOString()}:${passages.map((p) => p.id).join(',')}`)}`;
  const collection = {
    '@context': [ANNO_CONTEXT, { nso: NSO_NAMESPACE }],
    id: collectionId,
    type: 'AnnotationCollection',
    label: 'NSO Lens library',
    total: passages.length,
    first: {
      id: `urn:uuid:${uuidV5(URL_NAMESPACE, `${collectionId}/page/1`)}`,
      type: 'AnnotationPage',
      startIndex: 0,
      items: passages.map(toAnnotation),
    },
  };
  return `${JSON.stringify(collection, null, 2)}\n`;
}

/** True when a parsed document is Web Annotation JSON-LD (a collection, a page, an annotation or a list of them). */
export function isWebAnnotationDocument(doc: unknown): boolean {
  if (Array.isArray(doc)) return doc.length > 0 && doc.every((item) => hasType(item, 'Annotation'));
  return ['AnnotationCollection', 'AnnotationPage', 'Annotation'].some((type) => hasType(doc, type));
}

const fileProblem = (message: string): ImportProblem => ({ record: -1, id: null, message });

function pageItems(page: unknown, problems: ImportProblem[]): unknown[] {
  if (typeof page === 'string') {
    problems.push(fileProblem('the annotations are on another page (a link), not in this file'));
    return [];
  }
  if (!hasType(page, 'AnnotationPage') || !Array.isArray(own(page, 'items'))) {
    problems.push(fileProblem('the annotation page has no list of items'));
    return [];
  }
  if (own(page, 'next') !== undefined) {
    problems.push(fileProblem('the collection continues on pages this file does not hold'));
  }
  return own(page, 'items') as unknown[];
}

/** The annotation records of a Web Annotation document, with problems of the document as a whole. */
export function webAnnotationRecords(doc: unknown): { records: unknown[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  if (Array.isArray(doc)) return { records: doc, problems };
  if (hasType(doc, 'Annotation')) return { records: [doc], problems };
  if (hasType(doc, 'AnnotationPage')) return { records: pageItems(doc, problems), problems };
  const first = own(doc, 'first');
  const total = own(doc, 'total');
  const records = first === undefined && total === 0 ? [] : pageItems(first, problems);
  if (problems.length === 0 && typeof total === 'number' && total !== records.length) {
    problems.push(
      fileProblem(`the collection says it holds ${total} annotations but this file has ${records.length}`),
    );
  }
  return { records, problems };
}

/** The id a problem report shows for an annotation record. */
export function annotationRecordId(record: unknown): string | null {
  return shownId(own(record, 'id'));
}

/** Our id for an annotation: the UUID of "urn:uuid:…", or a UUID derived from another tool's IRI. */
function passageId(id: unknown): unknown {
  if (typeof id !== 'string' || id === '') return undefined;
  return /^urn:uuid:/i.test(id) ? id.slice('urn:uuid:'.length) : uuidV5(URL_NAMESPACE, id);
}

function selectorOf(target: unknown, type: string): unknown {
  return asList(own(target, 'selector')).find((s) => hasType(s, type));
}

interface BodyText {
  notes: unknown[];
  tags: unknown[];
  claims: unknown[];
}

function readBodies(annotation: unknown): BodyText {
  const out: BodyText = { notes: [], tags: [], claims: [] };
  const bodyValue = own(annotation, 'bodyValue');
  if (bodyValue !== undefined) out.notes.push(bodyValue);
  for (const body of asList(own(annotation, 'body'))) {
    if (!isObject(body) || !(hasType(body, 'TextualBody') || own(body, 'value') !== undefined)) continue;
    const purposes = asList(own(body, 'purpose'));
    const value = own(body, 'value');
    if (purposes.includes('tagging')) out.tags.push(value);
    else if (purposes.includes('identifying')) out.claims.push(value);
    else if (purposes.length === 0 || purposes.includes('commenting')) out.notes.push(value);
  }
  return out;
}

/**
 * One Web Annotation as a saved passage, validated. Fields our export always writes but other tools may
 * lack default to "unknown" (null, "" or none); a missing quote, id or creation time is an error.
 */
export function fromAnnotation(record: unknown): Checked<SavedPassage> {
  if (!isObject(record)) return { ok: false, error: 'an annotation must be an object' };
  if (!hasType(record, 'Annotation'))
    return { ok: false, error: 'not a Web Annotation (type is not "Annotation")' };
  const id = passageId(own(record, 'id'));
  if (id === undefined) return { ok: false, error: 'the annotation has no id' };
  const target = asList(own(record, 'target'))[0];
  const quote = selectorOf(target, 'TextQuoteSelector');
  if (quote === undefined)
    return { ok: false, error: 'the annotation quotes no text (no TextQuoteSelector)' };
  const position = selectorOf(target, 'TextPositionSelector');
  const source = own(target, 'source');
  const text = readBodies(record);
  if (!text.notes.every((note) => typeof note === 'string'))
    return { ok: false, error: 'a note must be text' };
  if (!text.claims.every((claim) => typeof claim === 'string'))
    return { ok: false, error: 'claim ids must be text' };
  const created = toInstant(own(record, 'created'));
  return validatePassage({
    id,
    schema: own(record, 'nso:schema') ?? PASSAGE_SCHEMA,
    quote: {
      type: 'TextQuoteSelector',
      exact: own(quote, 'exact'),
      prefix: own(quote, 'prefix') ?? '',
      suffix: own(quote, 'suffix') ?? '',
    },
    position:
      position === undefined
        ? null
        : { type: 'TextPositionSelector', start: own(position, 'start'), end: own(position, 'end') },
    url: isObject(source) ? own(source, 'id') : firstString(source),
    canonicalUrl: own(target, 'nso:canonicalUrl') ?? null,
    title: own(target, 'nso:title') ?? '',
    outlet: own(target, 'nso:outlet') ?? null,
    published: own(target, 'nso:published') ?? null,
    savedAt: created,
    updatedAt: toInstant(own(record, 'modified')) ?? created,
    note: (text.notes as string[]).join('\n\n'),
    tags: text.tags,
    claims: text.claims,
  });
}
