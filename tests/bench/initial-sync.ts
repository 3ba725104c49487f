/**
 * A new device's first sync of a busy commune, and one day of a busy desk: time and bytes on the
 * wire (gzip, as the server sends them) over HTTP against the real server on PGlite.
 *
 * The commune's history (dossiers and warehouse documents of Đắk La) is written straight into the
 * store for speed; the desk officer then pulls it page by page as the app does (200 a page). The
 * day's changes are pushed one request per change, as a desk device sends them, and pulled by a
 * second device from its checkpoint.
 */
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { applyDossierAction, createDossierDraft, type Dossier, type DossierEvent, type WarehouseDocument } from '@motcua/model';
import { seedProcedures } from '@motcua/model/procedures';
import { startServer } from '../../apps/sync/src/server.ts';
import { scopeColumns } from '../../apps/sync/src/sync/scope.ts';
import { actionDevice, eventRows } from '../helpers/action-events.ts';
import { login } from '../helpers/server.ts';

const DAK_LA = '001.29.00.H34';
const CITIZEN = '062099000123';
/** The app's pull page size (`startReplication`'s default `pullBatchSize`). */
const PAGE = 200;

export interface InitialSyncResult {
  dossiers: number;
  warehouse: number;
  initialSeconds: number;
  initialBytes: number;
  dayChanges: number;
  daySeconds: number;
  dayBytes: number;
}

interface Wire {
  status: number;
  body: unknown;
  /** Bytes of the response body as sent (compressed) plus the request body. */
  bytes: number;
}

/** One HTTP exchange that counts the compressed bytes, as a browser would receive them. */
function exchange(url: string, token: string, method: 'GET' | 'POST', body?: unknown, deviceId?: string): Promise<Wire> {
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        'Accept-Encoding': 'gzip',
        ...(deviceId ? { 'X-Device-Id': deviceId } : {}),
        ...(payload ? { 'Content-Type': 'application/json', 'Content-Length': payload.length } : {}),
      },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const text = (res.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
        resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null, bytes: raw.length + (payload?.length ?? 0) });
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

export function benchDossier(n: number, now: Date): Dossier {
  const procedure = seedProcedures()[n % 10]!;
  const draft = createDossierDraft({
    id: randomUUID(), procedure, ownerCccd: CITIZEN, agencyId: DAK_LA, now, userId: 'bench',
    applicant: {
      cccd: CITIZEN, fullName: 'Nguyễn Văn An', birthDate: '1999-05-12', gender: 'nam',
      phone: '0905000123', email: '', address: `Thôn ${n % 12 + 1}, xã Đắk La`,
    },
  });
  const actor = { userId: 'bench', name: 'Nguyễn Văn An', role: 'citizen' as const };
  return applyDossierAction(draft, { type: 'submit' }, { actor, now, eventId: randomUUID(), deviceId: 'bench' }).dossier;
}

function warehouseDoc(n: number, now: Date): WarehouseDocument {
  return {
    id: randomUUID(), ownerCccd: CITIZEN, docTypeCode: 'GKS', name: `Giấy khai sinh số ${n}`, issuedAt: now.toISOString(),
    issuer: 'UBND xã Đắk La', number: `${n}/2026`, validUntil: null, permanent: true, validScope: 'Toàn quốc',
    kind: 'component', fileId: randomUUID(), sourceDossierId: null, procedureId: null, agencyId: DAK_LA,
    digitizedBy: 'Phạm Thị Hoa', digitizedAt: now.toISOString(), updatedAt: now.getTime(),
  };
}

/** Pulls a collection to the end from `checkpoint`; returns the documents, bytes and new checkpoint. */
async function pullAll(url: string, token: string, collection: string, from: unknown = null) {
  let checkpoint = from;
  let bytes = 0;
  const documents: Array<Record<string, unknown>> = [];
  for (;;) {
    const query = new URLSearchParams({ limit: String(PAGE) });
    if (checkpoint) query.set('checkpoint', JSON.stringify(checkpoint));
    const page = await exchange(`${url}/api/sync/${collection}/pull?${query}`, token, 'GET');
    if (page.status !== 200) throw new Error(`pull ${collection}: HTTP ${page.status}`);
    bytes += page.bytes;
    const body = page.body as { documents: Array<Record<string, unknown>>; checkpoint: unknown };
    if (body.documents.length === 0) return { documents, bytes, checkpoint };
    documents.push(...body.documents);
    checkpoint = body.checkpoint;
  }
}

