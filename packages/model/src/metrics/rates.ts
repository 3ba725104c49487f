/**
 * @module metrics/rates — the digitization rate and the reuse rate of Bộ chỉ số 766 (domain.md §8,
 * items 5 and 6), as pure functions over dossier summaries (`summarizeDossier`), so a province's
 * dossiers and the summaries the nation holds count the same way.
 *
 * @remarks Shared rules: the period selects dossiers by the reception time, falling back to the
 * submission time; drafts never count; a zero denominator gives `percent: null` (shown "N/A");
 * percentages are rounded to 2 decimals.
 */
import type { Procedure } from '../schemas/procedure.schema.ts';
import type { DossierSummary } from '../schemas/summary.schema.ts';

/** A half-open period `[from, to)`. */
export interface Period {
  from: Date;
  to: Date;
}

export interface Rate {
  numerator: number;
  denominator: number;
  /** `numerator / denominator × 100`, 2 decimals; null when the denominator is 0. */
  percent: number | null;
}

type RateDossier = Pick<DossierSummary, 'status' | 'agencyId' | 'receivedAt' | 'submittedAt' | 'procedureId' | 'components' | 'resultFiles'>;

/** Percent rounded to 2 decimals, or null for an empty denominator. */
export function toRate(numerator: number, denominator: number): Rate {
  const percent = denominator === 0 ? null : Math.round((numerator / denominator) * 10000) / 100;
  return { numerator, denominator, percent };
}

/** True when the dossier is not a draft and its reception (else submission) time lies in the period. */
export function inPeriod(dossier: Pick<DossierSummary, 'status' | 'receivedAt' | 'submittedAt'>, period: Period): boolean {
  if (dossier.status === 0) return false;
  const at = dossier.receivedAt ?? dossier.submittedAt;
  if (!at) return false;
  const t = Date.parse(at);
  return t >= period.from.getTime() && t < period.to.getTime();
}

/** The dossiers of the period, for the given agencies (all agencies when `agencyIds` is omitted). */
export function dossiersOfPeriod<T extends RateDossier>(dossiers: readonly T[], period: Period, agencyIds?: readonly string[]): T[] {
  return dossiers.filter((d) => inPeriod(d, period) && (!agencyIds || agencyIds.includes(d.agencyId)));
}

/**
 * True when the dossier counts as digitized (§8.5): at least one component has a file attached,
 * and, when its procedure requires a paper result, it has at least one result file.
 */
export function isDigitized(dossier: RateDossier, paperResultRequired: boolean): boolean {
  const componentFile = dossier.components.some((c) => c.files > 0);
  if (!componentFile) return false;
  return !paperResultRequired || (dossier.resultFiles ?? 0) > 0;
}

/** True when at least one component was reused from the warehouse (§8.6). */
export function hasReusedComponent(dossier: Pick<DossierSummary, 'components'>): boolean {
  return dossier.components.some((c) => c.reused);
}

/**
 * Tỷ lệ số hóa hồ sơ (§8.5): digitized dossiers / all dossiers of the agencies in the period.
 *
 * @example
 * digitizationRate(dossiers, procedures, { from, to }, ['001.29.00.H34']).percent // 66.67
 */
export function digitizationRate(
  dossiers: readonly RateDossier[],
  procedures: readonly Pick<Procedure, 'id' | 'paperResultRequired'>[],
  period: Period,
  agencyIds?: readonly string[],
): Rate {
  const paper = new Map(procedures.map((p) => [p.id, p.paperResultRequired]));
  const selected = dossiersOfPeriod(dossiers, period, agencyIds);
  return toRate(selected.filter((d) => isDigitized(d, paper.get(d.procedureId) ?? false)).length, selected.length);
}

/** Tỷ lệ khai thác, sử dụng lại dữ liệu số hóa (§8.6): dossiers with a reused component / all received. */
export function reuseRate(dossiers: readonly RateDossier[], period: Period, agencyIds?: readonly string[]): Rate {
  const selected = dossiersOfPeriod(dossiers, period, agencyIds);
  return toRate(selected.filter(hasReusedComponent).length, selected.length);
}
