/**
 * The server's answers to pushes of the collections written as documents, against the model's
 * write policy table: every writer creates, changes each field of and deletes a warehouse document
 * and a file of a citizen who has a dossier at their commune, and the server takes exactly what the
 * table allows (its conditions hold for these writers by construction, so the table alone decides).
 */
import { collectionSchemas, writeRuleOf, type DocumentCollection, type Writer } from '@motcua/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENCY } from '../demo/agencies.ts';
import { createTestApp, type TestApp } from '../test-app.ts';
import { whoAmI } from './action-test-helpers.ts';
import { push } from './sync-test-helpers.ts';

const AN = '062099000123'; // has a submitted dossier at Đắk La
const WRITERS: Array<[Writer, string]> = [
  ['citizen', AN], ['receptionist', 'motcua.dakla'], ['specialist', 'chuyenvien.dakla'], ['leader', 'chutich.dakla'],
  ['admin', 'quantri'], ['tier', 'tier.dakla'],
];
type Doc = Record<string, unknown> & { id: string };
interface Person { token: string; id: string; fullName: string; agencyId: string | null }

let t: TestApp;
const people = new Map<Writer, Person>();
beforeAll(async () => {
  t = await createTestApp();
  for (const [writer, username] of WRITERS) {
    const token = await t.token(username);
    const user = await whoAmI(t, token);
    people.set(writer, { token, id: user.id, fullName: user.fullName, agencyId: user.agencyId });
  }
});
afterAll(() => t.close());

let serial = 0;
/** A new document of An's at Đắk La, naming `by` wherever the writer must be named. */
function fixture(collection: 'warehouse' | 'files', by: Person): Doc {
  const id = `wp-${collection}-${++serial}`;
  const now = new Date().toISOString();
  if (collection === 'files') {
    return {
      id, sha256: (serial % 16).toString(16).repeat(64), name: 'giay.pdf', mime: 'application/pdf', size: 10, ownerCccd: AN,
      agencyId: DEMO_AGENCY.dakLa, dossierId: null, uploadedBy: by.id, createdAt: now, updatedAt: 1,
    };
  }
  return {
    id, ownerCccd: AN, docTypeCode: 'giay-khai-sinh', name: 'Giấy khai sinh', issuedAt: '2020-01-02', issuer: 'UBND xã Đắk La',
    number: '12/2020', validUntil: null, permanent: true, validScope: 'Toàn quốc', kind: 'component', fileId: 'f-1',
    sourceDossierId: null, procedureId: null, agencyId: by.agencyId ?? DEMO_AGENCY.dakLa, digitizedBy: by.fullName, digitizedAt: now, updatedAt: 1,
  };
}

/** Another valid value of `field`, from its schema. */
function otherValue(collection: DocumentCollection, field: string, value: unknown): unknown {
  const schema = (collectionSchemas[collection].properties as Record<string, { type: unknown; enum?: readonly unknown[]; pattern?: string }>)[field]!;
  if (schema.enum) return schema.enum.find((v) => v !== value);
  if (schema.pattern === '^[0-9]{12}$') return '062301000456';
  if (schema.pattern) return 'e'.repeat(64);
  if (typeof value === 'boolean') return !value;
  if (typeof value === 'number') return value + 1;
  if (field === 'agencyId') return DEMO_AGENCY.dakMar;
  return value === null ? '2021-03-04' : `${String(value)}-2`;
}

const row = (doc: Doc, master: Doc | null, deleted = false) => [{ assumedMasterState: master ? { ...master, _deleted: false } : null, newDocumentState: { ...doc, _deleted: deleted } }];

async function stored(collection: 'warehouse' | 'files'): Promise<Doc> {
  const doc = fixture(collection, people.get('receptionist')!);
  expect((await push(t, people.get('tier')!.token, collection, row(doc, null))).status).toBe(200);
  return doc;
}

describe.each(['warehouse', 'files'] as const)('%s: the server takes what the write policy table allows', (collection) => {
  const fields = Object.keys(collectionSchemas[collection].properties).filter((f) => f !== 'id');

  it.each(WRITERS.map(([writer]) => writer))('%s creates, changes every field and deletes', async (writer) => {
    const person = people.get(writer)!;
    const rule = writeRuleOf(collection, writer);
    const created = await push(t, person.token, collection, row(fixture(collection, person), null));
    expect(created.status, `create by ${writer}`).toBe(rule?.create ? 200 : 403);

    for (const field of fields) {
      const master = await stored(collection);
      const next = { ...master, [field]: otherValue(collection, field, master[field]) };
      // A document moved to another commune leaves every writer's scope here, whatever the table says.
      const allowed = rule !== null && rule.change.includes(field) && field !== 'agencyId';
      const answer = await push(t, person.token, collection, row(next, master));
      expect(answer.status, `${writer} changes ${collection}.${field}`).toBe(allowed ? 200 : 403);
    }

    const master = await stored(collection);
    const deleted = await push(t, person.token, collection, row(master, master, true));
    expect(deleted.status, `delete by ${writer}`).toBe(rule?.delete ? 200 : 403);
  });
});

describe('a change made over an older version', () => {
  it('is answered with the stored version to merge, not refused, when the fields it changed are its to change', async () => {
    const desk = people.get('receptionist')!;
    const seen = await stored('warehouse');
    // The commune's server relays a corrected file meanwhile.
    const relayed = { ...seen, fileId: 'f-2', updatedAt: 2 };
    expect((await push(t, people.get('tier')!.token, 'warehouse', row(relayed, seen))).status).toBe(200);
    const answer = await push(t, desk.token, 'warehouse', row({ ...seen, number: '13/2020', updatedAt: 3 }, seen));
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as Doc[]).map((d) => d.fileId)).toEqual(['f-2']);
    // Over the stored version, the same change is taken.
    expect((await push(t, desk.token, 'warehouse', row({ ...relayed, number: '13/2020', updatedAt: 3 }, relayed))).status).toBe(200);
  });
});
