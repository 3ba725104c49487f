import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentMismatch, type Dossier } from '@motcua/model';
import { engine } from '../sync/dossier-content.ts';
import { createTestApp, type TestApp } from '../test-app.ts';
import { contentEdit, signIn, submitNew, testDevice, type SignedIn } from './action-test-helpers.ts';
import { change, errorCode, pullOne, push, type Doc } from './sync-test-helpers.ts';

let t: TestApp;
let desk: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  desk = await signIn(t, 'motcua.dakla');
});
afterAll(() => t.close());

const stored = (id: string) => pullOne(t, desk[0], 'dossiers', id);
const applicant = (d: Doc) => d.applicant as Dossier['applicant'];

/** An edit of `master`'s applicant, as a device records it. */
const applicantEdit = (master: Doc, patch: Partial<Dossier['applicant']>) =>
  ({ type: 'editContent', changes: contentEdit(master, (c) => ({ ...c, applicant: { ...c.applicant, ...patch } })) }) as const;

describe('dossier content through actions', () => {
  it('seeds the content of a stored dossier that had none when an action first edits it', async () => {
    const master = await stored('demo-hs-001');
    expect(master.content).toBeUndefined(); // the demo data predates content
    const edit = { type: 'editContent', changes: contentEdit(master, (c) => ({ ...c, summary: 'Sửa qua thao tác' })) } as const;
    expect((await testDevice(t).act(...desk, master, edit)).stored?.outcome?.status).toBe('applied');
    const after = await stored('demo-hs-001');
    expect(after.summary).toBe('Sửa qua thao tác');
    expect(typeof after.content).toBe('string');
    expect(contentMismatch(engine, after as unknown as Dossier)).toBeNull();
  });

  it('refuses changes that are not Automerge or too large, and fields beside them, keeping the dossier', async () => {
    const master = await stored('demo-hs-001');
    const device = testDevice(t);
    // Two changes each small enough to travel, together more content than a dossier may hold.
    const big = () => randomBytes(140 * 1024).toString('base64');
    const grow = contentEdit(master, (c) => ({ ...c, summary: big() }));
    const grown = (await testDevice(t).record(desk[1], master, { type: 'editContent', changes: grow })).dossier!;
    const attempts: Array<[action: unknown, reason: RegExp]> = [
      [{ type: 'editContent', changes: ['AAAA'] }, /Automerge/],
      [{ type: 'editContent', changes: [...grow, ...contentEdit(grown, (c) => ({ ...c, summary: big() }))] }, /256 KB/],
      [{ type: 'editContent', summary: 'smuggled', changes: contentEdit(master, (c) => ({ ...c, summary: 'x' })) }, /"summary"/],
    ];
    for (const [action, reason] of attempts) {
      const answer = await device.act(...desk, master, action as never);
      expect(answer.stored?.outcome).toMatchObject({ status: 'refused', code: 'invalid_action', reason: expect.stringMatching(reason) });
    }
    // One change too large to travel at all is refused whole.
    const before = await t.store.documents.maxSeq();
    const huge = await device.act(...desk, master, { type: 'editContent', changes: contentEdit(master, (c) => ({ ...c, summary: big() + big() })) });
    expect([huge.status, (huge.body as { error: { code: string } }).error.code]).toEqual([422, 'schema_invalid']);
    expect(await t.store.documents.maxSeq()).toBe(before);
    // Nor does a dossier state with content beside its fields, as a device from before actions sent it.
    const state = await push(t, desk[0], 'dossiers', [change(master, { summary: 'smuggled' })]);
    expect([state.status, await errorCode(state)]).toEqual([426, 'app_outdated']);
    const after = await stored('demo-hs-001');
    expect({ summary: after.summary, content: after.content }).toEqual({ summary: master.summary, content: master.content });
  });

  it('merges two devices’ offline edits of different fields on the server, once', async () => {
    const { id } = await submitNew(t, await signIn(t, '062301000456'));
    const master = await stored(id);
    const [a, b] = [testDevice(t), testDevice(t)];
    const first = await a.act(...desk, master, applicantEdit(master, { phone: '0911111111' }));
    const second = await b.act(...desk, master, applicantEdit(master, { address: 'Thôn 9' }));
    expect([first.stored?.outcome?.status, second.stored?.outcome?.status]).toEqual(['applied', 'applied']);
    const merged = await stored(id);
    expect(applicant(merged)).toMatchObject({ phone: '0911111111', address: 'Thôn 9' });
    expect(contentMismatch(engine, merged as unknown as Dossier)).toBeNull();

    // The same pushes again (a retry after a lost answer) store nothing and get the same answers.
    const seq = await t.store.documents.maxSeq();
    expect(await (await b.pushEvents(desk[0], [second.event])).json()).toEqual([second.stored]);
    expect(await (await a.pushEvents(desk[0], [first.event])).json()).toEqual([first.stored]);
    expect(await t.store.documents.maxSeq()).toBe(seq);
    expect(await stored(id)).toEqual(merged);
  });

  it('merges a stale edit made on the dossier as pulled before the server seeded its content', async () => {
    const master = await stored('demo-hs-003');
    expect(master.content).toBeUndefined();
    expect((await testDevice(t).act(...desk, master, applicantEdit(master, { address: 'Thôn 3' }))).stored?.outcome?.status).toBe('applied');
    // A device that still holds the dossier without content records its edit from there.
    const late = await testDevice(t).act(...desk, master, applicantEdit(master, { phone: '0933333333' }));
    expect(late.stored?.outcome?.status).toBe('applied');
    expect(applicant(await stored('demo-hs-003'))).toMatchObject({ phone: '0933333333', address: 'Thôn 3' });
  });

  it('refuses a change built on one the server never received, keeping what it holds', async () => {
    const master = await stored('demo-hs-002');
    const edit = { type: 'editContent', changes: contentEdit(master, (c) => ({ ...c, summary: 'A' })) } as const;
    expect((await testDevice(t).act(...desk, master, edit)).stored?.outcome?.status).toBe('applied');
    // A buggy device: its first edit never reached the server, its second (built on it) does.
    const device = testDevice(t);
    const lost = await device.record(desk[1], master, { type: 'editContent', changes: contentEdit(master, (c) => ({ ...c, returnMethod: 'post' })) });
    const local = lost.dossier!;
    const next = await device.act(...desk, local, applicantEdit(local, { address: 'Thôn 5' }));
    expect(next.stored?.outcome).toMatchObject({ status: 'refused', code: 'content_refused' });
    const after = await stored('demo-hs-002');
    expect(after).toMatchObject({ summary: 'A', returnMethod: master.returnMethod });
    expect(applicant(after).address).toBe(applicant(master).address);
  });
});
