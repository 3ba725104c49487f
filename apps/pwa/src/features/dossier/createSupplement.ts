/**
 * The citizen's supplement: files saved on the device as they are picked, then one
 * `supplement` action that attaches them to their components. Works offline.
 */
import type { Accessor } from 'solid-js';
import { createTaskRunner } from '../../lib/createTaskRunner.ts';
import { createStore } from 'solid-js/store';
import type { Dossier } from '@motcua/model';
import { saveLocalFile } from '../../db/index.ts';
import { newId } from '../../lib/ids.ts';
import { useDatabase } from '../../lib/useDatabase.ts';
import { useDossierWriter } from './useDossierWriter.ts';

export function createSupplement(dossier: Accessor<Dossier>) {
  const { db, user } = useDatabase();
  const writer = useDossierWriter();
  const [picked, setPicked] = createStore<Record<string, string[]>>({});
  const { busy, message, setMessage, run } = createTaskRunner();


  return {
    picked,
    busy,
    message,
    upload: (componentId: string, files: File[]) =>
      run(async () => {
        const d = dossier();
        for (const file of files) {
          const meta = await saveLocalFile(db, file, {
            id: newId(),
            ownerCccd: d.ownerCccd,
            agencyId: d.agencyId,
            dossierId: d.id,
            uploadedBy: user.id,
          });
          setPicked(componentId, (list) => [...(list ?? []), meta.id]);
        }
      }),
    remove: (componentId: string, fileId: string) => setPicked(componentId, (list) => (list ?? []).filter((id) => id !== fileId)),
    send: (comment: string) =>
      run(async () => {
        const components = Object.entries(picked)
          .filter(([, ids]) => ids.length > 0)
          .map(([id, fileIds]) => ({ id, fileIds: [...fileIds] }));
        if (components.length === 0) throw new Error('Vui lòng tải lên ít nhất một giấy tờ cần bổ sung.');
        await writer.apply(dossier().id, { type: 'supplement', components, ...(comment.trim() ? { comment: comment.trim() } : {}) });
        for (const { id } of components) setPicked(id, []);
        setMessage({ kind: 'ok', text: 'Đã gửi bổ sung. Bộ phận một cửa sẽ xem xét và tiếp nhận.' });
      }),
  };
}
