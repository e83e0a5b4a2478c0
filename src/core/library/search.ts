/**
 * Library search and filters (issue 7): the library page's search box and its outlet, tag, claim and
 * date filters, and the choices those filters offer. Words are folded the way the matcher folds
 * article text (`phraseWords`: case, diacritics, Hebrew/Arabic points, compatibility forms), so
 * "barkai" finds "Barkai" and "BARKAÏ", and each query word matches the start of a word ("pega" finds
 * "Pegasus"). Quoted "phrases" and hyphenated terms ("Lavi-Barkai") must match adjacent words.
 */
import { phraseWords } from '../text/tokens';
import type { LibraryQuery, SavedPassage } from './types';

/** One choice of a filter: a value and how many passages have it. */
export interface Facet {
  value: string;
  count: number;
}

/** The choices for the library page's filters. */
export interface LibraryFacets {
  /** Outlets by count (most first). */
  outlets: Facet[];
  /** Tags by count (most first). */
  tags: Facet[];
  /** Claim ids by count (most first). */
  claims: Facet[];
  /** Years of the article's date (saved date when unknown), newest first. */
  years: Facet[];
}

/** Hebrew one-letter proclitics (and, the, in, as, to, from, that), written joined to the next word. */
const HEBREW_PROCLITICS = 'והבכלמש';
const HEBREW_LETTER = /^[\u05D0-\u05EA]/;

/** A word as written plus, for Hebrew and Arabic, the word without joined prefixes ("וברקאי" → "ברקאי"). */
function wordForms(word: string): string[] {
  const forms = [word];
  if (HEBREW_LETTER.test(word)) {
    if (word.length > 3 && HEBREW_PROCLITICS.includes(word[0] as string)) {
      forms.push(word.slice(1));
      if (word.length > 4 && HEBREW_PROCLITICS.includes(word[1] as string)) forms.push(word.slice(2));
    }
  } else {
    const article = /^(?:و|ف|ب|ل|ك)?ال|^لل/.exec(word);
    if (article && word.length > article[0].length + 1) forms.push(word.slice(article[0].length));
  }
  return forms;
}

const NON_ASCII = /[^ -~]/;

/**
 * Folded words of a text for search, with full case folding on top ("Straße" meets "STRASSE",
 * final sigma meets sigma), which lower-casing alone does not give.
 */
function searchWords(text: string): string[] {
  return phraseWords(text).map((w) => (NON_ASCII.test(w) ? w.toUpperCase().toLowerCase() : w));
}

/** A query term: one word, or several that must be adjacent (the last one may be a prefix). */
type Term = string[];

/** Splits the search box text into terms: quoted phrases, and whitespace-separated chunks. */
export function parseQuery(text: string): Term[] {
  const terms: Term[] = [];
  const re = /["“”„]([^"“”„]*)["“”„]?|(\S+)/g;
  for (const m of text.matchAll(re)) {
    const words = searchWords(m[1] ?? m[2] ?? '');
    if (words.length > 0) terms.push(words);
  }
  return terms;
}

function fieldMatches(words: string[], term: Term): boolean {
  const last = term.length - 1;
  for (let i = 0; i + last < words.length; i++) {
    let ok = true;
    for (let k = 0; k < last && ok; k++) ok = words[i + k] === term[k];
    if (!ok) continue;
    if (last === 0) {
      if (wordForms(words[i] as string).some((f) => f.startsWith(term[0] as string))) return true;
    } else if ((words[i + last] as string).startsWith(term[last] as string)) {
      return true;
    }
  }
  return false;
}

/** The searchable fields of a passage, each as folded words (phrases do not run across fields). */
function fields(p: SavedPassage): string[][] {
  return [p.quote.exact, p.note, p.title, p.outlet ?? '', p.url, ...p.tags].map(searchWords);
}

/** The date a passage is filtered and grouped by: the article's, else the day it was saved. */
export function passageDate(p: SavedPassage): string {
  return p.published ?? p.savedAt.slice(0, 10);
}

const same = (a: string, b: string): boolean => a === b || a.toLowerCase() === b.toLowerCase();

/**
 * The passages matching every given part of the query, newest saved first (ties by id, so the order
 * is stable). Empty query parts are ignored.
 */
export function searchLibrary(passages: readonly SavedPassage[], query: LibraryQuery): SavedPassage[] {
  const terms = parseQuery(query.text ?? '');
  const outlet = query.outlet?.trim() || null;
  const tag = query.tag?.trim() || null;
  const claim = query.claim?.trim() || null;
  const from = query.from?.trim() || null;
  const to = query.to?.trim() || null;
  const out = passages.filter((p) => {
    if (outlet !== null && (p.outlet === null || !same(p.outlet, outlet))) return false;
    if (tag !== null && !p.tags.some((t) => same(t, tag))) return false;
    if (claim !== null && !p.claims.includes(claim)) return false;
    const date = passageDate(p);
    if ((from !== null && date < from) || (to !== null && date > to)) return false;
    if (terms.length === 0) return true;
    const words = fields(p);
    return terms.every((term) => words.some((w) => fieldMatches(w, term)));
  });
  return out.sort((a, b) =>
    a.savedAt !== b.savedAt ? (a.savedAt < b.savedAt ? 1 : -1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
}

function count(values: Iterable<string>, byValue = false): Facet[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const facets = [...counts].map(([value, n]) => ({ value, count: n }));
  return facets.sort((a, b) =>
    byValue
      ? a.value < b.value
        ? 1
        : -1
      : b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0),
  );
}

/** The values the library's filters can offer, with how many passages each would show. */
export function libraryFacets(passages: readonly SavedPassage[]): LibraryFacets {
  return {
    outlets: count(passages.flatMap((p) => (p.outlet === null ? [] : [p.outlet]))),
    tags: count(passages.flatMap((p) => p.tags)),
    claims: count(passages.flatMap((p) => p.claims)),
    years: count(
      passages.map((p) => passageDate(p).slice(0, 4)),
      true,
    ),
  };
}
