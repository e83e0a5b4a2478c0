/**
 * The compiled pack's usages as flat arrays, so the stages read a hit's meanings without an
 * object, a string or a polymorphic switch per usage.
 */
import type { CompiledPack, Usage } from './compile.js';

/** Pronouns that can refer to a person, by gender: a pronoun that contradicts a known gender is flagged. */
export const PRONOUNS: Record<'female' | 'male', string[]> = {
  male: ['he', 'his', 'him', 'himself'],
  female: ['she', 'her', 'hers', 'herself'],
};

/** Codes of the usages in a `UsageTable`'s `kind` array. */
export const K = {
  claimAll: 0,
  claimAny: 1,
  claimNone: 2,
  variantAll: 3,
  variantAny: 4,
  variantNone: 5,
  caseAll: 6,
  caseAny: 7,
  caseNone: 8,
  altCue: 9,
  correction: 10,
  strong: 11,
  ambiguous: 12,
  needs: 13,
  not: 14,
  context: 15,
  combination: 16,
  mention: 17,
  nameVariant: 18,
  title: 19,
  titleVariant: 20,
  pronoun: 21,
  outlet: 22,
} as const;

/**
 * One stage's usages of every phrase as flat arrays: those of phrase `p` are entries `at[p]` to
 * `at[p + 1] - 1`, each a `kind` (K) and two numbers whose meaning the kind gives (item and group,
 * term, entity and variant...). Reading them costs no object or string per hit.
 */
export interface UsageTable {
  at: Int32Array;
  kind: Uint8Array;
  a: Int32Array;
  b: Int32Array;
}

/** Pronouns by number, as a pronoun usage refers to them (`a`: 0 female, 1 male; `b`: index here). */
export const PRONOUN_WORDS: readonly string[] = [...PRONOUNS.female, ...PRONOUNS.male];

function encode(u: Usage): [number, number, number] {
  switch (u.k) {
    case 'claim-all':
      return [K.claimAll, u.item, u.group];
    case 'claim-any':
      return [K.claimAny, u.item, u.group];
    case 'claim-none':
      return [K.claimNone, u.item, 0];
    case 'variant-all':
      return [K.variantAll, u.item, u.group];
    case 'variant-any':
      return [K.variantAny, u.item, u.group];
    case 'variant-none':
      return [K.variantNone, u.item, 0];
    case 'case-all':
      return [K.caseAll, u.item, u.group];
    case 'case-any':
      return [K.caseAny, u.item, u.group];
    case 'case-none':
      return [K.caseNone, u.item, 0];
    case 'alt-cue':
      return [K.altCue, u.item, u.alt];
    case 'correction':
      return [K.correction, 0, 0];
    case 'outlet':
      return [K.outlet, 0, 0];
    case 'strong':
      return [K.strong, u.term, 0];
    case 'ambiguous':
      return [K.ambiguous, u.term, 0];
    case 'needs':
      return [K.needs, u.term, 0];
    case 'not':
      return [K.not, u.term, 0];
    case 'context':
      return [K.context, u.term, 0];
    case 'combination':
      return [K.combination, u.combo, u.group];
    case 'mention':
      return [K.mention, u.entity, 0];
    case 'name-variant':
      return [K.nameVariant, u.entity, u.variant];
    case 'title':
      return [K.title, u.entity, u.title];
    case 'title-variant':
      return [K.titleVariant, u.entity, u.variant];
    case 'pronoun':
      return [K.pronoun, u.gender === 'female' ? 0 : 1, PRONOUN_WORDS.indexOf(u.word)];
  }
}

function table(usages: Usage[][], phrases: number, keep: (u: Usage) => boolean): UsageTable {
  const at = new Int32Array(phrases + 1);
  const rows: [number, number, number][] = [];
  for (let p = 0; p < phrases; p++) {
    at[p] = rows.length;
    for (const u of usages[p] ?? []) if (keep(u)) rows.push(encode(u));
  }
  at[phrases] = rows.length;
  return {
    at,
    kind: Uint8Array.from(rows, (r) => r[0]),
    a: Int32Array.from(rows, (r) => r[1]),
    b: Int32Array.from(rows, (r) => r[2]),
  };
}

