/**
 * Three real servers in this process, one per tier (nation ← province ← commune LAN box), each on
 * its own embedded database: what the commune receives reaches the province, and its summary the nation; the
 * commune keeps working while the province is down and resumes from its checkpoint when it
 * returns, nothing lost and nothing twice; a tier cannot push what its agencies do not own.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { actionLabel, summarizeDossier, toVnClock, type Dossier, type DossierEvent, type DossierSummary, type Procedure } from '@motcua/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer, type StartServerOptions } from '../../apps/sync/src/server.ts';
import { canonical } from '../../apps/sync/src/sync/documents.ts';
import { checkpointOf } from '../../apps/sync/src/upstream/replicate.ts';
import { draftFor, httpActor, PASSWORD, type HttpActor } from '../chaos/http-actor.ts';
import { waitFor } from './clients.ts';
import { CITIZEN, DAK_LA } from './steps.ts';

const DAK_MAR = '002.29.00.H34';
const fast = { intervalMs: 200 };

let root: string;
let nation: RunningServer;
let province: RunningServer;
let commune: RunningServer;
let provinceOptions: StartServerOptions;

const stored = (server: RunningServer, collection: 'dossiers' | 'events' | 'summaries', id: string) => server.store.documents.get(collection, id);
const master = async (server: RunningServer, id: string) => (await stored(server, 'dossiers', id))!.data as unknown as Dossier;

async function receivedAtCommune(citizen: HttpActor, desk: HttpActor, procedure: Procedure): Promise<Dossier> {
  const submitted = await citizen.act(draftFor(citizen.user, procedure, DAK_LA), { type: 'submit' }, procedure);
  await desk.act(submitted, { type: 'receive', dueAt: new Date(Date.now() + 5 * 86_400_000).toISOString() });
  return master(commune, submitted.id);
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'motcua-tiers-'));
  nation = await startServer({ dataDir: join(root, 'nation'), tier: 'national' });
  provinceOptions = {
    dataDir: join(root, 'province'), tier: 'province', upstreamUrl: nation.url,
    upstream: { username: 'tier.kontum', password: PASSWORD, ...fast },
  };
  province = await startServer(provinceOptions);
  provinceOptions.port = province.port;
  commune = await startServer({
    dataDir: join(root, 'commune'), tier: 'commune', upstreamUrl: province.url,
    upstream: { username: 'tier.dakla', password: PASSWORD, ...fast },
  });
});

afterAll(async () => {
  await commune?.close();
  await province?.close();
  await nation?.close();
  await rm(root, { recursive: true, force: true });
});

describe('tiers: commune → province → nation', () => {
  it('a dossier received at the commune reaches the province with its history, and the nation only its summary', async () => {
    const citizen = await httpActor(commune.url, CITIZEN);
    const desk = await httpActor(commune.url, 'motcua.dakla');
    const procedure = (await citizen.pull<Procedure>('procedures')).find((p) => p.agencyIds.length === 0 || p.agencyIds.includes(DAK_LA))!;
    const dossier = await receivedAtCommune(citizen, desk, procedure);
    expect(dossier.code).toMatch(/^H34\.29\.2-\d{6}-\d{4}$/);

    // Not at the province yet reads as not there: waitFor asks again.
    const atProvince = await waitFor('the dossier at the province', async () => (await master(province, dossier.id).catch(() => null))?.status === 2);
    expect(atProvince).toBe(true);
    expect((await master(province, dossier.id)).code).toBe(dossier.code);
    // Relayed events keep the person who acted, not the tier's account.
    const events = (await desk.pull<DossierEvent>('events')).filter((e) => e.dossierId === dossier.id);
    for (const event of events) {
      const relayed = await waitFor(`event ${event.type} at the province`, () => stored(province, 'events', event.id));
      expect((relayed.data as unknown as DossierEvent).actor.userId).toBe(event.actor.userId);
    }
    expect(events.map((e) => e.actor.userId).sort()).toEqual([citizen.user.id, desk.user.id].sort());

    // The nation holds the dossier's summary for its statistics: not the dossier, not its history.
    const summary = await waitFor('the summary at the nation', async () => {
      const held = await stored(nation, 'summaries', dossier.id);
      return held?.data.code === dossier.code ? (held.data as unknown as DossierSummary) : null;
    });
    expect(summary).toMatchObject({ agencyId: DAK_LA, status: 2, receivedAt: dossier.receivedAt, procedureId: dossier.procedureId });
    expect(await stored(nation, 'dossiers', dossier.id)).toBeNull();
    expect(await stored(nation, 'events', events[0]!.id)).toBeNull();
    const text = JSON.stringify(summary);
    for (const personal of [dossier.applicant.fullName, dossier.ownerCccd, dossier.applicant.address]) expect(text).not.toContain(personal);

    // A later move at the commune reaches the nation's summary; the officer's words stay below.
    await desk.act(dossier, { type: 'requestSupplement', reason: 'Thiếu bản sao giấy chứng sinh', items: ['Giấy chứng sinh'] });
    const moved = await waitFor('the moved summary at the nation', async () => {
      const held = (await stored(nation, 'summaries', dossier.id))?.data;
      return held?.decisionKind === 'supplement' ? held : null;
    });
    expect(moved.status).toBe((await master(province, dossier.id)).status);
    expect(JSON.stringify(moved)).not.toContain('Thiếu bản sao');
  });

  it("the nation's statistics count a province's dossier from its summary", async () => {
    const today = toVnClock(new Date()).date;
    const reader = await httpActor(nation.url, 'quantri.qg');
    const rates = async () => {
      const response = await fetch(`${nation.url}/api/stats/rates?agencyId=${DAK_LA}&from=${today}&to=${today}`, { headers: { authorization: `Bearer ${reader.token}` } });
      expect(response.status).toBe(200);
      return (await response.json()) as { digitization: { denominator: number }; reuse: { denominator: number } };
    };
    const before = await rates();
    const citizen = await httpActor(commune.url, CITIZEN);
    const desk = await httpActor(commune.url, 'motcua.dakla');
    const procedure = (await citizen.pull<Procedure>('procedures')).find((p) => p.agencyIds.length === 0 || p.agencyIds.includes(DAK_LA))!;
    const dossier = await receivedAtCommune(citizen, desk, procedure);
    await waitFor('the summary at the nation', async () => (await stored(nation, 'summaries', dossier.id))?.data.code === dossier.code);
    const after = await rates();
    expect(after.digitization.denominator).toBe(before.digitization.denominator + 1);
    expect(after.reuse.denominator).toBe(before.reuse.denominator + 1);
    expect(await stored(nation, 'dossiers', dossier.id)).toBeNull();
  });

  it('keeps working while the province is down and resumes from its checkpoint when it returns', async () => {
    const citizen = await httpActor(commune.url, CITIZEN);
    const desk = await httpActor(commune.url, 'motcua.dakla');
    const procedure = (await citizen.pull<Procedure>('procedures')).find((p) => p.agencyIds.length === 0 || p.agencyIds.includes(DAK_LA))!;
    await commune.upstream!.syncNow();
    await province.close();
    // With the province closed this pass fails; what the test checks is that the commune keeps working.
    await commune.upstream!.syncNow().catch(() => {});
    const checkpointBefore = await checkpointOf(commune.store, 'push', 'dossiers');
    expect(checkpointBefore).toBeGreaterThan(0);
    const pushedBefore = commune.upstream!.status().totals.pushed;
    const offline: Dossier[] = [];
    for (let i = 0; i < 5; i++) offline.push(await receivedAtCommune(citizen, desk, procedure));
    await expect(commune.upstream!.syncNow()).rejects.toThrow(/unreachable/);
    expect(commune.upstream!.status().online).toBe(false);
    expect(await checkpointOf(commune.store, 'push', 'dossiers')).toBe(checkpointBefore);

    province = await startServer(provinceOptions);
    for (const dossier of offline) {
      await waitFor(`${dossier.code} at the province`, async () => (await stored(province, 'dossiers', dossier.id))?.data.code === dossier.code);
    }
    await commune.upstream!.syncNow();
    // Resumed: only what changed since the checkpoint went up (5 dossiers, 10 events), not everything again.
    const pushedAfter = commune.upstream!.status().totals.pushed - pushedBefore;
    expect(pushedAfter).toBeGreaterThanOrEqual(15);
    expect(pushedAfter).toBeLessThan(40);

    // Nothing lost, nothing twice: the province holds exactly the commune's Đắk La dossiers and histories.
    const officer = await httpActor(province.url, 'motcua.dakla');
    const ids = (docs: Array<{ id: string }>) => docs.map((d) => d.id).sort();
    const localDesk = await httpActor(commune.url, 'motcua.dakla');
    const [here, there] = [await localDesk.pull<Dossier>('dossiers'), await officer.pull<Dossier>('dossiers')];
    expect(ids(there)).toEqual(ids(here));
    const codes = there.map((d) => d.code).filter((code) => code !== null);
    expect(codes.length).toBeGreaterThanOrEqual(6);
    expect(new Set(codes).size).toBe(codes.length);
    for (const d of here) expect(there.find((t) => t.id === d.id)!.code).toBe(d.code);
    expect(ids(await officer.pull('events'))).toEqual(ids(await localDesk.pull('events')));
  });

  it('two desks move one dossier at both tiers while apart: the commune decides, both tiers end equal, the later move kept as refused with its author', async () => {
    // A Đắk Mar LAN box whose passes this test runs itself, so the tiers are apart until it says.
    const box = await startServer({
      dataDir: join(root, 'dakmar'), tier: 'commune', upstreamUrl: province.url,
      upstream: { username: 'tier.dakmar', password: PASSWORD, intervalMs: 3_600_000 },
    });
    try {
      await box.upstream!.syncNow();
      const citizen = await httpActor(box.url, CITIZEN);
      const deskBelow = await httpActor(box.url, 'motcua.dakmar');
      const deskAbove = await httpActor(province.url, 'motcua.dakmar');
      const procedure = (await citizen.pull<Procedure>('procedures')).find((p) => p.agencyIds.length === 0 || p.agencyIds.includes(DAK_MAR))!;
      const due = new Date(Date.now() + 5 * 86_400_000).toISOString();
      const received = async () => {
        const submitted = await citizen.act(draftFor(citizen.user, procedure, DAK_MAR), { type: 'submit' }, procedure);
        return deskBelow.act(submitted, { type: 'receive', dueAt: due });
      };
      const [contested, aboveOnly] = [await received(), await received()];
      await box.upstream!.syncNow();
      expect((await master(province, contested.id)).status).toBe(2);

      // Apart: the commune's desk asks for a paper; the same officer, signed in at the province,
      // refuses the dossier there, and moves the other one on.
      await deskBelow.act(contested, { type: 'requestSupplement', reason: 'Thiếu bản sao giấy chứng sinh', items: ['Giấy chứng sinh'] });
      await deskAbove.act(contested, { type: 'reject', reason: 'Không thuộc thẩm quyền' });
      await deskAbove.act(aboveOnly, { type: 'requestSupplement', reason: 'Ảnh chụp không rõ', items: ['Tờ khai'] });

      for (let pass = 0; pass < 3; pass++) await box.upstream!.syncNow();
      for (const id of [contested.id, aboveOnly.id]) {
        expect(canonical((await master(province, id)) as never)).toBe(canonical((await master(box, id)) as never));
      }
      const settled = await master(box, contested.id);
      expect(settled.status).toBe(5);
      expect(settled.conflicts).toEqual([expect.objectContaining({ by: deskAbove.user.fullName, action: actionLabel('reject') })]);
      expect((await master(box, aboveOnly.id)).status).toBe(5);
      expect((await master(box, aboveOnly.id)).conflicts).toEqual([]);
      // Every action has the same answer at both tiers: the commune's.
      for (const id of [contested.id, aboveOnly.id]) {
        const below = (await deskBelow.pull<DossierEvent>('events')).filter((e) => e.dossierId === id);
        const above = (await deskAbove.pull<DossierEvent>('events')).filter((e) => e.dossierId === id);
        const answers = (events: DossierEvent[]) => events.map((e) => `${e.id} ${e.type} ${e.outcome?.status}`).sort();
        expect(answers(above)).toEqual(answers(below));
        expect(below.filter((e) => e.outcome?.status === 'refused').map((e) => e.actor.name)).toEqual(id === contested.id ? [deskAbove.user.fullName] : []);
      }
    } finally {
      await box.close();
    }
  });

  it("the citizen's \"Kho QG\" reads the national warehouse through the province, for themself only", async () => {
    // A document digitized in another province, already replicated to the nation.
    const data = { id: `wh-${crypto.randomUUID()}`, ownerCccd: CITIZEN, agencyId: '000.00.00.H35', name: 'Giấy khai sinh (bản sao điện tử)' };
    await nation.store.documents.write((tx) => tx.put('warehouse', { id: data.id, data, deleted: false, ownerCccd: CITIZEN, agencyId: data.agencyId, draft: false }));
    const citizen = await httpActor(province.url, CITIZEN);
    const ask = async (actor: HttpActor, cccd: string) => {
      const res = await fetch(`${province.url}/api/warehouse/national/${cccd}`, { headers: { authorization: `Bearer ${actor.token}` } });
      return { status: res.status, body: (await res.json()) as { documents?: Array<{ id: string }> } };
    };
    const own = await ask(citizen, CITIZEN);
    expect(own.status).toBe(200);
    expect(own.body.documents!.map((d) => d.id)).toContain(data.id);
    expect((await ask(citizen, '062301000456')).status).toBe(403);
    expect((await ask(await httpActor(province.url, 'motcua.dakla'), CITIZEN)).status).toBe(403);
  });

  it('a tier cannot push documents of agencies it does not own', async () => {
    const dakLaBox = await httpActor(province.url, 'tier.dakla');
    const citizen = await httpActor(commune.url, CITIZEN);
    const procedure = (await citizen.pull<Procedure>('procedures'))[0]!;
    const foreign = { ...draftFor(citizen.user, procedure, DAK_MAR), status: 1, submittedAt: new Date().toISOString() };
    const refused = await dakLaBox.push('dossiers', [{ assumedMasterState: null, newDocumentState: { ...foreign, _deleted: false } }]);
    expect(refused.status).toBe(403);
    expect(await stored(province, 'dossiers', foreign.id)).toBeNull();

    const provinceBox = await httpActor(nation.url, 'tier.kontum');
    const otherProvince = { ...foreign, id: crypto.randomUUID(), agencyId: '000.00.00.H35' };
    expect((await provinceBox.push('dossiers', [{ assumedMasterState: null, newDocumentState: { ...otherProvince, _deleted: false } }])).status).toBe(403);
    const otherSummary = { ...summarizeDossier(otherProvince), _deleted: false };
    expect((await provinceBox.push('summaries', [{ assumedMasterState: null, newDocumentState: otherSummary }])).status).toBe(403);
    expect(await stored(nation, 'summaries', otherProvince.id)).toBeNull();
    // Nobody but a tier writes a summary, not even an officer of the agency it is about.
    const officer = await httpActor(nation.url, 'motcua.dakla');
    const own = { ...summarizeDossier({ ...otherProvince, agencyId: DAK_LA }), _deleted: false };
    expect((await officer.push('summaries', [{ assumedMasterState: null, newDocumentState: own }])).status).toBe(403);
    // The catalog stays the admins' even for a tier account.
    const agencies = await provinceBox.pull<Record<string, unknown>>('agencies');
    const renamed = { ...agencies[0]!, name: 'Đổi tên', _deleted: false };
    expect((await provinceBox.push('agencies', [{ assumedMasterState: { ...agencies[0]!, _deleted: false }, newDocumentState: renamed }])).status).toBe(403);
  });
});
