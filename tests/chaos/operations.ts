/**
 * The chaos suite's vocabulary: what a simulated person does on their device (through the model's
 * `applyDossierAction`, as the screens do) and which faults are injected, with the fast-check
 * arbitraries that draw them.
 */
import fc from 'fast-check';
import { createDossierDraft, DossierActionError, TransitionError, type Dossier, type Procedure } from '@motcua/model';
import type { TestClient } from '../integration/clients.ts';

export type Step =
  | { kind: 'act'; device: number; action: number; pick: number }
  | { kind: 'partition'; device: number }
  | { kind: 'heal'; device: number }
  | { kind: 'restart' }
  | { kind: 'week'; device: number; actions: number };

/** Steps for `devices` devices: mostly actions, some partitions, heals, server restarts and one long absence. */
export function stepsArbitrary(devices: number, maxSteps: number): fc.Arbitrary<Step[]> {
  const device = fc.nat({ max: devices - 1 });
  const step: fc.Arbitrary<Step> = fc.oneof(
    { weight: 12, arbitrary: fc.record({ kind: fc.constant('act' as const), device, action: fc.nat({ max: 2 }), pick: fc.nat() }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('partition' as const), device }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('heal' as const), device }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('restart' as const) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('week' as const), device, actions: fc.integer({ min: 8, max: 20 }) }) },
  );
  // Every scenario has at least one server restart and one device away for a week.
  const week = fc.record({ kind: fc.constant('week' as const), device, actions: fc.integer({ min: 8, max: 20 }) });
  return fc
    .tuple(fc.array(step, { minLength: Math.min(8, maxSteps), maxLength: maxSteps, size: 'max' }), week, fc.nat(), fc.nat())
    .map(([steps, away, i, j]) => {
      const out: Step[] = [...steps];
      out.splice(i % (out.length + 1), 0, away);
      out.splice(j % (out.length + 1), 0, { kind: 'restart' });
      return out;
    });
}

export interface ActContext {
  procedure: Procedure;
  agencyId: string;
  /** Event ids the device's database accepted: acknowledged to the person. */
  acked: Map<string, string>;
  now: Date;
}

const dueAt = (now: Date) => new Date(now.getTime() + 5 * 86_400_000).toISOString();

async function dossiersWith(client: TestClient, statuses: number[]): Promise<Dossier[]> {
  const docs = await client.db.dossiers.find({ selector: { status: { $in: statuses } } }).exec();
  return docs.map((d) => d.toMutableJSON() as Dossier).sort((a, b) => (a.id < b.id ? -1 : 1));
}

/**
 * One person's action: a citizen drafts, submits or edits a draft; a desk receives, rejects or asks
 * for a supplement. Returns a label, or null when there was nothing to act on. A move the state
 * machine refuses locally changes nothing (as on screen).
 */
export async function act(client: TestClient, action: number, pick: number, ctx: ActContext): Promise<string | null> {
  const record = async (id: string, a: Parameters<TestClient['act']>[1]) => {
    try {
      const { event } = await client.act(id, a, ctx.now);
      ctx.acked.set(event.id, client.label);
      return `${a.type}`;
    } catch (error) {
      if (error instanceof TransitionError || error instanceof DossierActionError) return `${a.type} (refused locally)`;
      throw error;
    }
  };
  if (client.user.role === 'citizen') {
    const drafts = await dossiersWith(client, [0]);
    if (action === 0 || drafts.length === 0) {
      const draft = createDossierDraft({
        id: crypto.randomUUID(),
        procedure: ctx.procedure,
        applicant: { cccd: client.user.cccd!, fullName: client.user.fullName, birthDate: '1999-05-12', gender: 'nam', phone: '0905000123', email: '', address: 'Đắk La' },
        ownerCccd: client.user.cccd!,
        agencyId: ctx.agencyId,
        now: ctx.now,
        userId: client.user.id,
      });
      await client.db.dossiers.insert(draft);
      return 'draft';
    }
    const target = drafts[pick % drafts.length]!;
    if (action === 1) return record(target.id, { type: 'submit' });
    const doc = await client.db.dossiers.findOne(target.id).exec();
    await doc!.incrementalModify((d) => ({ ...d, applicant: { ...d.applicant, phone: `09${String(pick % 1e8).padStart(8, '0')}` } }));
    return 'edit';
  }
  const open = await dossiersWith(client, action === 0 ? [1] : [1, 2]);
  if (open.length === 0) return null;
  const target = open[pick % open.length]!;
  if (action === 0) return record(target.id, { type: 'receive', dueAt: dueAt(ctx.now) });
  if (action === 1) return record(target.id, { type: 'reject', reason: 'Hồ sơ không hợp lệ' });
  return record(target.id, { type: 'requestSupplement', reason: 'Thiếu giấy tờ', items: ['Bản sao giấy khai sinh'] });
}
