/**
 * The TypeScript types and the JSON Schema describe the same thing. Each literal below is typed
 * `Record<keyof T, true>` (or the required keys only), so the compiler forces it to list exactly
 * the type's keys; the test then compares those lists with the schema's `$defs`.
 */
import { describe, expect, it } from 'vitest';
import type {
  Alias,
  Case,
  CaseEvent,
  Claim,
  ClaimDate,
  Conflict,
  ConflictKind,
  ConflictVariant,
  CueSet,
  DatedTitle,
  Detection,
  Entity,
  EntityAttributes,
  EntityKind,
  FactPack,
  NameVariant,
  Outlet,
  OutletKind,
  Report,
  Source,
  SourceRef,
  TitleVariant,
  Verdict,
} from '../../../src/core/facts/types';
import { loadSchemaJson } from './pack-fixtures';

type RequiredKeys<T> = { [K in keyof T]-?: Record<never, never> extends Pick<T, K> ? never : K }[keyof T];
type Keys<T> = Record<keyof T, true>;
type RequiredOf<T> = Record<RequiredKeys<T>, true>;
type Gender = NonNullable<EntityAttributes['gender']>;
type DateAlternative = NonNullable<ClaimDate['alternatives']>[number];
type ReportStatement = Report['statements'][number];
type ReportVariant = Report['variants'][number];
type AmbiguousTerm = Detection['ambiguous'][number];

interface Def {
  properties?: Record<string, unknown>;
  required?: string[];
  enum?: string[];
}
const defs = loadSchemaJson().$defs as Record<string, Def>;
const sorted = (keys: readonly string[]) => [...keys].sort();

