/**
 * Types of a fact pack: everything NSO Lens knows, each fact with its sources.
 *
 * These types mirror `src/data/fact-pack.schema.json` (JSON Schema 2020-12); a unit test proves
 * that every object type here has exactly the properties the schema declares. Ids are stable,
 * readable and prefixed by collection (`person.eitay-mack`, `claim.petition-filed`, ...).
 */

/** ISO calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

/** How well the record supports a statement (DESIGN.md §3; facts.md's [V]/[S]/[U]). */
export type Verdict = 'verified' | 'single-source' | 'disputed' | 'false' | 'unverified';

/** One document a fact was read in. Normalised: facts point at it by id. */
export interface Source {
  id: string;
  url: string;
  /** Outlet id when the publisher is one of `outlets`, otherwise null (NGO site, court database...). */
  outlet: string | null;
  /** Human-readable publisher, e.g. "Columbia Global Freedom of Expression". */
  publisher: string;
  title: string;
  /** Publication date; when only the reported event's date is known, `dateApprox` is true. */
  date: IsoDate;
  dateApprox?: boolean;
  /** BCP 47 language of the document ("en", "he", "ar"...). */
  lang: string;
}

/** A pointer from a fact to a source, with the short quote that supports it. */
export interface SourceRef {
  source: string;
  /** A short quote (≤ 300 characters) from the source, in its language. */
  quote: string;
  /**
   * True when `quote` is the research record's wording of what the source says (facts.md), not
   * the source's own words: the UI must not present it as a quotation from the source.
   */
  fromRecord?: boolean;
}

/**
 * Phrases the matcher looks for, case-, diacritic- and punctuation-insensitively, as whole words.
 * A trailing `*` on a phrase's last word matches any word starting with it ("licen*").
 * `all`: every group needs one phrase in the passage; `any`: optional groups that raise confidence;
 * `none`: phrases that veto a match in that passage.
 */
export interface CueSet {
  all: string[][];
  any?: string[][];
  none?: string[];
}

export type EntityKind = 'person' | 'organisation' | 'court' | 'agency' | 'product' | 'place';

export interface Alias {
  text: string;
  /** BCP 47 language of the alias ("en", "he", "ar"). */
  lang: string;
}

/** A form of the name that is not the preferred one. */
export interface NameVariant {
  text: string;
  type: 'transliteration' | 'error' | 'house-style';
  /** True when the record cannot tell whether this form is right (e.g. "Lavi-Barkai"). */
  unverified?: boolean;
  /** The conflict this variant belongs to, when outlets disagree over it. */
  conflict?: string;
  note: string;
  sources: SourceRef[];
}

/** A title or role held during a period; `to` absent means still held as far as the record knows. */
export interface DatedTitle {
  title: string;
  /** Phrases that state this title in text ("deputy director of amnesty tech"). */
  cues: string[];
  from: IsoDate;
  to?: IsoDate;
  sources: SourceRef[];
}

/** A wording of a title that outlets used but that is not the holder's title at any date. */
export interface TitleVariant {
  text: string;
  cues: string[];
  /** What this wording stands for: a paraphrase of a real title, or simply wrong. */
  type: 'paraphrase' | 'error';
  conflict: string;
  note: string;
}

export interface EntityAttributes {
  gender?: {
    value: 'female' | 'male';
    /** The conflict a wrong pronoun belongs to. */
    conflict?: string;
    sources: SourceRef[];
  };
  titles?: DatedTitle[];
  titleVariants?: TitleVariant[];
  /** The conflict that wrong-dated title uses belong to. */
  titleConflict?: string;
}

export interface Entity {
  id: string;
  kind: EntityKind;
  name: string;
  description: string;
  aliases: Alias[];
  variants: NameVariant[];
  attributes?: EntityAttributes;
  sources: SourceRef[];
}

export type OutletKind =
  | 'wire'
  | 'newspaper'
  | 'broadcaster'
  | 'state-broadcaster'
  | 'magazine'
  | 'online'
  | 'blog'
  | 'ngo'
  | 'legal';

export interface Outlet {
  id: string;
  name: string;
  /** Registrable domains; subdomains match too (m.jpost.com → jpost.com). */
  domains: string[];
  /** Other names the page may give as og:site_name ("JPost.com"). */
  siteNames?: string[];
  kind: OutletKind;
  country: string;
}