/**
 * Seeds `dossiers` dossiers and `warehouse` warehouse documents of one commune, measures the desk
 * officer's first pull of both, then `busyDossiers` × `updates` changes pushed and pulled.
 */
export async function measureInitialSync(options: { dossiers: number; warehouse: number; busyDossiers: number; updates: number }): Promise<InitialSyncResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'motcua-bench-'));
  const server = await startServer({ dataDir, port: 0, host: '127.0.0.1' });
  try {
    const now = new Date();
    const seed = async (collection: 'dossiers' | 'warehouse', count: number, make: (n: number) => Record<string, unknown>) => {
      for (let i = 0; i < count; i += 1000) {
        await server.store.documents.write(async (tx) => {
          for (let n = i; n < Math.min(count, i + 1000); n++) {
            const data = make(n);
            await tx.put(collection, { id: data.id as string, data, deleted: false, ...scopeColumns(collection, data) });
          }
        });
      }
    };
    await seed('dossiers', options.dossiers, (n) => benchDossier(n, now));
    await seed('warehouse', options.warehouse, (n) => warehouseDoc(n, now));

    const desk = await login(server.url, 'motcua.dakla', 'Demo@2026');
    const started = performance.now();
    const d = await pullAll(server.url, desk.accessToken, 'dossiers');
    const w = await pullAll(server.url, desk.accessToken, 'warehouse');
    const initialSeconds = (performance.now() - started) / 1000;
    if (d.documents.length < options.dossiers || w.documents.length < options.warehouse) {
      throw new Error(`first pull got ${d.documents.length} dossiers and ${w.documents.length} warehouse documents`);
    }

    // One day at a busy desk: each change is one action pushed, then another device catches up.
    const busy = d.documents.filter((doc) => doc.status === 1).slice(0, options.busyDossiers) as unknown as Dossier[];
    const device = actionDevice(desk.user);
    const dayStart = performance.now();
    let dayBytes = 0;
    for (let u = 0; u < options.updates; u++) {
      for (const [i, master] of busy.entries()) {
        const { event, dossier } = await device.edit(master, (c) => ({ ...c, summary: `${master.summary.slice(0, 150)} (${u + 1})` }));
        const pushed = await exchange(`${server.url}/api/sync/events/push`, desk.accessToken, 'POST', eventRows([event]), device.deviceId);
        const answer = pushed.body as DossierEvent[];
        if (pushed.status !== 200 || answer[0]?.outcome?.status !== 'applied') throw new Error(`push: HTTP ${pushed.status}`);
        dayBytes += pushed.bytes;
        busy[i] = dossier;
      }
    }
    const caughtUp = await pullAll(server.url, desk.accessToken, 'dossiers', d.checkpoint);
    dayBytes += caughtUp.bytes;
    const daySeconds = (performance.now() - dayStart) / 1000;
    return {
      dossiers: d.documents.length, warehouse: w.documents.length, initialSeconds, initialBytes: d.bytes + w.bytes,
      dayChanges: busy.length * options.updates, daySeconds, dayBytes,
    };
  } finally {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/**
 * The bench table's rows. `BENCH_COMMUNE_SCALE` scales the commune (default 1: 10,000 dossiers,
 * 30,000 warehouse documents, a day of 200 dossiers × 5 changes; 0.1 for a quick run).
 */
export async function initialSyncBenchRows(env: Record<string, string | undefined>): Promise<[string, string, string][]> {
  const scale = Number(env.BENCH_COMMUNE_SCALE ?? 1) || 1;
  const r = await measureInitialSync({
    dossiers: Math.round(10_000 * scale), warehouse: Math.round(30_000 * scale), busyDossiers: Math.max(1, Math.round(200 * scale)), updates: 5,
  });
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  return [
    ['new device first sync, s (pglite)', r.initialSeconds.toFixed(1), `${r.dossiers} dossiers + ${r.warehouse} warehouse docs, pages of ${PAGE}, desk officer`],
    ['new device first sync, wire', kb(r.initialBytes), 'gzip response bodies'],
    ['busy desk day, s (pglite)', r.daySeconds.toFixed(1), `${r.dayChanges} changes pushed one by one + catch-up pull`],
    ['busy desk day, wire', kb(r.dayBytes), 'push bodies + gzip responses'],
  ];
}
