/**
 * The bundled fact pack for the popup, indexed once on first use (the build has validated it:
 * scripts/validate-pack-plugin.ts). The search index is built later still, on the first query.
 */
import { indexPack, type PackIndex } from '../../core/facts/index';
import type { FactPack } from '../../core/facts/types';
import packJson from '../../data/nso-facts.json';
import { createFactSearch, type FactSearch } from '../components/model/search';

const pack = packJson as unknown as FactPack;
let index: PackIndex | null = null;
let search: FactSearch | null = null;

export function packIndex(): PackIndex {
  index ??= indexPack(pack);
  return index;
}

export function factSearch(): FactSearch {
  search ??= createFactSearch(pack);
  return search;
}
