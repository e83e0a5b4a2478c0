/**
 * Passage by passage: which claims each passage states, which conflict readings it carries
 * (found by their cues), which cases it touches, and whether a date it gives for a dated claim
 * disagrees with the record.
 */
import { type DateMention, findDateMentions, formatLongDate, mentionFits } from '../dates/date-mentions.js';
import type { CompiledPack } from '../engine/compile.js';
import type { Passage } from '../text/passages.js';
import { CueTally } from './cue-tally.js';
import type { ClaimMatch, Finding } from './findings.js';
import type { PhraseHit } from './phrase-index.js';

export interface PassageResults {
  matches: ClaimMatch[];
  findings: Finding[];
  /** Indexes of cases whose cues some passage satisfied. */
  cases: Set<number>;
  /** Passages that report or correct a misreport (CORRECTION_MARKERS): no conflict is flagged there. */
  corrections: Set<number>;
}

interface Input {
  c: CompiledPack;
  text: string;
  passages: Passage[];
  hits: PhraseHit[];
  starts: Int32Array;
  ends: Int32Array;
  tokenPassage: Int32Array;
  articleDate: string | null;
}

/** Confidence of a claim match: all required groups hit, scaled by the optional ones. */
function confidence(anyShare: number): number {
  return Math.round((0.7 + 0.3 * anyShare) * 100) / 100;
}

export function matchPassages(input: Input): PassageResults {
  const { c, text, passages, hits, starts, ends, tokenPassage } = input;
  const claims = new CueTally(c.claimShapes.length);
  const variants = new CueTally(c.variantShapes.length);
  const cases = new CueTally(c.caseShapes.length);
  const results: PassageResults = { matches: [], findings: [], cases: new Set(), corrections: new Set() };
  /** Date alternatives (`claim:alt`) whose own cue words this passage uses. */
  const altCues = new Set<string>();

  const flush = (p: number) => {
    const passage = passages[p]!;
    const matched = claims.satisfied(c.claimShapes);
    for (const s of matched) {
      results.matches.push({
        claimId: c.claims[s.item]!.id,
        start: passage.start,
        end: passage.end,
        quote: text.slice(passage.start, passage.end),
        confidence: confidence(s.anyShare),
      });
    }
    for (const s of variants.satisfied(c.variantShapes)) {
      const v = c.variants[s.item]!;
      results.findings.push({
        conflictId: v.conflict.id,
        start: starts[s.focus.first]!,
        end: ends[s.focus.last]!,
        kind: v.conflict.kind,
        expected: v.conflict.expected,
        note: v.variant.note,
      });
    }
    for (const s of cases.satisfied(c.caseShapes)) results.cases.add(s.item);

    // Dates are read only where a claim the pack dates was stated: most passages never need them.
    const items = matched.map((m) => m.item);
    if (items.some((i) => c.dateConflictByClaim.has(c.claims[i]!.id))) {
      const inPassage = findDateMentions(text.slice(passage.start, passage.end)).map((m) => ({
        ...m,
        start: m.start + passage.start,
        end: m.end + passage.start,
      }));
      if (inPassage.length > 0)
        results.findings.push(...checkDates(c, items, inPassage, input.articleDate, altCues));
    }
    altCues.clear();
    claims.clear();
    variants.clear();
    cases.clear();
  };

  let current = -1;
  for (const hit of hits) {
    const p = tokenPassage[hit.first]!;
    // A phrase that runs across a passage boundary belongs to neither passage.
    if (tokenPassage[hit.last] !== p) continue;
    if (p !== current) {
      if (current >= 0) flush(current);
      current = p;
    }
    for (const u of c.byStage.passage[hit.phrase]!) {
      switch (u.k) {
        case 'claim-all':
          claims.all(u.item, u.group, hit);
          break;
        case 'claim-any':
          claims.any(u.item, u.group);
          break;
        case 'claim-none':
          claims.none(u.item);
          break;
        case 'variant-all':
          variants.all(u.item, u.group, hit);
          break;
        case 'variant-any':
          variants.any(u.item, u.group);
          break;
        case 'variant-none':
          variants.none(u.item);
          break;
        case 'case-all':
          cases.all(u.item, u.group, hit);
          break;
        case 'case-any':
          cases.any(u.item, u.group);
          break;
        case 'case-none':
          cases.none(u.item);
          break;
        case 'alt-cue':
          altCues.add(`${u.item}:${u.alt}`);
          break;
        case 'correction':
          results.corrections.add(p);
          break;
        default:
          break;
      }
    }
  }
  if (current >= 0) flush(current);
  return results;
}

/**
 * A date in a passage that states a dated claim should be that claim's date (or an accepted
 * alternative, such as the day a ruling was published). Only claims the pack ties to a date
 * conflict are checked, and only when no date in the passage fits the claim — a passage that
 * gives the right date and others besides ("dated Sunday and published on Monday", a list of
 * filings) is about several things, not wrong about one.
 */
function checkDates(
  c: CompiledPack,
  claimItems: number[],
  dates: DateMention[],
  articleDate: string | null,
  altCues: Set<string>,
): Finding[] {
  const out: Finding[] = [];
  const dated = claimItems
    .map((i) => ({ i, claim: c.claims[i]! }))
    .filter(({ claim }) => claim.when && c.dateConflictByClaim.has(claim.id))
    .filter(({ claim }) => !dates.some((m) => mentionFits(m, claim.when!.date, articleDate)));
  for (const m of dates) {
    for (const { i, claim } of dated) {
      const conflict = c.dateConflictByClaim.get(claim.id)!;
      const alts = claim.when!.alternatives ?? [];
      const altIndex = alts.findIndex((a) => mentionFits(m, a.date, articleDate));
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
  return out;
}
