/**
 * One process per embedded database: PGlite's folder must never be opened twice at once. The lock
 * file holds the owner's pid; a lock left by a process that is gone is taken over.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';

export class DataDirInUseError extends Error {
  override readonly name = 'DataDirInUseError';
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock at `path`; returns the function that releases it. */
export async function acquireDataLock(path: string): Promise<() => Promise<void>> {
  try {
    await writeFile(path, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // A lock file that cannot be read (removed meanwhile, half written) names no owner: it is taken over below.
    const owner = Number((await readFile(path, 'utf8').catch(() => '')).trim());
    if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && alive(owner)) {
      throw new DataDirInUseError(`the database folder is in use by process ${owner} (${path})`);
    }
    await writeFile(path, String(process.pid));
  }
  return () => rm(path, { force: true });
}
