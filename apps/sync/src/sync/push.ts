/**
 * Applies one RxDB push batch: validate everything first, then one serialized transaction in which
 * each row is written, skipped as already applied (idempotent), or answered with the master
 * document as a conflict. A conflicting dossier is merged here first (`dossier-content.ts`) and the
 * stored merge is the master answered. A refused row refuses the whole batch and nothing is stored.
 */
import type { CollectionName, SessionUser } from '@motcua/model';
import { forbidden, HttpError } from '../errors.ts';
import { enqueueNotifications } from '../notify/enqueue.ts';
import { checkFileClaims } from '../files/file-access.ts';
import type { StoredDocument, SyncStore } from '../store/types.ts';
import type { ChangeBus } from './change-bus.ts';
import { assignDossierCode } from './dossier-code.ts';
import { assertContentSize, assertDossierContent, dossierWithoutConflict, matchesMaster, mergeConflict } from './dossier-content.ts';
import { assertStorable, fromWire, sameDocument, toWire, type WireDocument } from './documents.ts';
import type { PushRow } from './push-body.ts';
import { checkPushedCode } from '../codes/check-code.ts';
import { claimRelayedCode } from '../upstream/relayed-code.ts';
import { checkRowAlone, checkRowChange, needsCode, pushedCode } from './push-rules.ts';
import { CATALOG, inScope, isTierAccount, readScope, scopeColumns, storedInScope } from './scope.ts';
import { catalogWriterOf, checkCatalogWrite } from './catalog-write.ts';
import { assertValid } from './validate.ts';
import { appOutdated, applyEventPush } from './apply-actions.ts';

type Data = Record<string, unknown>;

export interface PushContext {
  store: SyncStore;
  bus: ChangeBus;
  user: SessionUser;
  collection: CollectionName;
  now?: Date;
  /** The pushing device (`X-Device-Id`), matched against leased code ranges. */
  deviceId?: string | null;
}

/**
 * The row is already stored (a retried push): equal to the master, or equal but for the dossier
 * code the server issued on the first try.
 */
function alreadyApplied(collection: CollectionName, next: ReturnType<typeof fromWire>, master: StoredDocument): boolean {
  if (sameDocument(next, master)) return true;
  if (collection !== 'dossiers') return false;
  if (matchesMaster(next, master)) return true;
  return next.data.code === null && typeof master.data.code === 'string'
    && matchesMaster({ data: { ...next.data, code: master.data.code }, deleted: next.deleted }, master);
}

