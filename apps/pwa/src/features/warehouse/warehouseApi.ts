/**
 * A citizen's warehouse as this device can see it: the server's answer when online (for an
 * officer, only while the citizen has a dossier at the officer's agency), merged with the
 * documents already on the device.
 */
import type { FileMeta, WarehouseDocument } from '@motcua/model';
import { fileRemoteOf, ownerKeyOf, withoutOwnerKey, type MotcuaDatabase } from '../../db/index.ts';

export interface OwnerWarehouse {
  documents: WarehouseDocument[];
  /** File metadata by `files` id. */
  files: Map<string, FileMeta>;
  /** Why the server's copy is missing (offline, refused), or null. */
  notice: string | null;
}

/** Reads the warehouse of `cccd` from the server and the device. */
export async function loadOwnerWarehouse(db: MotcuaDatabase, cccd: string): Promise<OwnerWarehouse> {
  const found = await db.warehouse.find({ selector: { ownerKey: await ownerKeyOf(db, cccd) } }).exec();
  const localDocs = found.map((d) => withoutOwnerKey<WarehouseDocument>(d.toMutableJSON()));
  const localFiles = await db.files.findByIds(localDocs.map((d) => d.fileId)).exec();
  const documents = new Map(localDocs.map((d) => [d.id, d]));
  const files = new Map([...localFiles.values()].map((f) => [f.id, f.toMutableJSON() as FileMeta]));
  let notice: string | null = null;
  const remote = fileRemoteOf(db);
  if (!remote) {
    notice = 'Đang ngoại tuyến: chỉ hiển thị giấy tờ đã có trên máy này.';
  } else {
    try {
      const response = await remote.client.request(`/api/warehouse/of/${cccd}`);
      if (response.ok) {
        const body = (await response.json()) as { documents: WarehouseDocument[]; files: FileMeta[] };
        for (const d of body.documents) documents.set(d.id, d);
        for (const f of body.files) files.set(f.id, f);
      } else {
        notice = response.status === 403
          ? 'Không có quyền xem kho dữ liệu của công dân này.'
          : `Máy chủ chưa trả lời được (mã ${response.status}); chỉ hiển thị giấy tờ đã có trên máy.`;
      }
    } catch {
      notice = 'Chưa kết nối được máy chủ: chỉ hiển thị giấy tờ đã có trên máy này.';
    }
  }
  const list = [...documents.values()].sort((a, b) => b.digitizedAt.localeCompare(a.digitizedAt));
  return { documents: list, files, notice };
}

/**
 * The citizen's documents in the national warehouse ("Kho QG"), through this device's server
 * (which asks the nation). Offline or unreachable: no documents and a notice saying why.
 */
export async function loadNationalWarehouse(db: MotcuaDatabase, cccd: string): Promise<OwnerWarehouse> {
  const remote = fileRemoteOf(db);
  const empty = (notice: string): OwnerWarehouse => ({ documents: [], files: new Map(), notice });
  if (!remote) return empty('Đang ngoại tuyến: chưa xem được kho dữ liệu quốc gia.');
  try {
    const response = await remote.client.request(`/api/warehouse/national/${cccd}`);
    if (!response.ok) return empty(`Chưa kết nối được kho dữ liệu quốc gia (mã ${response.status}).`);
    const body = (await response.json()) as { documents: WarehouseDocument[]; files: FileMeta[] };
    return { documents: body.documents, files: new Map(body.files.map((f) => [f.id, f])), notice: null };
  } catch {
    return empty('Chưa kết nối được kho dữ liệu quốc gia: chỉ hiển thị giấy tờ đã có trên máy này.');
  }
}
