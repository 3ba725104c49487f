/**
 * `UserStore` and `RefreshTokenStore` over SQL. Refresh tokens are stored only as hashes.
 */
import type { SqlDriver } from './sql.ts';
import type { RefreshTokenStore, RefreshTokenUse, UserRecord, UserStore } from './types.ts';

interface UserRow {
  id: string;
  username: string;
  password_hash: string;
  full_name: string;
  role: UserRecord['role'];
  agency_id: string | null;
  cccd: string | null;
  disabled: boolean;
  birth_date?: string | null;
  phone?: string | null;
  email?: string | null;
}

function toUser(row: UserRow): UserRecord {
  return {
    id: row.id,
    username: row.username,
    passwordHash: row.password_hash,
    fullName: row.full_name,
    role: row.role,
    agencyId: row.agency_id,
    cccd: row.cccd,
    disabled: row.disabled,
    ...(row.birth_date ? { birthDate: row.birth_date } : {}),
    ...(row.phone ? { phone: row.phone } : {}),
    ...(row.email ? { email: row.email } : {}),
  };
}

export function sqlUserStore(driver: SqlDriver): UserStore {
  const one = async (where: string, value: string) => {
    const rows = await driver.query<UserRow>(`SELECT * FROM users WHERE ${where} = $1`, [value]);
    return rows[0] ? toUser(rows[0]) : null;
  };
  return {
    async create(user) {
      await driver.query(
        `INSERT INTO users (id, username, password_hash, full_name, role, agency_id, cccd, disabled, birth_date, phone, email)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          user.id, user.username, user.passwordHash, user.fullName, user.role, user.agencyId, user.cccd, user.disabled,
          user.birthDate ?? null, user.phone ?? null, user.email ?? null,
        ],
      );
    },
    byUsername: (username) => one('username', username),
    byId: (id) => one('id', id),
    async count() {
      const rows = await driver.query<{ n: string }>('SELECT count(*)::text AS n FROM users');
      return Number(rows[0]?.n ?? 0);
    },
  };
}

export function sqlRefreshTokenStore(driver: SqlDriver): RefreshTokenStore {
  return {
    async insert(token) {
      await driver.query(
        'INSERT INTO refresh_tokens (token_hash, user_id, family_id, expires_at, device_id) VALUES ($1, $2, $3, $4, $5)',
        [token.tokenHash, token.userId, token.familyId, token.expiresAt.toISOString(), token.deviceId ?? null],
      );
    },
    async use(tokenHash): Promise<RefreshTokenUse> {
      return driver.transaction(async (sql) => {
        const rows = await sql.query<{
          user_id: string;
          family_id: string;
          device_id: string | null;
          used: boolean;
          expired: boolean;
        }>(
          `SELECT user_id, family_id, device_id, (used_at IS NOT NULL OR revoked_at IS NOT NULL) AS used,
                  (expires_at <= now()) AS expired
           FROM refresh_tokens WHERE token_hash = $1 FOR UPDATE`,
          [tokenHash],
        );
        const row = rows[0];
        if (!row) return { status: 'unknown' };
        if (row.used) return { status: 'reused', userId: row.user_id, familyId: row.family_id };
        if (row.expired) return { status: 'expired' };
        await sql.query('UPDATE refresh_tokens SET used_at = now() WHERE token_hash = $1', [tokenHash]);
        return { status: 'ok', userId: row.user_id, familyId: row.family_id, deviceId: row.device_id };
      });
    },
    async revokeFamily(familyId) {
      await driver.query('UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL', [
        familyId,
      ]);
    },
    async isFamilyRevoked(familyId) {
      const rows = await driver.query('SELECT 1 FROM refresh_tokens WHERE family_id = $1 AND revoked_at IS NOT NULL LIMIT 1', [familyId]);
      return rows.length > 0;
    },
    async familyOf(tokenHash) {
      const rows = await driver.query<{ family_id: string }>(
        'SELECT family_id FROM refresh_tokens WHERE token_hash = $1',
        [tokenHash],
      );
      return rows[0]?.family_id ?? null;
    },
  };
}
