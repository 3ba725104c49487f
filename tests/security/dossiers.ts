/**
 * Fresh dossiers at any status for the attacks, brought there the honest way: each step an action
 * pushed by the role whose move it is, and checked as applied.
 */
import { createDossierDraft, seedContent, type Dossier, type Procedure, type WireAction } from '@motcua/model';
import { engine } from '../../apps/sync/src/sync/dossier-content.ts';
import { DAK_LA, pullAll, stored, type Doc, type RoleName, type SecurityContext } from './context.ts';
import { securityDevice } from './device.ts';

export const dueIn = (days = 3): string => new Date(Date.now() + days * 86_400_000).toISOString();

export interface NewDossier {
  /** The citizen it belongs to (default An). */
  owner?: 'citizenAn' | 'citizenBinh';
  agencyId?: string;
  /** The procedure's national code (default: birth registration, no fee). */
  nationalCode?: string;
}

/** The honest step into each status, from the status it comes from. */
const STEPS: Record<number, { from: number; role: RoleName | 'owner'; action: WireAction }> = {
  1: { from: 0, role: 'owner', action: { type: 'submit' } },
  2: { from: 1, role: 'receptionistDakLa', action: { type: 'receive', dueAt: dueIn(5) } },
  3: { from: 1, role: 'receptionistDakLa', action: { type: 'reject', reason: 'Không thuộc thẩm quyền' } },
  4: { from: 2, role: 'receptionistDakLa', action: { type: 'startProcessing', stepIndex: 1, assigneeId: 'u-chuyenvien.dakla' } },
  5: { from: 2, role: 'receptionistDakLa', action: { type: 'requestSupplement', reason: 'Thiếu giấy chứng sinh', items: ['Giấy chứng sinh'] } },
  6: { from: 4, role: 'specialistDakLa', action: { type: 'requestPayment', amount: 8000 } },
  7: { from: 1, role: 'owner', action: { type: 'requestWithdrawal', reason: 'Không cần nữa' } },
  8: { from: 4, role: 'specialistDakLa', action: { type: 'stop', reason: 'Hồ sơ giả mạo' } },
  9: { from: 4, role: 'leaderDakLa', action: { type: 'resolve' } },
  10: { from: 9, role: 'receptionistDakLa', action: { type: 'returnResult', method: 'desk' } },
};

export interface Draft {
  id: string;
  draft: Dossier;
  procedure: Procedure;
  /** The `create` action that seeds it. */
  create: WireAction;
}

/** A citizen's new draft as their device makes it, not yet pushed; `applicant` may lie. */
export async function newDraft(ctx: SecurityContext, options: NewDossier & { applicant?: Partial<Dossier['applicant']> } = {}): Promise<Draft> {
  const { t, token, user } = ctx;
  const owner = options.owner ?? 'citizenAn';
  const procedures = (await pullAll(t, token[owner], 'procedures')) as unknown as Procedure[];
  const procedure = procedures.find((p) => p.nationalCode === (options.nationalCode ?? '1.001193'))!;
  const id = `sec-${crypto.randomUUID()}`;
  const citizen = user[owner];
  const draft = createDossierDraft({
    id, procedure, ownerCccd: citizen.cccd!, agencyId: options.agencyId ?? DAK_LA, now: new Date(), userId: citizen.id,
    applicant: {
      cccd: citizen.cccd!, fullName: citizen.fullName, birthDate: '1999-05-12', gender: 'nam', phone: '0905000123', email: '', address: 'Đắk La',
      ...options.applicant,
    },
  });
  const create: WireAction = { type: 'create', agencyId: draft.agencyId, procedureId: procedure.id, changes: [seedContent(engine, draft)] };
  return { id, draft, procedure, create };
}

/** A new dossier of a citizen, at `status`, as the server stores it. */
export async function dossierAt(ctx: SecurityContext, status: number, options: NewDossier = {}): Promise<Doc> {
  const { t, token, user } = ctx;
  const owner = options.owner ?? 'citizenAn';
  const path: number[] = [];
  for (let s = status; s !== 0; s = STEPS[s]!.from) path.unshift(s);
  const { id, procedure, create } = await newDraft(ctx, options);
  await applied(securityDevice(t).act(token[owner], user[owner], null, create, { dossierId: id, procedure }), `create ${id}`);
  for (const s of path) {
    const step = STEPS[s]!;
    const role = step.role === 'owner' ? owner : step.role;
    const current = await stored(t, 'dossiers', id);
    await applied(securityDevice(t).act(token[role], user[role], current, step.action), `${step.action.type} → ${s} on ${id}`);
  }
  return (await stored(t, 'dossiers', id))!;
}

async function applied(pushed: Promise<{ response: Response; answer: Array<Record<string, unknown>> | null }>, what: string) {
  const { response, answer } = await pushed;
  const outcome = answer?.[0]?.outcome as { status?: string; reason?: string } | undefined;
  if (outcome?.status !== 'applied') throw new Error(`setup ${what}: ${response.status} ${outcome?.reason ?? (await response.text()).slice(0, 300)}`);
}
