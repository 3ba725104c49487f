/**
 * `__proto__`, `constructor` and `prototype` as keys anywhere in a JSON body must be refused with a
 * 4xx and nothing stored. Each route of the app that takes a JSON body gets a request it would take
 * (checked first, as a control), then the same request with each key put into each object of it.
 * A route with a JSON body and no case here fails the coverage check.
 */
import { createCsr, generateSigningKeyPair } from '@motcua/crypto/pki';
import { collectionNames, summarizeDossier, type Dossier, type PopulationPerson } from '@motcua/model';
import { DEMO_USERS } from '../../apps/sync/src/demo/users.ts';
import { SYNTHETIC_PEOPLE } from '../../apps/sync/src/population/synthetic.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { AN, DAK_LA, DEMO_PASSWORD, login, type Doc, type SecurityContext } from './context.ts';
import { contentEdit, rehash, securityDevice } from './device.ts';
import { dossierAt } from './dossiers.ts';
import { appRoutes, takesJson, type RouteKey } from './routes.ts';
import { attempt } from './tally.ts';

export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'] as const;
const PAYLOAD: Record<(typeof PROTO_KEYS)[number], unknown> = {
  ['__proto__']: { polluted: 'sec', role: 'admin', isAdmin: true, status: 9 },
  constructor: { prototype: { polluted: 'sec', role: 'admin' } },
  prototype: { polluted: 'sec', role: 'admin' },
};

interface Call {
  method?: 'POST' | 'PATCH';
  path: string;
  token?: string;
  headers?: Record<string, string>;
  body: unknown;
  /** Makes the body consistent again after the key went in (an event's hash). */
  finalize?: (body: unknown) => Promise<unknown>;
  /** True when the request's effect took place (an account made, a token revoked…). */
  happened?: () => Promise<boolean>;
}

type Case = (ctx: SecurityContext, s: Setup) => Promise<Call>;

/** People of the synthetic registry with no demo account: one registers, one is the setup's citizen. */
const [REGISTERING, SETUP_CITIZEN] = SYNTHETIC_PEOPLE.filter((p) => !DEMO_USERS.some((u) => u.cccd === p.cccd)) as [PopulationPerson, PopulationPerson];

/** The activation code the Đắk La desk prints for `person`. */
async function activationCode(ctx: SecurityContext, person: PopulationPerson): Promise<string> {
  const token = (await login(ctx.t, 'motcua.dakla')).accessToken;
  const answer = await ctx.t.call('POST', '/api/population/activation', { token, body: { cccd: person.cccd, fullName: person.fullName, birthDate: person.birthDate } });
  return ((await answer.json()) as { code: string }).code;
}

interface Setup {
  n: () => number;
  /** Officers made for the suite: one signs out everywhere, one is locked and unlocked. */
  officer: { id: string; username: string };
  patched: { id: string; username: string };
  citizen: string;
  coded: Doc;
  draft: Doc;
  relayed: Doc;
  blob: { sha256: string; size: number };
  /** The national admin, who alone edits the procedures shared by every agency. */
  nationalAdmin: string;
}

const PASSWORD = 'Dak!La2026x';
const refresh = (username: string, password = DEMO_PASSWORD) => async (ctx: SecurityContext) => (await login(ctx.t, username, undefined, password)).refreshToken;
const refreshWorks = (ctx: SecurityContext, refreshToken: string) => async () =>
  (await ctx.t.call('POST', '/api/auth/refresh', { body: { refreshToken } })).status === 200;
const pushRows = (doc: Doc, master: Doc | null = null) => [{ assumedMasterState: master && { ...master, _deleted: false }, newDocumentState: { ...doc, _deleted: false } }];
const rehashRows = async (body: unknown) =>
  Promise.all((body as Array<{ newDocumentState: Record<string, unknown> }>).map(async (row) => ({ ...row, newDocumentState: await rehash(row.newDocumentState) })));
const storedDoc = async (ctx: SecurityContext, collection: 'dossiers' | 'agencies' | 'procedures', id: string) => (await ctx.t.store.documents.get(collection, id))!.data as Doc;

