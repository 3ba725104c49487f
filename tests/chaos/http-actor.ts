/**
 * A person acting on a sync server straight over HTTP (no local database): signs in, applies model
 * actions to dossiers it holds in memory, and pushes each new state with its chained event, the
 * way a device's replication would. Used where the test is about servers, not devices.
 */
import { sha256Hex } from '@motcua/crypto';
import { applyDossierAction, chainEvent, createDossierDraft, type ChainHead, type Dossier, type DossierAction, type Procedure, type SessionUser } from '@motcua/model';
import { login } from '../helpers/server.ts';

export const PASSWORD = 'Demo@2026';

export interface HttpActor {
  user: SessionUser;
  token: string;
  /** POST /api/sync/:collection/push; returns the status and body. */
  push(collection: string, rows: unknown[]): Promise<{ status: number; body: unknown }>;
  pull<T = Record<string, unknown>>(collection: string): Promise<T[]>;
  /** Applies `action` to `dossier` and pushes the dossier and its chained event; throws on refusal. */
  act(dossier: Dossier, action: DossierAction): Promise<Dossier>;
}

/** Signs `username` in at `url`. */
export async function httpActor(url: string, username: string): Promise<HttpActor> {
  const session = await login(url, username, PASSWORD);
  const deviceId = `http-${username}-${Math.random().toString(36).slice(2, 8)}`;
  let head: ChainHead = null;
  const actor: HttpActor = {
    user: session.user,
    token: session.accessToken,
    async push(collection, rows) {
      const res = await fetch(`${url}/api/sync/${collection}/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${session.accessToken}` },
        body: JSON.stringify(rows),
      });
      return { status: res.status, body: await res.json() };
    },
    async pull<T>(collection: string) {
      const out: T[] = [];
      let checkpoint: unknown = null;
      for (;;) {
        const q = checkpoint ? `checkpoint=${encodeURIComponent(JSON.stringify(checkpoint))}&` : '';
        const res = await fetch(`${url}/api/sync/${collection}/pull?${q}limit=1000`, { headers: { authorization: `Bearer ${session.accessToken}` } });
        const body = (await res.json()) as { documents: T[]; checkpoint: unknown };
        if (body.documents.length === 0) return out;
        out.push(...body.documents);
        checkpoint = body.checkpoint;
      }
    },
    async act(dossier, action) {
      const user = session.user;
      const result = applyDossierAction(dossier, action, {
        actor: { userId: user.id, name: user.fullName, role: user.role },
        now: new Date(),
        eventId: crypto.randomUUID(),
        deviceId,
      });
      const event = await chainEvent(result.event, head, sha256Hex);
      head = { deviceSeq: event.deviceSeq, hash: event.hash };
      const wire = (d: Dossier) => ({ ...d, _deleted: false });
      const a = await actor.push('dossiers', [{ assumedMasterState: dossier.status === 0 && action.type === 'submit' ? null : wire(dossier), newDocumentState: wire(result.dossier) }]);
      // The server answers with the dossier as it stored it when that differs (an issued code); a
      // different status would be a real conflict.
      const answered = a.status === 200 ? (a.body as Array<Dossier & { _deleted?: boolean }>) : [];
      const stored = answered.find((d) => d.id === result.dossier.id);
      if (a.status !== 200 || answered.length > 1 || (stored && stored.status !== result.dossier.status)) {
        throw new Error(`${username}: dossier push ${a.status} ${JSON.stringify(a.body).slice(0, 300)}`);
      }
      const b = await actor.push('events', [{ assumedMasterState: null, newDocumentState: { ...event, _deleted: false } }]);
      if (b.status !== 200) throw new Error(`${username}: event push ${b.status} ${JSON.stringify(b.body).slice(0, 300)}`);
      if (!stored) return result.dossier;
      const { _deleted, ...asStored } = stored;
      return asStored;
    },
  };
  return actor;
}

/** A citizen's draft for `agencyId` (status 0, not pushed). */
export function draftFor(citizen: SessionUser, procedure: Procedure, agencyId: string): Dossier {
  return createDossierDraft({
    id: crypto.randomUUID(),
    procedure,
    applicant: { cccd: citizen.cccd!, fullName: citizen.fullName, birthDate: '1999-05-12', gender: 'nam', phone: '0905000123', email: '', address: 'Thôn 1, xã Đắk La, tỉnh Kon Tum' },
    ownerCccd: citizen.cccd!,
    agencyId,
    now: new Date(),
    userId: citizen.id,
  });
}
