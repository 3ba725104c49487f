/**
 * External proof for signed PDFs that reached the server: the blobs on disk, checked by poppler's
 * `pdfsig` against the province CA (in a throwaway NSS database) and read by `pdftotext`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Every stored blob under `dataDir` that is a signed PDF. */
export async function signedPdfsIn(dataDir: string): Promise<Buffer[]> {
  const found: Buffer[] = [];
  // No blob folder yet: no signed PDF either.
  for (const entry of await readdir(join(dataDir, 'blobs'), { recursive: true, withFileTypes: true }).catch(() => [])) {
    if (!entry.isFile()) continue;
    const bytes = await readFile(join(entry.parentPath, entry.name));
    if (bytes.subarray(0, 5).toString('latin1') === '%PDF-' && bytes.includes('/ByteRange')) found.push(bytes);
  }
  return found;
}

/** What `pdfsig` and `pdftotext` say of `pdf`, trusting the CA the server publishes. */
export async function pdfProof(serverUrl: string, pdf: Buffer): Promise<{ pdfsig: string; text: string }> {
  const work = await mkdtemp(join(tmpdir(), 'motcua-e2e-pdfsig-'));
  try {
    const nss = `sql:${join(work, 'nss')}`;
    execFileSync('mkdir', ['-p', join(work, 'nss')]);
    execFileSync('certutil', ['-N', '-d', nss, '--empty-password']);
    await writeFile(join(work, 'ca.cer'), Buffer.from(await (await fetch(`${serverUrl}/api/pki/ca.cer`)).arrayBuffer()));
    execFileSync('certutil', ['-A', '-d', nss, '-n', 'motcua-ca', '-t', 'C,C,C', '-i', join(work, 'ca.cer')]);
    await writeFile(join(work, 'signed.pdf'), pdf);
    const pdfsig = spawnSync('pdfsig', ['-nssdir', nss, join(work, 'signed.pdf')], { encoding: 'utf8' }).stdout;
    const text = execFileSync('pdftotext', [join(work, 'signed.pdf'), '-'], { encoding: 'utf8' }).normalize('NFC');
    return { pdfsig, text };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
