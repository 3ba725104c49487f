/**
 * What a lower tier sends up of the dossiers its agencies own: their projections and their
 * histories, as that tier's server derived them from its desks' actions. The lower tier decides its
 * dossiers (its desks work there, online or not); this tier takes a projection whenever it holds
 * every action this tier's own copy took in (`holdsEvery`, by each device's head), and otherwise
 * answers with its own copy: the lower tier pulls the actions it lacks, applies them and sends the
 * dossier again. No dossier state is ever merged, so nothing is decided twice.
 * @module
 */
import { eventHashInput, holdsEvery, type Dossier, type DossierEvent } from '@motcua/model';
import { sha256Hex } from '@motcua/crypto';
import { forbidden, unprocessable } from '../errors.ts';
import { claimRelayedCode } from '../upstream/relayed-code.ts';
import { assertContentSize, assertDossierContent } from './dossier-content.ts';
import { assertStorable, fromWire, sameDocument, toWire, type WireDocument } from './documents.ts';
import type { PushRow } from './push-body.ts';
import type { PushContext } from './push.ts';
import { inScope, readScope, scopeColumns, storedInScope } from './scope.ts';
import { assertValid } from './validate.ts';

type Data = Record<string, unknown>;
type Relayed = 'dossiers' | 'events';

/** The rows checked alone: schema, storable text, the tier's scope; dossiers their content, events their hash. */
async function prepare(ctx: PushContext, collection: Relayed, rows: PushRow[]) {
  const scope = await readScope(ctx.store, ctx.user, collection);
  const prepared = [];
  for (const [index, row] of rows.entries()) {
    const next = fromWire(row.newDocumentState);
    assertStorable(next.data);
    if (collection === 'dossiers') assertContentSize(next.data, index);
    assertValid(collection, next.data, index);
    if (!inScope(scope, scopeColumns(collection, next.data))) throw forbidden('out_of_scope', `Không có quyền ghi tài liệu "${String(next.data.id)}"`);
    if (collection === 'dossiers') {
      assertDossierContent(next.data, index);
      if (next.deleted && next.data.status !== 0) throw forbidden('delete_refused', 'Chỉ xóa được hồ sơ nháp; hồ sơ đã nộp được giữ lại');
    } else {
      if (next.deleted) throw forbidden('event_immutable', 'Không được xóa lịch sử xử lý hồ sơ');
      const event = next.data as unknown as DossierEvent;
      if ((await sha256Hex(eventHashInput(event))) !== event.hash) throw unprocessable('event_altered', `Sự kiện thứ ${index + 1}: mã băm không khớp nội dung`);
    }
    prepared.push({ id: String(next.data.id), next, index });
  }
  return { scope, prepared };
}

/**
 * Takes a lower tier's push of dossiers or of their history. Returns this tier's copies of the
 * dossiers it did not take (it holds actions the lower tier has not applied yet).
 */
export async function applyTierRelay(ctx: PushContext, collection: Relayed, rows: PushRow[]): Promise<WireDocument[]> {
  const { scope, prepared } = await prepare(ctx, collection, rows);
  if (prepared.length === 0) return [];
  const { answers, written } = await ctx.store.documents.write(async (tx) => {
    const masters = await tx.lock(collection, [...new Set(prepared.map((row) => row.id))]);
    const answers: WireDocument[] = [];
    let written = 0;
    for (const { id, next, index } of prepared) {
      const master = masters.get(id) ?? null;
      if (master && !storedInScope(scope, master)) throw forbidden('out_of_scope', `Không có quyền ghi tài liệu "${id}"`);
      if (master && sameDocument(next, master)) continue;
      if (master && master.data.ownerCccd !== next.data.ownerCccd) {
        throw forbidden('owner_immutable', `Không được đổi chủ hồ sơ của tài liệu "${id}"`);
      }
      if (collection === 'events' && master) {
        // The lower tier's answer to an action replaces this tier's; the action itself never changes.
        const { outcome: _below, ...sent } = next.data;
        const { outcome: _here, ...held } = master.data;
        if (!sameDocument({ data: sent, deleted: false }, { data: held, deleted: false })) {
          throw forbidden('event_immutable', `Sự kiện thứ ${index + 1} đã có, không được sửa`);
        }
      }
      const live = master && !master.deleted ? master.data : null;
      if (collection === 'dossiers') {
        if (live && !holdsEvery(next.data as unknown as Dossier, live as unknown as Dossier)) {
          answers.push(toWire(master!));
          continue;
        }
        const code = next.data.code;
        if (typeof code === 'string' && code !== (live?.code ?? null)) await claimRelayedCode(tx, code, String(next.data.agencyId), id);
      }
      const seq = await tx.put(collection, { id, data: next.data as Data, deleted: next.deleted, ...scopeColumns(collection, next.data) });
      masters.set(id, { collection, id, data: next.data, deleted: next.deleted, seq });
      written++;
    }
    return { answers, written };
  });
  if (written > 0) ctx.bus.publish(collection);
  return answers;
}
