/**
 * The history event around an action is the server's to judge: who made it (the token, not the
 * event), what became of it (`outcome`, written by the server), what it is (`type`, which must say
 * what the action does, since the citizen is told about some types), and when it happened.
 */
import { describe, expect, it } from 'vitest';
import { notified, stored, type SecurityContext } from './context.ts';
import { contentEdit, rehash, securityDevice } from './device.ts';
import { dossierAt, dueIn } from './dossiers.ts';
import { attempt } from './tally.ts';
import { refusedAction } from './verdict.ts';

const OUTCOME = { status: 'applied', reason: '', code: '', fromStatus: 1, toStatus: 2, at: new Date().toISOString() };

export function eventsSuite(ctx: () => SecurityContext) {
  describe('events: the envelope is the server’s', () => {
    it('an event in another person’s name, role or device, or with an outcome, is refused whole', async () => {
      const { t, token, user } = ctx();
      const d = await dossierAt(ctx(), 1);
      const receive = { type: 'receive', dueAt: dueIn(5) };
      const desk = user.receptionistDakLa;
      const cases: Array<[string, 'citizenAn' | 'specialistDakLa' | 'receptionistDakLa', Record<string, unknown>]> = [
        ['citizen pushes a receive in the desk’s name', 'citizenAn', { actor: { userId: desk.id, name: desk.fullName, role: desk.role } }],
        ['specialist pushes a receive in the desk’s name', 'specialistDakLa', { actor: { userId: desk.id, name: desk.fullName, role: desk.role } }],
        ['citizen claims the receptionist role', 'citizenAn', { actor: { userId: user.citizenAn.id, name: user.citizenAn.fullName, role: 'receptionist' } }],
        ['desk sends an applied outcome', 'receptionistDakLa', { outcome: OUTCOME }],
        ['desk sends a refused outcome for a move it may make', 'receptionistDakLa', { outcome: { ...OUTCOME, status: 'refused', code: 'x' } }],
        ['desk sends the event of another device', 'receptionistDakLa', { deviceId: 'someone-elses-tablet' }],
      ];
      for (const [label, role, event] of cases) {
        await refusedAction(ctx(), label, [d.id], () => securityDevice(t).act(token[role], user[role], d, receive, { event }), '4xx');
      }
      const device = securityDevice(t);
      const honest = await device.record(desk, d, receive);
      const altered = { ...honest, action: { ...receive, dueAt: '2030-01-01T00:00:00.000Z' } };
      await refusedAction(ctx(), 'desk alters the action after hashing', [d.id], () => device.push(token.receptionistDakLa, [altered]), '4xx');
      const deleted = { ...(await device.record(user.citizenAn, d, { type: 'requestWithdrawal', reason: 'x' })), _deleted: true };
      await refusedAction(ctx(), 'citizen pushes a deleted event', [d.id], () => device.push(token.citizenAn, [deleted]), '4xx');
    });

    it('an event whose type is not what its action does is refused and never told to the citizen', async () => {
      const { t, token, user } = ctx();
      // The outbox check can fail: an honest reception is told to the citizen.
      const honest = await dossierAt(ctx(), 1);
      const received = await securityDevice(t).act(token.receptionistDakLa, user.receptionistDakLa, honest, { type: 'receive', dueAt: dueIn(5) });
      expect(await notified(t, received.events[0]!.id)).toBe(true);
      const cases: Array<[string, 'citizenAn' | 'receptionistDakLa' | 'leaderDakLa', number, Record<string, unknown>, string]> = [
        ['withdrawal told as a rejection', 'citizenAn', 1, { type: 'requestWithdrawal', reason: 'Không cần nữa' }, 'v1.DossierRejected'],
        ['withdrawal told as a result', 'citizenAn', 1, { type: 'requestWithdrawal', reason: 'Không cần nữa' }, 'v1.DossierResolved'],
        ['reception told as a result', 'receptionistDakLa', 1, { type: 'receive', dueAt: dueIn(5) }, 'v1.DossierResolved'],
        ['approval told as an apology', 'leaderDakLa', 4, { type: 'resolve' }, 'v1.ApologyIssued'],
        ['edit told as a reception', 'citizenAn', 0, { type: 'editContent' }, 'v1.DossierReceived'],
      ];
      for (const [label, role, status, action, type] of cases) {
        const d = await dossierAt(ctx(), status);
        const full = action.type === 'editContent' ? { ...action, changes: contentEdit(d, (c) => ({ ...c, summary: 'Sửa' })) } : action;
        await refusedAction(ctx(), label, [d.id], () => securityDevice(t).act(token[role], user[role], d, full, { event: { type } }));
      }
    });

    it('nobody edits history: a kept event sent again with other content is refused', async () => {
      const { t, token, user } = ctx();
      const d = await dossierAt(ctx(), 1);
      const device = securityDevice(t);
      const { answer } = await device.act(token.citizenAn, user.citizenAn, d, { type: 'requestWithdrawal', reason: 'Không cần nữa' });
      const { outcome: _o, _deleted, ...kept } = answer![0]!;
      const before = await stored(t, 'events', String(kept.id));
      for (const [label, patch] of [
        ['another reason', { action: { type: 'requestWithdrawal', reason: 'Lý do khác' } }],
        ['another action', { action: { type: 'receive', dueAt: dueIn(5) }, type: 'v1.DossierReceived' }],
        ['another comment', { comment: 'Sửa lịch sử' }],
      ] as const) {
        const edited = await rehash({ ...kept, ...patch });
        await refusedAction(ctx(), `citizen edits a kept event: ${label}`, [d.id], () => device.push(token.citizenAn, [edited]), '4xx');
      }
      attempt('attack', 'the kept event is as it was', JSON.stringify(await stored(t, 'events', String(kept.id))) === JSON.stringify(before));
    });

    it('a device’s clock cannot put an action before the dossier it acts on existed', async () => {
      const { t, token, user } = ctx();
      const draft = await dossierAt(ctx(), 0);
      await securityDevice(t).act(token.citizenAn, user.citizenAn, draft, { type: 'submit' }, { at: new Date('2020-01-01T00:00:00.000Z') });
      const submitted = (await stored(t, 'dossiers', draft.id))!;
      attempt('attack', 'submit dated before the dossier was created', submitted.status !== 1 || String(submitted.submittedAt) >= String(submitted.createdAt),
        `submittedAt ${String(submitted.submittedAt)}, createdAt ${String(submitted.createdAt)}`);
      const online = await dossierAt(ctx(), 1);
      await securityDevice(t).act(token.receptionistDakLa, user.receptionistDakLa, online, { type: 'receive', dueAt: dueIn(5) }, { at: new Date('2020-01-01T00:00:00.000Z') });
      const received = (await stored(t, 'dossiers', online.id))!;
      attempt('attack', 'reception dated before the dossier was submitted', received.status !== 2 || String(received.receivedAt) >= String(received.submittedAt),
        `receivedAt ${String(received.receivedAt)}, submittedAt ${String(received.submittedAt)}`);
    });
  });
}
