import { describe, expect, it } from 'vitest';
import { sha256Hex } from '@motcua/crypto';
import { createDossierDraft, groupByDevice, verifyChain, type Actor, type Dossier, type DossierEvent } from '@motcua/model';
import { seedProcedures } from '@motcua/model/procedures';
import type { KeyValueStorage } from '../../lib/auth.ts';
import { makeDeviceChain } from '../../lib/deviceChain.ts';
import { makeDossierWriter, type DossierStore } from '../dossier/makeDossierWriter.ts';
import { testContent } from '../dossier/writer.test-helpers.ts';
import { createReceptionActions } from '../reception/createReceptionActions.ts';
import { createProcessingActions, ProcessingInputError } from './createProcessingActions.ts';

const procedures = seedProcedures('H34');
const threeDays = procedures.find((p) => p.timeLimit.unit === 'working_days' && p.timeLimit.value === 3)!;
const people = {
  desk: { userId: 'u-hoa', name: 'Phạm Thị Hoa', role: 'receptionist' },
  specialist: { userId: 'u-cuong', name: 'Lê Văn Cường', role: 'specialist' },
  leader: { userId: 'u-blong', name: 'Y Blong', role: 'leader' },
  citizen: { userId: 'u-an', name: 'Nguyễn Văn An', role: 'citizen' },
} satisfies Record<string, Actor>;