/** A request each JSON route takes, keyed by the route as the app declares it. */
const CASES: Record<RouteKey, Case> = {
  'POST /api/auth/login': async (_ctx, s) => ({
    path: '/api/auth/login', headers: { 'X-Device-Id': `sec-proto-login-${s.n()}` }, body: { username: 'motcua.dakla', password: DEMO_PASSWORD },
  }),
  'POST /api/auth/refresh': async (ctx) => ({ path: '/api/auth/refresh', body: { refreshToken: await refresh('motcua.dakla')(ctx) } }),
  'POST /api/auth/logout': async (ctx) => {
    const refreshToken = await refresh('motcua.dakla')(ctx);
    return { path: '/api/auth/logout', body: { refreshToken }, happened: async () => !(await refreshWorks(ctx, refreshToken)()) };
  },
  'POST /api/auth/logout-all': async (ctx, s) => {
    const grant = await login(ctx.t, s.officer.username, undefined, PASSWORD);
    return { path: '/api/auth/logout-all', token: grant.accessToken, body: {}, happened: async () => !(await refreshWorks(ctx, grant.refreshToken)()) };
  },
  'POST /api/auth/register': async (ctx, s) => {
    // Each call gets a fresh code from the desk for the same person, and sets a password of its own.
    const password = `Str0ng!Passw0rd${s.n()}`;
    const code = await activationCode(ctx, REGISTERING);
    return {
      path: '/api/auth/register', body: { cccd: REGISTERING.cccd, code, phone: '0905000777', password },
      happened: async () => (await login(ctx.t, REGISTERING.cccd, undefined, password).then(() => true, () => false)),
    };
  },
  'POST /api/population/activation': async (ctx) => ({
    path: '/api/population/activation', token: (await login(ctx.t, 'motcua.dakla')).accessToken,
    body: { cccd: REGISTERING.cccd, fullName: REGISTERING.fullName, birthDate: REGISTERING.birthDate },
  }),
  'POST /api/auth/reset/request': async (_ctx, s) => ({ path: '/api/auth/reset/request', body: { username: s.citizen } }),
  'POST /api/auth/reset/confirm': async (ctx, s) => {
    await ctx.t.call('POST', '/api/auth/reset/request', { body: { username: s.citizen } });
    const sms = (await ctx.t.store.outbox.messages()).filter((m) => m.eventId.startsWith('account.reset_code:') && m.recipient === '0905000888').at(-1)!;
    const code = /là (\S+),/.exec(sms.body)![1]!;
    const password = `Moi!Pass${s.n()}x`;
    return {
      path: '/api/auth/reset/confirm', body: { username: s.citizen, code, password },
      happened: async () => (await ctx.t.call('POST', '/api/auth/login', { body: { username: s.citizen, password } })).status === 200,
    };
  },
  'POST /api/admin/users': async (ctx, s) => {
    const username = `sec.proto.${s.n()}`;
    return {
      path: '/api/admin/users', token: ctx.token.adminProvince, body: { username, fullName: 'Cán bộ thử', role: 'receptionist', agencyId: DAK_LA, password: PASSWORD },
      happened: async () => (await ctx.t.store.users.byUsername(username)) !== null,
    };
  },
  'PATCH /api/admin/users/:id': async (ctx, s) => {
    const disabled = !(await ctx.t.store.users.byId(s.patched.id))!.disabled;
    return {
      method: 'PATCH', path: `/api/admin/users/${s.patched.id}`, token: ctx.token.adminProvince, body: { disabled },
      happened: async () => (await ctx.t.store.users.byId(s.patched.id))?.disabled === disabled,
    };
  },
  'POST /api/admin/devices/:id/revoke': async (ctx, s) => {
    const device = `sec-proto-dev-${s.n()}`;
    await login(ctx.t, 'motcua.dakla', device);
    return { path: `/api/admin/devices/${device}/revoke`, token: ctx.token.adminProvince, body: {}, happened: () => ctx.t.store.accounts.isDeviceRevoked(device) };
  },
  'POST /api/codes/lease': async (ctx, s) => ({ path: '/api/codes/lease', token: ctx.token.receptionistDakLa, body: { deviceId: `sec-lease-${s.n()}`, count: 1 } }),
  'POST /api/pki/enroll': async (ctx) => {
    const { subject } = (await (await ctx.t.call('GET', '/api/pki/subject', { token: ctx.token.specialistDakLa })).json()) as { subject: Parameters<typeof createCsr>[1] };
    return { path: '/api/pki/enroll', token: ctx.token.specialistDakLa, body: { csrPem: (await createCsr(await generateSigningKeyPair(), subject)).pem } };
  },
  'POST /api/population/check': async (ctx) => ({ path: '/api/population/check', token: (await login(ctx.t, 'motcua.dakla')).accessToken, body: { cccd: AN, fullName: 'Nguyễn Văn An', birthDate: '1999-05-12' } }),
  'POST /api/public/lookup': async (_ctx, s) => ({ path: '/api/public/lookup', body: { code: s.coded.code, cccd: AN } }),
};

