import { describe, it } from 'vitest';
import { runStoreContract } from './store.contract.ts';
import { freshPgliteStore, freshPostgresStore, postgresAvailable, PG_TEST_URL } from './test-databases.ts';

runStoreContract('pglite', freshPgliteStore);

if (await postgresAvailable()) {
  runStoreContract('postgres', freshPostgresStore);
} else {
  describe('SyncStore contract: postgres', () => {
    it.skip(`needs PostgreSQL at ${PG_TEST_URL}`, () => {});
  });
}
