/**
 * /api/admin: an agency administrator manages the officer accounts and devices of their agency and
 * the agencies under it. Every change is audited; disabling an account or revoking a device ends
 * its sessions at once (refresh tokens revoked, device-bound access tokens refused). The service
 * accounts of lower tiers are listed as such: they can be locked (a lost or exposed server) but
 * their role stays.
 */
import { OFFICER_ROLES } from '@motcua/model';
import { hashPassword, randomToken } from '@motcua/crypto';
import { Hono } from 'hono';
import { requireUser, type AuthEnv } from '../auth/middleware.ts';
import { passwordProblem } from '../auth/password-policy.ts';
import type { AccessTokens } from '../auth/tokens.ts';
import { badRequest, forbidden, HttpError, notFound, unprocessable } from '../errors.ts';
import { KB, expectNoBody, isRecord, limitBody, readJson, stringField } from '../http/body.ts';
import type { SyncStore, UserRecord } from '../store/types.ts';
import { isTierAccount, officerAgencies } from '../sync/scope.ts';

type OfficerRole = (typeof OFFICER_ROLES)[number];
const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;

const isOfficerRole = (value: unknown): value is OfficerRole =>
  typeof value === 'string' && (OFFICER_ROLES as readonly string[]).includes(value);

/** What the admin screen shows of an account (never the password hash). */
export function accountView(user: UserRecord) {
  const { id, username, fullName, role, agencyId, disabled, email, phone } = user;
  return { id, username, fullName, role, agencyId, disabled, email: email ?? null, phone: phone ?? null, service: isTierAccount(user) };
}

export function adminRoutes(deps: { store: SyncStore; tokens: AccessTokens; onSessionsChanged?: () => void }) {
  const { store } = deps;
  const app = new Hono<AuthEnv>();
  app.use('*', requireUser(deps.tokens));
  // A lock, a new role or a revoked device ends the sessions it touches: their live streams recheck now.
  app.use('*', async (c, next) => {
    await next();
    if (c.req.method !== 'GET' && c.res.ok) deps.onSessionsChanged?.();
  });
  app.use('*', async (c, next) => {
    if (c.get('user').role !== 'admin') throw forbidden('admin_only', 'Chỉ quản trị viên được quản lý tài khoản');
    await next();
  });
  app.use('*', limitBody(16 * KB));
  const audit = (userId: string, action: string, subject: string) => store.warehouse.audit({ userId, action, subject });

  async function userInScope(c: { get(key: 'user'): AuthEnv['Variables']['user'] }, id: string): Promise<UserRecord> {
    const target = await store.users.byId(id);
    const agencies = await officerAgencies(store, c.get('user'));
    if (!target || !target.agencyId || !agencies.includes(target.agencyId)) throw notFound('user_not_found', 'Không có tài khoản này trong đơn vị');
    return target;
  }

  app.get('/users', async (c) => {
    const users = await store.accounts.listByAgencies(await officerAgencies(store, c.get('user')));
    return c.json({ users: users.map(accountView) });
  });

  app.post('/users', async (c) => {
    const admin = c.get('user');
    const body = await readJson(c);
    const username = stringField(body, 'username', 64).trim().toLowerCase();
    const fullName = stringField(body, 'fullName', 100).trim();
    const agencyId = stringField(body, 'agencyId', 64);
    const password = stringField(body, 'password', 256);
    const role = isRecord(body) ? body.role : undefined;
    if (!USERNAME.test(username)) throw unprocessable('invalid_username', 'Tên đăng nhập: 3–64 ký tự a-z, 0-9, dấu chấm, gạch');
    if (!isOfficerRole(role)) throw unprocessable('invalid_role', 'Vai trò không hợp lệ');
    if (!(await officerAgencies(store, admin)).includes(agencyId)) throw forbidden('agency_out_of_scope', 'Đơn vị ngoài phạm vi quản trị');
    const weak = passwordProblem(password, [username]);
    if (weak) throw unprocessable('weak_password', weak);
    if (await store.users.byUsername(username)) throw new HttpError(409, 'account_exists', 'Tên đăng nhập đã có');
    const record: UserRecord = {
      id: `u-${randomToken(12)}`, username, fullName, role, agencyId, cccd: null, disabled: false,
      passwordHash: await hashPassword(password),
    };
    await store.users.create(record);
    await audit(admin.id, `admin.user.create.${role}`, record.id);
    return c.json({ user: accountView(record) }, 201);
  });

  app.patch('/users/:id', async (c) => {
    const admin = c.get('user');
    const target = await userInScope(c, c.req.param('id'));
    if (target.id === admin.id) throw forbidden('self_change', 'Không tự đổi vai trò hay khoá tài khoản của mình');
    const body = await readJson(c);
    if (!isRecord(body)) throw badRequest('invalid_body', 'Cần một đối tượng JSON');
    if (body.role !== undefined && !isOfficerRole(body.role)) throw unprocessable('invalid_role', 'Vai trò không hợp lệ');
    if (body.disabled !== undefined && typeof body.disabled !== 'boolean') throw badRequest('invalid_body', 'Sai trường "disabled"');
    const role = body.role as OfficerRole | undefined;
    if (role !== undefined && role !== target.role && isTierAccount(target)) {
      throw forbidden('service_account', 'Tài khoản máy chủ cấp dưới giữ vai trò quản trị; chỉ khóa hoặc mở khóa được');
    }
    const disabled = body.disabled as boolean | undefined;
    await store.accounts.update(target.id, { role, disabled });
    if (role !== undefined && role !== target.role) await audit(admin.id, `admin.user.role.${target.role}->${role}`, target.id);
    if (disabled !== undefined && disabled !== target.disabled) {
      await audit(admin.id, disabled ? 'admin.user.disable' : 'admin.user.enable', target.id);
    }
    if (disabled || (role !== undefined && role !== target.role)) await store.accounts.revokeAllTokens(target.id);
    return c.json({ user: accountView((await store.users.byId(target.id))!) });
  });

  app.get('/devices', async (c) => {
    return c.json({ devices: await store.accounts.devicesOf(await officerAgencies(store, c.get('user'))) });
  });

  app.post('/devices/:id/revoke', async (c) => {
    await expectNoBody(c);
    const admin = c.get('user');
    const id = c.req.param('id');
    const device = await store.accounts.device(id);
    const agencies = await officerAgencies(store, admin);
    if (!device || !device.agencyIds.some((a) => agencies.includes(a))) throw notFound('device_not_found', 'Không có thiết bị này trong đơn vị');
    await store.accounts.revokeDevice(id, admin.id);
    await audit(admin.id, 'admin.device.revoke', `device:${id}`);
    return c.json({ device: await store.accounts.device(id) });
  });

  return app;
}
