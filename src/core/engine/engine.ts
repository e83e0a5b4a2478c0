/**
 * The engine: article text in, the CLI contract's analysis out (DESIGN.md §4). Shared by the
 * content script, the CLI and the tests; pure, so the same input always gives the same output.
 */
import { datelineDate, isIsoDay } from '../dates/date-mentions.js';
import { type Detection, detect } from '../detect/detect.js';
import { indexPack } from '../facts/index.js';
import type { Claim, FactPack } from '../facts/types.js';
import { inDateline } from '../match/dateline.js';
import type { Analysis, CaseStatus, ConflictMatch, Finding } from '../match/findings.js';
import { MatchScratch } from '../match/match-scratch.js';
import { matchPassages } from '../match/passage-match.js';
import { entityFindings } from '../match/people.js';
import type { Hits } from '../match/phrase-index.js';
import { insideQuotes } from '../match/quoted.js';
import { caseEvents, statusFromEvents } from '../status/case-status.js';
import { splitPassages } from '../text/passages.js';
import { firstAtOrAfter } from '../text/sorted-offsets.js';
import { TokenSink } from '../text/token-list.js';
import { type CompiledPack, compilePack } from './compile.js';
import { Scratch } from './scratch.js';

export interface ArticleInput {
  text: string;
  title?: string | null;
  url?: string | null;
  /** The page's canonical address: names the outlet when `url` does not (AMP caches, mirrors). */
  canonical?: string | null;
  siteName?: string | null;
  /** Publication date from page metadata (any ISO 8601 form; the date part is used). */
  published?: string | null;
  /** A date given by the user (`--date`), which wins over everything else. */
  date?: string | null;
  /** Today's date, for the status of cases when the article's date is unknown. */
  today: string;
}

export interface Engine {
  readonly compiled: CompiledPack;
  analyse(input: ArticleInput): Analysis;
  detectOnly(text: string, title?: string | null): Detection;
}

const NO_HITS: Hits = {
  phrase: new Int32Array(0),
  first: new Int32Array(0),
  last: new Int32Array(0),
  count: 0,
};

function isoDay(value: string | null | undefined): string | null {
  if (!value) return null;
  const day = value.trim().slice(0, 10);
  return isIsoDay(day) ? day : null;
}

/**
 * Passage index of every token (passages and tokens are both in text order): each token belongs
 * to the first passage that ends after it starts, the last passage past the end.
 */
function passageOfTokens(
  starts: Int32Array,
  count: number,
  passages: { start: number; end: number }[],
  out: Int32Array,
): Int32Array {
  let t = 0;
  for (let p = 0; p < passages.length - 1; p++) {
    const end = passages[p]!.end;
    while (t < count && starts[t]! < end) out[t++] = p;
  }
  out.fill(Math.max(0, passages.length - 1), t, count);
  return out;
}

