/**
 * A person acting on a sync server straight over HTTP (no local database): signs in, and pushes
 * each action on a dossier it holds in memory as a chained history event, the way a device's
 * replication would (a draft goes up as `create` before its `submit`). Used where the test is about
 * servers, not devices.
 */
import * as Automerge from '@automerge/automerge';
import { sha256Hex } from '@motcua/crypto';
import {
  applyAction, chainEvent, contentOf, createDossierDraft, seedContent, type ChainHead, type Dossier, type DossierAction, type DossierEvent,
  type Procedure, type SessionUser, type WireAction,
} from '@motcua/model';
import { login } from '../helpers/server.ts';

export const PASSWORD = 'Demo@2026';

export interface HttpActor {
  user: SessionUser;
  token: string;
  /** POST /api/sync/:collection/push; returns the status and body. */
  push(collection: string, rows: unknown[]): Promise<{ status: number; body: unknown }>;
  pull<T = Record<string, unknown>>(collection: string): Promise<T[]>;
  /**
   * Pushes `action` on `dossier` as a chained event (a draft is created first, from `procedure`);
   * returns the dossier as the action makes it. Throws when the server refuses it.
   */
  act(dossier: Dossier, action: DossierAction, procedure?: Procedure): Promise<Dossier>;
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
    async act(dossier, action, procedure) {
      const user = session.user;
      const send = async (current: Dossier | null, wire: WireAction): Promise<Dossier> => {
        const result = applyAction(Automerge, current, wire, {
          actor: { userId: user.id, name: user.fullName, role: user.role }, now: new Date(), eventId: crypto.randomUUID(), deviceId,
          dossierId: dossier.id, procedure: procedure ?? null, ownerCccd: user.cccd ?? undefined,
        });
        const event = await chainEvent({ ...result.event, action: wire as DossierEvent['action'] }, head, sha256Hex);
        head = { deviceSeq: event.deviceSeq, hash: event.hash };
        const answer = await actor.push('events', [{ assumedMasterState: null, newDocumentState: { ...event, _deleted: false } }]);
        const stored = answer.status === 200 ? (answer.body as DossierEvent[])[0] : undefined;
        if (stored?.outcome?.status !== 'applied') {
          throw new Error(`${username}: ${wire.type} ${answer.status} ${JSON.stringify(stored?.outcome ?? answer.body).slice(0, 300)}`);
        }
        return result.dossier;
      };
      let current = dossier;
      if (dossier.status === 0 && !dossier.heads?.length) {
        const created = procedure ?? ({ id: dossier.procedureId } as Procedure);
        current = await send(null, {
          type: 'create', agencyId: dossier.agencyId, procedureId: created.id, changes: [seedContent(Automerge, contentOf(dossier))],
        });
        current = { ...current, heads: [{ deviceId, seq: head!.deviceSeq }] };
      }
      return send(current, action);
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