/** Returns the conflicting master documents (empty when every row was applied). */
export async function applyPush(ctx: PushContext, rows: PushRow[]): Promise<WireDocument[]> {
  const { store, user, collection } = ctx;
  // People change dossiers only through actions; a tier relays what its own server derived.
  if (!isTierAccount(user) && collection === 'events') return applyEventPush(ctx, rows);
  if (!isTierAccount(user) && collection === 'dossiers') throw appOutdated('Hồ sơ chỉ thay đổi qua thao tác (dossier_readonly)');
  const now = ctx.now ?? new Date();
  const scope = await readScope(store, user, collection);
  const prepared = rows.map((row, index) => {
    const next = fromWire(row.newDocumentState);
    assertStorable(next.data);
    if (collection === 'dossiers') assertContentSize(next.data, index);
    assertValid(collection, next.data, index);
    if (collection === 'dossiers') assertDossierContent(next.data, index);
    if (!inScope(scope, scopeColumns(collection, next.data))) {
      throw forbidden('out_of_scope', `Không có quyền ghi tài liệu "${String(next.data.id)}"`);
    }
    const assumed = row.assumedMasterState ? fromWire(row.assumedMasterState) : null;
    return { id: next.data.id as string, next, assumed, index };
  });
  if (prepared.length === 0) return [];
  const catalogWriter = CATALOG.has(collection) && !isTierAccount(user) ? await catalogWriterOf(store, user) : null;
  if (collection === 'files') await checkFileClaims(store, user, prepared.map((row) => ({ id: row.id, ...row.next })));

  const { conflicts, written } = await store.documents.write(async (tx) => {
    const masters = await tx.lock(collection, [...new Set(prepared.map((row) => row.id))]);
    const conflicts: WireDocument[] = [];
    let written = 0;
    /** The checks of a write against the stored master; throws HttpError when it is refused. */
    const checkWrite = async (id: string, data: Data, live: Data | null, deleted: boolean, index: number): Promise<void> => {
      checkRowChange(collection, user, data, live, index, deleted);
      const code = pushedCode(collection, data, live);
      if (code !== null && isTierAccount(user)) {
        await claimRelayedCode(tx, code, data.agencyId as string, id);
      } else if (code !== null) {
        await checkPushedCode(tx, { userId: user.id, deviceId: ctx.deviceId ?? null, tier: isTierAccount(user) }, {
          code, dossierId: id, agencyId: data.agencyId as string, receivedAt: data.receivedAt as string | null,
        });
      }
    };
    for (const { id, next, assumed, index } of prepared) {
      const master = masters.get(id) ?? null;
      if (master && !storedInScope(scope, master)) {
        throw forbidden('out_of_scope', `Không có quyền ghi tài liệu "${id}"`);
      }
      // Before the pusher's rights: a device may send back what it pulled, unchanged (a tab closed
      // between RxDB's write of a pulled page and its record of it), which is no write at all.
      if (master && alreadyApplied(collection, next, master)) {
        // A retry that lacks only the code issued meanwhile: the device must still learn the code.
        if (next.data.code !== master.data.code) conflicts.push(toWire(master));
        continue;
      }
      checkRowAlone(collection, user, next.data, next.deleted, index);
      const live = master && !master.deleted ? master.data : null;
      if (catalogWriter) checkCatalogWrite(collection, catalogWriter, next.data, live);
      // No master yet: the row creates it, whatever the client assumed.
      const conflicting = master !== null
        && (!assumed || !(collection === 'dossiers' ? matchesMaster(assumed, master) : sameDocument(assumed, master)));
      let data: Data;
      if (!conflicting) {
        // A copy: issuing the code below must not change the pushed row it is compared with.
        data = { ...(collection === 'dossiers' && !next.deleted ? dossierWithoutConflict(live, next.data, index) : next.data) };
        await checkWrite(id, data, live, next.deleted, index);
      } else {
        // A dossier merges here (content by Automerge, status by the state machine), so the push is
        // kept even if the device never comes back; the merged master goes back as the conflict.
        const merge = collection === 'dossiers' && live && !next.deleted
          ? mergeConflict(live, next.data, assumed && !assumed.deleted ? assumed.data : null, index)
          : null;
        if (!merge) {
          conflicts.push(toWire(master));
          continue;
        }
        data = merge.merged;
        try {
          await checkWrite(id, data, live, false, index);
        } catch (error) {
          // The merge moves the status in a way this pusher may not: keep the content edits only.
          if (!(error instanceof HttpError)) throw error;
          data = merge.contentOnly;
          if (sameDocument({ data, deleted: false }, master)) {
            conflicts.push(toWire(master));
            continue;
          }
          await checkWrite(id, data, live, false, index);
        }
      }
      if (needsCode(collection, data)) {
        data.code = typeof master?.data.code === 'string'
          ? master.data.code
          : await assignDossierCode(tx, { agencyId: data.agencyId as string, receivedAt: data.receivedAt as string | null }, now);
      }
      const deleted = conflicting ? false : next.deleted;
      const seq = await tx.put(collection, { id, data, deleted, ...scopeColumns(collection, data) });
      const stored: StoredDocument = { collection, id, data, deleted, seq };
      masters.set(id, stored);
      // What was stored differs from what was pushed (a merge, an issued code, seeded content): the
      // device must hold the same, even if a pull already brought it an older server version.
      if (conflicting || !sameDocument(stored, next)) conflicts.push(toWire(stored));
      written++;
    }
    return { conflicts, written };
  });
  // Events that matter to the citizen enter the notification outbox (idempotent by event id).
  // Relayed events were announced by the tier where they happened.
  if (!isTierAccount(user)) await enqueueNotifications(store, collection, prepared.map((row) => row.next.data));
  if (written > 0) ctx.bus.publish(collection);
  return conflicts;
}
