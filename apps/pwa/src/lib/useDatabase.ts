/**
 * The signed-in person's local database and replication, given to every screen by the shell.
 */
import type { SessionUser } from '@motcua/model';
import { createContext, useContext } from 'solid-js';
import type { MotcuaDatabase, SyncHandle } from '../db/index.ts';

export interface DatabaseContextValue {
  db: MotcuaDatabase;
  sync: SyncHandle;
  user: SessionUser;
}

export const DatabaseContext = createContext<DatabaseContextValue>();

/** The database context; only inside the signed-in shell. */
export function useDatabase(): DatabaseContextValue {
  const value = useContext(DatabaseContext);
  if (!value) throw new Error('useDatabase() is used outside the signed-in shell');
  return value;
}
