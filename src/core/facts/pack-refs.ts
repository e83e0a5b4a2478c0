/**
 * Identity and reference checks a JSON Schema cannot express: ids unique per collection, entity
 * ids prefixed by their kind, conflict-variant ids prefixed by their conflict, and no dangling
 * reference anywhere (every id that points at a source, outlet, entity, case, event, claim,
 * conflict or conflict variant exists). Runs only on packs that already passed the schema.
 */
import { pathError } from './schema-check';
import type { FactPack, SourceRef } from './types';

const KIND_PREFIX: Record<string, string> = {
  person: 'person',
  organisation: 'org',
  court: 'court',
  agency: 'agency',
  product: 'product',
  place: 'place',
};

type Collection =
  | 'sources'
  | 'entities'
  | 'outlets'
  | 'cases'
  | 'events'
  | 'claims'
  | 'reports'
  | 'conflicts';
const COLLECTIONS: Collection[] = [
  'sources',
  'entities',
  'outlets',
  'cases',
  'events',
  'claims',
  'reports',
  'conflicts',
];
const NOUN: Record<Collection, string> = {
  sources: 'source',
  entities: 'entity',
  outlets: 'outlet',
  cases: 'case',
  events: 'event',
  claims: 'claim',
  reports: 'report',
  conflicts: 'conflict',
};

/** Ids of each collection, plus every conflict variant id mapped to its conflict id. */
export interface PackIds {
  ids: Record<Collection, Set<string>>;
  variantConflict: Map<string, string>;
}

function collectIds(pack: FactPack, errors: string[]): PackIds {
  const ids = {} as Record<Collection, Set<string>>;
  for (const name of COLLECTIONS) {
    const seen = new Set<string>();
    pack[name].forEach((item, index) => {
      if (seen.has(item.id))
        errors.push(pathError(`/${name}/${index}/id`, `duplicate ${NOUN[name]} id "${item.id}"`));
      seen.add(item.id);
    });
    ids[name] = seen;
  }
  const variantConflict = new Map<string, string>();
  pack.conflicts.forEach((conflict, c) => {
    const slug = conflict.id.slice('conflict.'.length);
    conflict.variants.forEach((variant, v) => {
      const path = `/conflicts/${c}/variants/${v}/id`;
      if (variantConflict.has(variant.id))
        errors.push(pathError(path, `duplicate variant id "${variant.id}"`));
      if (!variant.id.startsWith(`${slug}.`)) {
        errors.push(pathError(path, `variant id "${variant.id}" must start with "${slug}." (its conflict)`));
      }
      variantConflict.set(variant.id, conflict.id);
    });
  });
  pack.entities.forEach((entity, index) => {
    const prefix = KIND_PREFIX[entity.kind];
    if (prefix && !entity.id.startsWith(`${prefix}.`)) {
      errors.push(pathError(`/entities/${index}/id`, `a ${entity.kind} id must start with "${prefix}."`));
    }
  });
  return { ids, variantConflict };
}

/** Checks identity and every reference; returns readable errors with JSON paths. */
export function checkReferences(pack: FactPack): string[] {
  const errors: string[] = [];
  const { ids, variantConflict } = collectIds(pack, errors);
  const need = (collection: Collection, id: string | null | undefined, path: string) => {
    if (id != null && !ids[collection].has(id))
      errors.push(pathError(path, `unknown ${NOUN[collection]} "${id}"`));
  };
  const refs = (list: readonly SourceRef[], path: string) => {
    list.forEach((ref, index) => {
      need('sources', ref.source, `${path}/${index}/source`);
    });
  };

  pack.sources.forEach((source, i) => {
    need('outlets', source.outlet, `/sources/${i}/outlet`);
  });
  pack.entities.forEach((entity, i) => {
    const base = `/entities/${i}`;
    refs(entity.sources, `${base}/sources`);
    entity.variants.forEach((variant, v) => {
      need('conflicts', variant.conflict, `${base}/variants/${v}/conflict`);
      refs(variant.sources, `${base}/variants/${v}/sources`);
    });
    const attributes = entity.attributes;
    if (!attributes) return;
    if (attributes.gender) {
      need('conflicts', attributes.gender.conflict, `${base}/attributes/gender/conflict`);
      refs(attributes.gender.sources, `${base}/attributes/gender/sources`);
    }
    attributes.titles?.forEach((title, t) => {
      refs(title.sources, `${base}/attributes/titles/${t}/sources`);
    });
    attributes.titleVariants?.forEach((variant, t) => {
      need('conflicts', variant.conflict, `${base}/attributes/titleVariants/${t}/conflict`);
    });
    need('conflicts', attributes.titleConflict, `${base}/attributes/titleConflict`);
  });
  pack.cases.forEach((item, i) => {
    need('entities', item.court, `/cases/${i}/court`);
    item.parties.forEach((party, p) => {
      need('entities', party, `/cases/${i}/parties/${p}`);
    });
    refs(item.sources, `/cases/${i}/sources`);
  });
  pack.events.forEach((event, i) => {
    need('cases', event.case, `/events/${i}/case`);
    refs(event.sources, `/events/${i}/sources`);
  });
  pack.claims.forEach((claim, i) => {
    need('cases', claim.case, `/claims/${i}/case`);
    need('events', claim.event, `/claims/${i}/event`);
    claim.entities.forEach((entity, e) => {
      need('entities', entity, `/claims/${i}/entities/${e}`);
    });
    refs(claim.sources, `/claims/${i}/sources`);
  });
  pack.reports.forEach((report, i) => {
    need('outlets', report.outlet, `/reports/${i}/outlet`);
    need('outlets', report.wire, `/reports/${i}/wire`);
    report.statements.forEach((statement, s) => {
      need('claims', statement.claim, `/reports/${i}/statements/${s}/claim`);
    });
    report.variants.forEach((used, v) => {
      const path = `/reports/${i}/variants/${v}`;
      need('conflicts', used.conflict, `${path}/conflict`);
      const owner = variantConflict.get(used.variant);
      if (owner === undefined)
        errors.push(pathError(`${path}/variant`, `unknown conflict variant "${used.variant}"`));
      else if (owner !== used.conflict) {
        errors.push(
          pathError(
            `${path}/variant`,
            `variant "${used.variant}" belongs to "${owner}", not "${used.conflict}"`,
          ),
        );
      }
    });
  });
  pack.conflicts.forEach((conflict, i) => {
    need('entities', conflict.entity, `/conflicts/${i}/entity`);
    need('claims', conflict.claim, `/conflicts/${i}/claim`);
    conflict.variants.forEach((variant, v) => {
      variant.outlets.forEach((outlet, o) => {
        need('outlets', outlet, `/conflicts/${i}/variants/${v}/outlets/${o}`);
      });
    });
    refs(conflict.sources, `/conflicts/${i}/sources`);
  });
  return errors;
}
