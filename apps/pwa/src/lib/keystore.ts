/**
 * The device's keystore: per person who signed in here, their data key wrapped by a key derived
 * from their password (Argon2id), with the salt and their profile, in `localStorage`.
 *
 * @remarks Holding an entry is what allows an offline sign-in: the password is right when it
 * unwraps the key. The entry is small and useless without the password. A password change re-wraps
 * the key ({@link rewrapKeyEntry}); the database is not re-encrypted.
 */
import type { SessionUser } from '@motcua/model';
import {
  deriveWrappingKey,
  exportDataKeyHex,
  generateDataKey,
  KEY_DERIVATION_DEFAULTS,
  newKeySalt,
  unwrapDataKey,
  wrapDataKey,
  type KeyDerivationParams,
  type WrappedDataKey,
} from '@motcua/crypto/keys';
import type { KeyValueStorage } from './auth.ts';

export interface KeyEntry {
  v: 1;
  user: SessionUser;
  salt: string;
  kdf: KeyDerivationParams;
  wrapped: WrappedDataKey;
  /** Signed in with "Máy dùng chung": signing out wipes this person's data from the device. */
  shared: boolean;
}

const PREFIX = 'motcua.keys.';

/** The storage key of a person's entry (by the name they sign in with). */
export function keyEntryName(username: string): string {
  return PREFIX + username.trim().toLowerCase();
}

/** The entry of `username`, or null if they never signed in on this device. */
export function readKeyEntry(storage: KeyValueStorage, username: string): KeyEntry | null {
  try {
    const entry = JSON.parse(storage.getItem(keyEntryName(username)) ?? 'null') as KeyEntry | null;
    return entry?.v === 1 && entry.user && entry.wrapped ? entry : null;
  } catch {
    return null;
  }
}

function save(storage: KeyValueStorage, entry: KeyEntry): void {
  storage.setItem(keyEntryName(entry.user.username), JSON.stringify(entry));
}

/** Creates a new random data key for `user`, stores it wrapped, and returns it (hex). */
export async function createKeyEntry(
  storage: KeyValueStorage,
  input: { user: SessionUser; password: string; shared: boolean; kdf?: KeyDerivationParams },
): Promise<{ entry: KeyEntry; key: string }> {
  const kdf = input.kdf ?? KEY_DERIVATION_DEFAULTS;
  const salt = newKeySalt();
  const dataKey = await generateDataKey();
  const wrapped = await wrapDataKey(dataKey, await deriveWrappingKey(input.password, salt, kdf));
  const entry: KeyEntry = { v: 1, user: input.user, salt, kdf, wrapped, shared: input.shared };
  save(storage, entry);
  return { entry, key: await exportDataKeyHex(dataKey) };
}

/** The data key (hex); throws `CryptoError` `wrong_key` when the password is not the right one. */
export async function openKeyEntry(entry: KeyEntry, password: string): Promise<string> {
  const dataKey = await unwrapDataKey(entry.wrapped, await deriveWrappingKey(password, entry.salt, entry.kdf));
  return exportDataKeyHex(dataKey);
}

/** Updates the stored profile and the shared-device flag (after an online sign-in). */
export function updateKeyEntry(storage: KeyValueStorage, entry: KeyEntry, changes: Pick<KeyEntry, 'user' | 'shared'>): KeyEntry {
  const next = { ...entry, ...changes };
  if (next.user.username.toLowerCase() !== entry.user.username.toLowerCase()) removeKeyEntry(storage, entry.user.username);
  save(storage, next);
  return next;
}

/** Re-wraps the data key under a new password (new salt); the data stays as it is. */
export async function rewrapKeyEntry(storage: KeyValueStorage, username: string, oldPassword: string, newPassword: string): Promise<KeyEntry> {
  const entry = readKeyEntry(storage, username);
  if (!entry) throw new Error(`no key entry for ${username}`);
  const dataKey = await unwrapDataKey(entry.wrapped, await deriveWrappingKey(oldPassword, entry.salt, entry.kdf));
  const salt = newKeySalt();
  const wrapped = await wrapDataKey(dataKey, await deriveWrappingKey(newPassword, salt, entry.kdf));
  const next: KeyEntry = { ...entry, salt, wrapped };
  save(storage, next);
  return next;
}

/** Forgets the person's wrapped key (their database can no longer be opened on this device). */
export function removeKeyEntry(storage: KeyValueStorage, username: string): void {
  storage.removeItem(keyEntryName(username));
}
