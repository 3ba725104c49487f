import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPgliteStore } from '../store/pglite.ts';
import type { SyncStore } from '../store/types.ts';
import { createChangeBus } from '../sync/change-bus.ts';
import type { WireDocument } from '../sync/documents.ts';
import { scopeColumns } from '../sync/scope.ts';
import { UpstreamError, type PushRow, type UpstreamClient } from './client.ts';
import { mirror } from './plan.ts';
import { checkpointOf, REFUSED_RETRY_MS, replicateOnce, type ReplicateContext } from './replicate.ts';

const AGENCY = '001.29.00.H34';
const doc = (name: string): WireDocument => ({ id: 'kho-1', ownerCccd: '062099000123', agencyId: AGENCY, name, _deleted: false });

/** A parent that answers each push with the next scripted conflict list (then accepts) and pulls `pulled`. */
function parent(conflicts: WireDocument[][], pulled: WireDocument[] = []) {
  const pushes: PushRow[][] = [];
  let served = false;
  const client: UpstreamClient = {
    account: async () => ({ id: 'tier:x', username: 'tier.dakla', fullName: '', role: 'admin', agencyId: AGENCY, cccd: null }),
    get: async () => ({}),
    async push(_collection, rows) {
      pushes.push(rows);
      return conflicts.shift() ?? [];
    },
    async pull() {
      if (served || pulled.length === 0) return { documents: [], checkpoint: null };
      served = true;
      return { documents: pulled, checkpoint: { seq: 1 } };
    },
  };
  return { client, pushes };
}

let store: SyncStore;
let seq: number;
beforeAll(async () => {
  store = await openPgliteStore(undefined);
  await store.migrate();
  const { _deleted, ...data } = doc('bản của xã');
  seq = await store.documents.write((tx) => tx.put('warehouse', { id: 'kho-1', data, deleted: false, ...scopeColumns('warehouse', data) }));
});
afterAll(() => store.close());

const context = (client: UpstreamClient): ReplicateContext => ({ store, client, bus: createChangeBus(), agencyIds: [AGENCY], echoes: new Map() });