const PUSH_ROUTE = 'POST /api/sync/:collection/push';

/** A push each collection takes, from the one who may write it. */
const PUSH_CASES: Record<string, Case> = {
  events: async (ctx, s) => {
    const d = await storedDoc(ctx, 'dossiers', s.draft.id);
    const action = { type: 'editContent', changes: contentEdit(d, (c) => ({ ...c, summary: `Tóm tắt ${s.n()}` })) };
    const event = await securityDevice(ctx.t).record(ctx.user.citizenAn, d, action);
    return { path: '/api/sync/events/push', token: ctx.token.citizenAn, headers: { 'X-Device-Id': event.deviceId }, body: pushRows(event as unknown as Doc), finalize: rehashRows };
  },
  dossiers: async (ctx, s) => {
    const d = await storedDoc(ctx, 'dossiers', s.relayed.id);
    return { path: '/api/sync/dossiers/push', token: ctx.tierToken, body: pushRows({ ...d, assigneeId: `u-sec-${s.n()}`, updatedAt: Number(d.updatedAt) + 1 }, d) };
  },
  summaries: async (ctx, s) => {
    const summary = summarizeDossier((await storedDoc(ctx, 'dossiers', s.relayed.id)) as unknown as Dossier);
    return { path: '/api/sync/summaries/push', token: ctx.tierToken, body: pushRows({ ...summary, updatedAt: Date.now() + s.n() } as unknown as Doc) };
  },
  files: async (ctx, s) => {
    const now = new Date().toISOString();
    const file = { id: `sec-proto-f${s.n()}`, sha256: s.blob.sha256, name: 'giay.pdf', mime: 'application/pdf', size: s.blob.size, ownerCccd: AN, agencyId: DAK_LA, dossierId: null, uploadedBy: 'u-motcua.dakla', createdAt: now, updatedAt: Date.now() };
    return { path: '/api/sync/files/push', token: ctx.token.receptionistDakLa, body: pushRows(file) };
  },
  warehouse: async (ctx, s) => {
    const now = new Date().toISOString();
    const paper = {
      id: `sec-proto-w${s.n()}`, ownerCccd: AN, docTypeCode: 'giay-khai-sinh', name: 'Giấy khai sinh', issuedAt: '2020-01-02', issuer: 'UBND xã Đắk La',
      number: '12/2020', validUntil: null, permanent: true, validScope: 'Toàn quốc', kind: 'result', fileId: 'sec-proto-f0', sourceDossierId: null,
      procedureId: null, agencyId: DAK_LA, digitizedBy: 'Phạm Thị Hoa', digitizedAt: now, updatedAt: Date.now(),
    };
    return { path: '/api/sync/warehouse/push', token: ctx.token.receptionistDakLa, body: pushRows(paper) };
  },
  agencies: async (ctx, s) => {
    const agency = await storedDoc(ctx, 'agencies', DAK_LA);
    return { path: '/api/sync/agencies/push', token: ctx.token.adminProvince, body: pushRows({ ...agency, phone: `0260 38${String(s.n()).padStart(5, '0')}`, updatedAt: Number(agency.updatedAt) + 1 }, agency) };
  },
  procedures: async (ctx, s) => {
    const procedure = await storedDoc(ctx, 'procedures', '1.001193.000.00.00.H34');
    return { path: '/api/sync/procedures/push', token: s.nationalAdmin, body: pushRows({ ...procedure, name: `Đăng ký khai sinh${' '.repeat(s.n() % 3)}`, updatedAt: Number(procedure.updatedAt) + 1 }, procedure) };
  },
};

/** Paths to every object in `value` (arrays walked into, not counted). */
function objectPaths(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) return value.flatMap((v, i) => objectPaths(v, [...path, i]));
  if (value === null || typeof value !== 'object') return [];
  return [path, ...Object.entries(value).flatMap(([k, v]) => objectPaths(v, [...path, k]))];
}

