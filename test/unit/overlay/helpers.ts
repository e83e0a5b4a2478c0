/**
 * Shared by the overlay's tests: the same real pack, engine analyses of the seed pages and English
 * catalogue as the popup's tests (test/unit/ui/helpers.ts), typed for the overlay's strings.
 */
import type { Translate } from '../../../src/ui/overlay/strings';
import { t as catalogueT } from '../ui/helpers';

export { index, pack, seedAnalysis } from '../ui/helpers';

export const t: Translate = catalogueT;