function memoryStorage(): KeyValueStorage {
  const data = new Map<string, string>();
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

function setup() {
  const dossiers = new Map<string, Dossier>();
  const events: DossierEvent[] = [];
  const saved: string[] = [];
  const store: DossierStore = {
    getDossier: async (id) => structuredClone(dossiers.get(id) ?? null),
    putDossier: async (d) => void dossiers.set(d.id, structuredClone(d)),
    addEvent: async (e) => void events.push(structuredClone(e)),
  };
  let clock = Date.parse('2026-03-04T02:00:00Z');
  let n = 0;
  const device = (who: keyof typeof people) => {
    const writer = makeDossierWriter({
      store,
      chain: makeDeviceChain({ storage: memoryStorage() }),
      actor: people[who],
      sha256Hex: (t) => sha256Hex(t),
    ...testContent,
      newId: () => `ev-${++n}`,
      now: () => new Date((clock += 3_600_000)),
    });
    const deps = { writer, getDossier: store.getDossier, getProcedure: async (id: string) => procedures.find((p) => p.id === id) ?? null };
    return {
      writer,
      reception: createReceptionActions({ ...deps, now: () => new Date(clock) }),
      processing: createProcessingActions({
        ...deps,
        saveFiles: async (_d, files) => files.map((f) => (saved.push(f.name), `file-${f.name}`)),
      }),
    };
  };
  const draft = createDossierDraft({
    id: 'd1',
    procedure: threeDays,
    applicant: { cccd: '062099000123', fullName: 'Nguyễn Văn An', birthDate: '1999-05-12', gender: 'nam', phone: '', email: '', address: 'Đắk La' },
    ownerCccd: '062099000123',
    agencyId: '001.29.00.H34',
    now: new Date('2026-03-02T01:00:00Z'),
    userId: 'u-an',
  });
  dossiers.set('d1', { ...draft, status: 1, submittedAt: '2026-03-02T01:05:00.000Z' });
  return { dossiers, events, saved, desk: device('desk'), specialist: device('specialist'), leader: device('leader'), citizen: device('citizen') };
}

const pdf = (name: string) => new File([new Uint8Array([37, 80, 68, 70])], name, { type: 'application/pdf' });

describe('processing actions', () => {
  it('take a dossier through every step to the returned result, each on its own device chain', async () => {
    const { dossiers, events, saved, desk, specialist, leader, citizen } = setup();
    await desk.reception.receive('d1');
    const started = await desk.processing.forward('d1', 'Chuyển chuyên viên thẩm định', [pdf('phieu-kiem-soat.pdf')]);
    expect(started.dossier).toMatchObject({ status: 4, stepIndex: 1 });
    expect(started.event).toMatchObject({ type: 'v1.ProcessingStarted', comment: 'Chuyển chuyên viên thẩm định', data: { fileIds: ['file-phieu-kiem-soat.pdf'] } });

    await specialist.reception.requestSupplement('d1', 'Thiếu bản sao giấy tờ', ['Giấy chứng sinh']);
    const dueBefore = dossiers.get('d1')!.dueAt!;
    await citizen.writer.apply('d1', { type: 'supplement', components: [{ id: dossiers.get('d1')!.components[0]!.id, fileIds: ['f-bs'] }] });
    const resumed = await desk.reception.acceptSupplement('d1');
    expect(resumed.dossier).toMatchObject({ status: 4, stepIndex: 1 });
    expect(Date.parse(resumed.dossier.dueAt!)).toBeGreaterThan(Date.parse(dueBefore));

    await expect(specialist.processing.approve('d1', 'x')).rejects.toBeInstanceOf(ProcessingInputError);
    await specialist.processing.attachResult('d1', { name: 'Giấy xác nhận', number: '15/GXN', files: [pdf('ket-qua.pdf')] });
    await specialist.processing.forward('d1', 'Đủ điều kiện, trình lãnh đạo', []);
    const back = await leader.processing.back('d1', 1, 'Sửa lại số hiệu', []);
    expect(back.dossier.stepIndex).toBe(1);
    await specialist.processing.forward('d1', 'Đã sửa', []);
    const approved = await leader.processing.approve('d1', 'Đồng ý');
    expect(approved.dossier).toMatchObject({ status: 9, stepIndex: 3, result: { signedBy: 'Y Blong', number: '15/GXN' } });
    const returned = await desk.processing.returnResult('d1', 'online');
    expect(returned.dossier).toMatchObject({ status: 10, returnMethod: 'online' });
    expect(saved).toEqual(['phieu-kiem-soat.pdf', 'ket-qua.pdf']);

    for (const chain of groupByDevice(events).values()) {
      expect(await verifyChain(chain, (t) => sha256Hex(t))).toMatchObject({ ok: true });
    }
    expect(groupByDevice(events).size).toBe(4);
  });

  it('asks for what is missing and writes nothing', async () => {
    const { events, desk, specialist } = setup();
    await desk.reception.receive('d1');
    await expect(desk.processing.forward('d1', '  ', [])).rejects.toMatchObject({ field: 'opinion' });
    await desk.processing.forward('d1', 'Chuyển', []);
    await expect(specialist.processing.back('d1', 1, 'x', [])).rejects.toMatchObject({ field: 'step' });
    await expect(specialist.processing.back('d1', 0, ' ', [])).rejects.toMatchObject({ field: 'reason' });
    await expect(specialist.processing.stop('d1', '')).rejects.toMatchObject({ field: 'reason' });
    await expect(specialist.processing.attachResult('d1', { name: 'KQ', number: '', files: [] })).rejects.toMatchObject({ field: 'files' });
    await expect(specialist.processing.apologize('d1', 'Trễ', '2026-03-01')).rejects.toMatchObject({ field: 'date' });
    expect(events).toHaveLength(2);
  });

  it('the apology keeps the first appointment date; withdrawal is confirmed by the desk', async () => {
    const { dossiers, desk, specialist, citizen } = setup();
    await desk.reception.receive('d1');
    await desk.processing.forward('d1', 'Chuyển', []);
    const due = dossiers.get('d1')!.dueAt;
    const { dossier } = await specialist.processing.apologize('d1', 'Cần xác minh thêm', '2026-03-20');
    expect(dossier.dueAt).toBe(due);
    expect(dossier.apology).toMatchObject({ newDueAt: '2026-03-20T10:00:00.000Z', by: 'Lê Văn Cường' });
    await citizen.writer.apply('d1', { type: 'requestWithdrawal', reason: 'Không còn nhu cầu' });
    await expect(specialist.processing.confirmWithdrawal('d1', '')).rejects.toMatchObject({ code: 'transition_refused' });
    expect((await desk.processing.confirmWithdrawal('d1', 'Đã nhận đơn')).dossier.status).toBe(8);
  });
});
