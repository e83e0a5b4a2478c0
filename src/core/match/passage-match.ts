/**
 * Passage by passage: which claims each passage states, which conflict readings it carries
 * (found by their cues), which cases it touches, and whether a date it gives for a dated claim
 * disagrees with the record.
 */
import {
  DATE_STARTERS,
  type DateMention,
  findDateMentions,
  findDateMentionsAt,
  formatLongDate,
  longAfter,
  MONTHS,
  mentionFits,
  weekdayWithDate,
} from '../dates/date-mentions.js';
import type { CompiledPack } from '../engine/compile.js';
import { K } from '../engine/usage-tables.js';
import type { Passage } from '../text/passages.js';
import { firstAtOrAfter } from '../text/sorted-offsets.js';
import type { Tokens } from '../text/tokens.js';
import type { CueTally } from './cue-tally.js';
import type { ClaimMatch, Finding } from './findings.js';
import { MatchScratch, USE_CASES, USE_CLAIMS, USE_OTHER, USE_VARIANTS, USE_WIDE } from './match-scratch.js';
import type { Hits } from './phrase-index.js';

/**
 * Imported values the hot loops read, copied to module constants: a module runner that keeps
 * imports live (Vite's, under `npm run bench` and the CLI tests) reads each import through an
 * accessor, once per use.
 */
const { altCue: ALT_CUE, correction: CORRECTION, outlet: OUTLET } = K;
const STARTERS = DATE_STARTERS;
const FOR_CLAIMS = USE_CLAIMS;
const FOR_VARIANTS = USE_VARIANTS;
const FOR_CASES = USE_CASES;
const FOR_OTHER = USE_OTHER;
const FOR_WIDE = USE_WIDE;

export interface PassageResults {
  matches: ClaimMatch[];
  findings: Finding[];
  /** Indexes of the cases the text touches: a passage satisfied their cues or stated a claim of theirs. */
  cases: Set<number>;
  /** Passages that report or correct a misreport (CORRECTION_MARKERS): no conflict is flagged there. */
  corrections: Set<number>;
}

interface Input {
  c: CompiledPack;
  text: string;
  passages: Passage[];
  hits: Hits;
  starts: Int32Array;
  ends: Int32Array;
  tokenPassage: Int32Array;
  /** The text's tokens (numbered in the pack's word table): where dates may start is read from them. */
  tokens: Tokens;
  articleDate: string | null;
}

/** Confidence of a claim match: all required groups hit, scaled by the optional ones. */
function confidence(anyShare: number): number {
  return Math.round((0.7 + 0.3 * anyShare) * 100) / 100;
}

/** `scratch`: the engine's reusable arrays (a fresh set when not given). */
export function matchPassages(input: Input, scratch = new MatchScratch(input.c)): PassageResults {
  return new PassageMatcher(input, scratch).run();
}

/**
 * The passage loop and what it keeps between passages. A class, not closures: variables a closure
 * captures live in a context object, which would slow every access in the hit loop.
 */
class PassageMatcher {
  private readonly c: CompiledPack;
  private readonly claims: CueTally;
  private readonly variants: CueTally;
  private readonly cases: CueTally;
  readonly results: PassageResults;
  /** Date alternatives (`claim:alt`) whose own cue words this passage uses. */
  private readonly altCues = new Set<string>();
  /** Where a right reading of a conflict stands: passage × `conflictCount` + conflict index. */
  private readonly rightReadings = new Set<number>();
  private readonly conflictCount: number;
  /** Wrong or imprecise readings found, kept until every passage's right readings are known. */
  private readonly variantFindings: { key: number; finding: Finding }[] = [];
  /** Where dates may start in the passage being read (`datesIn`), reused. */
  private readonly dateStarts: number[] = [];
  private readonly phraseUse: Uint8Array;

  /** Passage `p` is stamped `base + p` in the tallies. */
  private readonly base: number;

  constructor(
    private readonly input: Input,
    private readonly scratch: MatchScratch,
  ) {
    this.c = input.c;
    this.results = {
      matches: [],
      findings: [],
      cases: new Set(),
      corrections: new Set(),
    };
    this.claims = scratch.claims;
    this.variants = scratch.variants;
    this.cases = scratch.cases;
    this.phraseUse = scratch.phraseUse;
    this.base = scratch.reserve(input.passages.length);
    this.conflictCount = this.c.pack.conflicts.length;
  }

