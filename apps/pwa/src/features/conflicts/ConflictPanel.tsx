/**
 * The conflicts of one dossier on its page, resolved on this device: the dossier without the
 * conflict and a chained `v1.ConflictResolved` event, both replicated like any other change.
 */
import { createSignal } from 'solid-js';
import { sha256Hex } from '@motcua/crypto';
import { chainEvent, type Dossier } from '@motcua/model';
import { browserDeviceChain } from '../../lib/deviceChain.ts';
import { newId } from '../../lib/ids.ts';
import { useDatabase } from '../../lib/useDatabase.ts';
import { makeRxDossierStore } from '../dossier/makeRxDossierStore.ts';
import { ConflictListView } from './ConflictListView.tsx';
import { resolveConflict } from './resolveConflict.ts';

export function ConflictPanel(props: { dossier: Dossier }) {
  const { db, user } = useDatabase();
  const store = makeRxDossierStore(db);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);

  async function resolve(conflictId: string, comment: string): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      const current = await store.getDossier(props.dossier.id);
      if (!current) return;
      const chain = browserDeviceChain();
      const { dossier, event } = resolveConflict({
        dossier: current, conflictId, comment, now: new Date(), eventId: newId(), deviceId: chain.deviceId,
        actor: { userId: user.id, name: user.fullName, role: user.role },
      });
      await chain.append((prev) => chainEvent(event, prev, (t) => sha256Hex(t)), (chained) => store.addEvent(chained));
      await store.putDossier(dossier);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return <ConflictListView conflicts={props.dossier.conflicts} busy={busy()} error={error()} onResolve={(id, c) => void resolve(id, c)} />;
}
