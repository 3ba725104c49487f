/**
 * The SQL behind leased dossier codes, run inside the serialized document transaction (the same
 * one that draws server-issued codes), so a lease and a server-issued code never take one number.
 */
import type { SqlClient } from '../store/sql.ts';

/** Who holds a leased number. */
export interface LeaseHolder {
  deviceId: string;
  userId: string;
}

export interface CodeTx {
  /** Reserves the next `count` numbers of the agency's `day` (YYMMDD) sequence for the device. */
  lease(agencyId: string, day: string, count: number, holder: LeaseHolder): Promise<{ from: number; to: number }>;
  /** How many numbers of `day` were leased so far to the holder's device, and to its user on any device. */
  leasedTo(agencyId: string, day: string, holder: LeaseHolder): Promise<{ device: number; user: number }>;
  /** The holder of `seq` on `day`, or null when the number was never leased. */
  holderOf(agencyId: string, day: string, seq: number): Promise<LeaseHolder | null>;
  /** Records that `dossierId` carries `code`; false when another dossier already does. */
  claim(code: string, agencyId: string, dossierId: string): Promise<boolean>;
}

/** `CodeTx` over one transaction's SQL client. */
export function sqlCodeTx(sql: SqlClient): CodeTx {
  return {
    async lease(agencyId, day, count, holder) {
      const rows = await sql.query<{ value: number }>(
        `INSERT INTO code_counters (agency_id, day, value) VALUES ($1, $2, $3)
         ON CONFLICT (agency_id, day) DO UPDATE SET value = code_counters.value + $3
         RETURNING value`,
        [agencyId, day, count],
      );
      const to = Number(rows[0]!.value);
      const from = to - count + 1;
      await sql.query(
        `INSERT INTO code_leases (agency_id, day, from_seq, to_seq, device_id, user_id) VALUES ($1, $2, $3, $4, $5, $6)`,
        [agencyId, day, from, to, holder.deviceId, holder.userId],
      );
      return { from, to };
    },
    async leasedTo(agencyId, day, holder) {
      const rows = await sql.query<{ device: number | string | null; user: number | string | null }>(
        `SELECT SUM(CASE WHEN device_id = $3 THEN to_seq - from_seq + 1 ELSE 0 END) AS device,
                SUM(CASE WHEN user_id = $4 THEN to_seq - from_seq + 1 ELSE 0 END) AS "user"
           FROM code_leases WHERE agency_id = $1 AND day = $2`,
        [agencyId, day, holder.deviceId, holder.userId],
      );
      return { device: Number(rows[0]?.device ?? 0), user: Number(rows[0]?.user ?? 0) };
    },
    async holderOf(agencyId, day, seq) {
      const rows = await sql.query<{ device_id: string; user_id: string }>(
        `SELECT device_id, user_id FROM code_leases WHERE agency_id = $1 AND day = $2 AND from_seq <= $3 AND to_seq >= $3 LIMIT 1`,
        [agencyId, day, seq],
      );
      return rows[0] ? { deviceId: rows[0].device_id, userId: rows[0].user_id } : null;
    },
    async claim(code, agencyId, dossierId) {
      await sql.query(
        `INSERT INTO dossier_codes (code, agency_id, dossier_id) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING`,
        [code, agencyId, dossierId],
      );
      const rows = await sql.query<{ dossier_id: string }>(`SELECT dossier_id FROM dossier_codes WHERE code = $1`, [code]);
      return rows[0]?.dossier_id === dossierId;
    },
  };
}

/** Server migration 6: who holds which numbers, and which dossier carries which code. */
export const CODE_LEASE_MIGRATION = {
  id: 6,
  name: 'code_leases',
  sql: `
CREATE TABLE code_leases (
  agency_id  text        NOT NULL,
  day        text        NOT NULL,
  from_seq   integer     NOT NULL,
  to_seq     integer     NOT NULL,
  device_id  text        NOT NULL,
  user_id    text        NOT NULL,
  leased_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX code_leases_day ON code_leases (agency_id, day, from_seq);

CREATE TABLE dossier_codes (
  code        text        PRIMARY KEY,
  agency_id   text        NOT NULL,
  dossier_id  text        NOT NULL,
  claimed_at  timestamptz NOT NULL DEFAULT now()
);
`,
};
