/**
 * Conflicts found through what the record knows about entities, not through one pattern per
 * article: a name variant outlets used, a pronoun that contradicts a person's known gender, and a
 * title that was not the person's title at the article's date.
 */
import type { CompiledPack } from '../engine/compile.js';
import { Scratch } from '../engine/scratch.js';
import { K, PRONOUN_WORDS } from '../engine/usage-tables.js';
import type { Claim, DatedTitle, Entity } from '../facts/types.js';
import type { Finding } from './findings.js';
import type { Hits } from './phrase-index.js';
import { quotationOpenAt } from './quoted.js';

/**
 * Imported values the hot loops read, copied to module constants: a module runner that keeps
 * imports live (Vite's, under `npm run bench` and the CLI tests) reads each import through an
 * accessor, once per use.
 */
const {
  mention: MENTION,
  pronoun: PRONOUN,
  nameVariant: NAME_VARIANT,
  title: TITLE,
  titleVariant: TITLE_VARIANT,
} = K;

interface Context {
  c: CompiledPack;
  text: string;
  hits: Hits;
  starts: Int32Array;
  ends: Int32Array;
  tokenPassage: Int32Array;
  articleDate: string | null;
}

/** Tokens between a person's mention and a pronoun that still plausibly refers back to them. */
const PRONOUN_REACH = 10;
/**
 * Tokens from a pronoun to a person named after it in the same sentence, when nobody named before
 * can be meant: "In his ruling, Judge Rachel Barkai found..." (the pronoun looks forward).
 */
const CATAPHORA_REACH = 6;
const COUNTERPART: Record<string, string> = {
  he: 'she',
  his: 'her',
  him: 'her',
  himself: 'herself',
  she: 'he',
  her: 'his or him',
  hers: 'his',
  herself: 'himself',
};

function titleAt(titles: DatedTitle[], date: string): DatedTitle | undefined {
  return titles.find((t) => t.from <= date && (t.to === undefined || date <= t.to));
}

/**
 * The claims the article states in passage `p` (asked only where a title would be called outdated:
 * their texts may record the title an act was done under).
 */
export type StatedIn = (p: number) => readonly Claim[];

/** Whether one of `claims`, about entity `entity`, records `title` for what it recounts. */
function recordsTitle(claims: readonly Claim[], entity: string, title: string): boolean {
  const t = title.toLowerCase();
  return claims.some((cl) => cl.entities.includes(entity) && cl.text.toLowerCase().includes(t));
}

