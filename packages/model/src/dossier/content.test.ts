import * as Automerge from '@automerge/automerge';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dossierSchema, type Dossier } from '../schemas/dossier.schema.ts';
import { ContentFormatError, contentChanges, decodeBase64, encodeBase64, joinChanges, splitChunks } from './content-bytes.ts';
import { MAX_CONTENT_BYTES, contentMismatch, contentOf, projectContent, rebaseContent, recordContentEdit, seedContent, withContent, writeDossierContent } from './content.ts';
import { draft } from './fixtures.test-helpers.ts';
import { mergeDossierContent } from './merge-content.ts';
import { mergeDossier } from './merge.ts';

const am = Automerge;
const DEVICE_A = 'aaaa0000000000000000000000000001';
const DEVICE_B = 'bbbb0000000000000000000000000002';

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

  it('rebases the fields an edit changed onto another version, leaving the rest as that version has it', () => {
    const edited = attach({ ...base, applicant: { ...base.applicant, phone: '0911' } }, c0, 'f-a');
    const other = attach({ ...base, applicant: { ...base.applicant, address: 'Thôn 5' }, summary: 'Khác' }, c1, 'f-b');
    const rebased = rebaseContent(contentOf(base), contentOf(edited), contentOf(other));
    expect(rebased.applicant).toMatchObject({ phone: '0911', address: 'Thôn 5' });
    expect(rebased.summary).toBe('Khác');
    expect(rebased.components.find((c) => c.id === c0)?.fileIds).toEqual(['f-a']);
    expect(rebased.components.find((c) => c.id === c1)?.fileIds).toEqual(['f-b']);
    expect(rebaseContent(contentOf(base), contentOf(base), contentOf(other))).toEqual(contentOf(other));
  });

  it('a typical dossier with a few edits stays small', () => {
    let d: Dossier = base;
    for (let i = 0; i < 10; i++) d = edit(d, DEVICE_A, 2_000 + i, 'u', (x) => ({ ...attach(x, x.components[i % x.components.length]!.id, `f-${i}`), applicant: { ...x.applicant, phone: `090500${i}` } }));
    expect(d.content!.length).toBeLessThan(8_000);
  });
});

