/**
 * The catalog's search and filters: diacritic-insensitive text (name or code), field (lĩnh vực)
 * and the agency that performs the procedure.
 */
import { matchesQuery, type Agency, type Procedure } from '@motcua/model';

export interface ProcedureFilter {
  query: string;
  fieldCode: string;
  agencyId: string;
}

/** True when the procedure is performed by `agencyId` (an empty list means every commune). */
export function performedBy(procedure: Procedure, agencyId: string): boolean {
  return procedure.agencyIds.length === 0 || procedure.agencyIds.includes(agencyId);
}

export function filterProcedures(procedures: readonly Procedure[], filter: ProcedureFilter): Procedure[] {
  const query = filter.query.trim();
  return procedures
    .filter((p) => !filter.fieldCode || p.field.code === filter.fieldCode)
    .filter((p) => !filter.agencyId || performedBy(p, filter.agencyId))
    .filter((p) => !query || matchesQuery(`${p.name} ${p.id} ${p.field.name}`, query))
    .sort((a, b) => a.field.name.localeCompare(b.field.name, 'vi') || a.name.localeCompare(b.name, 'vi'));
}

/** The distinct fields of the catalog, sorted by name. */
export function fieldsOf(procedures: readonly Procedure[]): Array<Procedure['field']> {
  const byCode = new Map<string, Procedure['field']>();
  for (const p of procedures) byCode.set(p.field.code, p.field);
  return [...byCode.values()].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

/** Communes a procedure may be submitted to. */
export function agenciesFor(procedure: Procedure, agencies: readonly Agency[]): Agency[] {
  return agencies
    .filter((a) => a.level === 'commune' && performedBy(procedure, a.id))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}
