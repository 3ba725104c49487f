/**
 * The chaos suite's vocabulary: what a simulated person does on their device (through the app's
 * dossier writer, as the screens do: every change an action recorded as a history event) and which
 * faults are injected, with the fast-check arbitraries that draw them.
 */
import fc from 'fast-check';
import { createDossierDraft, isRefusal, type Dossier, type DossierAction, type Procedure } from '@motcua/model';
import type { ContentEdit } from '../../apps/pwa/src/features/dossier/makeDossierWriter.ts';
import type { TestClient } from '../integration/clients.ts';

/** The actions `act` knows, 0 to `ACTIONS - 1`. */
const ACTIONS = 5;

export type Step =
  /** `action` 0–4: see `act`. */
  | { kind: 'act'; device: number; action: number; pick: number }
  | { kind: 'partition'; device: number }
  | { kind: 'heal'; device: number }
  | { kind: 'restart'; server: number }
  | { kind: 'cutTier'; link: number }
  | { kind: 'healTier'; link: number }
  | { kind: 'week'; device: number; actions: number };

/** What the steps may name: devices, servers (the first `mustKill` are killed in every scenario), tier links. */
export interface ScenarioShape {
  devices: number;
  /** The devices of citizens: the scenario's required week away is one of theirs (a desk may have nothing to do). */
  citizens: number[];
  servers: number;
  mustKill: number;
  tierLinks: number;
}

/**
 * Steps for a country of `shape`: mostly actions, some device and tier partitions and heals, server
 * kills and long absences. Every scenario kills each of the first `mustKill` servers at least
 * once, cuts at least one tier link and has a citizen's device away for a week.
 */
export function stepsArbitrary(shape: ScenarioShape, maxSteps: number): fc.Arbitrary<Step[]> {
  const device = fc.nat({ max: shape.devices - 1 });
  const link = fc.nat({ max: shape.tierLinks - 1 });
  const awayFor = (who: fc.Arbitrary<number>) => fc.record({ kind: fc.constant('week' as const), device: who, actions: fc.integer({ min: 8, max: 20 }) });
  const week = awayFor(device);
  const step: fc.Arbitrary<Step> = fc.oneof(
    { weight: 16, arbitrary: fc.record({ kind: fc.constant('act' as const), device, action: fc.nat({ max: ACTIONS - 1 }), pick: fc.nat() }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('partition' as const), device }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('heal' as const), device }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('restart' as const), server: fc.nat({ max: shape.servers - 1 }) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('cutTier' as const), link }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('healTier' as const), link }) },
    { weight: 1, arbitrary: week },
  );
  const required = fc.tuple(awayFor(fc.constantFrom(...shape.citizens)), link).map(([away, cut]): Step[] => [
    away,
    { kind: 'cutTier', link: cut },
    ...Array.from({ length: shape.mustKill }, (_, server): Step => ({ kind: 'restart', server })),
  ]);
  return fc
    .tuple(fc.array(step, { minLength: Math.ceil(maxSteps / 2), maxLength: maxSteps, size: 'max' }), required, fc.array(fc.nat(), { minLength: 2 + shape.mustKill, maxLength: 2 + shape.mustKill }))
    .map(([steps, musts, places]) => {
      // The required steps go in at random places.
      const out: Step[] = [...steps];
      musts.forEach((must, i) => out.splice(places[i]! % (out.length + 1), 0, must));
      return out;
    });
}

export interface ActContext {
  procedure: Procedure;
  agencyId: string;
  /** Event ids the device's database accepted (the writer recorded them): acknowledged to the person. */
  acked: Map<string, string>;
  /** Warehouse documents the server acknowledged (id → device label). */
  stored: Map<string, string>;
  /** The device's link, for what it sends straight to the server. */
  fetch: typeof fetch;
  now: Date;
}

const dueAt = (now: Date) => new Date(now.getTime() + 5 * 86_400_000).toISOString();

async function dossiersWith(client: TestClient, statuses: number[]): Promise<Dossier[]> {
  const docs = await client.db.dossiers.find({ selector: { status: { $in: statuses } } }).exec();
  return docs.map((d) => d.toMutableJSON() as Dossier).sort((a, b) => (a.id < b.id ? -1 : 1));
}

/**
 * A desk saves a digitized paper of a dossier's citizen to the warehouse ("Lưu vào kho dữ liệu điện
 * tử"), pushed as the warehouse collection's replication would (the simulated devices do not open
 * that collection: RxDB allows 13 per process). Acknowledged when the server accepted it.
 */