  /**
   * Counts the hits passage by passage (hits come in token order, so each passage's hits are one
   * run of them) and flushes each passage in which any hit counted.
   */
  run(): PassageResults {
    const { claims, variants, cases, phraseUse, altCues, results } = this;
    const { hits, tokenPassage } = this.input;
    const { at, kind, a, b } = this.c.stages.passage;
    const { phrase: hitPhrase, first: hitFirst, last: hitLast, count } = hits;
    let p = -1;
    let stamp = -1;
    let begun = false;
    for (let h = 0; h < count; h++) {
      const phrase = hitPhrase[h]!;
      const use = phraseUse[phrase]!;
      if (use === 0) continue;
      const first = hitFirst[h]!;
      const hp = tokenPassage[first]!;
      if (hp !== p) {
        if (begun) this.flush(p);
        begun = false;
        p = hp;
        stamp = this.base + p;
      }
      // A phrase that runs across a passage boundary belongs to neither passage (one word cannot).
      const last = hitLast[h]!;
      if (last !== first && tokenPassage[last] !== p) continue;
      if (!begun) {
        begun = true;
        claims.begin(stamp);
        variants.begin(stamp);
        cases.begin(stamp);
      }
      if ((use & FOR_WIDE) !== 0) {
        claims.wide = true;
        variants.wide = true;
        cases.wide = true;
      }
      if ((use & FOR_CLAIMS) !== 0) claims.hit(phrase, h);
      if ((use & FOR_VARIANTS) !== 0) variants.hit(phrase, h);
      if ((use & FOR_CASES) !== 0) cases.hit(phrase, h);
      if ((use & FOR_OTHER) !== 0) {
        for (let u = at[phrase]!; u < at[phrase + 1]!; u++) {
          if (kind[u] === ALT_CUE) altCues.add(`${a[u]}:${b[u]}`);
          else if (kind[u] === CORRECTION) results.corrections.add(p);
          // A news outlet named as a source ("The Associated Press rounded the award down to
          // $440,000") is being cited: its readings are reported, not stated.
          else if (kind[u] === OUTLET && citesOutlet(this.input.text, this.input.starts[first]!))
            results.corrections.add(p);
        }
      }
    }
    if (begun) this.flush(p);
    // A wrong reading with the right one in the same passage or the next ("Sunday or Monday?";
    // "…had been filed “in January.” The petition was lodged in May 2019") is being set right;
    // with it in the passage before, contrasted with the record ("The judgment is dated Sunday
    // 12 July. Many outlets called it a Monday ruling").
    for (const { key, finding } of this.variantFindings) {
      if (
        !this.rightReadings.has(key) &&
        !this.rightReadings.has(key + this.conflictCount) &&
        !this.rightReadings.has(key - this.conflictCount)
      )
        results.findings.push(finding);
    }
    return results;
  }

  /**
   * The date mentions of `passage`: where its words are all plain ASCII, the date pattern is
   * tried only at the words a date can start with (numbers, months, weekdays, "in", "since"...);
   * otherwise through the whole passage.
   */
  private datesIn(passage: Passage): DateMention[] {
    const { text, tokens, starts } = this.input;
    const slice = text.slice(passage.start, passage.end);
    const { ids, wordTable } = tokens;
    if (!ids || !wordTable) return findDateMentions(slice, passage.start);
    const words = wordTable.text;
    const known = this.scratch.dateWordsOf(wordTable);
    const at = this.dateStarts;
    let n = 0;
    for (let t = firstAtOrAfter(starts, tokens.count, passage.start); t < tokens.count; t++) {
      const start = starts[t]!;
      if (start >= passage.end) break;
      if (tokens.isFolded(t)) return findDateMentions(slice, passage.start);
      const c = text.charCodeAt(start);
      if (c >= 48 && c <= 57) {
        at[n++] = start - passage.start;
        continue;
      }
      const id = ids[t]!;
      let flag = known[id]!;
      if (flag === 0) {
        flag = STARTERS.has(words[id]!) ? 1 : 2;
        known[id] = flag;
      }
      if (flag === 1) at[n++] = start - passage.start;
    }
    return findDateMentionsAt(slice, at, n, passage.start);
  }

