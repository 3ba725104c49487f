/**
 * `AccountStore` over SQL (migration 8): account administration, devices and their revocation,
 * password-reset codes (stored hashed), and reads of the audit log.
 */
import type { SqlDriver } from './sql.ts';
import type { AccountStore, DeviceRecord, UserRecord } from './types.ts';

/** Failed reset attempts an account gets across all its codes (see `putResetCode`). */
const MAX_RESET_ATTEMPTS = 5;

interface DeviceRow {
  id: string;
  last_user_id: string | null;
  agency_ids: string[] | null;
  first_seen: string | Date;
  last_seen: string | Date;
  revoked_at: string | Date | null;
  revoked_by: string | null;
}

const iso = (value: string | Date) => new Date(value).toISOString();

function toDevice(row: DeviceRow): DeviceRecord {
  return {
    id: row.id,
    lastUserId: row.last_user_id,
    agencyIds: (row.agency_ids ?? []).filter(Boolean),
    firstSeen: iso(row.first_seen),
    lastSeen: iso(row.last_seen),
    revokedAt: row.revoked_at ? iso(row.revoked_at) : null,
    revokedBy: row.revoked_by,
  };
}

const DEVICE_SELECT = `SELECT d.*, array_agg(a.agency_id) AS agency_ids
  FROM devices d LEFT JOIN device_agencies a ON a.device_id = d.id`;

export function sqlAccountStore(driver: SqlDriver, users: { byId(id: string): Promise<UserRecord | null> }): AccountStore {
  return {
    async listByAgencies(agencyIds) {
      if (agencyIds.length === 0) return [];
      const rows = await driver.query<{ id: string }>(
        'SELECT id FROM users WHERE agency_id = ANY($1::text[]) ORDER BY username',
        [agencyIds],
      );
      const found = await Promise.all(rows.map((row) => users.byId(row.id)));
      return found.filter((user): user is UserRecord => user !== null);
    },

    async update(id, patch) {
      if (patch.role !== undefined) await driver.query('UPDATE users SET role = $2 WHERE id = $1', [id, patch.role]);
      if (patch.disabled !== undefined) await driver.query('UPDATE users SET disabled = $2 WHERE id = $1', [id, patch.disabled]);
      if (patch.passwordHash !== undefined) {
        await driver.query('UPDATE users SET password_hash = $2 WHERE id = $1', [id, patch.passwordHash]);
      }
      if (patch.contact !== undefined) {
        await driver.query('UPDATE users SET phone = $2, email = $3 WHERE id = $1', [id, patch.contact.phone, patch.contact.email]);
      }
    },

    async revokeAllTokens(userId) {
      const rows = await driver.query<{ family_id: string }>(
        `UPDATE refresh_tokens SET revoked_at = now()
         WHERE family_id IN (SELECT family_id FROM refresh_tokens WHERE user_id = $1) AND revoked_at IS NULL
         RETURNING family_id`,
        [userId],
      );
      return new Set(rows.map((row) => row.family_id)).size;
    },

    async touchDevice(deviceId, userId, agencyId) {
      await driver.query(
        `INSERT INTO devices (id, last_user_id) VALUES ($1, $2)
         ON CONFLICT (id) DO UPDATE SET last_user_id = $2, last_seen = now()`,
        [deviceId, userId],
      );
      if (agencyId) {
        await driver.query('INSERT INTO device_agencies (device_id, agency_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
          deviceId,
          agencyId,
        ]);
      }
    },

    async device(deviceId) {
      const rows = await driver.query<DeviceRow>(`${DEVICE_SELECT} WHERE d.id = $1 GROUP BY d.id`, [deviceId]);
      return rows[0] ? toDevice(rows[0]) : null;
    },

    async devicesOf(agencyIds) {
      if (agencyIds.length === 0) return [];
      const rows = await driver.query<DeviceRow>(
        `${DEVICE_SELECT} WHERE d.id IN (SELECT device_id FROM device_agencies WHERE agency_id = ANY($1::text[]))
         GROUP BY d.id ORDER BY d.last_seen DESC`,
        [agencyIds],
      );
      return rows.map(toDevice);
    },

    async revokeDevice(deviceId, by) {
      await driver.transaction(async (sql) => {
        await sql.query('UPDATE devices SET revoked_at = coalesce(revoked_at, now()), revoked_by = coalesce(revoked_by, $2) WHERE id = $1', [
          deviceId,
          by,
        ]);
        await sql.query('UPDATE refresh_tokens SET revoked_at = now() WHERE device_id = $1 AND revoked_at IS NULL', [deviceId]);
      });
    },

    async isDeviceRevoked(deviceId) {
      const rows = await driver.query('SELECT 1 FROM devices WHERE id = $1 AND revoked_at IS NOT NULL', [deviceId]);
      return rows.length > 0;
    },

    async putResetCode(userId, codeHash, expiresAt) {
      await driver.query(
        // A new code does not bring new tries: the failed attempts count across codes until the
        // last code has been expired for an hour.
        `INSERT INTO reset_codes (user_id, code_hash, expires_at) VALUES ($1, $2, $3)
         ON CONFLICT (user_id) DO UPDATE SET code_hash = $2, expires_at = $3,
           attempts = CASE WHEN reset_codes.expires_at < now() - interval '1 hour' THEN 0 ELSE reset_codes.attempts END`,
        [userId, codeHash, expiresAt.toISOString()],
      );
    },

    async takeResetCode(userId, codeHash) {
      return driver.transaction(async (sql) => {
        const rows = await sql.query<{ code_hash: string; live: boolean; attempts: number }>(
          'SELECT code_hash, (expires_at > now()) AS live, attempts FROM reset_codes WHERE user_id = $1 FOR UPDATE',
          [userId],
        );
        const row = rows[0];
        if (!row) return false;
        if (row.live && row.attempts < MAX_RESET_ATTEMPTS && row.code_hash === codeHash) {
          await sql.query('DELETE FROM reset_codes WHERE user_id = $1', [userId]);
          return true;
        }
        await sql.query('UPDATE reset_codes SET attempts = attempts + 1 WHERE user_id = $1', [userId]);
        return false;
      });
    },

    async auditBy(userId) {
      const rows = await driver.query<{ user_id: string; action: string; subject: string; at: string | Date }>(
        'SELECT user_id, action, subject, at FROM audit_log WHERE user_id = $1 OR subject = $1 ORDER BY id',
        [userId],
      );
      return rows.map((row) => ({ userId: row.user_id, action: row.action, subject: row.subject, at: iso(row.at) }));
    },
  };
}
