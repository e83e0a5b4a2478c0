/**
 * Decides whether a text is about the story, with a score and reasons a reader can check.
 * Names of the story count at once; "Pegasus" and "NSO" count only near words of their spyware
 * sense and never near words of another sense (the horse, the orchestra, the statistics office);
 * a story mentioned only in passing (a homepage teaser, one line in a long unrelated text) does
 * not make a page relevant.
 */
import type { CompiledPack } from '../engine/compile.js';
import { Scratch } from '../engine/scratch.js';
import { K } from '../engine/usage-tables.js';
import type { Hits } from '../match/phrase-index.js';

/**
 * Imported values the hot loops read, copied to module constants: a module runner that keeps
 * imports live (Vite's, under `npm run bench` and the CLI tests) reads each import through an
 * accessor, once per use.
 */
const {
  strong: STRONG,
  context: CONTEXT,
  ambiguous: AMBIGUOUS,
  needs: NEEDS,
  not: NOT,
  combination: COMBINATION,
} = K;

export interface Detection {
  relevant: boolean;
  score: number;
  reasons: string[];
}

export interface DetectInput {
  hits: Hits;
  /** Passage index of each token. */
  tokenPassage: Int32Array;
  wordCount: number;
  /** Folded words of the title, if any: a name in the title weighs more. */
  titleHits: Hits;
  /** Two working arrays lent by the engine (fresh ones when not given). */
  scratch?: [Scratch, Scratch];
}

const STRONG_POINTS = 3;
const STRONG_CAP = 9;
const AMBIGUOUS_POINTS = 2;
const CONTEXT_POINTS = 0.5;
const CONTEXT_CAP = 2;
const COMBINATION_POINTS = 4;
const TITLE_POINTS = 2;
/** Fewer story mentions than this per 1,000 words, none in the title: mentioned in passing. */
const PASSING_DENSITY = 1.5;
/** Texts up to this many words (a teaser, a wire brief) are never judged to mention the story in passing. */
const SHORT_TEXT_WORDS = 300;

const NONE: readonly string[] = [];

/** One number per (term, passage) pair: cheaper map keys than strings on long pages. */
const key = (term: number, passage: number) => passage * 4096 + term;

/** `"a", "b"`: the phrases `ids` as a reason lists them (a loop: this runs for every page read). */
function label(phrases: string[], ids: Iterable<number>): string {
  let out = '';
  for (const i of ids) out += `${out === '' ? '' : ', '}"${phrases[i]}"`;
  return out;
}

/**
 * What the hits say, term by term: the hot loop over hits, kept apart from the scoring so that no
 * closure captures its variables (captured variables are slower to reach).
 */
function tally(c: CompiledPack, input: DetectInput) {
  const phrases = c.index.phrases;
  const d = c.pack.detection;
  const strong = new Map<number, number>(); // phrase id → count
  /** Passages where a strong name of the story stands (rare hits: a set costs nothing here). */
  const strongPassages = new Set<number>();
  const context = new Set<number>();
  const ambiguousAt: { term: number; phrase: number; passage: number }[] = [];
  const terms = d.ambiguous.length;
  const { tokenPassage } = input;
  const passages = input.wordCount > 0 ? tokenPassage[input.wordCount - 1]! + 1 : 0;
  /** `needs[passage * terms + term]`: 1 where the term's spyware-sense word was seen (no map on long pages). */
  const [needsScratch, rowScratch] = input.scratch ?? [new Scratch(), new Scratch()];
  const needs = needsScratch.zeroBytes(passages * terms);
  const nots = new Map<number, string[]>();
  const comboGroups = d.combinations.map(() => new Set<number>());
  const comboPhrases = d.combinations.map(() => new Set<number>());

  const { at, kind, a, b } = c.stages.detect;
  const { hits } = input;
  /** Usage rows already counted: a context word or combination part counts once, however often hit. */
  const countedRow = rowScratch.zeroBytes(at[at.length - 1]!);
  for (let h = 0; h < hits.count; h++) {
    const phrase = hits.phrase[h]!;
    const to = at[phrase + 1]!;
    let u = at[phrase]!;
    if (u === to) continue;
    const passage = tokenPassage[hits.first[h]!]!;
    for (; u < to; u++) {
      const k = kind[u];
      const term = a[u]!;
      if (k === STRONG) {
        strong.set(phrase, (strong.get(phrase) ?? 0) + 1);
        strongPassages.add(passage);
      } else if (k === CONTEXT) {
        if (countedRow[u] === 0) {
          countedRow[u] = 1;
          context.add(phrase);
        }
      } else if (k === AMBIGUOUS) ambiguousAt.push({ term, phrase, passage });
      else if (k === NEEDS) needs[passage * terms + term] = 1;
      else if (k === NOT) {
        const kk = key(term, passage);
        (nots.get(kk) ?? nots.set(kk, []).get(kk)!).push(phrases[phrase]!);
      } else if (k === COMBINATION && countedRow[u] === 0) {
        countedRow[u] = 1;
        comboGroups[term]!.add(b[u]!);
        comboPhrases[term]!.add(phrase);
      }
    }
  }

  const hasNeeds = (term: number, passage: number) => needs[passage * terms + term] === 1;
  return { strong, strongPassages, context, ambiguousAt, hasNeeds, nots, comboGroups, comboPhrases };
}