  /** What passage `p` states, now that all its hits are counted. */
  private flush(p: number): void {
    const { c, claims, variants, cases, results } = this;
    const { text, passages, starts, ends, hits } = this.input;
    const passage = passages[p]!;
    // A question asks rather than states ("And WhatsApp is suing too?", "1,400 of what?"), and a
    // heading or label names rather than states ("October 2019: WhatsApp sues", "Herzliya,
    // Israel"): neither states a claim. Their readings are still checked, their cases touched.
    let matched = statesNothing(text, passage, this.input.tokens) ? 0 : claims.satisfied();
    const { articleDate } = this.input;
    if (articleDate !== null && matched > 0) {
      let kept = 0;
      for (let k = 0; k < matched; k++) {
        const item = claims.done[k]!;
        // All that dates the claim here is a weekday, in an article written long after it: the
        // weekday is a day of the article's own week ("Monday's decision", in November 2021).
        if (
          c.claimWeekdayCue[item] === 1 &&
          claims.someGroupOnlyBy(item, c.weekdayPhrase) &&
          longAfter(c.claims[item]!.when!.date, articleDate)
        )
          continue;
        claims.done[kept++] = item;
      }
      matched = kept;
    }
    let dated = false;
    for (let k = 0; k < matched; k++) {
      const item = claims.done[k]!;
      const caseIndex = c.claimCase[item]!;
      if (caseIndex >= 0) results.cases.add(caseIndex);
      results.matches.push({
        claimId: c.claimIds[item]!,
        start: passage.start,
        end: passage.end,
        quote: text.slice(passage.start, passage.end),
        confidence: confidence(claims.anyShare(item)),
      });
      if (c.claimDated[item] === 1) dated = true;
    }
    for (let k = 0, n = variants.satisfied(); k < n; k++) {
      const item = variants.done[k]!;
      const v = c.variants[item]!;
      if (v.variant.assessment === 'right') {
        this.rightReadings.add(p * this.conflictCount + v.conflictIndex);
        continue;
      }
      const focus = variants.focus(item);
      // "Monday 19 June 2017", "Monday, May 13, 2019": a weekday written with its date is that
      // date's day, not a reading of the day this conflict is about (the date is checked itself).
      if (v.conflict.kind === 'weekday' && weekdayWithDate(text, ends[hits.last[focus]!]!)) continue;
      // A bare weekday in an article dated long after the event names a day of the article's own
      // week ("Monday's decision caps a bruising week", in November 2021), not the event's.
      const eventDay = c.weekdayConflictDate[v.conflictIndex];
      if (eventDay && articleDate && longAfter(eventDay, articleDate)) continue;
      this.variantFindings.push({
        key: p * this.conflictCount + v.conflictIndex,
        finding: {
          conflictId: v.conflict.id,
          start: starts[hits.first[focus]!]!,
          end: ends[hits.last[focus]!]!,
          kind: v.conflict.kind,
          expected: v.conflict.expected,
          note: v.variant.note,
        },
      });
    }
    for (let k = 0, n = cases.satisfied(); k < n; k++) results.cases.add(cases.done[k]!);

    // Dates are read only where a claim the pack dates was stated: most passages never need them.
    if (dated) {
      const inPassage = this.datesIn(passage);
      if (inPassage.length > 0) {
        checkDates(
          c,
          text,
          claims.done,
          matched,
          inPassage,
          passage,
          this.input.articleDate,
          this.altCues,
          results.findings,
        );
      }
    }
    if (this.altCues.size > 0) this.altCues.clear();
  }
}

/**
 * A heading, list entry or caption: a passage of at most this many words that ends without a
 * sentence's closing mark. The tuning pages' writers never counted one as stating a claim; every
 * unpunctuated passage they counted (a standfirst, a headline clause) has eight words or more.
 */
const LABEL_WORDS = 7;

/** The passage's last character before trailing spaces, closing quotes and brackets (-1: none). */
function lastMark(text: string, passage: Passage): number {
  for (let i = passage.end - 1; i >= passage.start; i--) {
    const c = text.charCodeAt(i);
    // Spaces, closing quotes and brackets after the mark: "…1,400 people?”", "(…asked?)".
    if (
      c <= 32 ||
      c === 0x22 ||
      c === 0x27 ||
      c === 0x29 ||
      c === 0x5d ||
      c === 0xbb ||
      c === 0x2019 ||
      c === 0x201d
    )
      continue;
    return c;
  }
  return -1;
}

