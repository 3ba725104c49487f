/**
 * Opens the signed-in person's own database (`motcua-<user id>`) and starts its replication with
 * this origin's sync server. One open database per page; signing out closes it but keeps the data
 * on the device, so changes not yet synced go up at the next sign-in.
 */
import type { SessionUser } from '@motcua/model';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { closeDatabase, createDatabase, startReplication } from '../../db/index.ts';
import type { AuthClient } from '../../lib/auth.ts';
import type { DatabaseContextValue } from '../../lib/useDatabase.ts';

let current: { userId: string; opening: Promise<DatabaseContextValue> } | null = null;

/** RxDB database names allow lower-case letters, digits, `_`, `$` and `-` only. */
export function databaseName(userId: string): string {
  return 'motcua-' + userId.toLowerCase().replace(/[^a-z0-9_$-]/g, '-');
}

export function openUserDatabase(user: SessionUser, auth: AuthClient): Promise<DatabaseContextValue> {
  if (current?.userId === user.id) return current.opening;
  const previous = current;
  const opening = (async () => {
    if (previous) await closeUserDatabase(previous.opening);
    const db = await createDatabase({ storage: getRxStorageDexie(), name: databaseName(user.id), multiInstance: true });
    const sync = startReplication(db, {
      baseUrl: location.origin,
      getAccessToken: async (options) => {
        if (!options?.refresh) return auth.getAccessToken();
        const next = await auth.refresh(auth.current()?.accessToken ?? null);
        return next?.accessToken ?? null;
      },
    });
    return { db, sync, user };
  })();
  current = { userId: user.id, opening };
  opening.catch(() => {
    if (current?.opening === opening) current = null;
  });
  return opening;
}

async function closeUserDatabase(opening: Promise<DatabaseContextValue>): Promise<void> {
  try {
    const { db, sync } = await opening;
    await sync.stop();
    await closeDatabase(db);
  } catch {
    // It never opened; nothing to close.
  }
}

/** Stops replication and closes the open database, if any. */
export async function closeCurrentDatabase(): Promise<void> {
  const open = current;
  current = null;
  if (open) await closeUserDatabase(open.opening);
}