export function detect(c: CompiledPack, input: DetectInput): Detection {
  const { pack } = c;
  const phrases = c.index.phrases;
  const d = pack.detection;
  const { strong, strongPassages, context, ambiguousAt, hasNeeds, nots, comboGroups, comboPhrases } = tally(
    c,
    input,
  );

  const reasons: string[] = [];
  let score = 0;
  let mentions = 0;

  if (strong.size > 0) {
    const pts = Math.min(STRONG_CAP, strong.size * STRONG_POINTS);
    score += pts;
    for (const n of strong.values()) mentions += n;
    let detail = '';
    for (const [p, n] of strong)
      detail += `${detail === '' ? '' : ', '}"${phrases[p]}"${n > 1 ? ` ×${n}` : ''}`;
    reasons.push(`names the story: ${detail} (+${pts})`);
  }

  // Another sense shows in the sentences around a word; the spyware sense must show in its own.
  const window = (term: number, passage: number, map: Map<number, unknown>) =>
    [passage - 1, passage, passage + 1].map((p) => map.get(key(term, p))).filter((v) => v !== undefined);
  const qualified = new Map<number, number>();
  const otherSense = new Map<number, { n: number; words: Set<string> }>();
  let unqualified = 0;
  for (const a of ambiguousAt) {
    // Most texts have no word of another sense at all: then there is nothing to look up.
    const vetoes = nots.size === 0 ? NONE : (window(a.term, a.passage, nots).flat() as string[]);
    if (vetoes.length > 0) {
      const o = otherSense.get(a.term) ?? { n: 0, words: new Set<string>() };
      o.n++;
      for (const v of vetoes) o.words.add(v);
      otherSense.set(a.term, o);
    } else if (hasNeeds(a.term, a.passage)) {
      qualified.set(a.term, (qualified.get(a.term) ?? 0) + 1);
    } else {
      unqualified++;
    }
  }
  const counted = new Set<number>();
  /** The passages a counted name stands in, strong or ambiguous: how many places name the story. */
  const namedIn = new Set<number>(strongPassages);
  const occurrences = new Map<number, number>();
  for (const a of ambiguousAt) occurrences.set(a.term, (occurrences.get(a.term) ?? 0) + 1);
  for (const [term, n] of qualified) {
    const other = otherSense.get(term);
    // A text that mostly uses the word in another sense, or mostly without any spyware context
    // (a race card where one "Pegasus" sits near "phone"), is about that other thing.
    if ((other && other.n >= n) || n * 2 < occurrences.get(term)!) {
      reasons.push(
        `"${d.ambiguous[term]!.term}": only ${n} of ${occurrences.get(term)} mentions in a spyware context: not counted`,
      );
      continue;
    }
    counted.add(term);
    for (const x of ambiguousAt) if (x.term === term) namedIn.add(x.passage);
    // A second qualified mention makes it a topic of the text, not an aside.
    const pts = n > 1 ? AMBIGUOUS_POINTS + 1 : AMBIGUOUS_POINTS;
    score += pts;
    mentions += n;
    reasons.push(`"${d.ambiguous[term]!.term}" in its spyware sense ×${n} (+${pts})`);
  }
  for (const [term, o] of otherSense) {
    const words = [...o.words].map((w) => `"${w}"`).join(', ');
    reasons.push(`"${d.ambiguous[term]!.term}" in another sense ×${o.n} (near ${words}): not counted`);
  }
  if (unqualified > 0 && counted.size === 0 && strong.size === 0) {
    reasons.push(`${unqualified} ambiguous mention(s) with no spyware context: not counted`);
  }

  /** Whether the text describes the story without naming it (a combination held). */
  let described = false;
  d.combinations.forEach((groups, combo) => {
    if (comboGroups[combo]!.size === groups.length) {
      described = true;
      score += COMBINATION_POINTS;
      mentions += groups.length;
      reasons.push(
        `describes the story without naming it: ${label(phrases, comboPhrases[combo]!)} (+${COMBINATION_POINTS})`,
      );
    }
  });

  if (context.size > 0) {
    const pts = Math.min(CONTEXT_CAP, context.size * CONTEXT_POINTS);
    score += pts;
    reasons.push(`context: ${label(phrases, context)} (+${pts})`);
  }

  let titleNames = false;
  const { at, kind, a } = c.stages.detect;
  for (let h = 0; h < input.titleHits.count && !titleNames; h++) {
    const phrase = input.titleHits.phrase[h]!;
    for (let u = at[phrase]!; u < at[phrase + 1]!; u++) {
      if (kind[u] === STRONG || (kind[u] === AMBIGUOUS && counted.has(a[u]!))) titleNames = true;
    }
  }
  if (titleNames && mentions > 0) {
    score += TITLE_POINTS;
    reasons.push(`the title names the story (+${TITLE_POINTS})`);
  }

  const density = input.wordCount > 0 ? (mentions * 1000) / input.wordCount : 0;
  // One sentence naming the story ("like NSO Group's Pegasus before it") in a longer text about
  // something else is an aside, however many names it packs; a description of the story without
  // its names (a combination) is not.
  const oneAside = namedIn.size === 1 && !described;
  const passing =
    mentions > 0 &&
    !titleNames &&
    input.wordCount > SHORT_TEXT_WORDS &&
    (density < PASSING_DENSITY || oneAside);
  let relevant = score >= d.threshold && mentions > 0 && !passing;
  if (passing)
    reasons.push(
      density < PASSING_DENSITY
        ? `mentioned only in passing (${mentions} in ${input.wordCount} words): not an article about the story`
        : `named in one passage only, of ${input.wordCount} words: an aside, not an article about the story`,
    );
  if (mentions === 0) relevant = false;
  score = Math.round(score * 10) / 10;
  reasons.push(
    relevant
      ? `score ${score} ≥ threshold ${d.threshold}`
      : `score ${score}, threshold ${d.threshold}: not relevant`,
  );
  return { relevant, score, reasons };
}
