/**
 * @module @motcua/model/procedures — the seeded commune procedure catalog (domain.md §6) and fees.
 *
 * @remarks The seed is versioned configuration (`version` 2025.1, effective 2025-07-01): a province
 * edits or supersedes entries through the admin screens; dossiers pin the version they were filed under.
 */
import type { Procedure } from '../schemas/procedure.schema.ts';
import { localize } from './build.ts';
import { HO_TICH_PROCEDURES } from './ho-tich.ts';
import { OTHER_PROCEDURES } from './other.ts';

export { computeFee, computeFeeLines, feeChannelOf, PAGE_FEE_TIERS } from './fees.ts';
export type { FeeChannel, FeeLine, FeeRequest, PageFeeTier } from './fees.ts';
export { SEED_EFFECTIVE_FROM, SEED_VERSION, standardWorkflow } from './build.ts';

/**
 * The commune procedures, localized for a province: ids are `<national code>.000.00.00.<province>`.
 * @example seedProcedures()[0].id // '1.001193.000.00.00.H34'
 */
export function seedProcedures(provinceCode = 'H34'): Procedure[] {
  return [...HO_TICH_PROCEDURES, ...OTHER_PROCEDURES].map((def) => localize(def, provinceCode));
}
