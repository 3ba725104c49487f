/**
 * `npm run bench`: sync throughput on both storage adapters, a commune's first sync and busy day,
 * a province's pass to the nation, and the size of the first screen. Prints one table; nothing
 * here asserts a time.
 */
import { join, resolve } from 'node:path';
import { measureFirstScreen } from './first-screen.ts';
import { measureSyncThroughput } from './sync-throughput.ts';
import { initialSyncBenchRows } from './initial-sync.ts';
import { measureProvinceToNation } from './tier-sync.ts';
import { postgresAvailable } from '../helpers/server.ts';

const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 2000);
const FIRST_SCREEN_BUDGET = 120 * 1024;
const repoRoot = resolve(import.meta.dirname, '../..');

const rows: [string, string, string][] = [];
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

for (const storage of ['pglite', 'postgres'] as const) {
  if (storage === 'postgres' && !(await postgresAvailable())) {
    rows.push([`sync push/pull (${storage})`, 'skipped', 'PostgreSQL not reachable']);
    continue;
  }
  const t = await measureSyncThroughput(storage, DOCUMENTS);
  rows.push([`sync push, dossiers/s (${storage})`, fmt(t.pushPerSecond), `${t.documents} dossiers, batches of 100, HTTP`]);
  rows.push([`sync pull, dossiers/s (${storage})`, fmt(t.pullPerSecond), `pages of 100, desk officer scope`]);
}

rows.push(...(await initialSyncBenchRows(process.env)));

const tiers = await measureProvinceToNation(Math.round(10_000 * (Number(process.env.BENCH_COMMUNE_SCALE ?? 1) || 1)));
rows.push(['province → nation pass, s (pglite)', tiers.seconds.toFixed(1), `${fmt(tiers.dossiers)} new dossiers sent as summaries`]);
rows.push([
  'province → nation upload',
  `${fmt(tiers.uploadBytes / 1024)} KB`,
  `push bodies; the whole dossiers would be ${fmt(tiers.wholeBytes / 1024)} KB`,
]);

const first = await measureFirstScreen(join(repoRoot, 'apps/pwa/dist'));
rows.push([
  'first screen JS+CSS, gzip',
  `${(first.gzipBytes / 1024).toFixed(1)} KB`,
  `budget ${FIRST_SCREEN_BUDGET / 1024} KB; ${first.files.length} files, ${(first.rawBytes / 1024).toFixed(1)} KB raw`,
]);

const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length), ['measure', 'value', 'notes'][i]!.length));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
console.log(line(['measure', 'value', 'notes']));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of rows) console.log(line(row));
if (first.gzipBytes > FIRST_SCREEN_BUDGET) process.exitCode = 1;
