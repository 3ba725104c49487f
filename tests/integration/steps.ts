/**
 * Steps the integration suites share: direct API reads, a citizen's offline submission, local reads.
 */
import { expect } from 'vitest';
import { createDossierDraft, type Dossier, type DossierEvent, type FileMeta, type Procedure } from '@motcua/model';
import { saveLocalFile } from '../../apps/pwa/src/db/files.ts';
import { samplePdf } from '../../apps/pwa/src/db/testing.ts';
import type { TestClient } from './clients.ts';

export const DAK_LA = '001.29.00.H34';
export const CITIZEN = '062099000123';
/** Đắk La's dossier codes: `H34.29.2-YYMMDD-NNNN`. */
export const CODE_PATTERN = /^H34\.29\.2-\d{6}-\d{4}$/;

/** A GET on the server with the device's token (or `token`); JSON bodies are parsed. */
export async function apiGet<T>(client: TestClient, path: string, token?: string): Promise<{ status: number; body: T }> {
  const response = await fetch(client.url + path, { headers: { Authorization: `Bearer ${token ?? (await client.token())}` } });
  return { status: response.status, body: (response.headers.get('content-type')?.includes('json') ? await response.json() : null) as T };
}

/** A procedure Đắk La handles, from the server's catalog (a device would have synced it before going offline). */
export async function someProcedure(client: TestClient): Promise<Procedure> {
  const { body } = await apiGet<{ documents: Procedure[] }>(client, '/api/sync/procedures/pull?limit=1000');
  const procedure = body.documents.find((p) => p.components.length > 0 && (p.agencyIds.length === 0 || p.agencyIds.includes(DAK_LA)));
  if (!procedure) throw new Error('no procedure for Đắk La in the demo catalog');
  return procedure;
}

/** A citizen's draft written on the device, with a scanned file, then submitted: no network involved. */
export async function offlineSubmission(citizen: TestClient): Promise<{ dossier: Dossier; file: FileMeta; bytes: string }> {
  const procedure = await someProcedure(citizen);
  const id = crypto.randomUUID();
  const draft = createDossierDraft({
    id,
    procedure,
    applicant: {
      cccd: CITIZEN, fullName: citizen.user.fullName, birthDate: '1999-05-12', gender: 'nam',
      phone: '0905000123', email: '', address: 'Thôn 1, xã Đắk La, tỉnh Kon Tum',
    },
    ownerCccd: CITIZEN,
    agencyId: DAK_LA,
    now: new Date(),
    userId: citizen.user.id,
  });
  const pdf = samplePdf('to-khai.pdf', id);
  const file = await saveLocalFile(citizen.db, pdf, { ownerCccd: CITIZEN, agencyId: DAK_LA, dossierId: id, uploadedBy: citizen.user.id });
  const withFile = { ...draft, components: draft.components.map((c, i) => (i === 0 ? { ...c, fileIds: [file.id] } : c)) };
  await citizen.create(withFile, procedure);
  const { dossier } = await citizen.act(id, { type: 'submit' });
  expect(dossier.status).toBe(1);
  return { dossier, file, bytes: await pdf.text() };
}

export const dueIn5Days = (): string => new Date(Date.now() + 5 * 86_400_000).toISOString();

export const localDossier = (c: TestClient, id: string) => c.db.dossiers.findOne(id).exec();

export async function localEvents(c: TestClient, dossierId: string): Promise<DossierEvent[]> {
  return (await c.db.events.find({ selector: { dossierId } }).exec()).map((e) => e.toJSON() as DossierEvent);
}
