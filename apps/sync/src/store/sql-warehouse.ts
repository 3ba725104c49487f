/**
 * `WarehouseStore` over SQL: the cross-agency reads the warehouse needs (a citizen's documents for
 * an officer whose agency has one of that citizen's dossiers), the bytes reachable through such a
 * link, the data of the rates, and the audit trail of those reads.
 */
import type { CollectionName } from '@motcua/model';
import type { SqlDriver } from './sql.ts';
import type { StoredDocument, WarehouseStore } from './types.ts';

interface Row {
  collection: string;
  id: string;
  data: Record<string, unknown> | string;
  deleted: boolean;
  seq: string;
}

const toDoc = (row: Row): StoredDocument => ({
  collection: row.collection as CollectionName,
  id: row.id,
  data: typeof row.data === 'string' ? (JSON.parse(row.data) as Record<string, unknown>) : row.data,
  deleted: row.deleted,
  seq: Number(row.seq),
});

const COLUMNS = 'collection, id, data, deleted, seq::text AS seq';

/** A `files` row whose bytes its writer could vouch for (see `DocumentStore.fileVisible`). */
export const VOUCHED_FILE = `(
  EXISTS (SELECT 1 FROM blob_uploaders u WHERE u.sha256 = f.data->>'sha256' AND u.user_id = f.data->>'uploadedBy')
  OR f.seq > (SELECT b.created_seq FROM blobs b WHERE b.sha256 = f.data->>'sha256'))`;

export function sqlWarehouseStore(driver: SqlDriver): WarehouseStore {
  return {
    async ownerHasDossierAt(cccd, agencyIds) {
      const rows = await driver.query(
        `SELECT 1 FROM documents WHERE collection = 'dossiers' AND owner_cccd = $1 AND agency_id = ANY($2::text[])
         AND NOT draft AND NOT deleted LIMIT 1`,
        [cccd, agencyIds],
      );
      return rows.length > 0;
    },
    async ownedBy(cccd) {
      const warehouse = await driver.query<Row>(
        `SELECT ${COLUMNS} FROM documents WHERE collection = 'warehouse' AND owner_cccd = $1 AND NOT deleted ORDER BY seq`,
        [cccd],
      );
      const files = await driver.query<Row>(
        `SELECT ${COLUMNS} FROM documents f WHERE f.collection = 'files' AND NOT f.deleted AND f.id IN (
           SELECT w.data->>'fileId' FROM documents w WHERE w.collection = 'warehouse' AND w.owner_cccd = $1 AND NOT w.deleted)`,
        [cccd],
      );
      return { warehouse: warehouse.map(toDoc), files: files.map(toDoc) };
    },
    async fileViaWarehouse(sha256, agencyIds) {
      const rows = await driver.query(
        `SELECT 1 FROM documents f
         JOIN documents w ON w.collection = 'warehouse' AND w.data->>'fileId' = f.id AND NOT w.deleted
         WHERE f.collection = 'files' AND f.data->>'sha256' = $1 AND NOT f.deleted AND ${VOUCHED_FILE}
           AND EXISTS (SELECT 1 FROM documents d WHERE d.collection = 'dossiers' AND d.owner_cccd = w.owner_cccd
             AND d.agency_id = ANY($2::text[]) AND NOT d.draft AND NOT d.deleted)
         LIMIT 1`,
        [sha256, agencyIds],
      );
      return rows.length > 0;
    },
    async ofAgencies(collection, agencyIds) {
      const rows = await driver.query<Row>(
        `SELECT ${COLUMNS} FROM documents WHERE collection = $1 AND agency_id = ANY($2::text[]) AND NOT draft AND NOT deleted`,
        [collection, agencyIds],
      );
      return rows.map(toDoc);
    },
    async audit(entry) {
      await driver.query('INSERT INTO audit_log (user_id, action, subject) VALUES ($1, $2, $3)', [
        entry.userId,
        entry.action,
        entry.subject,
      ]);
    },
    async auditTrail(subject) {
      const rows = await driver.query<{ user_id: string; action: string; subject: string; at: string | Date }>(
        'SELECT user_id, action, subject, at FROM audit_log WHERE subject = $1 ORDER BY id',
        [subject],
      );
      return rows.map((r) => ({ userId: r.user_id, action: r.action, subject: r.subject, at: new Date(r.at).toISOString() }));
    },
  };
}
