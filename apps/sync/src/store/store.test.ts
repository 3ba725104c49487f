import { runStoreContract } from './store.contract.ts';
import { freshPgliteStore, freshPostgresStore } from './test-databases.ts';

runStoreContract('pglite', freshPgliteStore);
runStoreContract('postgres', freshPostgresStore);
