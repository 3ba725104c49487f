import { describe, expect, it } from 'vitest';
import { sha256Hex } from '@motcua/crypto';
import { createDossierDraft, verifyChain, type Dossier, type DossierEvent } from '@motcua/model';
import { seedProcedures } from '@motcua/model/procedures';
import type { KeyValueStorage } from '../../lib/auth.ts';
import { CHAIN_HEAD_KEY, makeDeviceChain } from '../../lib/deviceChain.ts';
import { makeDossierWriter, DossierNotFoundError, type DossierStore } from '../dossier/makeDossierWriter.ts';
import { testContent } from '../dossier/writer.test-helpers.ts';
import { createReceptionActions, parseItems, ReceptionInputError } from './createReceptionActions.ts';
import { makeCodeBook } from './makeCodeBook.ts';

const AGENCY = '001.29.00.H34';
const procedures = seedProcedures('H34');
const khaiSinh = procedures.find((p) => p.nationalCode === '1.001193') ?? procedures[0]!;
const threeDays = procedures.find((p) => p.timeLimit.unit === 'working_days' && p.timeLimit.value === 3)!;

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

function memoryStore() {
  const dossiers = new Map<string, Dossier>();
  const events: DossierEvent[] = [];
  const store: DossierStore = {
    getDossier: async (id) => structuredClone(dossiers.get(id) ?? null),
    putDossier: async (d) => void dossiers.set(d.id, structuredClone(d)),
    addEvent: async (e) => void events.push(structuredClone(e)),
  };
  return { store, dossiers, events };
}

function submitted(id: string, procedure = khaiSinh): Dossier {
  const draft = createDossierDraft({
    id,
    procedure,
    applicant: {
      cccd: '062099000123', fullName: 'Nguyễn Văn An', birthDate: '1999-05-12', gender: 'nam',
      phone: '0912345678', email: '', address: 'Thôn 1, xã Đắk La',
    },
    ownerCccd: '062099000123',
    agencyId: AGENCY,
    now: new Date('2026-03-02T01:00:00Z'),
    userId: 'citizen-1',
  });
  return { ...draft, status: 1, submittedAt: '2026-03-02T01:05:00.000Z' };
}

function setup(now = new Date('2026-03-04T02:00:00Z')) {
  const { store, dossiers, events } = memoryStore();
  const storage = memoryStorage();
  let n = 0;
  const writer = makeDossierWriter({
    store,
    chain: makeDeviceChain({ storage }),
    actor: { userId: 'officer-1', name: 'Phạm Thị Hoa', role: 'receptionist' },
    sha256Hex: (t) => sha256Hex(t),
    ...testContent,
    newId: () => `ev-${++n}`,
    now: () => now,
  });
  const actions = createReceptionActions({
    writer,
    getDossier: store.getDossier,
    getProcedure: async (id) => procedures.find((p) => p.id === id) ?? null,
    now: () => now,
  });
  return { actions, dossiers, events, storage };
}