/** `scratch`: a working array lent by the engine (a fresh one when not given). */
export function entityFindings(
  ctx: Context,
  passageStarts: number[],
  scratch = new Scratch(),
  statedIn: StatedIn = () => [],
): Finding[] {
  const { c, hits, starts, ends, tokenPassage, text } = ctx;
  const out: Finding[] = [];
  const persons: { entity: number; first: number; last: number; passage: number }[] = [];
  const pronouns: { gender: 'female' | 'male'; word: string; at: number; passage: number }[] = [];
  const entityCount = c.entities.length;
  /** `mentioned[passage × entityCount + entity]`: 1 where the entity is mentioned (no map on long pages). */
  const mentioned = scratch.zeroBytes(passageStarts.length * entityCount);
  const titleHits: { entity: number; title?: number; variant?: number; hit: number; passage: number }[] = [];
  const { at, kind, a, b } = c.stages.entity;

  for (let h = 0; h < hits.count; h++) {
    const phrase = hits.phrase[h]!;
    const to = at[phrase + 1]!;
    let u = at[phrase]!;
    if (u === to) continue;
    const first = hits.first[h]!;
    const last = hits.last[h]!;
    const passage = tokenPassage[first]!;
    for (; u < to; u++) {
      const k = kind[u];
      const entity = a[u]!;
      if (k === MENTION) {
        mentioned[passage * entityCount + entity] = 1;
        if (c.entities[entity]!.kind === 'person') persons.push({ entity, first, last, passage });
      } else if (k === PRONOUN) {
        pronouns.push({
          gender: entity === 0 ? 'female' : 'male',
          word: PRONOUN_WORDS[b[u]!]!,
          at: first,
          passage,
        });
      } else if (k === NAME_VARIANT) {
        const e = c.entities[entity]!;
        const v = e.variants[b[u]!]!;
        const conflict = c.conflictsById.get(v.conflict!);
        if (!conflict) continue;
        out.push({
          conflictId: conflict.id,
          start: starts[first]!,
          end: ends[last]!,
          kind: conflict.kind,
          expected: conflict.expected,
          note: v.note,
        });
      } else if (k === TITLE) titleHits.push({ entity, title: b[u]!, hit: h, passage });
      else if (k === TITLE_VARIANT) titleHits.push({ entity, variant: b[u]!, hit: h, passage });
    }
  }

  // Pronouns: the nearest person mentioned before the pronoun is whom it most likely refers to; a
  // pronoun that agrees with that person carries the reference on to the next sentence
  // ("Judge Barkai wrote ... She said ... He vowed ..."). With nobody before it in reach, a person
  // named just after it in the same sentence is meant ("In his ruling, Judge Barkai found").
  let pi = 0;
  let last: (typeof persons)[number] | undefined;
  for (const p of pronouns) {
    while (pi < persons.length && persons[pi]!.last < p.at) last = persons[pi++];
    const samePassage = last !== undefined && last.passage === p.passage && p.at - last.last <= PRONOUN_REACH;
    const opensNext =
      last !== undefined &&
      last.passage === p.passage - 1 &&
      (p.at === 0 || tokenPassage[p.at - 2] !== p.passage);
    const ahead = persons[pi];
    const forward =
      !samePassage &&
      !opensNext &&
      ahead !== undefined &&
      ahead.passage === p.passage &&
      ahead.first - p.at <= CATAPHORA_REACH;
    if (!samePassage && !opensNext && !forward) continue;
    const meant = forward ? ahead! : last!;
    const e: Entity = c.entities[meant.entity]!;
    const gender = e.attributes?.gender;
    if (!gender) continue;
    // A pronoun inside quotation marks is someone's words, not the article's.
    const from = samePassage ? ends[meant.last]! : passageStarts[p.passage]!;
    if (quotationOpenAt(text, from, starts[p.at]!)) continue;
    if (gender.value === p.gender) {
      if (!forward) last = { ...meant, first: p.at, last: p.at, passage: p.passage };
      continue;
    }
    const conflict = gender.conflict ? c.conflictsById.get(gender.conflict) : undefined;
    if (!conflict) continue;
    const found = text.slice(starts[p.at]!, ends[p.at]!);
    out.push({
      conflictId: conflict.id,
      start: starts[p.at]!,
      end: ends[p.at]!,
      kind: conflict.kind,
      expected: `${COUNTERPART[p.word]} (${e.name} is ${gender.value === 'female' ? 'a woman' : 'a man'})`,
      note: `"${found}" refers to ${e.name}. ${conflict.why}`,
    });
  }

  // Titles: only next to a mention of their holder, judged at the article's date.
  for (const t of titleHits) {
    if (mentioned[t.passage * entityCount + t.entity] !== 1) continue;
    const e = c.entities[t.entity]!;
    const attrs = e.attributes!;
    const titles = attrs.titles ?? [];
    const current = ctx.articleDate ? titleAt(titles, ctx.articleDate) : undefined;
    const start = starts[hits.first[t.hit]!]!;
    const end = ends[hits.last[t.hit]!]!;
    if (t.variant !== undefined) {
      const v = attrs.titleVariants![t.variant]!;
      const conflict = c.conflictsById.get(v.conflict);
      if (!conflict) continue;
      out.push({
        conflictId: conflict.id,
        start,
        end,
        kind: conflict.kind,
        expected: current ? `${current.title} (${e.name}'s title at the article's date)` : conflict.expected,
        note: v.note,
      });
      continue;
    }
    if (!ctx.articleDate || !attrs.titleConflict) continue;
    // "then Deputy Director", "former co-director": the article itself dates the title.
    if (/\b(then|former|formerly|at the time|ex)[\s-]*$/i.test(text.slice(Math.max(0, start - 24), start)))
      continue;
    const used = titles[t.title!]!;
    // Outdated only against the title the record says the holder had at the article's date: a
    // date between two attested titles (or before the first) says nothing either way.
    if (used === current || current === undefined) continue;
    // A claim the passage states records the title its act was done under ("sworn by Danna
    // Ingleton, then Deputy Director of Amnesty Tech"): recounting that act, the title is right.
    if (recordsTitle(statedIn(t.passage), e.id, used.title)) continue;
    const conflict = c.conflictsById.get(attrs.titleConflict);
    if (!conflict) continue;
    const span = `${used.from}${used.to ? ` to ${used.to}` : ' onwards'}`;
    out.push({
      conflictId: conflict.id,
      start,
      end,
      kind: conflict.kind,
      expected: current.title,
      note: `${e.name} held the title "${used.title}" ${span}; the article is dated ${ctx.articleDate}, when the title was "${current.title}".`,
    });
  }
  return out;
}