describe('replicateOnce', () => {
  it('keeps a row the parent changed again while it was being resolved, and pushes it on the next pass', async () => {
    // The parent holds another version, and changes it once more between the conflict and the retry.
    const first = parent([[doc('bản tỉnh 1')], [doc('bản tỉnh 2')]], [doc('bản tỉnh 2')]);
    await replicateOnce(context(first.client), { push: [mirror('warehouse')], pull: ['warehouse'] });
    expect(await checkpointOf(store, 'push', 'warehouse')).toBeLessThan(seq);
    // Not pushed yet, so the pull did not replace it with the parent's version.
    expect((await store.documents.get('warehouse', 'kho-1'))!.data.name).toBe('bản của xã');

    const second = parent([[doc('bản tỉnh 2')]]);
    await replicateOnce(context(second.client), { push: [mirror('warehouse')], pull: [] });
    expect(second.pushes.at(-1)).toEqual([{ assumedMasterState: doc('bản tỉnh 2'), newDocumentState: doc('bản của xã') }]);
    expect(await checkpointOf(store, 'push', 'warehouse')).toBeGreaterThanOrEqual(seq);
  });

  it('sends a row the parent refused again once it changed here or an hour later, until it takes it, without holding back the others', async () => {
    const put = (id: string, name: string) => {
      const data = { ...doc(name), id };
      delete (data as Partial<WireDocument>)._deleted;
      return store.documents.write((tx) => tx.put('warehouse', { id, data, deleted: false, ...scopeColumns('warehouse', data) }));
    };
    await put('kho-2', 'giấy tờ bị từ chối');
    await put('kho-3', 'giấy tờ sau nó');
    let refusing = true;
    const taken: string[] = [];
    const sent: string[] = [];
    const client: UpstreamClient = {
      ...parent([]).client,
      async push(_collection, rows) {
        sent.push(...rows.map((row) => String(row.newDocumentState.id)));
        if (refusing && rows.some((row) => row.newDocumentState.id === 'kho-2')) throw new UpstreamError('ngoài phạm vi', 403, 'out_of_scope');
        taken.push(...rows.map((row) => String(row.newDocumentState.id)));
        return [];
      },
    };
    let clock = Date.parse('2026-11-24T08:00:00Z');
    const refused: string[] = [];
    const pass = () => replicateOnce({ ...context(client), now: () => clock, onRefused: (_c, id) => refused.push(id) }, { push: [mirror('warehouse')], pull: [] });
    const first = await pass();
    expect(refused).toEqual(['kho-2']);
    expect(first.refused).toBe(1);
    expect(taken).toContain('kho-3');

    // Unchanged and refused a minute ago: still refused, and no request for it.
    refused.length = 0;
    sent.length = 0;
    clock += 60_000;
    const second = await pass();
    expect([sent, refused, second.refused]).toEqual([[], [], 1]);

    // Changed here: sent again at once, refused again.
    await put('kho-2', 'giấy tờ bị từ chối, đã sửa');
    const third = await pass();
    expect([refused, third.refused]).toEqual([['kho-2'], 1]);

    // An hour later the parent takes it; then it is never sent again.
    refusing = false;
    taken.length = 0;
    clock += REFUSED_RETRY_MS;
    const fourth = await pass();
    expect(taken).toEqual(['kho-2']);
    expect(fourth.refused).toBe(0);
    sent.length = 0;
    clock += REFUSED_RETRY_MS;
    await pass();
    expect(sent).toEqual([]);
  });

  it('sends a projection to its own collection, answers the parent with it again and never writes the answer here', async () => {
    const stepTo = { from: 'warehouse', to: 'summaries', project: (d: Record<string, unknown>) => ({ id: d.id, agencyId: d.agencyId, letters: String(d.name).length }) } as const;
    const before = (await store.documents.get('warehouse', 'kho-1'))!;
    const stale = { id: 'kho-1', agencyId: AGENCY, letters: 1, _deleted: false };
    const collections: string[] = [];
    const { client, pushes } = parent([[stale]]);
    const result = await replicateOnce(context({ ...client, push: (collection, rows) => (collections.push(collection), client.push(collection, rows)) }), { push: [stepTo], pull: [] });
    const projected = { id: 'kho-1', agencyId: AGENCY, letters: String(before.data.name).length, _deleted: false };
    expect(collections.every((c) => c === 'summaries')).toBe(true);
    expect(pushes[0]).toContainEqual({ assumedMasterState: null, newDocumentState: projected });
    expect(pushes.at(-1)).toEqual([{ assumedMasterState: stale, newDocumentState: projected }]);
    expect(result.refused).toBe(0);
    // The local document is untouched, and the projection has its own checkpoint.
    expect((await store.documents.get('warehouse', 'kho-1'))!.seq).toBe(before.seq);
    expect(await checkpointOf(store, 'push', 'summaries')).toBeGreaterThanOrEqual(before.seq);
  });

  it('keeps a document it cannot project aside, like a refused row, and sends the others', async () => {
    const project = (d: Record<string, unknown>) => {
      if (d.id === 'kho-2') throw new Error('không tóm tắt được');
      return { id: d.id, agencyId: d.agencyId };
    };
    const { client, pushes } = parent([]);
    const refused: string[] = [];
    const result = await replicateOnce({ ...context(client), onRefused: (_c, id) => refused.push(id) }, { push: [{ from: 'warehouse', to: 'events', project }], pull: [] });
    expect(refused).toEqual(['kho-2']);
    expect(result.refused).toBe(1);
    expect(pushes.flat().map((row) => row.newDocumentState.id)).toEqual(expect.arrayContaining(['kho-1', 'kho-3']));
    expect(pushes.flat().map((row) => row.newDocumentState.id)).not.toContain('kho-2');
  });
});
