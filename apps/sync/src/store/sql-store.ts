/**
 * Builds a `SyncStore` from any `SqlDriver`: the adapters differ only in how they reach PostgreSQL.
 */
import { randomToken } from '@motcua/crypto';
import { sqlOutboxStore } from '../notify/outbox-store.ts';
import { migrations } from './migrations.ts';
import { sqlAccountStore } from './sql-accounts.ts';
import { sqlRefreshTokenStore, sqlUserStore } from './sql-auth.ts';
import { sqlDocumentStore } from './sql-documents.ts';
import { sqlBlobStore, sqlMetaStore } from './sql-misc.ts';
import { sqlWarehouseStore } from './sql-warehouse.ts';
import type { SqlDriver } from './sql.ts';
import type { SyncStore } from './types.ts';

async function migrate(driver: SqlDriver): Promise<void> {
  for (const migration of migrations) {
    await driver.transaction(async (sql) => {
      // Several servers may start at once on one database: the lock makes one of them migrate.
      await sql.query('SELECT pg_advisory_xact_lock(7405310)');
      await sql.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
      );
      const done = await sql.query('SELECT 1 FROM schema_migrations WHERE id = $1', [migration.id]);
      if (done.length > 0) return;
      for (const statement of splitStatements(migration.sql)) await sql.query(statement);
      await sql.query('INSERT INTO schema_migrations (id, name) VALUES ($1, $2)', [migration.id, migration.name]);
    });
  }
}

/** Our migrations hold no semicolons inside statements, so splitting on `;` is exact. */
function splitStatements(script: string): string[] {
  return script
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function createSqlStore(driver: SqlDriver): SyncStore {
  const users = sqlUserStore(driver);
  return {
    kind: driver.kind,
    migrate: () => migrate(driver),
    close: () => driver.close(),
    documents: sqlDocumentStore(driver, randomToken(12)),
    users,
    refreshTokens: sqlRefreshTokenStore(driver),
    blobs: sqlBlobStore(driver),
    meta: sqlMetaStore(driver),
    warehouse: sqlWarehouseStore(driver),
    outbox: sqlOutboxStore(driver),
    accounts: sqlAccountStore(driver, users),
  };
}