/** A copy of `body` with `key` as an own key of the object at `path` (as `JSON.parse` would make it). */
function withKey(body: unknown, path: Array<string | number>, key: (typeof PROTO_KEYS)[number]): unknown {
  const copy = JSON.parse(JSON.stringify(body)) as unknown;
  const target = path.reduce<unknown>((node, step) => (node as Record<string | number, unknown>)[step], copy) as object;
  Object.defineProperty(target, key, { value: PAYLOAD[key], enumerable: true, writable: true, configurable: true });
  return copy;
}

const polluted = () => Object.hasOwn(Object.prototype, 'polluted') || ({} as Record<string, unknown>).role !== undefined;

export function protoKeysSuite(ctx: () => SecurityContext) {
  let setup: Setup;
  beforeAll(async () => {
    const c = ctx();
    let counter = 0;
    const officer = async (username: string) => {
      const made = await c.t.call('POST', '/api/admin/users', {
        token: c.token.adminProvince, body: { username, fullName: 'Cán bộ thử', role: 'receptionist', agencyId: DAK_LA, password: PASSWORD },
      });
      return ((await made.json()) as { user: { id: string; username: string } }).user;
    };
    const citizen = SETUP_CITIZEN.cccd;
    const code = await activationCode(c, SETUP_CITIZEN);
    await c.t.call('POST', '/api/auth/register', { body: { cccd: citizen, code, phone: '0905000888', password: 'Str0ng!Passw0rd' } });
    const bytes = new TextEncoder().encode('%PDF-1.7\n% proto keys\ntrailer << >>\n%%EOF\n');
    const uploaded = await c.t.app.request('/api/files', { method: 'POST', headers: { 'Content-Type': 'application/pdf', Authorization: `Bearer ${c.token.receptionistDakLa}` }, body: bytes as BodyInit });
    const { sha256 } = (await uploaded.json()) as { sha256: string };
    setup = { n: () => counter++, officer: await officer('sec.proto'), patched: await officer('sec.patch'), citizen, coded: await dossierAt(c, 2), draft: await dossierAt(c, 0), relayed: await dossierAt(c, 1), blob: { sha256, size: bytes.length },
      nationalAdmin: (await login(c.t, 'quantri.qg')).accessToken,
    };
    const file = await PUSH_CASES.files!(c, setup);
    expect((await c.t.call('POST', file.path, { token: file.token, body: file.body })).status).toBe(200);
  });

  async function attack(label: string, make: Case) {
    const c = ctx();
    const control = await make(c, setup);
    const answered = await c.t.call(control.method ?? 'POST', control.path, { token: control.token, headers: control.headers, body: control.body });
    if (answered.status >= 300) throw new Error(`control ${label}: ${answered.status} ${(await answered.text()).slice(0, 300)}`);
    for (const at of objectPaths(control.body)) {
      for (const key of PROTO_KEYS) {
        const call = await make(c, setup);
        const tainted = withKey(call.body, at, key);
        const body = call.finalize ? await call.finalize(tainted) : tainted;
        const seq = await c.t.store.documents.maxSeq();
        const response = await c.t.call(call.method ?? 'POST', call.path, { token: call.token, headers: call.headers, body });
        const problems = [
          response.status >= 400 && response.status < 500 ? '' : `answered ${response.status}`,
          (await c.t.store.documents.maxSeq()) === seq ? '' : 'stored a document',
          call.happened && (await call.happened()) ? 'took effect' : '',
          polluted() ? 'polluted Object.prototype' : '',
        ].filter(Boolean);
        attempt('attack', `${label} with "${key}" at /${at.join('/')}`, problems.length === 0, `[${problems.join('; ')}] ${(await response.text()).slice(0, 120)}`);
      }
    }
  }

  describe('prototype keys in a JSON body are refused with a 4xx and nothing stored', () => {
    it('every route of the app that takes a JSON body has a case, and every collection a push', () => {
      expect(appRoutes(ctx().t.app).filter(takesJson).filter((key) => !(key in CASES) && key !== PUSH_ROUTE)).toEqual([]);
      expect(collectionNames.filter((name) => !(name in PUSH_CASES))).toEqual([]);
    });

    it.each(Object.keys(CASES))('%s', async (key) => {
      await attack(key, CASES[key]!);
    });

    it.each(Object.keys(PUSH_CASES))('POST /api/sync/%s/push', async (collection) => {
      await attack(`POST /api/sync/${collection}/push`, PUSH_CASES[collection]!);
    });
  });
}
