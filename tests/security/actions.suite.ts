/**
 * The write path attacked through actions: each role tries the moves that are not its own, actions
 * carry keys no rule reads, act on finished dossiers and on other people's, and events lie about
 * who made them and what they do. See `verdict.ts` for what counts as refused.
 */
import type { WireAction } from '@motcua/model';
import { beforeAll, describe, it } from 'vitest';
import { AN, BINH, DAK_LA, DAK_MAR, maySee, ROLES, stored, type Doc, type RoleName, type SecurityContext } from './context.ts';
import { contentEdit, securityDevice, type Forgery } from './device.ts';
import { dossierAt, dueIn, newDraft, type Draft } from './dossiers.ts';
import { refusedAction } from './verdict.ts';

type Action = WireAction | Record<string, unknown>;

const REASON = 'Lý do của kẻ tấn công';
const FORGED_RESULT = { name: 'Giấy khai sinh', fileIds: ['sec-f1'], number: '1/QĐ', signedBy: 'Giả mạo', issuedAt: '2026-01-02T00:00:00.000Z', warehouseDocId: null };

/** Moves that are not the role's own, each on a dossier at the status where another role takes it. */
const NOT_THEIRS: Array<[RoleName, number, Action]> = [
  ['citizenAn', 1, { type: 'receive', dueAt: '2030-01-01T00:00:00.000Z' }],
  ['citizenAn', 1, { type: 'reject', reason: REASON }],
  ['citizenAn', 1, { type: 'requestSupplement', reason: REASON, items: ['Không có gì'] }],
  ['citizenAn', 1, { type: 'checkIdentity', source: 'population_registry' }],
  ['citizenAn', 2, { type: 'startProcessing', stepIndex: 3 }],
  ['citizenAn', 2, { type: 'apologize', reason: REASON, newDueAt: '2030-01-01T00:00:00.000Z' }],
  ['citizenAn', 4, { type: 'moveStep', stepIndex: 3 }],
  ['citizenAn', 4, { type: 'attachResult', name: 'Giấy khai sinh', fileIds: ['sec-f1'], number: '1/QĐ' }],
  ['citizenAn', 4, { type: 'resolve' }],
  ['citizenAn', 4, { type: 'requestPayment', amount: 0 }],
  ['citizenAn', 4, { type: 'stop', reason: REASON }],
  ['citizenAn', 5, { type: 'acceptSupplement', dueAt: '2030-01-01T00:00:00.000Z' }],
  ['citizenAn', 7, { type: 'confirmWithdrawal' }],
  ['citizenAn', 9, { type: 'returnResult', method: 'desk' }],
  ['citizenAn', 9, { type: 'storeResult', warehouseDocId: 'sec-w1', fileId: 'sec-f1' }],
  ['specialistDakLa', 1, { type: 'receive', dueAt: dueIn(5) }],
  ['specialistDakLa', 2, { type: 'requestPayment', amount: 0 }],
  ['specialistDakLa', 2, { type: 'resolve' }],
  ['specialistDakLa', 4, { type: 'resolve' }],
  ['specialistDakLa', 4, { type: 'requestPayment', amount: -8000 }],
  ['receptionistDakLa', 4, { type: 'resolve' }],
  ['receptionistDakLa', 4, { type: 'requestPayment', amount: 0 }],
  ['receptionistDakLa', 4, { type: 'attachResult', name: 'Giấy khai sinh', fileIds: ['sec-f1'] }],
  ['receptionistDakLa', 4, { type: 'stop', reason: REASON }],
  ['receptionistDakLa', 1, { type: 'rate', level: 'rat_hai_long' }],
  ['leaderDakLa', 1, { type: 'receive', dueAt: dueIn(5) }],
  ['leaderDakLa', 1, { type: 'reject', reason: REASON }],
  ['adminProvince', 1, { type: 'receive', dueAt: dueIn(5) }],
  ['adminProvince', 4, { type: 'resolve' }],
  ['adminProvince', 1, { type: 'requestWithdrawal', reason: REASON }],
];

/** Keys no rule reads, with the values an attacker would like the dossier to take. */
const EXTRA_KEYS: Record<string, unknown> = {
  agencyId: DAK_MAR, procedureId: '1.000894.000.00.00.H34', channel: 1, submittedAt: '2020-01-01T00:00:00.000Z',
  previousStatus: 4, conflicts: [], status: 9, ownerCccd: BINH, result: FORGED_RESULT, fee: { amount: 0, paid: 'cash' },
  code: 'H34.29.3-260101-0001', dueAt: '2030-01-01T00:00:00.000Z', decision: { kind: 'reject', reason: REASON, items: [], at: '2026-01-01T00:00:00.000Z', by: 'X' },
};

