/**
 * One in-process sync server on a fresh PGlite with the demo data, its signed-in demo users, and
 * request helpers shared by the security suites.
 */
import { canonicalJson, type SessionUser } from '@motcua/model';
import { createTestApp, type TestApp } from '../../apps/sync/src/test-app.ts';
import { DEMO_PASSWORD } from '../../apps/sync/src/demo/users.ts';

export const AN = '062099000123';
export const BINH = '062301000456';
export const DAK_LA = '001.29.00.H34';
export const DAK_MAR = '002.29.00.H34';
export { DEMO_PASSWORD };

/** Every role the suites sign in as; `anonymous` has no token. */
export const ROLES = {
  citizenAn: AN,
  citizenBinh: BINH,
  receptionistDakLa: 'motcua.dakla',
  specialistDakLa: 'chuyenvien.dakla',
  leaderDakLa: 'chutich.dakla',
  receptionistDakMar: 'motcua.dakmar',
  adminProvince: 'quantri',
} as const;
export type RoleName = keyof typeof ROLES;

export interface SecurityContext {
  t: TestApp;
  token: Record<RoleName, string>;
  /** Who each role is, as the server knows them (`/api/auth/me`). */
  user: Record<RoleName, SessionUser>;
  /** The Đắk La server's service account, which still relays dossiers by the old path. */
  tierToken: string;
}

export async function createSecurityContext(): Promise<SecurityContext> {
  const t = await createTestApp();
  const token = {} as Record<RoleName, string>;
  const user = {} as Record<RoleName, SessionUser>;
  for (const [role, username] of Object.entries(ROLES) as Array<[RoleName, string]>) {
    token[role] = await t.token(username);
    user[role] = ((await (await t.call('GET', '/api/auth/me', { token: token[role] })).json()) as { user: SessionUser }).user;
  }
  return { t, token, user, tierToken: await t.token('tier.dakla') };
}

export type Doc = Record<string, unknown> & { id: string };

export async function pullAll(t: TestApp, token: string, collection: string): Promise<Doc[]> {
  const response = await t.call('GET', `/api/sync/${collection}/pull?limit=1000`, { token });
  if (response.status !== 200) throw new Error(`pull ${collection}: ${response.status}`);
  return ((await response.json()) as { documents: Doc[] }).documents;
}

export const push = (t: TestApp, token: string, collection: string, rows: unknown) =>
  t.call('POST', `/api/sync/${collection}/push`, { token, body: rows });

/** Who may see a document: its citizen, and officers of its agency (the province admin sees all communes). */
export function maySee(role: RoleName, doc: Doc): boolean {
  if (role === 'adminProvince') return true;
  if (role === 'citizenAn') return doc.ownerCccd === AN;
  if (role === 'citizenBinh') return doc.ownerCccd === BINH;
  const agency = role === 'receptionistDakMar' ? DAK_MAR : DAK_LA;
  const draft = doc.status === 0 || doc.toStatus === 0;
  return doc.agencyId === agency && !draft;
}

/** A document as the server stores it (whatever the scope of any pull), or null. */
export async function stored(t: TestApp, collection: 'dossiers' | 'events', id: string): Promise<Doc | null> {
  const doc = await t.store.documents.get(collection, id);
  return doc && !doc.deleted ? (doc.data as Doc) : null;
}

/** True when the citizen notification outbox holds `eventId`. */
export async function notified(t: TestApp, eventId: string): Promise<boolean> {
  const due = await t.store.outbox.dueEvents(new Date(Date.now() + 365 * 86_400_000), 100_000);
  return due.some((e) => e.eventId === eventId);
}

/** Canonical text of a value (sorted keys), for before/after comparisons. */
export const same = (a: unknown, b: unknown): boolean => canonicalJson(a ?? null) === canonicalJson(b ?? null);

export const change = (master: Doc, patch: Record<string, unknown>) => ({
  assumedMasterState: master,
  newDocumentState: { ...master, ...patch, updatedAt: Number(master.updatedAt ?? 0) + 1 },
});

let devices = 0;

/** Logs in from a device (a fresh one unless named: an officer's device must say who it is); returns the grant. */
export async function login(t: TestApp, username: string, deviceId = `sec-login-${++devices}`, password = DEMO_PASSWORD) {
  const response = await t.call('POST', '/api/auth/login', { body: { username, password }, headers: { 'X-Device-Id': deviceId } });
  if (response.status !== 200) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
  return (await response.json()) as { accessToken: string; refreshToken: string };
}
