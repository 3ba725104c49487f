import { randomUUID } from 'node:crypto';
import { createDossierDraft, type DossierEvent } from '@motcua/model';
import { seedProcedures } from '@motcua/model/procedures';
import { actionDevice, eventRows, type ActionDevice } from '../helpers/action-events.ts';
import { login, startServer, type TestStorage } from '../helpers/server.ts';

export interface Throughput {
  storage: TestStorage;
  documents: number;
  pushPerSecond: number;
  pullPerSecond: number;
}

const PASSWORD = 'Demo@2026';
const DAK_LA = '001.29.00.H34';
const BATCH = 100;

/** A citizen's new dossier as a device sends it: `create` with its seed, then `submit`. */
async function submission(device: ActionDevice, n: number, now: Date): Promise<DossierEvent[]> {
  const procedure = seedProcedures()[n % 10]!;
  const draft = createDossierDraft({
    id: randomUUID(),
    procedure,
    applicant: {
      cccd: '062099000123', fullName: 'Nguyễn Văn An', birthDate: '1999-05-12', gender: 'nam',
      phone: '0905000123', email: '', address: 'Thôn 1, xã Đắk La',
    },
    ownerCccd: '062099000123',
    agencyId: DAK_LA,
    now,
    userId: 'bench',
  });
  const created = await device.create(draft, procedure);
  const submitted = await device.event(created.dossier, { type: 'submit' });
  return [created.event, submitted.event];
}

/**
 * Pushes `documents` new dossiers as a citizen's device does (their `create` and `submit` actions,
 * 100 events a request), then pulls them all as the desk officer with the same page size the app
 * uses; both over HTTP against the real server.
 */
export async function measureSyncThroughput(storage: TestStorage, documents: number): Promise<Throughput> {
  const server = await startServer({ storage });
  try {
    const citizen = await login(server.url, '062099000123', PASSWORD);
    const now = new Date();
    const device = actionDevice(citizen.user);
    const events: DossierEvent[] = [];
    for (let n = 0; n < documents; n++) events.push(...(await submission(device, n, now)));
    const headers = (token: string) => ({ Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'X-Device-Id': device.deviceId });

    const pushStart = performance.now();
    for (let i = 0; i < events.length; i += BATCH) {
      const rows = eventRows(events.slice(i, i + BATCH));
      const response = await fetch(`${server.url}/api/sync/events/push`, { method: 'POST', headers: headers(citizen.accessToken), body: JSON.stringify(rows) });
      if (!response.ok) throw new Error(`push failed: ${response.status} ${await response.text()}`);
      const refused = ((await response.json()) as DossierEvent[]).filter((e) => e.outcome?.status !== 'applied');
      if (refused.length) throw new Error(`push refused ${refused.length} actions: ${JSON.stringify(refused[0]!.outcome).slice(0, 300)}`);
    }
    const pushSeconds = (performance.now() - pushStart) / 1000;

    const desk = await login(server.url, 'motcua.dakla', PASSWORD);
    let checkpoint: unknown = null;
    let pulled = 0;
    const pullStart = performance.now();
    for (;;) {
      const query = new URLSearchParams({ limit: String(BATCH) });
      if (checkpoint) query.set('checkpoint', JSON.stringify(checkpoint));
      const response = await fetch(`${server.url}/api/sync/dossiers/pull?${query}`, { headers: headers(desk.accessToken) });
      const page = (await response.json()) as { documents: unknown[]; checkpoint: unknown };
      if (page.documents.length === 0) break;
      pulled += page.documents.length;
      checkpoint = page.checkpoint;
    }
    const pullSeconds = (performance.now() - pullStart) / 1000;
    if (pulled < documents) throw new Error(`pulled ${pulled} of ${documents}`);
    return { storage, documents, pushPerSecond: documents / pushSeconds, pullPerSecond: pulled / pullSeconds };
  } finally {
    await server.close();
  }
}