const DETECT_KINDS = new Set<Usage['k']>(['strong', 'ambiguous', 'needs', 'not', 'context', 'combination']);
const ENTITY_KINDS = new Set<Usage['k']>(['mention', 'name-variant', 'title', 'title-variant', 'pronoun']);

export function splitByStage(usages: Usage[][], phrases: number): CompiledPack['stages'] {
  return {
    detect: table(usages, phrases, (u) => DETECT_KINDS.has(u.k)),
    entity: table(usages, phrases, (u) => ENTITY_KINDS.has(u.k)),
    // Cue usages of the passage stage are in `cueRows`; what is left is the words of dates,
    // corrections and the outlets a passage may cite.
    passage: table(usages, phrases, (u) => u.k === 'alt-cue' || u.k === 'correction' || u.k === 'outlet'),
  };
}

/**
 * One kind of item's cue usages (claims, conflict variants or cases), flat. `used[p]` is 1 when
 * phrase `p` is a cue of some item of this kind.
 *
 * By item, for checking an item only when it may be satisfied: each item has one trigger group
 * (its `all` group whose phrases the pack uses least), and the items phrase `p` triggers are
 * `trigItem[trigAt[p]]` ..; item `i`'s `all` groups are `group` entries `groupAt[i]` to
 * `groupAt[i + 1] - 1` (smallest first, the trigger group last), group entry `e` being the phrases
 * `groupPhrase[groupOff[e]]` .. `groupPhrase[groupOff[e + 1] - 1]`; its group 0 (whose earliest hit
 * is its focus) is `groupPhrase[zeroAt[i]]` .. `groupPhrase[zeroEnd[i] - 1]`; its `none` phrases
 * are `nonePhrase[noneAt[i]]` ..; its `any` groups `anyPhrase[anyAt[i]]` .. with bits `anyBit[..]`.
 * Within a group, phrases of ASCII words come first, up to `groupNarrowEnd[e]`: a passage in
 * which no phrase beyond ASCII was hit (any English one) need not read a group's Hebrew and
 * Arabic phrases, since none of them can have been hit.
 */
export interface CueRows {
  used: Uint8Array;
  /** 1 for a phrase beyond ASCII, as `cueRows` was given it (the same array for every kind). */
  wide: Uint8Array;
  trigAt: Int32Array;
  trigItem: Int32Array;
  groupAt: Int32Array;
  groupOff: Int32Array;
  groupPhrase: Int32Array;
  groupNarrowEnd: Int32Array;
  zeroAt: Int32Array;
  zeroEnd: Int32Array;
  noneAt: Int32Array;
  nonePhrase: Int32Array;
  anyAt: Int32Array;
  anyPhrase: Int32Array;
  anyBit: Int32Array;
}

/** `lists` (one number list per index) as offsets and one flat list. */
function flatten(lists: number[][]): { at: Int32Array; list: Int32Array } {
  const at = new Int32Array(lists.length + 1);
  const list: number[] = [];
  lists.forEach((l, i) => {
    at[i] = list.length;
    list.push(...l);
  });
  at[lists.length] = list.length;
  return { at, list: Int32Array.from(list) };
}