describe('mergeDossierContent', () => {
  const phoneByA = edit(base, DEVICE_A, 2_000, 'u-hoa', (d) => attach({ ...d, applicant: { ...d.applicant, phone: '0911111111' } }, c0, 'f-a'));
  const addressByB = edit(base, DEVICE_B, 3_000, 'u-mai', (d) => attach({ ...d, applicant: { ...d.applicant, address: 'Thôn 5' } }, c1, 'f-b'));

  it('keeps both devices’ edits of different fields and different components', () => {
    const merged = mergeDossierContent(am, phoneByA, addressByB, base);
    expect(merged.applicant).toMatchObject({ phone: '0911111111', address: 'Thôn 5' });
    expect(merged.components.find((c) => c.id === c0)).toMatchObject({ fileIds: ['f-a'], paperReceived: true });
    expect(merged.components.find((c) => c.id === c1)).toMatchObject({ fileIds: ['f-b'], paperReceived: true });
    expect(contentMismatch(am, merged)).toBeNull();
  });

  it('gives identical bytes and fields in both argument orders', () => {
    const one = mergeDossierContent(am, phoneByA, addressByB, base);
    const two = mergeDossierContent(am, addressByB, phoneByA, base);
    expect(two.content).toBe(one.content);
    expect(two).toEqual(one);
  });

  it('settles a concurrent edit of the same field deterministically, in both orders', () => {
    const a = edit(base, DEVICE_A, 2_000, 'u-hoa', (d) => ({ ...d, applicant: { ...d.applicant, phone: '0911' } }));
    const b = edit(base, DEVICE_B, 2_000, 'u-mai', (d) => ({ ...d, applicant: { ...d.applicant, phone: '0922' } }));
    const one = mergeDossierContent(am, a, b, base);
    const two = mergeDossierContent(am, b, a, base);
    expect(['0911', '0922']).toContain(one.applicant.phone);
    expect(two.applicant.phone).toBe(one.applicant.phone);
    expect(two.content).toBe(one.content);
  });

  it('is idempotent: merging again with either side, or pushing the same edit twice, changes nothing', () => {
    const merged = mergeDossierContent(am, phoneByA, addressByB, base);
    expect(mergeDossierContent(am, merged, addressByB, base)).toEqual(merged);
    expect(mergeDossierContent(am, merged, phoneByA, base)).toEqual(merged);
    expect(mergeDossierContent(am, merged, merged)).toEqual(merged);
    expect(mergeDossierContent(am, phoneByA, phoneByA)).toEqual(phoneByA);
  });

  it('keeps the status rules: a supplement request beats a step move, and the loser is noted', () => {
    const move = { ...phoneByA, status: 4, stepIndex: 1 };
    const supplement = { ...addressByB, status: 5 };
    const merged = mergeDossierContent(am, move, supplement, base);
    expect(merged.status).toBe(5);
    expect(merged.conflicts).toHaveLength(1);
    expect(merged.applicant).toMatchObject({ phone: '0911111111', address: 'Thôn 5' });
    expect(mergeDossierContent(am, merged, move, base)).toEqual(merged);
  });

  it('notes a losing status change even when both sides hold the same content', () => {
    const submitted = { ...base, status: 1 };
    const received = { ...base, updatedAt: 2_000, updatedBy: 'u-hoa' };
    const rejected = { ...base, status: 3, updatedAt: 3_000, updatedBy: 'u-hoa' };
    const merged = mergeDossierContent(am, received, rejected, submitted);
    expect(merged.status).toBe(3);
    expect(merged.conflicts).toHaveLength(1);
    expect(mergeDossierContent(am, rejected, received, submitted)).toEqual(merged);
    expect(mergeDossierContent(am, merged, received, submitted)).toEqual(merged);
    expect(mergeDossierContent(am, merged, rejected, submitted)).toEqual(merged);
  });

  it('merges a dossier without content with one that has it', () => {
    const { content: _none, ...legacy } = base;
    const merged = mergeDossierContent(am, legacy as Dossier, phoneByA, base);
    expect(merged.applicant.phone).toBe('0911111111');
    expect(merged.content).toBe(phoneByA.content);
  });

  it('converges for any interleaving of edits by three devices', () => {
    const actors = [DEVICE_A, DEVICE_B, 'cccc0000000000000000000000000003'];
    const step = fc.record({ device: fc.integer({ min: 0, max: 2 }), field: fc.constantFrom('phone', 'address', 'email'), value: fc.constantFrom('x', 'y', 'z'), file: fc.constantFrom(null, 'f1', 'f2') });
    fc.assert(fc.property(fc.array(step, { maxLength: 8 }), (steps) => {
      const replicas: Dossier[] = [base, base, base];
      steps.forEach((s, i) => {
        replicas[s.device] = edit(replicas[s.device]!, actors[s.device]!, 2_000 + i, `u-${s.device}`, (d) => {
          const next = { ...d, applicant: { ...d.applicant, [s.field]: s.value } };
          return s.file ? attach(next, c0, `${s.file}-${s.device}`) : next;
        });
      });
      const [a, b, c] = replicas as [Dossier, Dossier, Dossier];
      const left = mergeDossierContent(am, mergeDossierContent(am, a, b), c);
      const right = mergeDossierContent(am, c, mergeDossierContent(am, b, a));
      expect(right.content).toBe(left.content);
      expect(contentOf(right)).toEqual(contentOf(left));
      for (const r of replicas) expect(new Set(left.components[0]!.fileIds)).toEqual(new Set([...left.components[0]!.fileIds, ...r.components[0]!.fileIds]));
    }), { numRuns: 60 });
  });
});

describe('mergeDossier without Automerge (a tier relaying a merge it cannot redo)', () => {
  const phoneByA = edit(base, DEVICE_A, 2_000, 'u-hoa', (d) => ({ ...d, applicant: { ...d.applicant, phone: '0911' } }));
  const addressByB = edit(base, DEVICE_B, 3_000, 'u-mai', (d) => ({ ...d, applicant: { ...d.applicant, address: 'Thôn 5' } }));

  it('takes the side whose content holds the other’s, fields and content together', () => {
    const older = { ...phoneByA, updatedAt: 5_000 };
    const m = mergeDossier(older, { ...base, updatedAt: 6_000 });
    expect(m.content).toBe(phoneByA.content);
    expect(m.applicant.phone).toBe('0911');
    expect(contentMismatch(am, m)).toBeNull();
  });

  it('returns a merge the server already made as it is, and never mixes fields and content', () => {
    const merged = mergeDossierContent(am, phoneByA, addressByB, base);
    expect(mergeDossier(merged, addressByB, base)).toEqual(merged);
    expect(mergeDossier(phoneByA, merged)).toEqual(merged);
    expect(contentMismatch(am, mergeDossier(phoneByA, addressByB, base))).toBeNull();
  });
});
