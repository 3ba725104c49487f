import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-app.ts';
import { errorCode, push } from './sync-test-helpers.ts';

const AN = '062099000123';
const BINH = '062301000456';
const DAK_LA = '001.29.00.H34';
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.7\n% ${text}\ntrailer << >>\n%%EOF\n`);

let t: TestApp;
let desk: string;
let dakmar: string;
let an: string;
let binh: string;

async function upload(token: string, bytes: Uint8Array) {
  const response = await t.app.request('/api/files', {
    method: 'POST',
    headers: { 'Content-Type': 'application/pdf', Authorization: `Bearer ${token}` },
    body: bytes as BodyInit,
  });
  expect(response.status).toBe(201);
}

function fileDoc(id: string, bytes: Uint8Array, owner: string, uploadedBy: string, agencyId = DAK_LA) {
  return {
    id, sha256: sha(bytes), name: `${id}.pdf`, mime: 'application/pdf', size: bytes.length, ownerCccd: owner,
    agencyId, dossierId: null, uploadedBy, createdAt: new Date().toISOString(), updatedAt: Date.now(),
  };
}

function warehouseDoc(id: string, owner: string, fileId: string) {
  return {
    id, ownerCccd: owner, docTypeCode: 'giay-khai-sinh', name: 'Giấy khai sinh', issuedAt: '2020-01-02', issuer: 'UBND xã Đắk La',
    number: '12/2020', validUntil: null, permanent: true, validScope: 'Toàn quốc', kind: 'result', fileId,
    sourceDossierId: null, procedureId: null, agencyId: DAK_LA, digitizedBy: 'Phạm Thị Hoa',
    digitizedAt: new Date().toISOString(), updatedAt: Date.now(),
  };
}

const create = (doc: unknown) => [{ assumedMasterState: null, newDocumentState: doc }];
const get = (token: string, path: string) => t.app.request(path, { headers: { Authorization: `Bearer ${token}` } });

const anBytes = pdf('giay khai sinh An');
const binhBytes = pdf('giay khai sinh Binh');

beforeAll(async () => {
  t = await createTestApp();
  desk = await t.token('motcua.dakla');
  dakmar = await t.token('motcua.dakmar');
  an = await t.token(AN);
  binh = await t.token(BINH);
  // The Đắk La desk digitizes one paper of each citizen into their warehouse.
  for (const [owner, bytes, n] of [[AN, anBytes, 1], [BINH, binhBytes, 2]] as const) {
    await upload(desk, bytes);
    expect((await push(t, desk, 'files', create(fileDoc(`wf-${n}`, bytes, owner, 'u-motcua.dakla')))).status).toBe(200);
    expect((await push(t, desk, 'warehouse', create(warehouseDoc(`w-${n}`, owner, `wf-${n}`)))).status).toBe(200);
  }
});
afterAll(() => t.close());

describe('GET /api/warehouse/of/:cccd', () => {
  it('gives the citizen their own documents with the file metadata', async () => {
    const response = await get(an, `/api/warehouse/of/${AN}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { documents: Array<{ id: string }>; files: Array<{ id: string }> };
    expect(body.documents.map((d) => d.id)).toEqual(['w-1']);
    expect(body.files.map((f) => f.id)).toEqual(['wf-1']);
    expect((await get(an, `/api/files/${sha(anBytes)}`)).status).toBe(200);
  });

  it('never lets a citizen list or download another citizen’s documents', async () => {
    const listed = await get(binh, `/api/warehouse/of/${AN}`);
    expect(listed.status).toBe(403);
    expect(await errorCode(listed)).toBe('out_of_scope');
    expect((await get(binh, `/api/files/${sha(anBytes)}`)).status).toBe(404);
    expect((await get(an, `/api/files/${sha(binhBytes)}`)).status).toBe(404);
  });

  it('lets an officer read a citizen’s warehouse only while that citizen has a dossier at the agency, audited', async () => {
    // Bình has a dossier at Đắk Mar; An has none there.
    expect((await get(dakmar, `/api/warehouse/of/${AN}`)).status).toBe(403);
    expect((await get(dakmar, `/api/files/${sha(anBytes)}`)).status).toBe(404);
    const response = await get(dakmar, `/api/warehouse/of/${BINH}`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { documents: Array<{ id: string }> }).documents.map((d) => d.id)).toEqual(['w-2']);
    expect((await get(dakmar, `/api/files/${sha(binhBytes)}`)).status).toBe(200);
    const trail = await t.store.warehouse.auditTrail(BINH);
    expect(trail).toEqual([expect.objectContaining({ userId: 'u-motcua.dakmar', action: 'warehouse.read', subject: BINH })]);
  });

  it('refuses a malformed number', async () => {
    expect((await get(an, '/api/warehouse/of/123')).status).toBe(400);
  });
});

describe('files documents cannot claim someone else’s bytes', () => {
  it('refuses a files document naming bytes the pusher neither uploaded nor may read', async () => {
    const stolen = await push(t, binh, 'files', create(fileDoc('steal-1', anBytes, BINH, 'u-citizen-binh', DAK_LA)));
    expect(stolen.status).toBe(403);
    expect(await errorCode(stolen)).toBe('file_claim_refused');
    expect((await get(binh, `/api/files/${sha(anBytes)}`)).status).toBe(404);
  });

  it('refuses a files document that names someone else as the uploader', async () => {
    const forged = await push(t, binh, 'files', create(fileDoc('steal-2', anBytes, BINH, 'u-motcua.dakla')));
    expect(forged.status).toBe(403);
    expect(await errorCode(forged)).toBe('writer_mismatch');
  });

  it('does not let a document written before the bytes existed vouch for them later', async () => {
    const future = pdf('not uploaded yet');
    expect((await push(t, binh, 'files', create(fileDoc('early-1', future, BINH, 'u-citizen-binh')))).status).toBe(200);
    await upload(an, future);
    expect((await get(binh, `/api/files/${sha(future)}`)).status).toBe(404);
    expect((await get(an, `/api/files/${sha(future)}`)).status).toBe(200);
  });

  it('lets a citizen reuse their own warehouse file in a new files document', async () => {
    const reused = await push(t, an, 'files', create(fileDoc('reuse-1', anBytes, AN, 'u-citizen-an')));
    expect(reused.status).toBe(200);
  });
});

describe('GET /api/stats/rates', () => {
  it('answers the two rates for the officer’s agency and refuses others', async () => {
    const response = await get(desk, `/api/stats/rates?agencyId=${DAK_LA}&from=2000-01-01&to=2100-01-01`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { digitization: { denominator: number }; reuse: { percent: number | null } };
    expect(body.digitization.denominator).toBeGreaterThan(0);
    expect(body.reuse.percent).toBe(0);
    expect((await get(dakmar, `/api/stats/rates?agencyId=${DAK_LA}&from=2026-01-01&to=2026-01-31`)).status).toBe(403);
    expect((await get(an, `/api/stats/rates?agencyId=${DAK_LA}&from=2026-01-01&to=2026-01-31`)).status).toBe(403);
    expect((await get(desk, `/api/stats/rates?from=2026-02-01&to=2026-01-01`)).status).toBe(400);
  });
});