/** Honest actions, each with the role and status where it applies, to carry the extra keys. */
const CARRIERS: Array<[RoleName, number, (d: Doc) => Action]> = [
  ['citizenAn', 0, (d) => ({ type: 'editContent', changes: contentEdit(d, (c) => ({ ...c, summary: `${c.summary}.` })) })],
  ['citizenAn', 0, () => ({ type: 'submit' })],
  ['citizenAn', 1, () => ({ type: 'requestWithdrawal', reason: 'Không cần nữa' })],
  ['receptionistDakLa', 1, () => ({ type: 'receive', dueAt: dueIn(5) })],
  ['leaderDakLa', 4, () => ({ type: 'resolve' })],
];

/** What each role would try on a dossier that has finished (rejected 3, stopped 8, returned 10). */
const ON_FINISHED: Array<[RoleName, (d: Doc) => Action]> = [
  ['citizenAn', (d) => ({ type: 'editContent', changes: contentEdit(d, (c) => ({ ...c, applicant: { ...c.applicant, phone: '0999999999' } })) })],
  ['citizenAn', () => ({ type: 'requestWithdrawal', reason: REASON })],
  ['citizenAn', (d) => ({ type: 'supplement', components: [{ id: (d.components as Array<{ id: string }>)[0]!.id, fileIds: ['sec-f1'] }] })],
  ['citizenAn', () => ({ type: 'submit' })],
  ['citizenAn', () => ({ type: 'create', agencyId: DAK_LA, procedureId: '1.001193.000.00.00.H34', changes: [] })],
  ['receptionistDakLa', (d) => ({ type: 'editContent', changes: contentEdit(d, (c) => ({ ...c, summary: 'Sửa sau khi đã kết thúc' })) })],
  ['receptionistDakLa', (d) => ({ type: 'editContent', changes: contentEdit(d, (c) => ({ ...c, returnMethod: c.returnMethod === 'desk' ? 'post' : 'desk' })) })],
  ['receptionistDakLa', () => ({ type: 'receive', dueAt: dueIn(5) })],
  ['receptionistDakLa', () => ({ type: 'reject', reason: REASON })],
  ['receptionistDakLa', () => ({ type: 'requestSupplement', reason: REASON, items: ['Giấy tờ'] })],
  ['receptionistDakLa', () => ({ type: 'acceptSupplement', dueAt: dueIn(5) })],
  ['receptionistDakLa', () => ({ type: 'startProcessing' })],
  ['receptionistDakLa', () => ({ type: 'confirmWithdrawal' })],
  ['receptionistDakLa', () => ({ type: 'returnResult', method: 'desk' })],
  ['receptionistDakLa', () => ({ type: 'checkIdentity', source: 'card_qr' })],
  ['receptionistDakLa', () => ({ type: 'apologize', reason: REASON, newDueAt: dueIn(30) })],
  ['specialistDakLa', () => ({ type: 'moveStep', stepIndex: 2 })],
  ['specialistDakLa', () => ({ type: 'requestPayment', amount: 0 })],
  ['specialistDakLa', () => ({ type: 'stop', reason: REASON })],
  ['specialistDakLa', () => ({ type: 'attachResult', name: 'Kết quả giả', fileIds: ['sec-f1'] })],
  ['leaderDakLa', () => ({ type: 'resolve' })],
];

