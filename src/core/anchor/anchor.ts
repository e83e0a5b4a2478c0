/**
 * Re-anchoring saved passages in page text (issue 7). On revisit the page may have changed: the quote
 * may have moved, been edited slightly, re-flowed, or vanished. This finds where a passage belongs now,
 * weighing the quote's similarity, its prefix and suffix, and closeness to the recorded position, and
 * returns null when no place is convincing, so the passage is listed as an orphan instead of being
 * highlighted in the wrong place. Approach after Hypothesis's match-quote (exact search first, then
 * Myers' bit-parallel approximate search via `approx-string-match`, head and tail chunks for long
 * quotes); offsets always refer to the original text.
 */
import search from 'approx-string-match';
import type { Anchored, TextPositionSelector, TextQuoteSelector } from '../library/types';
import { type FoldedText, fold, foldWithMap, similarity, toFolded } from './anchor-text';

/** Below this a candidate place is not trusted: the passage becomes an orphan. */
export const MIN_ANCHOR_SCORE = 0.65;
/** A quote this long at its recorded offsets is accepted whatever surrounds it. */
const TRUSTED_AT_POSITION = 32;
/** A moved exact quote scoring this well needs no fuzzy search. */
const CONFIDENT = 0.9;
/** Bounds on work for pathological pages (a one-word quote that occurs thousands of times). */
const MAX_OCCURRENCES = 10_000;
const MAX_SCORED = 100;
/** Quotes longer than this are also sought by their head and tail, as whole-quote search allows few errors. */
const LONG_QUOTE = 128;
const CHUNK = 64;
const CHUNK_ERRORS = 16;
/** How much context is compared (validation allows 64 characters; QUOTE_CONTEXT is 32). */
const CONTEXT_MAX = 64;

const W_QUOTE = 0.45;
const W_CONTEXT = 0.45;
const W_POSITION = 0.1;

interface Candidate {
  start: number;
  end: number;
  /** Similarity of the candidate text to the quote, 0..1. */
  quote: number;
}

/** The page text, with its folded view built only when a fuzzy search needs it. */
class PageText {
  private foldedView: FoldedText | null = null;
  constructor(readonly text: string) {}
  get folded(): FoldedText {
    this.foldedView ??= foldWithMap(this.text);
    return this.foldedView;
  }
}

interface Query {
  quote: TextQuoteSelector;
  /** Folded quote. */
  folded: string;
  prefix: string;
  suffix: string;
  /** Where the quote started when saved (clamped into the text), or null. */
  hint: number | null;
}

/** Validity of a recorded position for this text, without trusting its type. */
function usablePosition(
  text: string,
  position: TextPositionSelector | null,
): position is TextPositionSelector {
  return (
    position !== null &&
    Number.isSafeInteger(position.start) &&
    Number.isSafeInteger(position.end) &&
    position.start >= 0 &&
    position.start < position.end &&
    position.end <= text.length
  );
}

function contextScore(page: PageText, q: Query, start: number, end: number): number {
  const { text } = page;
  let prefix: number;
  if (q.prefix === '') {
    // No recorded prefix: the quote began the text. Still at the start agrees; elsewhere is unknown.
    prefix = fold(text.slice(Math.max(0, start - 4), start)).trim() === '' ? 1 : 0.5;
  } else {
    const before = fold(text.slice(Math.max(0, start - 2 * q.prefix.length - 16), start));
    prefix = similarity(before.slice(Math.max(0, before.length - q.prefix.length)), q.prefix);
  }
  let suffix: number;
  if (q.suffix === '') {
    suffix = fold(text.slice(end, end + 4)).trim() === '' ? 1 : 0.5;
  } else {
    const after = fold(text.slice(end, end + 2 * q.suffix.length + 16));
    suffix = similarity(after.slice(0, q.suffix.length), q.suffix);
  }
  return (prefix + suffix) / 2;
}

function score(page: PageText, q: Query, c: Candidate): number {
  const context = contextScore(page, q, c.start, c.end);
  // A long quote is evidence by itself: an exact 200-character match is the passage whatever surrounds it.
  const evidence = Math.min(1, Math.max(0, (q.folded.length - 12) / 100));
  const contextEff = context + (1 - context) * evidence * c.quote;
  const position =
    q.hint === null ? 0.5 : 1 - Math.min(1, Math.abs(c.start - q.hint) / Math.max(1, page.text.length));
  return Math.min(0.99, W_QUOTE * c.quote + W_CONTEXT * contextEff + W_POSITION * position);
}

