import * as Automerge from '@automerge/automerge';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dossierSchema, type Dossier } from '../schemas/dossier.schema.ts';
import { ContentFormatError, contentChanges, decodeBase64, encodeBase64, joinChanges, splitChunks } from './content-bytes.ts';
import { MAX_CONTENT_BYTES, contentMismatch, contentOf, projectContent, recordContentEdit, seedContent, withContent, writeDossierContent } from './content.ts';
import { draft } from './fixtures.test-helpers.ts';

const am = Automerge;
const DEVICE_A = 'aaaa0000000000000000000000000001';

const base = withContent(am, draft({ status: 2, updatedAt: 1_000, updatedBy: 'u-hoa' }));
const [c0, c1] = [base.components[0]!.id, base.components[1]!.id];

/** A device edit: the screen's new state written over `from`, recorded by `actor`. */
function edit(from: Dossier, actor: string, at: number, by: string, change: (d: Dossier) => Dossier): Dossier {
  return writeDossierContent(am, from, { ...change(from), updatedAt: at, updatedBy: by }, actor);
}

const attach = (d: Dossier, id: string, fileId: string): Dossier => ({
  ...d,
  components: d.components.map((c) => (c.id === id ? { ...c, fileIds: [...c.fileIds, fileId], paperReceived: true } : c)),
});

describe('content bytes', () => {
  it('round-trips base64 of every length', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
      const text = encodeBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(decodeBase64(text)).toEqual(bytes);
    }));
  });

  it('the schema’s length limit is the base64 of MAX_CONTENT_BYTES', () => {
    expect(dossierSchema.properties.content.maxLength).toBe(Math.ceil(MAX_CONTENT_BYTES / 3) * 4);
  });

  it('refuses what is not whole Automerge chunks', () => {
    expect(() => splitChunks(new Uint8Array([1, 2, 3]))).toThrow(ContentFormatError);
    const change = contentChanges(base.content!)[0]!;
    expect(() => splitChunks(change.subarray(0, change.length - 1))).toThrow(ContentFormatError);
    expect(() => decodeBase64('abc')).toThrow(ContentFormatError);
  });
});

describe('seeding', () => {
  it('is deterministic: the same dossier state seeds the identical change with time 0', () => {
    const again = seedContent(am, draft({ status: 2 }));
    expect(again).toBe(base.content);
    const [change] = contentChanges(again);
    const decoded = am.decodeChange(change!);
    expect(decoded.time).toBe(0);
    expect(decoded.seq).toBe(1);
    expect(projectContent(am, again)).toEqual(contentOf(draft()));
  });

  it('gives different states different actors, so two seeds merge instead of clashing', () => {
    const other = seedContent(am, { ...draft(), summary: 'Khác' });
    const actorOf = (content: string) => am.decodeChange(contentChanges(content)[0]!).actor;
    expect(actorOf(other)).not.toBe(actorOf(base.content!));
    expect(() => am.load(decodeBase64(joinChanges([...contentChanges(other), ...contentChanges(base.content!)])))).not.toThrow();
  });

  it('seeds a dossier that has no content when it is first written', () => {
    const { content: _none, ...legacy } = base;
    const next = writeDossierContent(am, legacy as Dossier, { ...legacy, summary: 'Sửa' } as Dossier, DEVICE_A);
    expect(contentChanges(next.content)).toHaveLength(2);
    expect(contentChanges(next.content)).toContainEqual(contentChanges(base.content!)[0]);
  });
});

describe('recording edits', () => {
  it('keeps the projection equal to the fields written', () => {
    const next = edit(base, DEVICE_A, 2_000, 'u-hoa', (d) => ({
      ...attach(d, c0, 'f-1'),
      applicant: { ...d.applicant, phone: '0911', gender: undefined },
      components: [...attach(d, c0, 'f-1').components].reverse(),
      notify: { ...d.notify, zalo: true },
    }));
    expect(contentMismatch(am, next)).toBeNull();
    expect(next.components.map((c) => c.id)).toEqual([...base.components].reverse().map((c) => c.id));
    expect(next.applicant).not.toHaveProperty('gender');
  });

  it('writes nothing when the content fields did not change', () => {
    expect(recordContentEdit(am, base.content!, { ...base }, DEVICE_A)).toBe(base.content);
  });

  it('removes a file and drops a component by id', () => {
    const withTwo = edit(base, DEVICE_A, 2_000, 'u', (d) => attach(attach(d, c0, 'f-1'), c0, 'f-2'));
    const fewer = edit(withTwo, DEVICE_A, 3_000, 'u', (d) => ({
      ...d,
      components: d.components.filter((c) => c.id !== c1).map((c) => (c.id === c0 ? { ...c, fileIds: ['f-2'] } : c)),
    }));
    expect(fewer.components.find((c) => c.id === c0)?.fileIds).toEqual(['f-2']);
    expect(fewer.components.some((c) => c.id === c1)).toBe(false);
    expect(contentMismatch(am, fewer)).toBeNull();
  });

  it('a typical dossier with a few edits stays small', () => {
    let d: Dossier = base;
    for (let i = 0; i < 10; i++) d = edit(d, DEVICE_A, 2_000 + i, 'u', (x) => ({ ...attach(x, x.components[i % x.components.length]!.id, `f-${i}`), applicant: { ...x.applicant, phone: `090500${i}` } }));
    expect(d.content!.length).toBeLessThan(8_000);
  });
});
