/**
 * The agency directory as a tree (the nation, its provinces, their communes): what an admin of an
 * agency acts for is that agency and every agency below it.
 */
import type { Agency } from '../schemas/agency.schema.ts';

/** `rootId` and the ids of every agency below it, parents before children; deleted ones left out by the caller. */
export function agenciesUnder(agencies: ReadonlyArray<Pick<Agency, 'id' | 'parentId'>>, rootId: string): string[] {
  const children = new Map<string, string[]>();
  for (const agency of agencies) {
    if (agency.parentId) children.set(agency.parentId, [...(children.get(agency.parentId) ?? []), agency.id]);
  }
  const result = [rootId];
  const seen = new Set(result);
  for (let i = 0; i < result.length; i++) {
    for (const child of children.get(result[i]!) ?? []) {
      // A cycle in a hand-edited directory must not loop forever.
      if (!seen.has(child)) {
        seen.add(child);
        result.push(child);
      }
    }
  }
  return result;
}
