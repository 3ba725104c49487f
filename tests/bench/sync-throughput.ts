import { randomUUID } from 'node:crypto';
import { applyDossierAction, createDossierDraft, type Dossier } from '@motcua/model';
import { seedProcedures } from '@motcua/model/procedures';
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

function submittedDossier(n: number, now: Date): Dossier {
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
  const actor = { userId: 'bench', name: 'Nguyễn Văn An', role: 'citizen' as const };
  return applyDossierAction(draft, { type: 'submit' }, { actor, now, eventId: randomUUID(), deviceId: 'bench' }).dossier;
}

/**
 * Pushes `documents` dossiers as a citizen in batches of 100, then pulls them all as the desk
 * officer with the same page size the app uses; both over HTTP against the real server.
 */
export async function measureSyncThroughput(storage: TestStorage, documents: number): Promise<Throughput> {
  const server = await startServer({ storage });
  try {
    const citizen = await login(server.url, '062099000123', PASSWORD);
    const now = new Date();
    const docs = Array.from({ length: documents }, (_, n) => submittedDossier(n, now));
    const headers = (token: string) => ({ Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' });

    const pushStart = performance.now();
    for (let i = 0; i < docs.length; i += BATCH) {
      const rows = docs.slice(i, i + BATCH).map((d) => ({ assumedMasterState: null, newDocumentState: { ...d, _deleted: false } }));
      const response = await fetch(`${server.url}/api/sync/dossiers/push`, { method: 'POST', headers: headers(citizen.accessToken), body: JSON.stringify(rows) });
      if (!response.ok) throw new Error(`push failed: ${response.status} ${await response.text()}`);
      const conflicts = (await response.json()) as unknown[];
      if (conflicts.length) throw new Error(`push refused ${conflicts.length} rows: ${JSON.stringify(conflicts[0]).slice(0, 300)}`);
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