export function cueRows(
  usages: Usage[][],
  phrases: number,
  items: number,
  [all, any, none]: readonly [Usage['k'], Usage['k'], Usage['k']],
  /** 1 for a phrase with a word beyond ASCII (Hebrew, Arabic, accented); none when not given. */
  wide: Uint8Array = new Uint8Array(phrases),
): CueRows {
  const used = new Uint8Array(phrases);
  const anyByItem: [number, number][][] = Array.from({ length: items }, () => []);
  /** Phrases of each item's `all` groups (groups by number), and its `none` phrases. */
  const groups: number[][][] = Array.from({ length: items }, () => []);
  const nones: number[][] = Array.from({ length: items }, () => []);
  /** How many `all` rows use each phrase: how common the pack expects it to be. */
  const uses = new Int32Array(phrases);
  for (let p = 0; p < phrases; p++) {
    for (const u of usages[p] ?? []) {
      if (!('item' in u)) continue;
      if (u.k === all && 'group' in u) {
        const g = groups[u.item]!;
        while (g.length <= u.group) g.push([]);
        g[u.group]!.push(p);
        uses[p]!++;
      } else if (u.k === any && 'group' in u) anyByItem[u.item]!.push([p, 1 << u.group]);
      else if (u.k === none) nones[u.item]!.push(p);
      else continue;
      used[p] = 1;
    }
  }
  // ASCII phrases first in each group (a stable sort keeps the pack's order among each kind).
  for (const g of groups) for (const phrasesOf of g) phrasesOf.sort((a, b) => wide[a]! - wide[b]!);
  return { used, wide, ...byItem(groups, nones, anyByItem, uses, phrases, wide) };
}

/** The by-item half of `CueRows` (see there). */
function byItem(
  groups: number[][][],
  nones: number[][],
  anyByItem: [number, number][][],
  uses: Int32Array,
  phrases: number,
  wide: Uint8Array,
): Omit<CueRows, 'used' | 'wide'> {
  const triggers: number[][] = Array.from({ length: phrases }, () => []);
  /** Each item's trigger group. */
  const best: number[] = groups.map(() => 0);
  groups.forEach((g, i) => {
    if (g.length === 0) return;
    // The group least used across the pack: the rarest to be hit, so the item is rarely checked.
    let trigger = 0;
    const cost = (k: number) => g[k]!.reduce((sum, p) => sum + uses[p]!, 0);
    for (let k = 1; k < g.length; k++) {
      if (g[k]!.length > 0 && (g[trigger]!.length === 0 || cost(k) < cost(trigger))) trigger = k;
    }
    best[i] = trigger;
    for (const p of new Set(g[trigger])) triggers[p]!.push(i);
  });
  const trig = flatten(triggers);
  const groupAt = new Int32Array(groups.length + 1);
  const allGroups: number[][] = [];
  /** Where each item's group 0 lands among `allGroups` (its focus is read there). */
  const zeroGroup = new Int32Array(groups.length);
  groups.forEach((g, i) => {
    groupAt[i] = allGroups.length;
    // Checked smallest first (a miss ends the check soonest), the trigger group last (it was hit).
    const last = (k: number) => (k === best[i] ? 1 : 0);
    const order = g.map((_, k) => k).sort((a, b) => last(a) - last(b) || g[a]!.length - g[b]!.length);
    // An item without phrases in group 0 is never satisfied: its focus is never asked for.
    zeroGroup[i] = g.length > 0 ? allGroups.length + order.indexOf(0) : -1;
    for (const k of order) allGroups.push(g[k]!);
  });
  groupAt[groups.length] = allGroups.length;
  const grouped = flatten(allGroups);
  const zeroAt = Int32Array.from(zeroGroup, (e) => (e < 0 ? 0 : grouped.at[e]!));
  const zeroEnd = Int32Array.from(zeroGroup, (e) => (e < 0 ? 0 : grouped.at[e + 1]!));
  const none = flatten(nones);
  const any = flatten(anyByItem.map((rows) => rows.map(([p]) => p)));
  return {
    trigAt: trig.at,
    trigItem: trig.list,
    groupAt,
    groupOff: grouped.at,
    groupPhrase: grouped.list,
    groupNarrowEnd: Int32Array.from(
      allGroups,
      (g, e) => grouped.at[e]! + g.filter((p) => wide[p] === 0).length,
    ),
    zeroAt,
    zeroEnd,
    noneAt: none.at,
    nonePhrase: none.list,
    anyAt: any.at,
    anyPhrase: any.list,
    anyBit: Int32Array.from(anyByItem.flat(), ([, b]) => b),
  };
}