const source: Keys<Source> = {
  id: true,
  url: true,
  outlet: true,
  publisher: true,
  title: true,
  date: true,
  dateApprox: true,
  lang: true,
};
const sourceReq: RequiredOf<Source> = {
  id: true,
  url: true,
  outlet: true,
  publisher: true,
  title: true,
  date: true,
  lang: true,
};
const sourceRef: Keys<SourceRef> = { source: true, quote: true, fromRecord: true };
const sourceRefReq: RequiredOf<SourceRef> = { source: true, quote: true };
const cueSet: Keys<CueSet> = { all: true, any: true, none: true };
const cueSetReq: RequiredOf<CueSet> = { all: true };
const alias: Keys<Alias> = { text: true, lang: true };
const aliasReq: RequiredOf<Alias> = { text: true, lang: true };
const nameVariant: Keys<NameVariant> = {
  text: true,
  type: true,
  unverified: true,
  conflict: true,
  note: true,
  sources: true,
};
const nameVariantReq: RequiredOf<NameVariant> = { text: true, type: true, note: true, sources: true };
const datedTitle: Keys<DatedTitle> = { title: true, cues: true, from: true, to: true, sources: true };
const datedTitleReq: RequiredOf<DatedTitle> = { title: true, cues: true, from: true, sources: true };
const titleVariant: Keys<TitleVariant> = { text: true, cues: true, type: true, conflict: true, note: true };
const titleVariantReq: RequiredOf<TitleVariant> = {
  text: true,
  cues: true,
  type: true,
  conflict: true,
  note: true,
};
const gender: Keys<Gender> = { value: true, conflict: true, sources: true };
const genderReq: RequiredOf<Gender> = { value: true, sources: true };
const attributes: Keys<EntityAttributes> = {
  gender: true,
  titles: true,
  titleVariants: true,
  titleConflict: true,
};
const attributesReq: RequiredOf<EntityAttributes> = {};
const entity: Keys<Entity> = {
  id: true,
  kind: true,
  name: true,
  description: true,
  aliases: true,
  variants: true,
  attributes: true,
  sources: true,
};
const entityReq: RequiredOf<Entity> = {
  id: true,
  kind: true,
  name: true,
  description: true,
  aliases: true,
  variants: true,
  sources: true,
};
const outlet: Keys<Outlet> = {
  id: true,
  name: true,
  domains: true,
  siteNames: true,
  kind: true,
  country: true,
};
const outletReq: RequiredOf<Outlet> = { id: true, name: true, domains: true, kind: true, country: true };
const kase: Keys<Case> = {
  id: true,
  title: true,
  court: true,
  number: true,
  parties: true,
  description: true,
  cues: true,
  sources: true,
};
const kaseReq: RequiredOf<Case> = kase;
const event: Keys<CaseEvent> = {
  id: true,
  case: true,
  date: true,
  published: true,
  dateUncertain: true,
  title: true,
  description: true,
  status: true,
  verdict: true,
  sources: true,
};
const eventReq: RequiredOf<CaseEvent> = {
  id: true,
  case: true,
  date: true,
  title: true,
  description: true,
  verdict: true,
  sources: true,
};
const claimDate: Keys<ClaimDate> = { date: true, alternatives: true };
const claimDateReq: RequiredOf<ClaimDate> = { date: true };
const alternative: Keys<DateAlternative> = { date: true, note: true, cues: true };
const alternativeReq: RequiredOf<DateAlternative> = { date: true, note: true };
const claim: Keys<Claim> = {
  id: true,
  text: true,
  verdict: true,
  verdictNote: true,
  case: true,
  event: true,
  entities: true,
  when: true,
  cues: true,
  sources: true,
};
const claimReq: RequiredOf<Claim> = {
  id: true,
  text: true,
  verdict: true,
  case: true,
  entities: true,
  cues: true,
  sources: true,
};
const statement: Keys<ReportStatement> = { claim: true, wording: true };
const statementReq: RequiredOf<ReportStatement> = statement;
const reportVariant: Keys<ReportVariant> = { conflict: true, variant: true, wording: true };
const reportVariantReq: RequiredOf<ReportVariant> = reportVariant;
const report: Keys<Report> = {
  id: true,
  outlet: true,
  url: true,
  title: true,
  date: true,
  lang: true,
  wire: true,
  statements: true,
  variants: true,
};
const reportReq: RequiredOf<Report> = {
  id: true,
  outlet: true,
  url: true,
  title: true,
  date: true,
  lang: true,
  statements: true,
  variants: true,
};
const conflictVariant: Keys<ConflictVariant> = {
  id: true,
  reading: true,
  assessment: true,
  outlets: true,
  cues: true,
  note: true,
};
const conflictVariantReq: RequiredOf<ConflictVariant> = {
  id: true,
  reading: true,
  assessment: true,
  outlets: true,
  note: true,
};
const conflict: Keys<Conflict> = {
  id: true,
  subject: true,
  kind: true,
  expected: true,
  why: true,
  entity: true,
  claim: true,
  variants: true,
  sources: true,
};
const conflictReq: RequiredOf<Conflict> = {
  id: true,
  subject: true,
  kind: true,
  expected: true,
  why: true,
  variants: true,
  sources: true,
};
const ambiguous: Keys<AmbiguousTerm> = { term: true, needs: true, not: true };
const ambiguousReq: RequiredOf<AmbiguousTerm> = ambiguous;
const detection: Keys<Detection> = {
  strong: true,
  ambiguous: true,
  context: true,
  combinations: true,
  threshold: true,
};
const detectionReq: RequiredOf<Detection> = detection;
const pack: Keys<FactPack> = {
  $schema: true,
  version: true,
  updated: true,
  title: true,
  description: true,
  detection: true,
  sources: true,
  entities: true,
  outlets: true,
  cases: true,
  events: true,
  claims: true,
  reports: true,
  conflicts: true,
};
const packReq: RequiredOf<FactPack> = {
  version: true,
  updated: true,
  title: true,
  description: true,
  detection: true,
  sources: true,
  entities: true,
  outlets: true,
  cases: true,
  events: true,
  claims: true,
  reports: true,
  conflicts: true,
};

