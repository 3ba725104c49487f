/**
 * Removes what a person left on this device: their local databases, their wrapped key and the
 * unlocked key of this tab. Used by sign-out on a shared PC and by device revocation.
 */
import type { SessionUser } from '@motcua/model';
import { removeKeyEntry } from '../../lib/keystore.ts';
import { lock, unlocked } from '../../lib/unlocked.ts';
import { removeUserDatabases } from '../shell/openUserDatabase.ts';

/**
 * Wipes `user`'s data from the device. The wrapped key goes first, so a removal that is slow or
 * blocked (another tab holds the database open) leaves only ciphertext nobody can unwrap.
 */
export async function wipeUserData(user: SessionUser): Promise<void> {
  removeKeyEntry(localStorage, user.username);
  if (unlocked()?.userId === user.id) lock();
  await Promise.race([removeUserDatabases(user.id), new Promise((resolve) => setTimeout(resolve, REMOVAL_WAIT_MS))]);
}

/** Sign-out waits at most this long for IndexedDB to delete (another tab may hold it open). */
const REMOVAL_WAIT_MS = 10_000;
