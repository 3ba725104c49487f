import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dossier } from '../schemas/dossier.schema.ts';
import type { Role } from '../schemas/event.schema.ts';
import type { DossierAction, DossierActionType } from './action-types.ts';
import { actionLabel, applyDossierAction, DossierActionError, targetStatus, TransitionError } from './actions.ts';
import { actors, ctx, draft } from './fixtures.test-helpers.ts';
import { ALL_STATUSES, type DossierStatusCode } from './status.ts';
import { checkTransition } from './transitions.ts';

const DUE = '2026-03-03T10:00:00.000Z';

/** One well-formed instance of every action. */
const SAMPLES: Record<DossierActionType, DossierAction> = {
  submit: { type: 'submit' },
  receive: { type: 'receive', dueAt: DUE },
  reject: { type: 'reject', reason: 'Không thuộc thẩm quyền' },
  requestSupplement: { type: 'requestSupplement', reason: 'Thiếu giấy tờ', items: ['Giấy chứng sinh'] },
  supplement: { type: 'supplement', components: [{ id: 'giay-chung-sinh', fileIds: ['f-9'] }] },
  acceptSupplement: { type: 'acceptSupplement', dueAt: DUE },
  startProcessing: { type: 'startProcessing', stepIndex: 1 },
  moveStep: { type: 'moveStep', stepIndex: 2, comment: 'Đủ điều kiện', fileIds: ['f-1'] },
  returnStep: { type: 'returnStep', stepIndex: 0, reason: 'Cần kiểm tra lại thông tin người nộp' },
  attachResult: { type: 'attachResult', name: 'Giấy khai sinh', fileIds: ['f-kq'] },
  apologize: { type: 'apologize', reason: 'Cần xác minh thêm', newDueAt: '2026-03-20T10:00:00.000Z' },
  rate: { type: 'rate', level: 'rat_hai_long', comment: 'Nhanh gọn' },
  requestPayment: { type: 'requestPayment', amount: 8000 },
  confirmPayment: { type: 'confirmPayment', method: 'online' },
  resolve: { type: 'resolve' },
  returnResult: { type: 'returnResult' },
  requestWithdrawal: { type: 'requestWithdrawal', reason: 'Không còn nhu cầu' },
  confirmWithdrawal: { type: 'confirmWithdrawal' },
  stop: { type: 'stop', reason: 'Không đủ điều kiện' },
  create: { type: 'create', agencyId: 'xa-dak-ha', procedureId: 'p-1' },
  editContent: { type: 'editContent' },
  checkIdentity: { type: 'checkIdentity', source: 'population_registry', result: 'found' },
  resolveConflict: { type: 'resolveConflict', eventId: 'ev-refused', decision: 'setAside', comment: 'Đã xem xét' },
  storeResult: { type: 'storeResult', warehouseDocId: 'w-1', fileId: 'f-kq' },
};

/** Which statuses each action starts from (written out independently of the reducer). */
const FROM: Record<DossierActionType, DossierStatusCode[]> = {
  submit: [0], receive: [0, 1], reject: [1, 2, 5], requestSupplement: [1, 2, 4], supplement: [5],
  acceptSupplement: [5], startProcessing: [2], moveStep: [4], requestPayment: [4], confirmPayment: [6],
  returnStep: [4], attachResult: [4], apologize: [2, 4, 6], rate: [10],
  resolve: [4], returnResult: [9], requestWithdrawal: [1, 2, 4, 5, 6], confirmWithdrawal: [7], stop: [4],
  create: [], editContent: [...ALL_STATUSES], checkIdentity: [0, 1, 2, 4, 5, 6, 7, 9], resolveConflict: [...ALL_STATUSES], storeResult: [4, 9, 10],
};

/** Actions that keep the status, and who may take them (the transition table covers the others). */
const SAME_STATUS_ROLES: Partial<Record<DossierActionType, Role[]>> = {
  supplement: ['citizen', 'receptionist'],
  attachResult: ['specialist', 'leader'],
  apologize: ['receptionist', 'specialist', 'leader'],
  rate: ['citizen'],
  create: ['citizen', 'receptionist', 'specialist', 'leader'],
  editContent: ['citizen', 'receptionist', 'specialist', 'leader'],
  checkIdentity: ['receptionist'],
  resolveConflict: ['receptionist', 'specialist', 'leader'],
  storeResult: ['receptionist', 'specialist', 'leader'],
};

