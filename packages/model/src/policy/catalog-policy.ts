/**
 * @module policy/catalog-policy — who may write the catalog (agencies and procedures): an
 * administrator, and only inside their own agency tree, before and after the change alike, so no
 * one can move another province's commune under their own (and with it its accounts and dossiers)
 * or edit a catalog entry that other provinces use.
 */
import type { Agency } from '../schemas/agency.schema.ts';
import type { Procedure } from '../schemas/procedure.schema.ts';

/** The writing administrator: their own agency, and the agencies they act for (it and below). */
export interface CatalogWriter {
  agencyId: string;
  tree: ReadonlySet<string>;
}

const inTree = (writer: CatalogWriter, id: string | null | undefined) => typeof id === 'string' && writer.tree.has(id);

/**
 * Why `writer` may not write agency `next` over `stored` (null: a new one), or null when they may.
 * An agency below the writer's: its id and parent, old and new, all in the writer's tree; the
 * writer's own agency: never its parent or level (that is the parent tier's to decide).
 */
export function agencyWriteRefusal(writer: CatalogWriter, next: Pick<Agency, 'id' | 'parentId' | 'level'>, stored: Pick<Agency, 'id' | 'parentId' | 'level'> | null): string | null {
  if (next.id === writer.agencyId) {
    if (!stored) return 'Cơ quan của quản trị viên do cấp trên tạo.';
    if (next.parentId !== stored.parentId || next.level !== stored.level) return 'Cấp trên và cấp của cơ quan mình do cấp trên quyết định.';
    return null;
  }
  if (stored && !inTree(writer, stored.id)) return `Cơ quan "${stored.id}" không thuộc phạm vi quản trị.`;
  if (stored && !inTree(writer, stored.parentId)) return `Cơ quan "${stored.id}" hiện thuộc cơ quan ngoài phạm vi quản trị.`;
  if (!inTree(writer, next.parentId)) return `Cơ quan cấp trên "${String(next.parentId)}" không thuộc phạm vi quản trị.`;
  return null;
}

/**
 * Why `writer` may not write procedure `next` over `stored`, or null when they may: every agency
 * that runs it, before and after, is in the writer's tree; an entry for every agency (no list) is
 * the catalog its publisher keeps (`mayWriteShared`: the province whose code the entry's id ends
 * with, or the root of the tier).
 */
export function procedureWriteRefusal(writer: CatalogWriter, mayWriteShared: boolean, next: Pick<Procedure, 'agencyIds'>, stored: Pick<Procedure, 'agencyIds'> | null): string | null {
  for (const entry of stored ? [stored, next] : [next]) {
    if (entry.agencyIds.length === 0 && !mayWriteShared) return 'Thủ tục dùng chung do cơ quan công bố thủ tục (tỉnh) quản lý.';
    const outside = entry.agencyIds.find((id) => !writer.tree.has(id));
    if (outside !== undefined) return `Thủ tục áp dụng cho cơ quan "${outside}" ngoài phạm vi quản trị.`;
  }
  return null;
}
