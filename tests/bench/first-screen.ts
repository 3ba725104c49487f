import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface FirstScreenSize {
  files: string[];
  rawBytes: number;
  gzipBytes: number;
}

/**
 * The JavaScript and CSS the first screen loads: what `index.html` references directly (entry
 * script, stylesheets, modulepreloads). Chunks loaded later by dynamic import are not counted.
 */
export async function measureFirstScreen(distDir: string): Promise<FirstScreenSize> {
  const html = await readFile(join(distDir, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const files = [...new Set(refs)];
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const bytes = await readFile(join(distDir, file));
    rawBytes += bytes.length;
    gzipBytes += gzipSync(bytes, { level: 9 }).length;
  }
  return { files, rawBytes, gzipBytes };
}
