/**
 * Lookups over a validated fact pack, built once so the detect and match stages never scan
 * arrays: every collection by id, entities by name or alias (and by variant spelling), outlets
 * by host name (m.jpost.com → jpost.com) or by og:site_name, and each case's events in order.
 */
import { nameKey } from './normalize';
import type {
  Case,
  CaseEvent,
  Claim,
  Conflict,
  ConflictVariant,
  Entity,
  FactPack,
  NameVariant,
  Outlet,
  Report,
  Source,
} from './types';

export type * from './types';
export { formatErrors, type PackValidation, summarizePack, validatePack } from './validate';

/** Indexes of one pack. Maps are keyed by id unless named otherwise. */
export interface PackIndex {
  pack: FactPack;
  sources: ReadonlyMap<string, Source>;
  entities: ReadonlyMap<string, Entity>;
  outlets: ReadonlyMap<string, Outlet>;
  cases: ReadonlyMap<string, Case>;
  events: ReadonlyMap<string, CaseEvent>;
  claims: ReadonlyMap<string, Claim>;
  reports: ReadonlyMap<string, Report>;
  conflicts: ReadonlyMap<string, Conflict>;
  /** Conflict variants by variant id, with the conflict they belong to. */
  variants: ReadonlyMap<string, { conflict: Conflict; variant: ConflictVariant }>;
  /** Entities by `nameKey` of their name and every alias ("איתי מק", "amnesty"...). */
  entitiesByAlias: ReadonlyMap<string, Entity>;
  /** Entities by `nameKey` of a variant spelling ("itai mack"), with that variant. */
  entitiesByVariant: ReadonlyMap<string, { entity: Entity; variant: NameVariant }>;
  /** Outlets by registrable domain as listed in the pack. */
  outletsByDomain: ReadonlyMap<string, Outlet>;
  /** Events of each case (null: story events outside any case), oldest first. */
  eventsByCase: ReadonlyMap<string | null, readonly CaseEvent[]>;
  /** Reports of each outlet id. */
  reportsByOutlet: ReadonlyMap<string, readonly Report[]>;
  /** The entity a name or alias refers to, whatever its case, punctuation or diacritics. */
  entityByAlias(text: string): Entity | undefined;
  /** The outlet of a host ("m.jpost.com", "https://www.jpost.com/x"), trying parent domains in turn. */
  outletForHost(host: string): Outlet | undefined;
  /** The outlet whose name or og:site_name matches ("JPost.com", "The Jerusalem Post"). */
  outletForSiteName(name: string): Outlet | undefined;
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** The bare host of a host name or URL: no scheme, credentials, port, path, trailing dot or "www.". */
export function bareHost(hostOrUrl: string): string {
  let host = hostOrUrl.trim().toLowerCase();
  host = host.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  host = host.replace(/[/?#].*$/, '');
  host = host.replace(/^.*@/, '');
  host = host.replace(/:\d+$/, '');
  host = host.replace(/\.$/, '');
  return host.replace(/^www\./, '');
}

/** Builds every index of a (validated) pack. */
export function indexPack(pack: FactPack): PackIndex {
  const variants = new Map<string, { conflict: Conflict; variant: ConflictVariant }>();
  for (const conflict of pack.conflicts) {
    for (const variant of conflict.variants) variants.set(variant.id, { conflict, variant });
  }
  const entitiesByAlias = new Map<string, Entity>();
  const entitiesByVariant = new Map<string, { entity: Entity; variant: NameVariant }>();
  for (const entity of pack.entities) {
    for (const text of [entity.name, ...entity.aliases.map((alias) => alias.text)]) {
      entitiesByAlias.set(nameKey(text), entity);
    }
    for (const variant of entity.variants) entitiesByVariant.set(nameKey(variant.text), { entity, variant });
  }
  const outletsByDomain = new Map<string, Outlet>();
  const outletsBySiteName = new Map<string, Outlet>();
  for (const outlet of pack.outlets) {
    for (const domain of outlet.domains) outletsByDomain.set(domain, outlet);
    for (const name of [outlet.name, ...(outlet.siteNames ?? [])])
      outletsBySiteName.set(nameKey(name), outlet);
  }
  const sortedEvents = [...pack.events].sort((a, b) => a.date.localeCompare(b.date));

  return {
    pack,
    sources: byId(pack.sources),
    entities: byId(pack.entities),
    outlets: byId(pack.outlets),
    cases: byId(pack.cases),
    events: byId(pack.events),
    claims: byId(pack.claims),
    reports: byId(pack.reports),
    conflicts: byId(pack.conflicts),
    variants,
    entitiesByAlias,
    entitiesByVariant,
    outletsByDomain,
    eventsByCase: groupBy(sortedEvents, (event) => event.case),
    reportsByOutlet: groupBy(pack.reports, (report) => report.outlet),
    entityByAlias: (text) => entitiesByAlias.get(nameKey(text)),
    outletForHost(host) {
      const labels = bareHost(host).split('.');
      for (let i = 0; i < labels.length - 1; i++) {
        const outlet = outletsByDomain.get(labels.slice(i).join('.'));
        if (outlet) return outlet;
      }
      return undefined;
    },
    outletForSiteName: (name) => outletsBySiteName.get(nameKey(name)),
  };
}