/** Sentence-closing marks: . ! ? … and the Arabic, Urdu and CJK ones. */
const closesSentence = (c: number) =>
  c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026 || c === 0x061f || c === 0x06d4 || c === 0x3002;

/**
 * Whether `passage` states no claim whatever its cues: a question, or a heading or label (at most
 * LABEL_WORDS words, no sentence-closing mark).
 */
function statesNothing(text: string, passage: Passage, tokens: Pick<Tokens, 'starts' | 'count'>): boolean {
  const c = lastMark(text, passage);
  if (c === 0x3f || c === 0x061f) return true;
  if (closesSentence(c)) return false;
  const { starts, count } = tokens;
  const first = firstAtOrAfter(starts, count, passage.start);
  return first + LABEL_WORDS >= count || starts[first + LABEL_WORDS]! >= passage.end;
}

/** An outlet named as the audience, not the source: "told Reuters", "said to the AP", "an interview with". */
const OUTLET_AS_AUDIENCE = /\b(?:told|to|with)\s+(?:the\s+)?$/i;

/**
 * Whether the outlet named at `start` is cited as the source of what the passage says. Not a
 * wire credit in brackets ("OAKLAND (AP) —", "(Reporting by Reuters)"), which is where the
 * article itself comes from, and not an outlet someone spoke to ("NSO told Reuters…"), which is
 * the article's own reporting.
 */
function citesOutlet(text: string, start: number): boolean {
  // Only the 16 characters before the name (and 64 after a bracket) are read: a search through
  // the whole text would cost a long page as many passes as it names outlets.
  const from = Math.max(0, start - 16);
  for (let i = start - 1; i >= from; i--) {
    const c = text.charCodeAt(i);
    if (c === 41) break; // ")": a bracket closed before the name
    if (c === 40) {
      // Closed within 64 characters: a credit. Bounded, so an unclosed bracket costs no pass.
      const to = Math.min(text.length, start + 64);
      for (let j = start; j < to; j++) if (text.charCodeAt(j) === 41) return false;
      break;
    }
  }
  return !OUTLET_AS_AUDIENCE.test(text.slice(from, start));
}

/** A year written on its own, not as part of a longer number ("its 2019 suit", "in 2019"). */
const BARE_YEAR = /(?<![\d,.])(?:19|20)\d{2}(?![\d,]\d)/g;

/**
 * The years `text[start..end)` writes out on their own, outside its date mentions `dates` (the
 * year of "1 August 2018" is that date's, which is checked as a date).
 */
function bareYears(text: string, start: number, end: number, dates: DateMention[]): number[] {
  const out: number[] = [];
  for (const m of text.slice(start, end).matchAll(BARE_YEAR)) {
    const at = start + m.index;
    if (!dates.some((d) => d.start <= at && at < d.end)) out.push(Number(m[0]));
  }
  return out;
}

/** Months joined as a span: "April and May 2019", "May to July", "June–August". */
const LINK = String.raw`\s*(?:and|or|to|through|until|[-\u2013\u2014])\s*`;
const MONTH_LINK = new RegExp(`^${LINK}$`);

/**
 * A month's name written right after a month mention and a link ("in April and May of that year"):
 * the second month is no date mention of its own (no "in", no year), but it makes the first a span.
 */
const LINKED_MONTH = new RegExp(
  String.raw`^${LINK}(?:early\s+|late\s+|mid-?)?(?:${MONTHS.join('|')})\b`,
  'i',
);

/** Whether mention `d` is a month joined to a neighbouring month as one span. */
function inMonthSpan(text: string, dates: DateMention[], d: number): boolean {
  const m = dates[d]!;
  if (m.precision !== 'month') return false;
  const before = dates[d - 1];
  const after = dates[d + 1];
  return (
    (before?.precision === 'month' && MONTH_LINK.test(text.slice(before.end, m.start))) ||
    (after?.precision === 'month' && MONTH_LINK.test(text.slice(m.end, after.start))) ||
    LINKED_MONTH.test(text.slice(m.end, m.end + 40))
  );
}

/**
 * Whether mention `m` can denote `iso` in a passage that names the years `years`: as the
 * article's date reads it (`mentionFits`), or, for a month without its year, as that month of a
 * year the passage names or of the year after ("On Wednesday, 1 August 2018, Amnesty revealed that
 * a staff member had been sent a message in early June": June 2018, not June of the article's year).
 */
