/**
 * Applies one RxDB push batch: validate everything first, then one serialized transaction in which
 * each row is written, skipped as already applied (idempotent), or answered with the master
 * document as a conflict. A refused row refuses the whole batch and nothing is stored. Dossiers are
 * never written here: people change them by actions (`apply-actions.ts`), a lower tier relays its
 * own (`tier-relay.ts`).
 */
import type { CollectionName, SessionUser } from '@motcua/model';
import { forbidden } from '../errors.ts';
import type { StoredDocument, SyncStore } from '../store/types.ts';
import type { ChangeBus } from './change-bus.ts';
import { assertStorable, fromWire, sameDocument, toWire, type WireDocument } from './documents.ts';
import type { PushRow } from './push-body.ts';
import { claimRelayedCode } from '../upstream/relayed-code.ts';
import { baseOf, checkWriteFields, checkWrites, pushedCode, writeChecksFor } from './push-rules.ts';
import { inScope, isTierAccount, readScope, scopeColumns, storedInScope } from './scope.ts';
import { assertValid } from './validate.ts';
import { appOutdated, applyEventPush } from './apply-actions.ts';
import { applyTierRelay } from './tier-relay.ts';

export interface PushContext {
  store: SyncStore;
  bus: ChangeBus;
  user: SessionUser;
  collection: CollectionName;
  now?: Date;
  /** The pushing device (`X-Device-Id`), matched against leased code ranges. */
  deviceId?: string | null;
}

/** Returns the conflicting master documents (empty when every row was applied). */
export async function applyPush(ctx: PushContext, rows: PushRow[]): Promise<WireDocument[]> {
  const { store, user, collection } = ctx;
  // People change dossiers only through actions; a tier relays what its own server derived.
  if (collection === 'dossiers' || collection === 'events') {
    if (isTierAccount(user)) return applyTierRelay(ctx, collection, rows);
    if (collection === 'events') return applyEventPush(ctx, rows);
    throw appOutdated('Hồ sơ chỉ thay đổi qua thao tác (dossier_readonly)');
  }
  const scope = await readScope(store, user, collection);
  const prepared = rows.map((row, index) => {
    const next = fromWire(row.newDocumentState);
    assertStorable(next.data);
    assertValid(collection, next.data, index);
    if (!inScope(scope, scopeColumns(collection, next.data))) {
      throw forbidden('out_of_scope', `Không có quyền ghi tài liệu "${String(next.data.id)}"`);
    }
    const assumed = row.assumedMasterState ? fromWire(row.assumedMasterState) : null;
    return { id: next.data.id as string, next, assumed, index };
  });
  if (prepared.length === 0) return [];
  const checks = await writeChecksFor(store, user, collection, scope);
  await checkWrites(checks, prepared);

  const { conflicts, written } = await store.documents.write(async (tx) => {
    const masters = await tx.lock(collection, [...new Set(prepared.map((row) => row.id))]);
    const conflicts: WireDocument[] = [];
    let written = 0;
    for (const { id, next, assumed } of prepared) {
      const master = masters.get(id) ?? null;
      if (master && !storedInScope(scope, master)) {
        throw forbidden('out_of_scope', `Không có quyền ghi tài liệu "${id}"`);
      }
      // Before the pusher's rights: a device may send back what it pulled, unchanged (a tab closed
      // between RxDB's write of a pulled page and its record of it), which is no write at all.
      if (master && sameDocument(next, master)) continue;
      checkWriteFields(checks, next.data, baseOf(master, assumed), next.deleted);
      const live = master && !master.deleted ? master.data : null;
      // No master yet: the row creates it, whatever the client assumed.
      if (master !== null && (!assumed || !sameDocument(assumed, master))) {
        conflicts.push(toWire(master));
        continue;
      }
      const { data, deleted } = next;
      const code = pushedCode(collection, data, live);
      if (code !== null) await claimRelayedCode(tx, code, data.agencyId as string, id);
      const seq = await tx.put(collection, { id, data, deleted, ...scopeColumns(collection, data) });
      const stored: StoredDocument = { collection, id, data, deleted, seq };
      masters.set(id, stored);
      written++;
    }
    return { conflicts, written };
  });
  if (written > 0) ctx.bus.publish(collection);
  return conflicts;
}