/** Keeps the `limit` items nearest the hint (the first ones when there is no hint). */
function nearest<T>(items: T[], at: (item: T) => number, hint: number | null, limit: number): T[] {
  if (items.length <= limit) return items;
  if (hint === null) return items.slice(0, limit);
  return [...items].sort((a, b) => Math.abs(at(a) - hint) - Math.abs(at(b) - hint)).slice(0, limit);
}

function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  let at = haystack.indexOf(needle);
  while (at !== -1 && found.length < MAX_OCCURRENCES) {
    found.push(at);
    at = haystack.indexOf(needle, at + 1);
  }
  return found;
}

/** A folded span [start, end) as original offsets. */
function unfold(map: FoldedText, start: number, end: number): { start: number; end: number } {
  return { start: map.starts[start] as number, end: map.ends[end - 1] as number };
}

/** Approximate matches of the folded quote in folded[from..to), as folded spans with a quote similarity. */
function fuzzy(folded: string, from: number, to: number, q: Query, hint: number | null): Candidate[] {
  const pattern = q.folded;
  const region = folded.slice(from, to);
  const maxErrors = Math.min(32, Math.floor(pattern.length / 4));
  if (maxErrors < 1 || region.length === 0) return [];
  const whole = search(region, pattern, maxErrors).map((m) => ({
    start: m.start + from,
    end: m.end + from,
    quote: 1 - m.errors / pattern.length,
  }));
  if (whole.length > 0 || pattern.length <= LONG_QUOTE)
    return nearest(whole, (c) => c.start, hint, MAX_SCORED);
  // A long quote edited in more than a few places: find its head and tail at about the right distance.
  const heads = nearest(
    search(region, pattern.slice(0, CHUNK), CHUNK_ERRORS),
    (m) => m.start + from,
    hint,
    20,
  );
  const tails = nearest(search(region, pattern.slice(-CHUNK), CHUNK_ERRORS), (m) => m.end + from, hint, 20);
  const out: Candidate[] = [];
  for (const h of heads) {
    for (const t of tails) {
      const length = t.end - h.start;
      if (t.start < h.end || Math.abs(length - pattern.length) > pattern.length / 4) continue;
      const quote =
        1 - (h.errors + t.errors) / (2 * CHUNK) - Math.abs(length - pattern.length) / pattern.length;
      out.push({ start: h.start + from, end: t.end + from, quote: Math.max(0, quote) });
    }
  }
  return out;
}

const WORD = /^[\p{L}\p{N}]$/u;
const isWord = (ch: string | undefined): boolean => ch !== undefined && WORD.test(ch);
/** How far a boundary may move to reach a word edge. */
const SNAP = 24;

/**
 * Gives an approximate match the shape of the quote: saved quotes usually cover whole words, and the
 * match with the fewest errors can stop inside an edited word ("reporte|rs" for "journalists").
 * When the quote began (ended) at a word edge, the match is widened to the word edge; spaces the
 * quote did not have at its ends are trimmed.
 */
function snap(folded: string, c: Candidate, q: Query): Candidate {
  let { start, end } = c;
  const pattern = q.folded;
  if (isWord(pattern[0]) && !isWord(q.prefix[q.prefix.length - 1])) {
    for (let k = 0; k < SNAP && start > 0 && isWord(folded[start - 1]) && isWord(folded[start]); k++) start--;
  }
  if (isWord(pattern[pattern.length - 1]) && !isWord(q.suffix[0])) {
    for (let k = 0; k < SNAP && end < folded.length && isWord(folded[end]) && isWord(folded[end - 1]); k++)
      end++;
  }
  if (pattern[0] !== ' ') while (end - start > 1 && folded[start] === ' ') start++;
  if (pattern[pattern.length - 1] !== ' ') while (end - start > 1 && folded[end - 1] === ' ') end--;
  return { start, end, quote: c.quote };
}

/**
 * Candidates from the folded text: exact folded occurrences, else approximate ones. Approximate search
 * reports only the places with the fewest errors, so with a recorded position the neighbourhood of
 * that position is searched on its own too: the quote may survive there, edited, while an exact or
 * closer copy elsewhere (in a different context) would otherwise hide it.
 */