function fitsHere(m: DateMention, iso: string, articleDate: string | null, years: number[]): boolean {
  if (mentionFits(m, iso, articleDate)) return true;
  if (m.precision !== 'month' || m.year !== undefined || years.length === 0) return false;
  const year = Number(iso.slice(0, 4));
  return m.month === Number(iso.slice(5, 7)) && years.some((y) => y === year || y + 1 === year);
}

/** Whether date mention `m` is the date of a claim the passage states (any the pack dates). */
function fitsAnotherClaim(
  c: CompiledPack,
  claimItems: Int32Array,
  claimCount: number,
  m: DateMention,
  articleDate: string | null,
  years: number[],
): boolean {
  for (let k = 0; k < claimCount; k++) {
    const when = c.claims[claimItems[k]!]!.when;
    if (when && fitsHere(m, when.date, articleDate, years)) return true;
  }
  return false;
}

/**
 * A date in a passage that states a dated claim should be that claim's date (or an accepted
 * alternative, such as the day a ruling was published). Only claims the pack ties to a date
 * conflict are checked, and only when no date in the passage fits the claim — a passage that
 * gives the right date and others besides ("dated Sunday and published on Monday", a list of
 * filings) is about several things, not wrong about one. Findings are added to `out`.
 */
function checkDates(
  c: CompiledPack,
  text: string,
  claimItems: Int32Array,
  claimCount: number,
  dates: DateMention[],
  passage: Passage,
  articleDate: string | null,
  altCues: Set<string>,
  out: Finding[],
): void {
  // The passage's claims the pack dates (and ties to a date conflict) that no date in it fits,
  // nor a bare year ("WhatsApp's 2019 suit": the year is the suit's).
  const dated: number[] = [];
  let bare: number[] | null = null;
  // The years the passage names: a month it gives without one may be of those years (fitsHere).
  const years: number[] = [];
  for (const m of dates) if (m.year !== undefined) years.push(m.year);
  for (let k = 0; k < claimCount; k++) {
    const i = claimItems[k]!;
    const claim = c.claims[i]!;
    if (!claim.when || !c.dateConflictByClaim.has(claim.id)) continue;
    if (dates.some((m) => fitsHere(m, claim.when!.date, articleDate, years))) continue;
    // Read only here: most dated claims have a date mention that fits them.
    bare ??= bareYears(text, passage.start, passage.end, dates);
    if (!bare.includes(Number(claim.when.date.slice(0, 4)))) dated.push(i);
  }
  if (dated.length === 0) return;
  for (let d = 0; d < dates.length; d++) {
    const m = dates[d]!;
    // A date that is another claim's of the same passage is that claim's ("the suit, filed in
    // 2019, survived NSO's motion on 16 July 2020"), not a wrong date for this one.
    if (fitsAnotherClaim(c, claimItems, claimCount, m, articleDate, years)) continue;
    // "in April and May 2019", "from May to July": a period, not a misdated day.
    if (inMonthSpan(text, dates, d)) continue;
    for (const i of dated) {
      const claim = c.claims[i]!;
      // A bare weekday in an article dated long after the event is a day of the article's own
      // week, not a reading of the event's ("Monday's decision", in November 2021).
      if (m.precision === 'weekday' && articleDate && longAfter(claim.when!.date, articleDate)) continue;
      const conflict = c.dateConflictByClaim.get(claim.id)!;
      const alts = claim.when!.alternatives ?? [];
      const altIndex = alts.findIndex((a) => fitsHere(m, a.date, articleDate, years));
      // The passage says what the alternative date is for ("published on Monday"): right as written.
      if (altIndex >= 0 && altCues.has(`${i}:${altIndex}`)) continue;
      const alt = alts[altIndex];
      const recordDate = formatLongDate(claim.when!.date);
      out.push({
        conflictId: conflict.id,
        start: m.start,
        end: m.end,
        kind: m.precision === 'weekday' ? 'weekday' : 'date',
        expected: conflict.expected,
        note: alt
          ? `"${m.text}" fits ${formatLongDate(alt.date)}, ${alt.note}; the record dates it ${recordDate}.`
          : `The record dates this ${recordDate}; "${m.text}" does not fit. ${conflict.why}`,
      });
      break;
    }
  }
}
