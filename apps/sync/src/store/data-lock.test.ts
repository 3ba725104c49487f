import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataDirInUseError, acquireDataLock } from './data-lock.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'motcua-lock-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('acquireDataLock', () => {
  it('refuses a folder held by a live process', async () => {
    const path = join(dir, 'held.lock');
    await writeFile(path, String(process.ppid));
    await expect(acquireDataLock(path)).rejects.toThrow(DataDirInUseError);
  });

  it('takes over a lock left by a process that is gone, and releases it', async () => {
    const path = join(dir, 'stale.lock');
    await writeFile(path, '999999999');
    const release = await acquireDataLock(path);
    expect(await readFile(path, 'utf8')).toBe(String(process.pid));
    await release();
    await expect(readFile(path, 'utf8')).rejects.toThrow();
  });
});
