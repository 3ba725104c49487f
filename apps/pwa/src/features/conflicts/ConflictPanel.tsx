/**
 * The refused actions of one dossier on its page, settled on this device: re-applied on the
 * dossier as it is now (the same action, taken again by this officer), or set aside with a
 * comment. Either way a `resolveConflict` action records it; the refused action stays in the history.
 */
import { createSignal } from 'solid-js';
import type { Dossier, DossierEvent, WireAction } from '@motcua/model';
import { useDatabase } from '../../lib/useDatabase.ts';
import { useDossierWriter } from '../dossier/useDossierWriter.ts';
import { ConflictListView, type ConflictDecision } from './ConflictListView.tsx';

export function ConflictPanel(props: { dossier: Dossier }) {
  const { db } = useDatabase();
  const writer = useDossierWriter();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);

  async function resolve(eventId: string, decision: ConflictDecision, comment: string): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      const text = comment.trim() || (decision === 'reapplied' ? 'Đã áp dụng lại' : 'Đã xem xét');
      if (decision === 'reapplied') {
        const refused = (await db.events.findOne(eventId).exec())?.toJSON() as DossierEvent | undefined;
        if (!refused?.action) throw new Error('Không tìm thấy thao tác bị từ chối trên máy này; vui lòng đồng bộ rồi thử lại.');
        await writer.reapply(props.dossier.id, refused.action as WireAction);
      }
      await writer.apply(props.dossier.id, { type: 'resolveConflict', eventId, decision, comment: text });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return <ConflictListView conflicts={props.dossier.conflicts} busy={busy()} error={error()} onResolve={(id, d, c) => void resolve(id, d, c)} />;
}