export function actionsSuite(ctx: () => SecurityContext) {
  const act = (role: RoleName, d: Doc | null, action: Action, forgery?: Forgery) => () =>
    securityDevice(ctx().t).act(ctx().token[role], ctx().user[role], d, action, forgery);
  const fresh = async (status: number, options?: Parameters<typeof dossierAt>[2]) => dossierAt(ctx(), status, options);
  const current = async (d: Doc) => (await stored(ctx().t, 'dossiers', d.id))!;

  describe('actions: each role takes only its own moves', () => {
    it.each(NOT_THEIRS)('%s at %i: %j', async (role, status, action) => {
      const d = await fresh(status);
      await refusedAction(ctx(), `${role}: ${String(action.type)} at ${status}`, [d.id], act(role, d, action));
    });

    it('a specialist asks a zero fee at reception and approves it in one push', async () => {
      const { t, token, user } = ctx();
      const d = await fresh(2);
      const device = securityDevice(t);
      const payment = await device.record(user.specialistDakLa, d, { type: 'requestPayment', amount: 0 });
      const approval = await device.record(user.specialistDakLa, d, { type: 'resolve' });
      await refusedAction(ctx(), 'specialist: requestPayment 0 + resolve at 2', [d.id], () => device.push(token.specialistDakLa, [payment, approval]));
    });

    it('the desk waives a fee while receiving an online dossier', async () => {
      const d = await fresh(1, { nationalCode: '2.000635' });
      const waive = { type: 'receive', dueAt: dueIn(5), fee: { amount: 0, paid: 'cash' } };
      await refusedAction(ctx(), 'receptionist: receive with fee 0 paid cash at 1', [d.id], act('receptionistDakLa', d, waive));
    });
  });

  describe('actions: nothing rides along in an action', () => {
    it.each(CARRIERS)('%s at %i', async (role, status, carrier) => {
      let d = await fresh(status);
      for (const [key, value] of Object.entries(EXTRA_KEYS)) {
        const action = carrier(d);
        if (Object.hasOwn(action, key) || (action.type === 'receive' && ['code', 'fee', 'dueAt'].includes(key))) continue;
        await refusedAction(ctx(), `${role}: ${String(action.type)} at ${status} with ${key}`, [d.id], act(role, d, { ...action, [key]: value }));
        // A breach moved it: the next key gets a dossier at the status again.
        const now = await current(d);
        d = now.status === status ? now : await fresh(status);
      }
    });
  });

  describe('actions: a refused or finished dossier takes no action', () => {
    it.each([3, 8, 10])('status %i', async (status) => {
      const d = await fresh(status);
      for (const [role, build] of ON_FINISHED) {
        const now = await current(d);
        const action = build(now);
        const forgery = action.type === 'create' ? { dossierId: d.id } : undefined;
        await refusedAction(ctx(), `${role}: ${String(action.type)} at ${status}`, [d.id], act(role, now, action, forgery));
      }
    });
  });

  describe('actions: out of the actor’s scope', () => {
    let demo: Doc[];
    beforeAll(async () => {
      demo = [];
      for (const id of ['demo-hs-001', 'demo-hs-002', 'demo-hs-003', 'demo-hs-004']) demo.push((await stored(ctx().t, 'dossiers', id))!);
    });

    it('every role on every demo dossier it may not see', async () => {
      for (const d of demo) {
        for (const role of Object.keys(ROLES) as RoleName[]) {
          if (role === 'adminProvince' || maySee(role, d)) continue;
          const action = role.startsWith('citizen') ? { type: 'requestWithdrawal', reason: REASON } : { type: 'receive', dueAt: dueIn(5) };
          await refusedAction(ctx(), `${role}: ${action.type} on ${d.id}`, [d.id], act(role, d, action), '4xx');
          // Nor by pretending the dossier is in the actor's scope.
          const mine = role.startsWith('citizen') ? { ownerCccd: ctx().user[role].cccd } : { agencyId: ctx().user[role].agencyId };
          await refusedAction(ctx(), `${role}: ${action.type} on ${d.id} claiming ${JSON.stringify(mine)}`, [d.id], act(role, d, action, { event: mine }), '4xx');
        }
      }
    });

    it('nobody creates a dossier in another citizen’s name or at another commune', async () => {
      const forBinh = await newDraft(ctx(), { applicant: { cccd: BINH, fullName: 'Trần Thị Bình' } });
      const honest = await newDraft(ctx());
      const cases: Array<[string, RoleName, Draft, Record<string, unknown>]> = [
        ['An creates a dossier for Bình', 'citizenAn', forBinh, { ownerCccd: BINH }],
        ['An files Bình’s papers in own name', 'citizenAn', forBinh, { ownerCccd: AN }],
        ['Đắk Mar desk creates at Đắk La', 'receptionistDakMar', honest, { ownerCccd: AN }],
        ['a specialist creates a dossier', 'specialistDakLa', honest, { ownerCccd: AN }],
      ];
      for (const [label, role, { create, procedure }, event] of cases) {
        const id = `sec-new-${crypto.randomUUID()}`;
        await refusedAction(ctx(), label, [id], act(role, null, create, { dossierId: id, procedure, event: { ...event, dossierId: id } }));
      }
      const unknown = { ...honest.create, agencyId: '999.99.99.H99' };
      const id = `sec-new-${crypto.randomUUID()}`;
      await refusedAction(ctx(), 'An creates at an unknown agency', [id], act('citizenAn', null, unknown, { dossierId: id, event: { agencyId: '999.99.99.H99', dossierId: id } }));
    });
  });
}

