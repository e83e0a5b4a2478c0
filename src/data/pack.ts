/**
 * The bundled NSO fact pack, typed. The build validates the JSON against the schema
 * (scripts/validate-pack-plugin.ts), so code that imports it here may rely on the types.
 */
import type { FactPack } from '../core/facts/types';
import packJson from './nso-facts.json';

export const nsoPack = packJson as unknown as FactPack;