function foldedCandidates(page: PageText, q: Query): Candidate[] {
  const map = page.folded;
  const { folded } = map;
  const raw = (c: Candidate): Candidate => {
    const span = unfold(map, c.start, c.end);
    return { ...span, quote: page.text.slice(span.start, span.end) === q.quote.exact ? 1 : c.quote };
  };
  const hint = q.hint === null ? null : toFolded(map, q.hint);
  const exact = occurrences(folded, q.folded);
  const found = nearest(exact, (s) => s, hint, MAX_SCORED).map((s) => ({
    start: s,
    end: s + q.folded.length,
    quote: 0.97,
  }));
  const approximate = exact.length > 0 ? [] : fuzzy(folded, 0, folded.length, q, hint);
  if (hint !== null) {
    const slack = Math.max(256, q.folded.length);
    approximate.push(...fuzzy(folded, Math.max(0, hint - slack), hint + q.folded.length + slack, q, hint));
  }
  return [...found, ...approximate.map((c) => snap(folded, c, q))].map(raw);
}

function best(
  page: PageText,
  q: Query,
  candidates: Candidate[],
): { start: number; end: number; score: number } | null {
  let top: { start: number; end: number; score: number } | null = null;
  for (const c of candidates) {
    if (!(c.start >= 0 && c.start < c.end && c.end <= page.text.length)) continue;
    const s = score(page, q, c);
    if (top === null || s > top.score) top = { start: c.start, end: c.end, score: s };
  }
  return top;
}

function anchorIn(
  page: PageText,
  quote: TextQuoteSelector,
  position: TextPositionSelector | null,
): Anchored | null {
  const { text } = page;
  const exact = typeof quote?.exact === 'string' ? quote.exact : '';
  if (exact === '' || text.length === 0) return null;
  const hintValue = position !== null && Number.isFinite(position.start) ? position.start : null;
  const q: Query = {
    quote,
    folded: fold(exact),
    prefix: fold(String(quote.prefix ?? '').slice(-CONTEXT_MAX)),
    suffix: fold(String(quote.suffix ?? '').slice(0, CONTEXT_MAX)),
    hint: hintValue === null ? null : Math.min(text.length, Math.max(0, Math.trunc(hintValue))),
  };
  // The quote still at its recorded offsets is the passage, unless it is short and its context is
  // gone: then other text has shifted into place and a real search decides.
  if (
    usablePosition(text, position) &&
    text.slice(position.start, position.end) === exact &&
    (exact.length >= TRUSTED_AT_POSITION || contextScore(page, q, position.start, position.end) >= 0.5)
  ) {
    return { start: position.start, end: position.end, score: 1, exact: true };
  }
  const rawExact = nearest(occurrences(text, exact), (s) => s, q.hint, MAX_SCORED).map((s) => ({
    start: s,
    end: s + exact.length,
    quote: 1,
  }));
  let top = best(page, q, rawExact);
  if ((top === null || top.score < CONFIDENT) && q.folded.trim() !== '') {
    const more = best(page, q, foldedCandidates(page, q));
    if (more !== null && (top === null || more.score > top.score)) top = more;
  }
  if (top === null || top.score < MIN_ANCHOR_SCORE) return null;
  return {
    start: top.start,
    end: top.end,
    score: top.score,
    exact: text.slice(top.start, top.end) === exact,
  };
}

/**
 * Where a saved passage is in `text` now, or null when it cannot be placed with confidence (an orphan).
 * Score 1 means the quote is exactly at the recorded position; moved or edited quotes score lower.
 */
export function anchorPassage(
  text: string,
  quote: TextQuoteSelector,
  position: TextPositionSelector | null,
): Anchored | null {
  return anchorIn(new PageText(text), quote, position);
}

/**
 * Anchors many passages in one text, folding the text once. Passages missing from the result are
 * orphans. Ids repeated in the input keep the last result.
 */
/**
 * Anchors passages one at a time, folding the text once: a generator, so a caller on a page's main
 * thread can yield to the page between passages (a fuzzy search in a long, edited page takes a while).
 */
export function* anchorEach<P extends { quote: TextQuoteSelector; position: TextPositionSelector | null }>(
  text: string,
  passages: readonly P[],
): Generator<[P, Anchored | null]> {
  const page = new PageText(text);
  for (const p of passages) yield [p, anchorIn(page, p.quote, p.position)];
}

export function anchorAll(
  text: string,
  passages: readonly { id: string; quote: TextQuoteSelector; position: TextPositionSelector | null }[],
): Map<string, Anchored> {
  const page = new PageText(text);
  const out = new Map<string, Anchored>();
  for (const p of passages) {
    const found = anchorIn(page, p.quote, p.position);
    if (found !== null) out.set(p.id, found);
    else out.delete(p.id);
  }
  return out;
}