const at = (status: DossierStatusCode, stepIndex = -1): Dossier =>
  draft({
    status, stepIndex, conflicts: [{ eventId: 'ev-refused', note: 'Hồ sơ đã được chuyển trước' }],
    result: { name: 'Giấy khai sinh', fileIds: ['f-kq'], number: '', signedBy: '', issuedAt: null, warehouseDocId: null },
  });

describe('every action × status × role', () => {
  for (const type of Object.keys(SAMPLES) as DossierActionType[]) {
    for (const status of ALL_STATUSES) {
      for (const [who, actor] of Object.entries(actors)) {
        const d = at(status, status === 5 || status === 4 ? 1 : -1);
        const to = targetStatus(d, type);
        const same = SAME_STATUS_ROLES[type];
        const roleOk = same ? same.includes(actor.role) : checkTransition({ from: status, to, role: actor.role }).ok;
        const allowed = FROM[type].includes(status) && roleOk;
        it(`${type} from ${status} by ${who}: ${allowed ? 'applies' : 'refused'}`, () => {
          if (allowed) {
            const { dossier, event } = applyDossierAction(d, SAMPLES[type], ctx(actor));
            expect(dossier.status).toBe(to);
            expect(event).toMatchObject({ fromStatus: status, toStatus: to, actor });
            expect(event.type).toMatch(/^v1\.[A-Za-z]+$/);
          } else {
            expect(() => applyDossierAction(d, SAMPLES[type], ctx(actor))).toThrow(TransitionError);
          }
        });
      }
    }
  }
});

describe('refusals come before input checks', () => {
  it('a citizen rejecting gets a refusal, not a missing-reason error', () => {
    expect(() => applyDossierAction(at(1), { type: 'reject', reason: '' }, ctx(actors.citizen))).toThrow(TransitionError);
    expect(() => applyDossierAction(at(1), { type: 'reject', reason: '' }, ctx(actors.receptionist))).toThrow(DossierActionError);
  });

  it('names the action and the status', () => {
    expect(() => applyDossierAction(at(2), { type: 'moveStep', stepIndex: 1 }, ctx(actors.receptionist)))
      .toThrow('Không thể "Chuyển bước" khi hồ sơ đang ở trạng thái «Được tiếp nhận».');
    expect(actionLabel('receive')).toBe('Tiếp nhận hồ sơ');
  });
});

describe('random action sequences', () => {
  const arbStep = fc.tuple(
    fc.constantFrom(...(Object.keys(SAMPLES) as DossierActionType[])),
    fc.constantFrom(...Object.values(actors)),
  );

  it('only ever make moves the state machine allows, and events describe them', () => {
    fc.assert(fc.property(fc.array(arbStep, { maxLength: 40 }), (steps) => {
      let d = draft();
      let t = Date.parse('2026-03-02T00:00:00Z');
      for (const [type, actor] of steps) {
        t += 60_000;
        try {
          const r = applyDossierAction(d, SAMPLES[type], { actor, now: new Date(t), eventId: `e${t}`, deviceId: 'dev' });
          if (!SAME_STATUS_ROLES[type]) expect(checkTransition({ from: d.status as DossierStatusCode, to: r.dossier.status as DossierStatusCode, role: actor.role }).ok).toBe(true);
          expect(r.event.fromStatus).toBe(d.status);
          expect(r.event.toStatus).toBe(r.dossier.status);
          expect(r.dossier.updatedAt).toBe(t);
          d = r.dossier;
        } catch (e) {
          // Step moves, new dates and conflict reviews also check their input against the dossier.
          if (['moveStep', 'returnStep', 'apologize', 'resolveConflict', 'storeResult'].includes(type) && e instanceof DossierActionError) continue;
          expect(e).toBeInstanceOf(TransitionError);
        }
      }
    }), { numRuns: 300 });
  });
});