/** A reading right after "not" ("not $444 million", "not, strictly, in San Francisco") is denied, not used. */
const NEGATED = /\bnot(?:,?\s+(?:a|an|the|in|at|on|strictly|quite|exactly)\b,?)*[\s\u201C"'$]*$/i;

/** Index of the passage (by start offsets, ascending) that contains `offset`. */
function passageAt(starts: number[], offset: number): number {
  return Math.max(0, firstAtOrAfter(starts, starts.length, offset + 1) - 1);
}

/** Findings sorted by place, each (conflict, start, end) once, as the report gives them. */
function dedupe(findings: Finding[], text: string): ConflictMatch[] {
  const out: ConflictMatch[] = [];
  for (const f of findings.sort((a, b) => a.start - b.start || a.end - b.end)) {
    // Equal places are neighbours once sorted: a repeat can only be among the last few kept.
    let repeat = false;
    for (let k = out.length - 1; k >= 0 && !repeat; k--) {
      const o = out[k]!;
      if (o.start !== f.start || o.end !== f.end) break;
      repeat = o.conflictId === f.conflictId;
    }
    if (repeat) continue;
    out.push({
      conflictId: f.conflictId,
      start: f.start,
      end: f.end,
      found: text.slice(f.start, f.end),
      expected: f.expected,
      kind: f.kind,
      note: f.note,
    });
  }
  return out;
}

/**
 * Whether the finding at `start` comes right after a "not" (within 30 characters): the regex runs
 * only where an "n", "o", "t" in a row says it may match.
 */
function negated(text: string, start: number): boolean {
  const from = Math.max(0, start - 30);
  for (let i = from; i + 2 < start; i++) {
    if (
      (text.charCodeAt(i) | 0x20) === 0x6e &&
      (text.charCodeAt(i + 1) | 0x20) === 0x6f &&
      (text.charCodeAt(i + 2) | 0x20) === 0x74
    )
      return NEGATED.test(text.slice(from, start));
  }
  return false;
}

/**
 * Texts up to this many characters are read into arrays the engine keeps for the next text (about
 * 16 bytes a word); longer ones into arrays of their own. Covers every article; a 5 MB page does
 * not leave 40 MB behind.
 */
const KEEP_ARRAYS_UP_TO = 1_100_000;

export function createEngine(pack: FactPack): Engine {
  const c = compilePack(pack);
  const index = indexPack(pack);
  const claimById = new Map(pack.claims.map((cl) => [cl.id, cl]));
  /** Each case's events in date order, sorted once. */
  const eventsOf = new Map(pack.cases.map((k) => [k.id, caseEvents(pack, k.id)]));
  const statusOf = (caseId: string, asOf: string) => statusFromEvents(caseId, eventsOf.get(caseId)!, asOf);
  /** The passage matcher's arrays, reused by every analysis of this engine. */
  const scratch = new MatchScratch(c);
  /** The article's token arrays, reused by every analysis (the tokens never leave `analyse`). */
  const sink = new TokenSink(0);
  /** The article's hits of the last analysis, whose arrays the next one reuses. */
  let lastHits: Hits | null = null;
  /** Working arrays of the stages (see scratch.ts). */
  const tokenScratch = new Scratch();
  /** Passage-by-item byte grids: detection's, then (detection done) the entity stage's. */
  const gridScratch = new Scratch();
  const rowScratch = new Scratch();
  /** The outlet whose domain (or a parent domain) is the URL's host; subdomains count. */
  const outletOf = (url: string | null | undefined) => (url ? index.outletForHost(url)?.id : undefined);

  const scan = (text: string, title: string | null | undefined) => {
    // A very long text gets arrays of its own, dropped after it: kept, they would hold that much
    // memory for as long as the engine lives (a tab, or the background).
    const keep = text.length <= KEEP_ARRAYS_UP_TO;
    const tokens = c.index.tokenize(text, keep ? sink : null);
    const hits = c.index.scanFlat(tokens, keep ? lastHits : null);
    if (keep) lastHits = hits;
    const passages = splitPassages(text, tokens);
    const tokenPassage = passageOfTokens(
      tokens.starts,
      tokens.count,
      passages,
      (keep ? tokenScratch : new Scratch()).someInts(tokens.count),
    );
    const titleHits = title ? c.index.scanFlat(c.index.tokenize(title)) : NO_HITS;
    const detection = detect(c, {
      hits,
      tokenPassage,
      wordCount: tokens.count,
      titleHits,
      scratch: keep ? [gridScratch, rowScratch] : undefined,
    });
    return { tokens, hits, passages, tokenPassage, detection, keep };
  };

  return {
    compiled: c,
    detectOnly: (text, title) => scan(text, title).detection,
    analyse(input) {
      const { text } = input;
      const { tokens, hits, passages, tokenPassage, detection, keep } = scan(text, input.title);
      // A date given by the user wins; the page's own date is looked for only without one.
      const articleDate = isoDay(input.date) ?? isoDay(input.published) ?? datelineDate(text);
      const article = {
        title: input.title?.trim() || null,
        outlet:
          outletOf(input.url) ??
          outletOf(input.canonical) ??
          (input.siteName ? index.outletForSiteName(input.siteName)?.id : undefined) ??
          null,
        published: articleDate,
      };
      const { relevant, score, reasons } = detection;
      if (!relevant) return { relevant, score, reasons, article, matches: [], conflicts: [], status: [] };

      const ctx = {
        c,
        text,
        hits,
        starts: tokens.starts,
        ends: tokens.ends,
        tokenPassage,
        articleDate,
        passages,
        tokens,
      };
      const results = matchPassages(ctx, scratch);
      const starts = passages.map((p) => p.start);
      // Readings the article reports rather than states: in a passage that reports or corrects a
      // misreport, right after "not", in a dateline (where the story was filed), in quotation marks.
      const { corrections } = results;
      const reported = (f: Finding) => {
        const at = passageAt(starts, f.start);
        if (corrections.has(at) || negated(text, f.start) || inDateline(text, f.start, f.end)) return true;
        const p = passages[at]!;
        return insideQuotes(text, p.start, p.end, f.start, f.end);
      };
      // The claims passage `p` states, asked only where a title would be called outdated. Matches
      // come passage by passage in text order, each with its passage's start: their starts, listed
      // on the first question, are searched.
      let matchStarts: number[] | null = null;
      const statedIn = (p: number) => {
        const { matches } = results;
        matchStarts ??= matches.map((m) => m.start);
        const start = passages[p]!.start;
        const out: Claim[] = [];
        for (let k = firstAtOrAfter(matchStarts, matches.length, start); matchStarts[k] === start; k++)
          out.push(claimById.get(matches[k]!.claimId)!);
        return out;
      };
      const findings = results.findings
        .concat(entityFindings(ctx, starts, keep ? gridScratch : new Scratch(), statedIn))
        .filter((f) => !reported(f));

      const asOf = articleDate ?? input.today;
      const status: CaseStatus[] = [];
      pack.cases.forEach((k, i) => {
        if (results.cases.has(i)) status.push(statusOf(k.id, asOf));
      });
      const conflicts = dedupe(findings, text);
      return { relevant, score, reasons, article, matches: results.matches, conflicts, status };
    },
  };
}
