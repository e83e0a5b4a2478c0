/**
 * Compiles a fact pack into one phrase index plus, for each phrase, what it means to each
 * stage (a claim's cue group, a detection term, a person's name, a wrong variant...). Done once
 * per pack; analysing an article then costs one scan of its words.
 */
import { WEEKDAYS } from '../dates/date-mentions.js';
import type { Claim, Conflict, ConflictVariant, CueSet, Entity, FactPack } from '../facts/types.js';
import { type CueShape, type ShapeTable, shapeTable } from '../match/cue-tally.js';
import { PhraseIndex } from '../match/phrase-index.js';
import { foldWord } from '../text/normalize.js';
import { type CueRows, cueRows, PRONOUNS, splitByStage, type UsageTable } from './usage-tables.js';

export type Usage =
  | { k: 'claim-all' | 'claim-any'; item: number; group: number }
  | { k: 'claim-none'; item: number }
  | { k: 'variant-all' | 'variant-any'; item: number; group: number }
  | { k: 'variant-none'; item: number }
  | { k: 'case-all' | 'case-any'; item: number; group: number }
  | { k: 'case-none'; item: number }
  | { k: 'strong'; term: number }
  | { k: 'ambiguous'; term: number }
  | { k: 'needs' | 'not'; term: number }
  | { k: 'context'; term: number }
  | { k: 'combination'; combo: number; group: number }
  | { k: 'mention'; entity: number }
  | { k: 'name-variant'; entity: number; variant: number }
  | { k: 'title'; entity: number; title: number }
  | { k: 'title-variant'; entity: number; variant: number }
  | { k: 'pronoun'; gender: 'female' | 'male'; word: string }
  | { k: 'alt-cue'; item: number; alt: number }
  | { k: 'correction' }
  | { k: 'outlet' };

/** A conflict variant flattened with its conflict, for cue matching. */
export interface FlatVariant {
  conflict: Conflict;
  /** The conflict's index in `pack.conflicts`. */
  conflictIndex: number;
  variant: ConflictVariant;
  cues: CueSet;
}

export interface CompiledPack {
  pack: FactPack;
  index: PhraseIndex;
  /** What each phrase means, split by the stage that reads it, so each pass skips the others' entries. */
  stages: { detect: UsageTable; passage: UsageTable; entity: UsageTable };
  /** The passage stage's cue usages of claims, conflict variants and cases, by role (cue-rows). */
  cueRows: { claims: CueRows; variants: CueRows; cases: CueRows };
  claims: Claim[];
  claimShapes: ShapeTable;
  variants: FlatVariant[];
  variantShapes: ShapeTable;
  caseShapes: ShapeTable;
  entities: Entity[];
  conflictsById: Map<string, Conflict>;
  /** Conflict that a claim's date disagreement belongs to (conflict.claim). */
  dateConflictByClaim: Map<string, Conflict>;
  /** 1 for the claims `dateConflictByClaim` has: a passage stating one has its dates read. */
  claimDated: Uint8Array;
  /** Each claim's case, as an index into `pack.cases` (-1 when it belongs to none). */
  claimCase: Int32Array;
  /** By conflict index: the date of the claim a `weekday` conflict is about, or null. */
  weekdayConflictDate: (string | null)[];
  /** Claim ids by claim index (one array of strings, however differently the claims are shaped). */
  claimIds: string[];
  /** By phrase id, 1 for a weekday on its own ("Monday", "on Sunday", "ביום שני", "يوم الاثنين"). */
  weekdayPhrase: Uint8Array;
  /** By claim, 1 for a dated claim with a weekday among its `all` cues (see passage-match's flush). */
  claimWeekdayCue: Uint8Array;
}

/** A phrase that is a weekday and nothing more, in English, Hebrew or Arabic (folded). */
const WEEKDAY_ONLY = new RegExp(
  [
    `^(?:on )?(?:${WEEKDAYS.join('|')})$`,
    '^(?:ב?יום )?(?:ראשון|שני|שלישי|רביעי|חמישי|שישי|שבת)$',
    '^(?:يوم )?(?:الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت)$',
  ].join('|'),
);

