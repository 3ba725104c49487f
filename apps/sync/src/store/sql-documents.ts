/**
 * `DocumentStore` over SQL: pull by (collection, seq) with the scope in the WHERE clause, and
 * serialized write transactions so that `seq` order is commit order (a puller never skips a row
 * that commits late).
 */
import type { CollectionName } from '@motcua/model';
import { sqlCodeTx } from '../codes/code-tx.ts';
import { scopeWhere } from './scope-sql.ts';
import { VOUCHED_FILE } from './sql-warehouse.ts';
import type { SqlClient, SqlDriver } from './sql.ts';
import type { DocumentStore, DocumentTx, DocumentWrite, StoredDocument } from './types.ts';

interface DocumentRow {
  collection: string;
  id: string;
  data: Record<string, unknown> | string;
  deleted: boolean;
  seq: string;
}

const COLUMNS = 'collection, id, data, deleted, seq::text AS seq';

function toDocument(row: DocumentRow): StoredDocument {
  return {
    collection: row.collection as CollectionName,
    id: row.id,
    data: typeof row.data === 'string' ? (JSON.parse(row.data) as Record<string, unknown>) : row.data,
    deleted: row.deleted,
    seq: Number(row.seq),
  };
}

async function getOne(sql: SqlClient, collection: CollectionName, id: string): Promise<StoredDocument | null> {
  const rows = await sql.query<DocumentRow>(`SELECT ${COLUMNS} FROM documents WHERE collection = $1 AND id = $2`, [
    collection,
    id,
  ]);
  return rows[0] ? toDocument(rows[0]) : null;
}

const CHANNEL = 'motcua_documents';

function makeTx(sql: SqlClient, touched: Set<CollectionName>): DocumentTx {
  return {
    async lock(collection, ids) {
      const rows = await sql.query<DocumentRow>(
        `SELECT ${COLUMNS} FROM documents WHERE collection = $1 AND id = ANY($2::text[]) FOR UPDATE`,
        [collection, ids],
      );
      return new Map(rows.map((row) => [row.id, toDocument(row)]));
    },
    get: (collection, id) => getOne(sql, collection, id),
    async put(collection: CollectionName, doc: DocumentWrite) {
      touched.add(collection);
      const rows = await sql.query<{ seq: string }>(
        `INSERT INTO documents (collection, id, data, deleted, seq, owner_cccd, agency_id, draft)
         VALUES ($1, $2, $3::jsonb, $4, nextval('doc_seq'), $5, $6, $7)
         ON CONFLICT (collection, id) DO UPDATE SET
           data = EXCLUDED.data, deleted = EXCLUDED.deleted, seq = EXCLUDED.seq,
           owner_cccd = EXCLUDED.owner_cccd, agency_id = EXCLUDED.agency_id, draft = EXCLUDED.draft,
           written_at = now()
         RETURNING seq::text AS seq`,
        [collection, doc.id, JSON.stringify(doc.data), doc.deleted, doc.ownerCccd, doc.agencyId, doc.draft],
      );
      return Number(rows[0]!.seq);
    },
    async nextDailySeq(agencyId, day) {
      const rows = await sql.query<{ value: number }>(
        `INSERT INTO code_counters (agency_id, day, value) VALUES ($1, $2, 1)
         ON CONFLICT (agency_id, day) DO UPDATE SET value = code_counters.value + 1
         RETURNING value`,
        [agencyId, day],
      );
      return Number(rows[0]!.value);
    },
    codes: sqlCodeTx(sql),
  };
}

/** `instanceId` tells this store's own change notifications from other processes'. */
export function sqlDocumentStore(driver: SqlDriver, instanceId: string): DocumentStore {
  return {
    async pull(collection, scope, afterSeq, limit) {
      const where = scopeWhere(scope, 4);
      // `documents.seq`, not `seq`: the select list renames seq::text to seq, and ORDER BY would
      // sort that text ('1000' < '110'), so pages would skip documents.
      const rows = await driver.query<DocumentRow>(
        `SELECT ${COLUMNS} FROM documents
         WHERE collection = $1 AND seq > $2 AND (${where.sql})
         ORDER BY documents.seq LIMIT $3`,
        [collection, afterSeq, limit, ...where.params],
      );
      return rows.map(toDocument);
    },
    async pullBefore(collection, scope, beforeSeq, limit) {
      const where = scopeWhere(scope, 4);
      const rows = await driver.query<DocumentRow>(
        `SELECT ${COLUMNS} FROM documents
         WHERE collection = $1 AND seq < $2 AND (${where.sql})
         ORDER BY documents.seq DESC LIMIT $3`,
        [collection, beforeSeq, limit, ...where.params],
      );
      return rows.map(toDocument);
    },
    get: (collection, id) => getOne(driver, collection, id),
    async maxSeq() {
      const rows = await driver.query<{ seq: string | null }>('SELECT max(seq)::text AS seq FROM documents');
      return Number(rows[0]?.seq ?? 0);
    },
    async fileVisible(sha256, scope) {
      const where = scopeWhere(scope, 2);
      const rows = await driver.query(
        `SELECT 1 FROM documents f
         WHERE collection = 'files' AND data->>'sha256' = $1 AND NOT deleted AND (${where.sql}) AND ${VOUCHED_FILE} LIMIT 1`,
        [sha256, ...where.params],
      );
      return rows.length > 0;
    },
    write(fn) {
      return driver.transaction(async (sql) => {
        await sql.query(`SELECT pg_advisory_xact_lock(7405311)`);
        const touched = new Set<CollectionName>();
        const result = await fn(makeTx(sql, touched));
        // Delivered on commit only, to every server process listening on this database.
        for (const collection of touched) {
          await sql.query('SELECT pg_notify($1, $2)', [CHANNEL, `${instanceId} ${collection}`]);
        }
        return result;
      });
    },
    watch(listener) {
      return driver.listen(CHANNEL, (payload) => {
        const [from, collection] = payload.split(' ');
        if (from !== instanceId && collection) listener(collection as CollectionName);
      });
    },
  };
}
