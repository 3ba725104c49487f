/**
 * Content edits attacked: an `editContent` whose Automerge change touches a path the content policy
 * does not give the role at the dossier's status, a hand-made change that writes into the content
 * document what is not content at all (status, agency, fee…), and property-based actions of a
 * citizen that must never move anything the citizen does not own.
 */
import { checkTransition, isDossierActionType, type DossierContent, type DossierStatusCode, type Role } from '@motcua/model';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { BINH, DAK_MAR, same, stored, type Doc, type RoleName, type SecurityContext } from './context.ts';
import { contentEdit, rawChange, securityDevice } from './device.ts';
import { dossierAt, dueIn } from './dossiers.ts';
import { attempt } from './tally.ts';
import { refusedAction } from './verdict.ts';

type Edit = (c: DossierContent) => DossierContent;
const applicant = (patch: Record<string, unknown>): Edit => (c) => ({ ...c, applicant: { ...c.applicant, ...patch } });
const firstComponent = (patch: Record<string, unknown>): Edit => (c) => ({ ...c, components: c.components.map((k, i) => (i === 0 ? { ...k, ...patch } : k)) });

/** Edits the policy refuses: [role, status, path touched, edit]. */
const FORBIDDEN_EDITS: Array<[RoleName, number, string, Edit]> = [
  ['citizenAn', 1, 'applicant.address', applicant({ address: 'Nơi khác' })],
  ['citizenAn', 2, 'summary', (c) => ({ ...c, summary: 'Tóm tắt khác' })],
  ['citizenAn', 4, 'components.*.fileIds', firstComponent({ fileIds: ['sec-f1'] })],
  ['citizenAn', 5, 'applicant.fullName', applicant({ fullName: 'Người khác' })],
  ['citizenAn', 0, 'components.* (a new slot)', (c) => ({ ...c, components: [...c.components, { ...c.components[0]!, id: 'sec-extra-slot', name: 'Thêm' }] })],
  ['citizenAn', 0, 'components.* (a slot dropped)', (c) => ({ ...c, components: c.components.slice(1) })],
  ['citizenAn', 0, 'components.*.name', firstComponent({ name: 'Tên khác' })],
  ['citizenAn', 0, 'components.*.paperReceived', firstComponent({ paperReceived: true })],
  ['receptionistDakLa', 4, 'applicant.cccd', applicant({ cccd: BINH })],
  ['receptionistDakLa', 9, 'components.*.fileIds', firstComponent({ fileIds: ['sec-f1'] })],
  ['receptionistDakLa', 6, 'summary', (c) => ({ ...c, summary: 'Tóm tắt khác' })],
  ['specialistDakLa', 4, 'applicant.phone', applicant({ phone: '0999999999' })],
  ['specialistDakLa', 4, 'notify.email', (c) => ({ ...c, notify: { ...c.notify, email: true } })],
  ['leaderDakLa', 2, 'summary', (c) => ({ ...c, summary: 'Tóm tắt khác' })],
  ['adminProvince', 1, 'summary', (c) => ({ ...c, summary: 'Tóm tắt khác' })],
];

/** What is not content, written into the content document with the value an attacker wants. */
const NOT_CONTENT: Record<string, unknown> = {
  status: 9, agencyId: DAK_MAR, ownerCccd: BINH, procedureId: '1.000894.000.00.00.H34', procedureVersion: 99, channel: 1,
  submittedAt: '2020-01-01T00:00:00.000Z', receivedAt: '2020-01-02T00:00:00.000Z', dueAt: '2030-01-01T00:00:00.000Z',
  finishedAt: '2020-01-03T00:00:00.000Z', returnedAt: '2020-01-04T00:00:00.000Z', previousStatus: 4, stepIndex: 3,
  assigneeId: 'u-chutich.dakla', conflicts: [], code: 'H34.29.3-200101-0001', provisionalCode: 'TAM-1',
  fee: { amount: 0, paid: 'cash' }, decision: { kind: 'reject', reason: 'Giả mạo', items: [], at: '2026-01-01T00:00:00.000Z', by: 'X' },
  result: { name: 'Giấy khai sinh', fileIds: ['sec-f1'], number: '1/QĐ', signedBy: 'Giả mạo', issuedAt: '2026-01-02T00:00:00.000Z', warehouseDocId: null },
  identityCheck: { source: 'population_registry', at: '2026-01-01T00:00:00.000Z', by: 'X' }, rating: { level: 'rat_hai_long', comment: '', at: '2026-01-01T00:00:00.000Z' },
  apology: { reason: 'Giả mạo', newDueAt: '2030-01-01T00:00:00.000Z', at: '2026-01-01T00:00:00.000Z', by: 'X' }, updatedBy: 'u-chutich.dakla', createdAt: '2020-01-01T00:00:00.000Z', heads: [], id: 'sec-other-id',
};