/**
 * Phrases that mark a passage as reporting or correcting a misreport ("at least one outlet called
 * him Neil Cathcart; that is wrong"). A wrong reading quoted in order to correct it is not an error
 * of the article, so no conflict is reported in such a passage.
 */
export const CORRECTION_MARKERS = [
  'that is wrong',
  'which is wrong',
  'is wrong',
  'is also wrong',
  'was wrong',
  'were wrong',
  'are wrong',
  'incorrect',
  'incorrectly',
  'wrongly',
  'erroneous*',
  'mistaken*',
  'misreport*',
  'misspell*',
  'misstat*',
  'not in',
  'never in',
  'rather than',
  'instead of',
  'not strictly',
  'some reports',
  'many reports',
  'several reports',
  'some outlets',
  'many outlets',
  'other outlets',
  'at least one outlet',
  'outlets reported',
  'reported it as',
  'printed it as',
  'gave her name as',
  'gave his name as',
  'referred to him as',
  'referred to her as',
  'was repeated',
  'loosely',
  'approximating',
  'approximation*',
  'not quite right',
  'common shorthand',
  // Another outlet's words, reported: "TechSpot went further, writing that ...".
  'writing that',
  'wrote that',
  // A correction notice: "An article on Monday … got the date of the ruling wrong."
  'wrong',
  'an earlier version',
  'earlier version of',
];

/**
 * Outlet names that are also everyday words or phrases ("the times", "slate", "memo"): a passage
 * using them is not thereby citing that outlet.
 */
const GENERIC_OUTLET_NAMES = new Set([
  'globes',
  'slate',
  'jurist',
  'memo',
  'the hill',
  'the times',
  'the wire',
  'the nation',
  'jewish news',
]);

/**
 * The names a passage cites a news outlet by: each outlet's name (without a qualifier in
 * brackets, "Calcalist (CTech)") and site names, except those that are everyday words. NGOs
 * publish too, but their names (Amnesty, the Citizen Lab) are the story's actors, not its press.
 */
export function outletCitationNames(pack: FactPack): string[] {
  const names = new Set<string>();
  for (const o of pack.outlets) {
    if (o.kind === 'ngo') continue;
    for (const name of [o.name.replace(/\s*\([^)]*\)\s*$/, ''), ...(o.siteNames ?? [])]) {
      if (!GENERIC_OUTLET_NAMES.has(name.toLowerCase())) names.add(name);
    }
  }
  return [...names];
}

