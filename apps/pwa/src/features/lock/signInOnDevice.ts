/**
 * Sign-in that also unlocks the person's local data: online when the server answers (creating the
 * wrapped data key on the first sign-in on this device), offline on a device where they signed in
 * before (the password is right when it unwraps their data key). Loaded after the submit click, so
 * the Argon2id code is not in the first screen.
 */
import type { SessionUser } from '@motcua/model';
import { AuthError, type Session } from '../../lib/auth.ts';
import { createKeyEntry, openKeyEntry, readKeyEntry, updateKeyEntry, type KeyEntry } from '../../lib/keystore.ts';
import { auth } from '../../lib/session.ts';
import { setUnlocked, setUnlocking } from '../../lib/unlocked.ts';
import { removeLegacyDatabase } from '../shell/openUserDatabase.ts';
import { wipeUserData } from './wipeUserData.ts';

export interface SignInInput {
  username: string;
  password: string;
  /** "Máy dùng chung": signing out wipes this person's data from the device. */
  shared: boolean;
}

async function tryOpen(entry: KeyEntry, password: string): Promise<string | null> {
  try {
    return await openKeyEntry(entry, password);
  } catch {
    return null;
  }
}

/**
 * Signs in and unlocks. Throws `AuthError` with a Vietnamese message: `offline` when there is no
 * network and the person never signed in here, `invalid_credentials` for a wrong password (also
 * offline), `device_revoked` after wiping the person's data.
 */
export async function signInOnDevice(input: SignInInput): Promise<Session> {
  setUnlocking(true);
  try {
    return await signIn(input);
  } finally {
    setUnlocking(false);
  }
}

async function signIn(input: SignInInput): Promise<Session> {
  const entry = input.username.trim() ? readKeyEntry(localStorage, input.username) : null;
  let session: Session;
  try {
    session = await auth.login(input.username, input.password);
  } catch (error) {
    if (error instanceof AuthError && error.code === 'device_revoked' && entry) await wipeUserData(entry.user);
    if (!(error instanceof AuthError) || error.code !== 'offline' || !entry) throw error;
    return signInOffline(entry, input.password);
  }
  const key = entry && entry.user.id === session.user.id ? await tryOpen(entry, input.password) : null;
  if (entry && key) {
    updateKeyEntry(localStorage, entry, { user: session.user, shared: input.shared });
    setUnlocked({ userId: session.user.id, key });
    return session;
  }
  // First sign-in here, or the password was changed elsewhere: a new key and a fresh local copy.
  if (entry) await wipeUserData(entry.user);
  // An older copy left behind holds nothing readable without its key; a failed removal only costs space.
  await removeLegacyDatabase(session.user.id).catch((error: unknown) => console.warn('old local copy not removed', error));
  const created = await createKeyEntry(localStorage, { user: session.user, password: input.password, shared: input.shared });
  setUnlocked({ userId: session.user.id, key: created.key });
  return session;
}

async function signInOffline(entry: KeyEntry, password: string): Promise<Session> {
  const key = await tryOpen(entry, password);
  if (!key) throw new AuthError('invalid_credentials', 'Tên đăng nhập hoặc mật khẩu không đúng.');
  setUnlocked({ userId: entry.user.id, key });
  const session = auth.startOffline(entry.user);
  signInWhenOnline(entry.user.username, password);
  return session;
}

/**
 * After an offline sign-in, signs in with the server once the network is back, so replication
 * gets tokens. The password stays in this closure only, never in storage.
 */
export function signInWhenOnline(username: string, password: string): void {
  let running = false;
  const attempt = async () => {
    const current = auth.current();
    if (!current || current.refreshToken || current.user.username !== username) return stop();
    if (running) return;
    running = true;
    try {
      if (await auth.resumeOnline(password)) stop();
    } finally {
      running = false;
    }
  };
  const stop = () => window.removeEventListener('online', onOnline);
  const onOnline = () => void attempt();
  window.addEventListener('online', onOnline);
  if (navigator.onLine) void attempt();
}

/**
 * Unlocks a locked session with the password (re-derives the key). Answers false for a wrong
 * password. A session signed in offline also tries to reach the server.
 */
export async function unlockSession(user: SessionUser, password: string): Promise<boolean> {
  const entry = readKeyEntry(localStorage, user.username);
  if (!entry || entry.user.id !== user.id) return false;
  const key = await tryOpen(entry, password);
  if (!key) return false;
  setUnlocked({ userId: user.id, key });
  if (auth.current()?.refreshToken === '') signInWhenOnline(user.username, password);
  return true;
}

/** Whether `username` chose "Máy dùng chung" at their last sign-in on this device. */
export function isSharedDevice(username: string): boolean {
  return readKeyEntry(localStorage, username)?.shared ?? false;
}