/** Fields a citizen's actions never set on a dossier they have submitted. */
const AGENCY_FIELDS = [
  'agencyId', 'ownerCccd', 'procedureId', 'procedureVersion', 'channel', 'code', 'fee', 'result', 'dueAt', 'receivedAt', 'submittedAt',
  'previousStatus', 'stepIndex', 'assigneeId', 'apology', 'identityCheck', 'createdAt', 'id',
];

export function contentSuite(ctx: () => SecurityContext) {
  const act = (role: RoleName, d: Doc, changes: string[]) => () =>
    securityDevice(ctx().t).act(ctx().token[role], ctx().user[role], d, { type: 'editContent', changes });

  describe('content: a change touches only what the policy gives the role at the status', () => {
    it.each(FORBIDDEN_EDITS)('%s at %i: %s', async (role, status, path, edit) => {
      const d = await dossierAt(ctx(), status);
      await refusedAction(ctx(), `${role}: edits ${path} at ${status}`, [d.id], act(role, d, contentEdit(d, edit)));
    });
  });

  describe('content: what is not content cannot be written through the content document', () => {
    it.each(Object.entries(NOT_CONTENT))('citizen writes %s on a submitted dossier', async (key, value) => {
      const d = await dossierAt(ctx(), 1);
      await refusedAction(ctx(), `citizen: content change writes ${key} at 1`, [d.id], act('citizenAn', d, rawChange(d, (doc) => (doc[key] = value))));
    });

    it.each([
      ['receptionistDakLa', 4, { status: 9 }],
      ['citizenAn', 0, { status: 2, code: null }],
      ['specialistDakLa', 4, { fee: { amount: 0, paid: 'cash' }, status: 9 }],
      ['citizenAn', 10, { status: 4, rating: null }],
    ] as const)('%s at %i writes %j', async (role, status, fields) => {
      const d = await dossierAt(ctx(), status);
      const changes = rawChange(d, (doc) => Object.assign(doc, fields));
      await refusedAction(ctx(), `${role}: content change writes ${Object.keys(fields).join('+')} at ${status}`, [d.id], act(role, d, changes));
    });

    it('a citizen cannot clear the refused actions listed for the desk, nor the devices’ heads', async () => {
      const { t, token, user } = ctx();
      const d = await dossierAt(ctx(), 1);
      await securityDevice(t).act(token.citizenAn, user.citizenAn, d, { type: 'receive', dueAt: dueIn(5) });
      const listed = (await stored(t, 'dossiers', d.id))!;
      const wipe = rawChange(listed, (doc) => Object.assign(doc, { conflicts: [], heads: [] }));
      await securityDevice(t).act(token.citizenAn, user.citizenAn, listed, { type: 'editContent', changes: wipe });
      const after = (await stored(t, 'dossiers', d.id))!;
      const kept = (listed.conflicts as Array<{ eventId: string }>).every((c) => (after.conflicts as Array<{ eventId: string }>).some((k) => k.eventId === c.eventId));
      attempt('attack', 'citizen: content change clears the listed refusals', kept && (listed.conflicts as unknown[]).length > 0, `(conflicts ${JSON.stringify(listed.conflicts).slice(0, 80)} → ${JSON.stringify(after.conflicts)})`);
      const heads = (listed.heads as Array<{ deviceId: string }>).every((h) => (after.heads as Array<{ deviceId: string }>).some((k) => k.deviceId === h.deviceId));
      attempt('attack', 'citizen: content change drops the devices’ heads', heads, `(heads ${JSON.stringify(listed.heads)} → ${JSON.stringify(after.heads)})`);
    });

    it('content of the wrong shape is refused, never a 5xx', async () => {
      const shapes: Array<[string, (doc: Record<string, unknown>) => void]> = [
        ['components as text', (doc) => (doc.components = 'không phải danh sách')],
        ['a component as a number', (doc) => ((doc.components as Record<string, unknown>)[Object.keys(doc.components as object)[0]!] = 7)],
        ['summary as a number', (doc) => (doc.summary = 42)],
        ['applicant as a list', (doc) => (doc.applicant = ['x'])],
        ['applicant without its fields', (doc) => (doc.applicant = {})],
        ['notify as null', (doc) => (doc.notify = null)],
        ['everything deleted', (doc) => { for (const k of Object.keys(doc)) delete doc[k]; }],
      ];
      for (const [label, write] of shapes) {
        const d = await dossierAt(ctx(), 0);
        await refusedAction(ctx(), `citizen: content change with ${label}`, [d.id], act('citizenAn', d, rawChange(d, write)));
      }
    });
  });

  describe('content: text the database cannot hold is refused, never a 5xx', () => {
    it.each([
      ['citizenAn', 0, 'applicant.address', applicant({ address: 'Thôn 1\u0000' })],
      ['citizenAn', 0, 'summary', (c: DossierContent) => ({ ...c, summary: '\u0000' })],
      ['citizenAn', 0, 'components.*.fileIds', firstComponent({ fileIds: ['f\u0000'] })],
      ['receptionistDakLa', 1, 'applicant.fullName', applicant({ fullName: 'Nguyễn\u0000Văn An' })],
    ] as Array<[RoleName, number, string, Edit]>)('%s at %i: U+0000 in %s', async (role, status, path, edit) => {
      const d = await dossierAt(ctx(), status);
      const { response } = await act(role, d, contentEdit(d, edit))();
      attempt('attack', `${role}: U+0000 in ${path} at ${status}`, response.status < 500, `(${response.status} ${(await response.text()).slice(0, 120)})`);
    });
  });

  describe('content: property-based actions of a citizen', () => {
    it('never move a field the agency owns, nor the status other than by the citizen’s own moves, nor answer 5xx', async () => {
      const { t, token, user } = ctx();
      const others = fc.constantFrom('submit', 'receive', 'reject', 'requestWithdrawal', 'resolve', 'supplement', 'rate', 'confirmPayment', 'resolveConflict', 'nope');
      const types = fc.oneof({ arbitrary: fc.constant('editContent'), weight: 2 }, { arbitrary: others, weight: 1 });
      const keys = fc.constantFrom('reason', 'dueAt', 'fee', 'code', 'amount', 'method', 'status', 'agencyId', 'components', 'level', 'stepIndex', 'comment');
      const value = fc.oneof(fc.string(), fc.integer(), fc.constant(dueIn(9)), fc.constant({ amount: 0, paid: 'cash' }), fc.anything());
      const plausible = fc.subarray(Object.entries(NOT_CONTENT), { minLength: 1, maxLength: 2 }).map((entries) => Object.fromEntries(entries));
      const junk = fc.dictionary(fc.constantFrom(...Object.keys(NOT_CONTENT), 'summary', 'applicant'), fc.anything(), { maxKeys: 2 });
      const write = fc.option(fc.oneof(plausible, junk));
      const samples = fc.sample(fc.record({ type: types, extra: fc.dictionary(keys, value, { maxKeys: 3 }), write }), { numRuns: 60, seed: 20261207 });
      let d = await dossierAt(ctx(), 1);
      for (const [i, { type, extra, write: fields }] of samples.entries()) {
        const action: Record<string, unknown> = { ...extra, type };
        try {
          if (fields) action.changes = rawChange(d, (doc) => Object.assign(doc, JSON.parse(JSON.stringify(fields)) as object));
        } catch {
          continue; // a value Automerge itself cannot hold: no change to send
        }
        const { response } = await securityDevice(t).act(token.citizenAn, user.citizenAn, d, action);
        const after = (await stored(t, 'dossiers', d.id))!;
        const moved = AGENCY_FIELDS.filter((k) => !same(after[k], d[k]));
        const statusOk = after.status === d.status || checkTransition({ from: d.status as DossierStatusCode, to: after.status as DossierStatusCode, role: 'citizen' as Role }).ok;
        const label = `fuzz ${i}: citizen ${isDossierActionType(type) ? type : 'unknown'}${fields ? ' with a content change' : ''}`;
        attempt('attack', label, response.status < 500 && moved.length === 0 && statusOk,
          `(${response.status}; moved ${moved.join(',') || 'nothing'}; status ${String(d.status)} → ${String(after.status)}; action keys ${Object.keys(extra).join(',') || 'none'}; content change writes ${Object.keys(fields ?? {}).join(',') || 'nothing'})`);
        d = after.status === 1 && moved.length === 0 ? after : await dossierAt(ctx(), 1);
      }
    });
  });
}
