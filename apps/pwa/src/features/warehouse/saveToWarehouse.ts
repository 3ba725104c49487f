/**
 * "Lưu vào kho dữ liệu điện tử" for a dossier component (or result): its files become one PDF,
 * signed on the device when signing is available (stamp: the officer, the agency, the time of
 * copying), saved with the metadata as a `warehouse` document linked from the component.
 */
import {
  buildWarehouseDocument, WarehouseInputError, type Dossier, type SessionUser, type WarehouseDocument, type WarehouseForm,
} from '@motcua/model';
import { readFile, saveLocalFile, type MotcuaDatabase } from '../../db/index.ts';
import { newId } from '../../lib/ids.ts';
import { buildScan, type ScanPage } from '../scan/buildScan.ts';
import { NO_CROP } from '../scan/scanSizing.ts';
import { loadPdfSigner, type PdfSigner } from './signingSeam.ts';
import type { DossierWriter } from '../dossier/makeDossierWriter.ts';

export interface SaveToWarehouseInput {
  dossier: Dossier;
  /** A component id, or `result` for the dossier's result. */
  componentId: string;
  form: WarehouseForm;
  user: SessionUser;
  agencyName: string;
  now?: Date;
}

export interface PdfStamp {
  user: SessionUser;
  agencyName: string;
  now: Date;
  /** The stamp's heading, e.g. "Bản sao điện tử". */
  title: string;
}

/**
 * One PDF of the files (kept as is when it is a single PDF), signed with `sign` when given.
 * `changed` says whether the bytes differ from the first file's.
 */
export async function signedPdfOf(db: MotcuaDatabase, fileIds: string[], name: string, stamp: PdfStamp, sign: PdfSigner | null) {
  const metas = [...(await db.files.findByIds(fileIds).exec()).values()];
  if (metas.length === 0) throw new WarehouseInputError('file', 'Tệp chưa đồng bộ về máy này; hãy thử lại khi có mạng.');
  const sources = await Promise.all(metas.map(async (m) => ({ meta: m, blob: await readFile(db, m.id) })));
  let pdf: Uint8Array;
  let changed = false;
  if (sources.length === 1 && sources[0]!.meta.mime === 'application/pdf') {
    pdf = new Uint8Array(await sources[0]!.blob.arrayBuffer());
  } else {
    const pages: ScanPage[] = sources.map((s) => ({
      id: s.meta.id, source: s.blob, kind: s.meta.mime === 'application/pdf' ? 'pdf' : 'image', name: s.meta.name, turns: 0, crop: NO_CROP,
    }));
    pdf = new Uint8Array(await (await buildScan(pages, name)).arrayBuffer());
    changed = true;
  }
  if (sign) {
    pdf = await sign(pdf, { signerName: stamp.user.fullName, agencyName: stamp.agencyName, at: stamp.now, title: stamp.title });
    changed = true;
  }
  return { pdf, changed, firstId: metas[0]!.id, signed: sign !== null };
}

/**
 * Saves a component's files (or the result's) to the owner's warehouse and links the warehouse
 * document from the component (or result); returns it and whether it was signed.
 */
export async function saveComponentToWarehouse(db: MotcuaDatabase, writer: DossierWriter, input: SaveToWarehouseInput): Promise<{ doc: WarehouseDocument; signed: boolean }> {
  const { dossier, user } = input;
  const now = input.now ?? new Date();
  const isResult = input.componentId === 'result';
  const component = dossier.components.find((c) => c.id === input.componentId);
  const fileIds = isResult ? (dossier.result?.fileIds ?? []) : (component?.fileIds ?? []);
  if (fileIds.length === 0) {
    throw new WarehouseInputError('file', 'Chưa có tệp: hãy quét hoặc tải tệp lên trước khi lưu vào kho.');
  }
  // A result the leader already signed on approval is kept as signed; a copied paper is signed now.
  const alreadySigned = isResult && Boolean(dossier.result?.signedBy);
  const sign = alreadySigned ? null : await loadPdfSigner();
  const made = await signedPdfOf(db, fileIds, input.form.name, { user, agencyName: input.agencyName, now, title: 'Bản sao điện tử' }, sign);
  let fileId = made.firstId;
  if (made.changed) {
    const file = new File([made.pdf as BlobPart], `${input.form.name.normalize('NFC').slice(0, 100)}.pdf`, { type: 'application/pdf' });
    const meta = await saveLocalFile(db, file, {
      id: newId(), ownerCccd: dossier.ownerCccd, agencyId: dossier.agencyId, dossierId: dossier.id, uploadedBy: user.id, now,
    });
    fileId = meta.id;
  }
  const doc = buildWarehouseDocument(input.form, {
    id: newId(), kind: isResult ? 'result' : 'component', fileId, dossier, agencyId: user.agencyId ?? dossier.agencyId, digitizedBy: user.fullName, now,
  });
  await db.warehouse.insert(doc);
  if (isResult) await writer.apply(dossier.id, { type: 'storeResult', warehouseDocId: doc.id, fileId });
  else {
    const withFile = (ids: readonly string[]) => (ids.includes(fileId) ? [...ids] : [...ids, fileId]);
    await writer.edit(dossier.id, (d) => ({
      ...d,
      components: d.components.map((c) => (c.id === input.componentId ? { ...c, warehouseDocId: doc.id, fileIds: withFile(c.fileIds) } : c)),
    }));
  }
  return { doc, signed: made.signed || alreadySigned };
}