export interface Case {
  id: string;
  title: string;
  court: string;
  number: string;
  /** Entity ids of the parties and judges. */
  parties: string[];
  description: string;
  /** Phrases that show an article touches this case. */
  cues: CueSet;
  sources: SourceRef[];
}

export interface CaseEvent {
  id: string;
  /** Case id; null for events that belong to the story but to no case (reports, sanctions). */
  case: string | null;
  date: IsoDate;
  /** When the event became public, if later than `date` (the Barkai judgment: dated 12, published 13 Jul). */
  published?: IsoDate;
  /** The event's date is derived or uncertain ([U] in facts.md). */
  dateUncertain?: boolean;
  title: string;
  description: string;
  /** The case's status after this event ("dismissed", "closed-door hearing held"...). */
  status?: string;
  verdict: Verdict;
  sources: SourceRef[];
}

/**
 * Another date an outlet may honestly give for the same thing. With `cues`, a passage using one of
 * those words ("published", "made public") gives the alternative in its own right: no conflict.
 */
export interface DateAlternative {
  date: IsoDate;
  note: string;
  cues?: string[];
}

export interface ClaimDate {
  date: IsoDate;
  /** Other dates an outlet may honestly give for the same thing, with why (publication day...). */
  alternatives?: DateAlternative[];
}

export interface Claim {
  id: string;
  /** The statement in plain words, written for this pack. */
  text: string;
  verdict: Verdict;
  /** Why the verdict, in one sentence (required unless verified). */
  verdictNote?: string;
  case: string | null;
  event?: string;
  entities: string[];
  /** When the claim is about a dated happening, the date passages stating it should agree with. */
  when?: ClaimDate;
  cues: CueSet;
  sources: SourceRef[];
}

/** "Who reported what": one outlet article and the claims it states, in its own words. */
export interface Report {
  id: string;
  outlet: string;
  /** The article's address; null when the record has none (the AFP copy on i24NEWS was not found online). */
  url: string | null;
  title: string;
  date: IsoDate;
  lang: string;
  /** Wire service the text came from, when it is a republished wire copy. */
  wire?: string;
  statements: { claim: string; wording: string }[];
  /** Variants of known conflicts this article used. */
  variants: { conflict: string; variant: string; wording: string }[];
}

export type ConflictKind =
  | 'name'
  | 'gender'
  | 'title'
  | 'body-name'
  | 'date'
  | 'weekday'
  | 'number'
  | 'unit'
  | 'place'
  | 'party'
  | 'fact';

export interface ConflictVariant {
  id: string;
  /** The reading as outlets wrote it ("Itai Mack", "in his ruling", "1,400 users"). */
  reading: string;
  /** How this reading stands against the record. */
  assessment: 'right' | 'imprecise' | 'outdated' | 'house-style' | 'wrong' | 'unverified';
  outlets: string[];
  /**
   * Where the matcher can find this reading; absent when an entity variant, gender or title rule finds it.
   * The phrase that satisfied the first `all` group is what the engine reports as `found`, so put the
   * wrong words themselves first and context groups after.
   */
  cues?: CueSet;
  note: string;
}

export interface Conflict {
  id: string;
  subject: string;
  kind: ConflictKind;
  /** The reading the record supports, as the reader should see it. */
  expected: string;
  why: string;
  entity?: string;
  claim?: string;
  variants: ConflictVariant[];
  sources: SourceRef[];
}

/** Words that decide whether a text is about the story at all (the detect stage). */
export interface Detection {
  /** Names that alone make a text likely relevant (NSO Group, Eitay Mack, פגסוס...). */
  strong: string[];
  /** Words that count only with context ("Pegasus", "NSO"). */
  ambiguous: { term: string; needs: string[]; not: string[] }[];
  /** Words that make up the story's context (spyware, Citizen Lab, zero-day...). */
  context: string[];
  /** A hard positive without names: each group must appear (an Israeli spyware firm + Citizen Lab + iPhone). */
  combinations: string[][][];
  /** Minimum score for an article to count as relevant. */
  threshold: number;
}

export interface FactPack {
  $schema?: string;
  version: string;
  updated: IsoDate;
  title: string;
  description: string;
  detection: Detection;
  sources: Source[];
  entities: Entity[];
  outlets: Outlet[];
  cases: Case[];
  events: CaseEvent[];
  claims: Claim[];
  reports: Report[];
  conflicts: Conflict[];
}