export function compilePack(pack: FactPack): CompiledPack {
  const index = new PhraseIndex();
  const usages: Usage[][] = [];
  const use = (phrase: string, usage: Usage) => {
    const id = index.add(phrase);
    if (id < 0) return;
    const list = usages[id] ?? [];
    list.push(usage);
    usages[id] = list;
  };
  const addCues = (
    cues: CueSet,
    item: number,
    kinds:
      | readonly ['claim-all', 'claim-any', 'claim-none']
      | readonly ['variant-all', 'variant-any', 'variant-none']
      | readonly ['case-all', 'case-any', 'case-none'],
  ): CueShape => {
    cues.all.forEach((group, g) => {
      for (const p of group) use(p, { k: kinds[0], item, group: g } as Usage);
    });
    (cues.any ?? []).forEach((group, g) => {
      for (const p of group) use(p, { k: kinds[1], item, group: g } as Usage);
    });
    for (const p of cues.none ?? []) use(p, { k: kinds[2], item } as Usage);
    return { all: cues.all.length, any: (cues.any ?? []).length };
  };

  const claimShapes = pack.claims.map((c, i) =>
    addCues(c.cues, i, ['claim-all', 'claim-any', 'claim-none'] as const),
  );
  pack.claims.forEach((c, item) => {
    c.when?.alternatives?.forEach((a, alt) => {
      for (const p of a.cues ?? []) use(p, { k: 'alt-cue', item, alt });
    });
  });
  for (const p of CORRECTION_MARKERS) use(p, { k: 'correction' });
  for (const p of outletCitationNames(pack)) use(p, { k: 'outlet' });

  // Right readings with cues are counted too: a wrong one next to them is being set right.
  const variants: FlatVariant[] = [];
  pack.conflicts.forEach((conflict, conflictIndex) => {
    for (const variant of conflict.variants) {
      if (!variant.cues || variant.cues.all.length === 0) continue;
      variants.push({ conflict, conflictIndex, variant, cues: variant.cues });
    }
  });
  const variantShapes = variants.map((v, i) =>
    addCues(v.cues, i, ['variant-all', 'variant-any', 'variant-none'] as const),
  );
  const caseShapes = pack.cases.map((c, i) =>
    addCues(c.cues, i, ['case-all', 'case-any', 'case-none'] as const),
  );

  const d = pack.detection;
  d.strong.forEach((t, term) => {
    use(t, { k: 'strong', term });
  });
  d.ambiguous.forEach((a, term) => {
    use(a.term, { k: 'ambiguous', term });
    for (const p of a.needs) use(p, { k: 'needs', term });
    for (const p of a.not) use(p, { k: 'not', term });
  });
  d.context.forEach((t, term) => {
    use(t, { k: 'context', term });
  });
  d.combinations.forEach((groups, combo) => {
    groups.forEach((group, g) => {
      for (const p of group) use(p, { k: 'combination', combo, group: g });
    });
  });

  pack.entities.forEach((e, entity) => {
    use(e.name, { k: 'mention', entity });
    for (const a of e.aliases) use(a.text, { k: 'mention', entity });
    e.variants.forEach((v, variant) => {
      use(v.text, { k: 'mention', entity });
      if (v.conflict) use(v.text, { k: 'name-variant', entity, variant });
    });
    e.attributes?.titles?.forEach((t, title) => {
      for (const c of t.cues) use(c, { k: 'title', entity, title });
    });
    e.attributes?.titleVariants?.forEach((t, variant) => {
      for (const c of t.cues) use(c, { k: 'title-variant', entity, variant });
    });
  });
  for (const gender of ['female', 'male'] as const) {
    for (const word of PRONOUNS[gender]) use(word, { k: 'pronoun', gender, word });
  }

  const weekdayPhrase = Uint8Array.from(index.phrases, (p) =>
    WEEKDAY_ONLY.test(p.trim().split(/\s+/).map(foldWord).join(' ')) ? 1 : 0,
  );
  /** Phrases with a character beyond ASCII (Hebrew, Arabic...): checked only where one was hit (CueRows). */
  const wide = Uint8Array.from(index.phrases, (p) => (/[\u0080-\uffff]/.test(p) ? 1 : 0));
  const conflictsById = new Map(pack.conflicts.map((c) => [c.id, c]));
  const dateConflictByClaim = new Map<string, Conflict>();
  for (const c of pack.conflicts) {
    if (c.claim && (c.kind === 'date' || c.kind === 'weekday')) dateConflictByClaim.set(c.claim, c);
  }
  return {
    pack,
    index,
    stages: splitByStage(usages, index.size),
    cueRows: {
      claims: cueRows(usages, index.size, pack.claims.length, ['claim-all', 'claim-any', 'claim-none'], wide),
      variants: cueRows(
        usages,
        index.size,
        variants.length,
        ['variant-all', 'variant-any', 'variant-none'],
        wide,
      ),
      cases: cueRows(usages, index.size, pack.cases.length, ['case-all', 'case-any', 'case-none'], wide),
    },
    claims: pack.claims,
    claimShapes: shapeTable(claimShapes),
    variants,
    variantShapes: shapeTable(variantShapes),
    caseShapes: shapeTable(caseShapes),
    entities: pack.entities,
    conflictsById,
    dateConflictByClaim,
    claimDated: Uint8Array.from(pack.claims, (cl) => (dateConflictByClaim.has(cl.id) ? 1 : 0)),
    claimCase: Int32Array.from(pack.claims, (cl) => pack.cases.findIndex((k) => k.id === cl.case)),
    weekdayConflictDate: pack.conflicts.map((k) =>
      k.kind === 'weekday' && k.claim
        ? (pack.claims.find((cl) => cl.id === k.claim)?.when?.date ?? null)
        : null,
    ),
    claimIds: pack.claims.map((cl) => cl.id),
    weekdayPhrase,
    claimWeekdayCue: Uint8Array.from(pack.claims, (cl) =>
      cl.when && cl.cues.all.some((g) => g.some((p) => weekdayPhrase[index.add(p)] === 1)) ? 1 : 0,
    ),
  };
}
