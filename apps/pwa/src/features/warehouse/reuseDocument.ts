/**
 * "Tái sử dụng": fills a dossier component with a document from the owner's warehouse. A new
 * `files` document names the same bytes (nothing is uploaded again) and the component records
 * the warehouse document and `reused`.
 */
import type { Dossier, FileMeta, WarehouseDocument } from '@motcua/model';
import { reuseFile, type MotcuaDatabase } from '../../db/index.ts';
import { newId } from '../../lib/ids.ts';
import type { DossierWriter } from '../dossier/makeDossierWriter.ts';

export interface ReuseInput {
  dossier: Pick<Dossier, 'id' | 'ownerCccd' | 'agencyId'>;
  componentId: string;
  doc: WarehouseDocument;
  file: FileMeta;
  userId: string;
  now?: Date;
}

/** Creates the file reference and returns its id; the caller attaches it (see `markReused`). */
export async function reuseWarehouseFile(db: MotcuaDatabase, input: ReuseInput): Promise<string> {
  const meta = await reuseFile(db, input.file, {
    id: newId(), ownerCccd: input.dossier.ownerCccd, agencyId: input.dossier.agencyId, dossierId: input.dossier.id,
    uploadedBy: input.userId, now: input.now,
  });
  return meta.id;
}

/** The dossier with the component filled from the warehouse (pure). */
export function markReused(dossier: Dossier, componentId: string, fileId: string, warehouseDocId: string): Dossier {
  return {
    ...dossier,
    components: dossier.components.map((c) => (c.id === componentId ? { ...c, fileIds: [fileId], warehouseDocId, reused: true } : c)),
  };
}

/** Reuses the document in a dossier the agency holds (officer at reception): an edit of its content. */
export async function reuseIntoDossier(db: MotcuaDatabase, writer: DossierWriter, input: ReuseInput): Promise<void> {
  const fileId = await reuseWarehouseFile(db, input);
  await writer.edit(input.dossier.id, (d) => markReused(d, input.componentId, fileId, input.doc.id));
}
