/**
 * The chairman's approval signs the result ("ký số kết quả") with the key on this device, offline
 * once the device holds a certificate: the result files become one PDF with the visible stamp, kept
 * locally (and uploaded when online) as the dossier's electronic result.
 */
import type { Dossier, SessionUser } from '@motcua/model';
import { saveLocalFile, type MotcuaDatabase } from '../../db/index.ts';
import { newId } from '../../lib/ids.ts';
import { signedPdfOf } from '../warehouse/saveToWarehouse.ts';
import { ProcessingInputError } from './createProcessingActions.ts';

export async function signResultOnDevice(db: MotcuaDatabase, dossier: Dossier, user: SessionUser): Promise<string[]> {
  const result = dossier.result;
  if (!result || result.fileIds.length === 0) throw new ProcessingInputError('files', 'Chưa có tệp kết quả để ký.');
  const { signPdfOnDevice } = await import('../signing/index.ts');
  const agency = user.agencyId ? await db.agencies.findOne(user.agencyId).exec() : null;
  const now = new Date();
  let made: Awaited<ReturnType<typeof signedPdfOf>>;
  try {
    made = await signedPdfOf(db, result.fileIds, result.name, { user, agencyName: agency?.name ?? '', now, title: 'Kết quả giải quyết' }, signPdfOnDevice);
  } catch (e) {
    throw new ProcessingInputError('files', e instanceof Error ? e.message : String(e));
  }
  const file = new File([made.pdf as BlobPart], `${result.name.normalize('NFC').slice(0, 100)}.pdf`, { type: 'application/pdf' });
  const meta = await saveLocalFile(db, file, {
    id: newId(), ownerCccd: dossier.ownerCccd, agencyId: dossier.agencyId, dossierId: dossier.id, uploadedBy: user.id, now,
  });
  return [meta.id];
}
