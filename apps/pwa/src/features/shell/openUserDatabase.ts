/**
 * Opens the signed-in person's own database (`motcua-<user id>-v2`, encrypted with their data key)
 * and starts its replication with this origin's sync server. One open database per page; signing
 * out closes it but keeps the data on the device, so changes not yet synced go up at the next
 * sign-in (on a shared PC, signing out removes it: see {@link removeUserDatabases}).
 */
import type { SessionUser } from '@motcua/model';
import { removeRxDatabase } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { browserDeviceChain } from '../../lib/deviceChain.ts';
import { removeDatabaseEntries } from '../../db/database-entries.ts';
import { ENCRYPTED_NAME_SUFFIX } from '../../db/encryption.ts';
import { closeDatabase, createDatabase, startReplication } from '../../db/index.ts';
import type { AuthClient } from '../../lib/auth.ts';
import type { DatabaseContextValue } from '../../lib/useDatabase.ts';

let current: { userId: string; opening: Promise<DatabaseContextValue> } | null = null;

/**
 * Whether the page may compile code from strings. The ajv validator needs it; under a
 * Content-Security-Policy without `'unsafe-eval'` the database opens without local validation
 * (the server checks every pushed document against the same schemas and refuses invalid ones).
 */
function evalAllowed(): boolean {
  try {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval, @typescript-eslint/no-unsafe-call -- the probe itself: compiling a string is what the CSP may forbid
    return new Function('return true')() === true;
  } catch {
    return false;
  }
}

/** RxDB database names allow lower-case letters, digits, `_`, `$` and `-` only. */
export function databaseName(userId: string): string {
  return legacyDatabaseName(userId) + ENCRYPTED_NAME_SUFFIX;
}

/** The name of the unencrypted database of earlier builds, removed when the person signs in. */
function legacyDatabaseName(userId: string): string {
  return 'motcua-' + userId.toLowerCase().replace(/[^a-z0-9_$-]/g, '-');
}

/**
 * Opens the person's database with their data key (hex), closing any other open one.
 * @param encryptionKey the unwrapped data key of `user` (see `lib/keystore.ts`)
 */
export function openUserDatabase(user: SessionUser, auth: AuthClient, encryptionKey: string): Promise<DatabaseContextValue> {
  if (current?.userId === user.id) return current.opening;
  const previous = current;
  const opening = (async () => {
    if (previous) await closeUserDatabase(previous.opening);
    const name = databaseName(user.id);
    const db = await createDatabase({
      storage: getRxStorageDexie(),
      name,
      multiInstance: true,
      encryptionKey,
      validate: evalAllowed(),
    });
    const sync = startReplication(db, {
      baseUrl: location.origin,
      deviceId: browserDeviceChain().deviceId,
      getAccessToken: async (options) => {
        if (!options?.refresh) return auth.getAccessToken();
        const next = await auth.refresh(auth.current()?.accessToken ?? null);
        return next?.accessToken ?? null;
      },
    });
    return { db, sync, user };
  })();
  current = { userId: user.id, opening };
  // A failed opening is not kept, so the next sign-in tries again; its error reaches the caller below.
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

/**
 * Removes every local database of `userId` (the encrypted one and an unencrypted one of earlier
 * builds) and what the device kept beside them, closing it first if open. Changes not yet synced
 * in them are lost.
 */
export async function removeUserDatabases(userId: string): Promise<void> {
  const open = current?.userId === userId ? current : null;
  if (open) {
    current = null;
    try {
      const { db, sync } = await open.opening;
      await sync.stop();
      await db.remove();
    } catch {
      // It never opened: removed by name below.
    }
  }
  for (const name of [databaseName(userId), legacyDatabaseName(userId)]) {
    await removeRxDatabase(name, getRxStorageDexie(), true);
    await deleteIndexedDatabases(`rxdb-dexie-${name}--`);
    removeDatabaseEntries(localStorage, name);
  }
}

/** RxDB's Dexie storage empties its tables on removal; this deletes the IndexedDB databases too. */
async function deleteIndexedDatabases(prefix: string): Promise<void> {
  const all = (await indexedDB.databases?.()) ?? [];
  const names = all.map((d) => d.name ?? '').filter((n) => n.startsWith(prefix));
  await Promise.all(
    names.map(
      (n) =>
        new Promise<void>((resolve) => {
          const request = indexedDB.deleteDatabase(n);
          request.onsuccess = request.onerror = request.onblocked = () => resolve();
        }),
    ),
  );
}

/** Removes the unencrypted database an earlier build left for `userId`, if any. */
export async function removeLegacyDatabase(userId: string): Promise<void> {
  await removeRxDatabase(legacyDatabaseName(userId), getRxStorageDexie(), true);
}