async function digitize(client: TestClient, dossier: Dossier, ctx: ActContext): Promise<string> {
  const at = ctx.now.toISOString();
  const doc = {
    id: `kho-${crypto.randomUUID()}`, ownerCccd: dossier.ownerCccd, docTypeCode: 'GKS', name: 'Giấy khai sinh (bản sao điện tử)',
    issuedAt: '2010-01-15', issuer: 'UBND xã', number: '123/2010', validUntil: null, permanent: true, validScope: 'Toàn quốc',
    kind: 'component', fileId: `sha-${crypto.randomUUID()}`, sourceDossierId: dossier.id, procedureId: dossier.procedureId,
    agencyId: ctx.agencyId, digitizedBy: client.user.fullName, digitizedAt: at, updatedAt: ctx.now.getTime(),
  };
  const res = await ctx.fetch(`${client.url}/api/sync/warehouse/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await client.token()}` },
    body: JSON.stringify([{ assumedMasterState: null, newDocumentState: { ...doc, _deleted: false } }]),
  }).catch(() => null); // a cut link or a killed server: not acknowledged, counted below
  if (!res?.ok || ((await res.json()) as unknown[]).length > 0) return 'digitize (not acknowledged)';
  ctx.stored.set(doc.id, client.label);
  return 'digitize';
}

/**
 * One person's action, through the writer: a citizen starts a dossier (`create`), submits it or
 * edits its applicant's phone while it is a draft; a desk receives, rejects, asks for a supplement
 * and takes it in, edits what it took in (the applicant's address, a paper received) or digitizes a
 * paper into the warehouse. Returns a label, or null when there was nothing to act on. An action
 * the model refuses on the device records nothing (as on screen).
 *
 * | action | citizen | desk |
 * | ------ | ------- | ---- |
 * | 0 | draft (`create`) | receive |
 * | 1 | submit | reject |
 * | 2, 3 | edit the phone | ask for a supplement, or take it in (2); digitize (3) |
 * | 4 | submit | edit the intake |
 */
export async function act(client: TestClient, action: number, pick: number, ctx: ActContext): Promise<string | null> {
  const written = async (label: string, write: () => Promise<{ event: { id: string } }>) => {
    try {
      const { event } = await write();
      ctx.acked.set(event.id, client.label);
      return label;
    } catch (error) {
      if (isRefusal(error)) return `${label} (refused locally)`;
      throw error;
    }
  };
  const record = (id: string, a: DossierAction) => written(a.type, () => client.act(id, a, ctx.now));
  const edit = (id: string, e: ContentEdit) => written('edit', () => client.edit(id, e, ctx.now));
  if (client.user.role === 'citizen') {
    const drafts = await dossiersWith(client, [0]);
    if (action === 0 || drafts.length === 0) {
      const draft = createDossierDraft({
        id: crypto.randomUUID(),
        procedure: ctx.procedure,
        applicant: { cccd: client.user.cccd!, fullName: client.user.fullName, birthDate: '1999-05-12', gender: 'nam', phone: '0905000123', email: '', address: 'Thôn 1' },
        ownerCccd: client.user.cccd!,
        agencyId: ctx.agencyId,
        now: ctx.now,
        userId: client.user.id,
      });
      return written('draft', () => client.create(draft, ctx.procedure));
    }
    const target = drafts[pick % drafts.length]!;
    if (action === 1 || action === 4) return record(target.id, { type: 'submit' });
    const phone = `09${String(pick % 1e8).padStart(8, '0')}`;
    return edit(target.id, (d) => ({ ...d, applicant: { ...d.applicant, phone } }));
  }
  const statuses = action === 0 ? [1] : action === 3 ? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] : action === 2 ? [1, 2, 5] : [1, 2];
  const open = await dossiersWith(client, statuses);
  if (open.length === 0) return null;
  const target = open[pick % open.length]!;
  if (action === 3) return digitize(client, target, ctx);
  if (action === 0) return record(target.id, { type: 'receive', dueAt: dueAt(ctx.now) });
  if (action === 1) return record(target.id, { type: 'reject', reason: 'Hồ sơ không hợp lệ' });
  if (action === 2 && target.status === 5) return record(target.id, { type: 'acceptSupplement', dueAt: dueAt(ctx.now) });
  if (action === 2) return record(target.id, { type: 'requestSupplement', reason: 'Thiếu giấy tờ', items: ['Bản sao giấy khai sinh'] });
  // Two desks of one commune may edit one dossier at once: Automerge keeps both changes, alike everywhere.
  const slot = pick % Math.max(1, target.components.length);
  return edit(target.id, (d) => ({
    ...d,
    applicant: { ...d.applicant, address: `Thôn ${pick % 97}, ${client.label}` },
    components: d.components.map((c, i) => (i === slot ? { ...c, paperReceived: !c.paperReceived } : c)),
  }));
}
