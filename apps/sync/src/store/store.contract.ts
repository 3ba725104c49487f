/**
 * The conformance suite every `SyncStore` adapter must pass. `store.test.ts` runs it against PGlite
 * and against a real PostgreSQL server.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestStore } from './test-databases.ts';
import type { DocumentWrite, SyncStore, UserRecord } from './types.ts';

const citizen: UserRecord = {
  id: 'u-citizen',
  username: '062099000123',
  passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
  fullName: 'Nguyễn Văn An',
  role: 'citizen',
  agencyId: null,
  cccd: '062099000123',
  disabled: false,
};

function doc(id: string, extra: Partial<DocumentWrite> = {}): DocumentWrite {
  return { id, data: { id, title: `Hồ sơ ${id}` }, deleted: false, ownerCccd: null, agencyId: null, draft: false, ...extra };
}

export function runStoreContract(name: string, open: () => Promise<TestStore>): void {
  describe(`SyncStore contract: ${name}`, () => {
    let handle: TestStore;
    let store: SyncStore;
    beforeEach(async () => {
      handle = await open();
      store = handle.store;
    });
    afterEach(async () => {
      await handle.cleanup();
    });

    it('migrates idempotently', async () => {
      await store.migrate();
      await Promise.all([store.migrate(), store.migrate()]);
      expect(await store.documents.maxSeq()).toBe(0);
    });

    it('stamps increasing seq and pulls in order after a checkpoint', async () => {
      const seqs = await store.documents.write(async (tx) => [
        await tx.put('dossiers', doc('a')),
        await tx.put('dossiers', doc('b')),
      ]);
      expect(seqs[1]).toBeGreaterThan(seqs[0]!);
      const again = await store.documents.write((tx) => tx.put('dossiers', doc('a', { data: { id: 'a', v: 2 } })));
      const all = await store.documents.pull('dossiers', { kind: 'all' }, 0, 10);
      expect(all.map((d) => d.id)).toEqual(['b', 'a']);
      expect(all[1]).toMatchObject({ seq: again, data: { id: 'a', v: 2 }, deleted: false });
      expect(await store.documents.pull('dossiers', { kind: 'all' }, seqs[1]!, 10)).toHaveLength(1);
      expect(await store.documents.pull('agencies', { kind: 'all' }, 0, 10)).toEqual([]);
      expect(await store.documents.maxSeq()).toBe(again);
    });

    it('pages through more documents than a power of ten, in seq order and newest first, skipping none', async () => {
      await store.documents.write(async (tx) => {
        for (let i = 0; i < 120; i++) await tx.put('dossiers', doc(`d${i}`));
      });
      const seen: string[] = [];
      let after = 0;
      for (;;) {
        const page = await store.documents.pull('dossiers', { kind: 'all' }, after, 7);
        if (page.length === 0) break;
        for (let i = 1; i < page.length; i++) expect(page[i]!.seq).toBeGreaterThan(page[i - 1]!.seq);
        seen.push(...page.map((d) => d.id));
        after = page.at(-1)!.seq;
      }
      expect(seen).toEqual(Array.from({ length: 120 }, (_, i) => `d${i}`));
      const down: string[] = [];
      let before = (await store.documents.maxSeq()) + 1;
      for (;;) {
        const page = await store.documents.pullBefore('dossiers', { kind: 'all' }, before, 7);
        if (page.length === 0) break;
        down.push(...page.map((d) => d.id));
        before = page.at(-1)!.seq;
      }
      expect(down).toEqual([...seen].reverse());
    });

    it('keeps jsonb data with Vietnamese text, nesting and deletion', async () => {
      const data = { id: 'x', name: 'Đăng ký khai sinh', nested: { list: [1, 'hai', null], ok: true } };
      await store.documents.write((tx) => tx.put('procedures', { ...doc('x'), data, deleted: true }));
      expect(await store.documents.get('procedures', 'x')).toMatchObject({ data, deleted: true });
      expect(await store.documents.get('procedures', 'missing')).toBeNull();
    });

    it('filters pulls by owner, by agencies and hides drafts from agencies', async () => {
      await store.documents.write(async (tx) => {
        await tx.put('dossiers', doc('mine', { ownerCccd: '062099000123', agencyId: 'A' }));
        await tx.put('dossiers', doc('theirs', { ownerCccd: '062301000456', agencyId: 'B' }));
        await tx.put('dossiers', doc('draft', { ownerCccd: '062099000123', agencyId: 'A', draft: true }));
      });
      const ids = async (scope: Parameters<SyncStore['documents']['pull']>[1]) =>
        (await store.documents.pull('dossiers', scope, 0, 100)).map((d) => d.id).sort();
      expect(await ids({ kind: 'owner', cccd: '062099000123' })).toEqual(['draft', 'mine']);
      expect(await ids({ kind: 'agencies', agencyIds: ['A'], hideDrafts: true })).toEqual(['mine']);
      expect(await ids({ kind: 'agencies', agencyIds: ['A', 'B'], hideDrafts: false })).toEqual(['draft', 'mine', 'theirs']);
      expect(await ids({ kind: 'none' })).toEqual([]);
    });

    it('locks and reads documents inside a write', async () => {
      await store.documents.write((tx) => tx.put('events', doc('e1')));
      const found = await store.documents.write((tx) => tx.lock('events', ['e1', 'e2']));
      expect([...found.keys()]).toEqual(['e1']);
    });

    it('rolls a failed write back entirely', async () => {
      await expect(
        store.documents.write(async (tx) => {
          await tx.put('dossiers', doc('lost'));
          throw new Error('refused');
        }),
      ).rejects.toThrow('refused');
      expect(await store.documents.get('dossiers', 'lost')).toBeNull();
    });

    it('hands out daily counters per agency and day, without gaps or repeats under concurrency', async () => {
      const values = await Promise.all(
        Array.from({ length: 10 }, () => store.documents.write((tx) => tx.nextDailySeq('A', '260105'))),
      );
      expect(values.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(await store.documents.write((tx) => tx.nextDailySeq('B', '260105'))).toBe(1);
      expect(await store.documents.write((tx) => tx.nextDailySeq('A', '260106'))).toBe(1);
    });

    it('finds files visible in a scope by sha256', async () => {
      const sha = 'a'.repeat(64);
      // A files document vouches for bytes the server held when it was written (or its uploader's).
      await store.blobs.put({ sha256: sha, size: 1, mime: 'application/pdf' }, { userId: 'u-1', name: 'a.pdf' });
      await store.documents.write((tx) =>
        tx.put('files', { ...doc('f1', { ownerCccd: '062099000123', agencyId: 'A' }), data: { id: 'f1', sha256: sha } }),
      );
      expect(await store.documents.fileVisible(sha, { kind: 'owner', cccd: '062099000123' })).toBe(true);
      expect(await store.documents.fileVisible(sha, { kind: 'owner', cccd: '062301000456' })).toBe(false);
      expect(await store.documents.fileVisible(sha, { kind: 'agencies', agencyIds: ['A'], hideDrafts: true })).toBe(true);
      expect(await store.documents.fileVisible('b'.repeat(64), { kind: 'all' })).toBe(false);
      const early = 'c'.repeat(64);
      await store.documents.write((tx) =>
        tx.put('files', { ...doc('f2', { ownerCccd: '062301000456', agencyId: 'A' }), data: { id: 'f2', sha256: early, uploadedBy: 'u-2' } }),
      );
      await store.blobs.put({ sha256: early, size: 1, mime: 'application/pdf' }, { userId: 'u-1', name: 'c.pdf' });
      expect(await store.documents.fileVisible(early, { kind: 'owner', cccd: '062301000456' })).toBe(false);
    });

    it('stores users and finds them by username and id', async () => {
      await store.users.create(citizen);
      expect(await store.users.byUsername('062099000123')).toEqual(citizen);
      expect(await store.users.byId('u-citizen')).toEqual(citizen);
      expect(await store.users.byUsername('nobody')).toBeNull();
      expect(await store.users.count()).toBe(1);
      await expect(store.users.create({ ...citizen, id: 'other' })).rejects.toThrow();
    });

    it('uses a refresh token once, reports reuse, expiry and revocation', async () => {
      await store.users.create(citizen);
      const later = new Date(Date.now() + 60_000);
      await store.refreshTokens.insert({ tokenHash: 'h1', userId: citizen.id, familyId: 'f', expiresAt: later, deviceId: 'phone-1' });
      await store.refreshTokens.insert({ tokenHash: 'h2', userId: citizen.id, familyId: 'f', expiresAt: later });
      await store.refreshTokens.insert({ tokenHash: 'old', userId: citizen.id, familyId: 'g', expiresAt: new Date(Date.now() - 1000) });
      expect(await store.refreshTokens.use('h1')).toEqual({ status: 'ok', userId: citizen.id, familyId: 'f', deviceId: 'phone-1' });
      expect(await store.refreshTokens.isFamilyRevoked('f')).toBe(false);
      expect(await store.refreshTokens.use('h1')).toEqual({ status: 'reused', userId: citizen.id, familyId: 'f' });
      expect(await store.refreshTokens.use('old')).toEqual({ status: 'expired' });
      expect(await store.refreshTokens.use('nope')).toEqual({ status: 'unknown' });
      expect(await store.refreshTokens.familyOf('h2')).toBe('f');
      await store.refreshTokens.revokeFamily('f');
      expect((await store.refreshTokens.use('h2')).status).toBe('reused');
    });

    it('records blobs idempotently with their uploaders', async () => {
      const blob = { sha256: 'c'.repeat(64), size: 1234, mime: 'application/pdf' };
      await store.blobs.put(blob, { userId: 'u1', name: 'giấy khai sinh.pdf' });
      await store.blobs.put(blob, { userId: 'u1', name: 'again.pdf' });
      await store.blobs.put(blob, { userId: 'u2', name: 'copy.pdf' });
      expect(await store.blobs.get(blob.sha256)).toEqual(blob);
      expect(await store.blobs.uploadedBy(blob.sha256, 'u2')).toBe(true);
      expect(await store.blobs.uploadedBy(blob.sha256, 'u3')).toBe(false);
      expect(await store.blobs.nameFor(blob.sha256)).toBe('giấy khai sinh.pdf');
      expect(await store.blobs.get('d'.repeat(64))).toBeNull();
    });

    it('reports changes committed by another process, not its own', async () => {
      const seen: string[] = [];
      const stop = await store.documents.watch((collection) => seen.push(collection));
      await store.documents.write((tx) => tx.put('dossiers', doc('own')));
      if (handle.openSibling) {
        const sibling = await handle.openSibling();
        await sibling.documents.write((tx) => tx.put('events', doc('theirs')));
        await expect.poll(() => seen, { timeout: 5000 }).toEqual(['events']);
        await expect(sibling.documents.write(async (tx) => {
          await tx.put('files', doc('rolled-back'));
          throw new Error('refused');
        })).rejects.toThrow();
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(seen).toEqual(handle.openSibling ? ['events'] : []);
      await stop();
    });

    it('keeps meta values; getOrSet keeps the first', async () => {
      expect(await store.meta.get('jwt_secret')).toBeNull();
      expect(await store.meta.getOrSet('jwt_secret', 'one')).toBe('one');
      expect(await store.meta.getOrSet('jwt_secret', 'two')).toBe('one');
      await store.meta.set('jwt_secret', 'three');
      expect(await store.meta.get('jwt_secret')).toBe('three');
    });
  });
}