const objectTypes: [string, object, object][] = [
  ['Source', source, sourceReq],
  ['SourceRef', sourceRef, sourceRefReq],
  ['CueSet', cueSet, cueSetReq],
  ['Alias', alias, aliasReq],
  ['NameVariant', nameVariant, nameVariantReq],
  ['DatedTitle', datedTitle, datedTitleReq],
  ['TitleVariant', titleVariant, titleVariantReq],
  ['Gender', gender, genderReq],
  ['EntityAttributes', attributes, attributesReq],
  ['Entity', entity, entityReq],
  ['Outlet', outlet, outletReq],
  ['Case', kase, kaseReq],
  ['CaseEvent', event, eventReq],
  ['ClaimDate', claimDate, claimDateReq],
  ['DateAlternative', alternative, alternativeReq],
  ['Claim', claim, claimReq],
  ['ReportStatement', statement, statementReq],
  ['ReportVariant', reportVariant, reportVariantReq],
  ['Report', report, reportReq],
  ['ConflictVariant', conflictVariant, conflictVariantReq],
  ['Conflict', conflict, conflictReq],
  ['AmbiguousTerm', ambiguous, ambiguousReq],
  ['Detection', detection, detectionReq],
  ['FactPack', pack, packReq],
];

const verdicts: Record<Verdict, true> = {
  verified: true,
  'single-source': true,
  disputed: true,
  false: true,
  unverified: true,
};
const entityKinds: Record<EntityKind, true> = {
  person: true,
  organisation: true,
  court: true,
  agency: true,
  product: true,
  place: true,
};
const outletKinds: Record<OutletKind, true> = {
  wire: true,
  newspaper: true,
  broadcaster: true,
  'state-broadcaster': true,
  magazine: true,
  online: true,
  blog: true,
  ngo: true,
  legal: true,
};
const conflictKinds: Record<ConflictKind, true> = {
  name: true,
  gender: true,
  title: true,
  'body-name': true,
  date: true,
  weekday: true,
  number: true,
  unit: true,
  place: true,
  party: true,
  fact: true,
};
const variantTypes: Record<NameVariant['type'], true> = {
  transliteration: true,
  error: true,
  'house-style': true,
};
const titleVariantTypes: Record<TitleVariant['type'], true> = { paraphrase: true, error: true };
const assessments: Record<ConflictVariant['assessment'], true> = {
  right: true,
  imprecise: true,
  outdated: true,
  'house-style': true,
  wrong: true,
  unverified: true,
};
const genders: Record<Gender['value'], true> = { female: true, male: true };

function enumOf(def: Def | undefined): string[] {
  return sorted(def?.enum ?? []);
}
function propertyDef(typeName: string, property: string): Def | undefined {
  return defs[typeName]?.properties?.[property] as Def | undefined;
}

describe('types.ts and fact-pack.schema.json agree', () => {
  it.each(objectTypes)('%s has the same properties and required list', (name, keys, required) => {
    const def = defs[name];
    expect(def, `schema $defs.${name}`).toBeDefined();
    expect(sorted(Object.keys(def?.properties ?? {}))).toEqual(sorted(Object.keys(keys)));
    expect(sorted(def?.required ?? [])).toEqual(sorted(Object.keys(required)));
  });

  it('union types match the schema enums', () => {
    expect(enumOf(defs.Verdict)).toEqual(sorted(Object.keys(verdicts)));
    expect(enumOf(propertyDef('Entity', 'kind'))).toEqual(sorted(Object.keys(entityKinds)));
    expect(enumOf(propertyDef('Outlet', 'kind'))).toEqual(sorted(Object.keys(outletKinds)));
    expect(enumOf(propertyDef('Conflict', 'kind'))).toEqual(sorted(Object.keys(conflictKinds)));
    expect(enumOf(propertyDef('NameVariant', 'type'))).toEqual(sorted(Object.keys(variantTypes)));
    expect(enumOf(propertyDef('TitleVariant', 'type'))).toEqual(sorted(Object.keys(titleVariantTypes)));
    expect(enumOf(propertyDef('ConflictVariant', 'assessment'))).toEqual(sorted(Object.keys(assessments)));
    expect(enumOf(propertyDef('Gender', 'value'))).toEqual(sorted(Object.keys(genders)));
  });
});