describe('reception actions', () => {
  it('"Tiếp nhận hồ sơ" sets status 2, the appointment date, no code yet, and a chained event', async () => {
    const { actions, dossiers, events, storage } = setup();
    dossiers.set('d1', submitted('d1', threeDays));
    const { dossier, event } = await actions.receive('d1');
    expect(dossier.status).toBe(2);
    expect(dossier.code).toBeNull();
    expect(dossier.receivedAt).toBe('2026-03-04T02:00:00.000Z');
    // Wednesday 4 March 2026 + 3 working days → Monday 9 March (Vietnam time)
    expect(dossier.dueAt?.slice(0, 10)).toBe('2026-03-09');
    expect(dossiers.get('d1')?.status).toBe(2);
    expect(event.type).toBe('v1.DossierReceived');
    expect(event.deviceSeq).toBe(1);
    expect(event.prevHash).toBeNull();
    expect(events).toHaveLength(1);
    expect(JSON.parse(storage.data.get(CHAIN_HEAD_KEY)!)).toEqual({ deviceSeq: 1, hash: event.hash });
  });

  it('chains every event of the device to the previous one', async () => {
    const { actions, dossiers, events } = setup();
    dossiers.set('d1', submitted('d1'));
    dossiers.set('d2', submitted('d2'));
    dossiers.set('d3', submitted('d3'));
    await actions.receive('d1');
    await actions.reject('d2', '  Sai thủ tục  ');
    await actions.requestSupplement('d3', 'Thiếu giấy chứng sinh', ['Giấy chứng sinh']);
    expect(events.map((e) => e.deviceSeq)).toEqual([1, 2, 3]);
    expect(events[1]!.prevHash).toBe(events[0]!.hash);
    expect(await verifyChain(events, (t) => sha256Hex(t))).toMatchObject({ ok: true, count: 3 });
  });

  it('"Từ chối" needs a reason and records it', async () => {
    const { actions, dossiers, events } = setup();
    dossiers.set('d1', submitted('d1'));
    await expect(actions.reject('d1', '   ')).rejects.toBeInstanceOf(ReceptionInputError);
    expect(events).toHaveLength(0);
    const { dossier } = await actions.reject('d1', 'Hồ sơ không thuộc thẩm quyền của xã');
    expect(dossier.status).toBe(3);
    expect(dossier.decision).toMatchObject({ kind: 'reject', reason: 'Hồ sơ không thuộc thẩm quyền của xã', by: 'Phạm Thị Hoa' });
  });

  it('"Yêu cầu bổ sung" needs a reason and at least one missing item', async () => {
    const { actions, dossiers } = setup();
    dossiers.set('d1', submitted('d1'));
    await expect(actions.requestSupplement('d1', '', ['Tờ khai'])).rejects.toMatchObject({ field: 'reason' });
    await expect(actions.requestSupplement('d1', 'Thiếu giấy tờ', [' '])).rejects.toMatchObject({ field: 'items' });
    const { dossier } = await actions.requestSupplement('d1', 'Thiếu giấy tờ', ['Giấy chứng sinh', 'Tờ khai']);
    expect(dossier.status).toBe(5);
    expect(dossier.decision?.items).toEqual(['Giấy chứng sinh', 'Tờ khai']);
  });

  it('refuses a move the state machine does not allow, writing nothing', async () => {
    const { actions, dossiers, events, storage } = setup();
    dossiers.set('d1', { ...submitted('d1'), status: 3 });
    await expect(actions.receive('d1')).rejects.toMatchObject({ code: 'transition_refused' });
    expect(events).toHaveLength(0);
    expect(storage.data.has(CHAIN_HEAD_KEY)).toBe(false);
    await expect(actions.reject('missing', 'x')).rejects.toBeInstanceOf(DossierNotFoundError);
  });

  it('"Nhận hồ sơ bổ sung" of a dossier asked before reception receives it with an appointment date', async () => {
    const { actions, dossiers } = setup();
    dossiers.set('d1', submitted('d1', threeDays));
    await actions.requestSupplement('d1', 'Thiếu giấy tờ', ['Tờ khai']);
    const { dossier } = await actions.acceptSupplement('d1');
    expect(dossier.status).toBe(2);
    expect(dossier.dueAt?.slice(0, 10)).toBe('2026-03-09');
  });

  it('reads missing items one per line', () => {
    expect(parseItems('- Giấy chứng sinh\n\n2. Tờ khai\r\n  • CCCD  ')).toEqual(['Giấy chứng sinh', 'Tờ khai', 'CCCD']);
  });

  it('receives with the next leased code, and with a provisional code when none is left', async () => {
    const now = new Date('2026-03-04T02:00:00Z');
    const base = setup(now);
    const book = makeCodeBook({
      storage: memoryStorage(), userId: 'officer-1', deviceId: 'desk0001', now: () => now,
      requestLease: async () => ({ agencyId: AGENCY, prefix: 'H34.29.2', ranges: [{ date: '2026-03-04', from: 7, to: 7 }] }),
    });
    await book.refill();
    const actions = createReceptionActions({
      writer: makeDossierWriter({
        store: { getDossier: async (id) => structuredClone(base.dossiers.get(id) ?? null), putDossier: async (d) => void base.dossiers.set(d.id, d), addEvent: async () => {} },
        chain: makeDeviceChain({ storage: memoryStorage() }),
        actor: { userId: 'officer-1', name: 'Phạm Thị Hoa', role: 'receptionist' },
        sha256Hex: (t) => sha256Hex(t), newId: () => crypto.randomUUID(), now: () => now, ...testContent,
      }),
      getDossier: async (id) => structuredClone(base.dossiers.get(id) ?? null),
      getProcedure: async (id) => procedures.find((p) => p.id === id) ?? null,
      now: () => now,
      codes: book,
    });
    base.dossiers.set('d1', submitted('d1'));
    base.dossiers.set('d2', submitted('d2'));
    expect((await actions.receive('d1')).dossier.code).toBe('H34.29.2-260304-0007');
    const second = await actions.receive('d2');
    expect(second.dossier.code).toBeNull();
    expect(second.dossier.provisionalCode).toBe('TAM-DESK0001-1');
    expect(base.dossiers.get('d2')!.provisionalCode).toBe('TAM-DESK0001-1');
  });
});
