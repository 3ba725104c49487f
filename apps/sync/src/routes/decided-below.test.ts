/**
 * A province whose commune runs its own server: what a desk does at the province on that commune's
 * dossier is provisional until the commune's server answers, so the province draws no code for it
 * and tells the citizen nothing; a commune without its own server is decided here as before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../demo/users.ts';
import { tierDeviceId } from '../upstream/client.ts';
import { createTestApp, type TestApp } from '../test-app.ts';
import { dueIn, signIn, submitNew, testDevice, type SignedIn } from './action-test-helpers.ts';
import { DEMO_AGENCY } from '../demo/agencies.ts';
import { pullOne } from './sync-test-helpers.ts';

let t: TestApp;
const as = {} as Record<'an' | 'dakla' | 'dakmar', SignedIn>;
beforeAll(async () => {
  t = await createTestApp();
  as.an = await signIn(t, '062099000123');
  as.dakla = await signIn(t, 'motcua.dakla');
  as.dakmar = await signIn(t, 'motcua.dakmar');
  // Đắk La's commune server has signed in here, as its upstream client does: it decides Đắk La's dossiers.
  const login = await t.call('POST', '/api/auth/login', { headers: { 'X-Device-Id': tierDeviceId('tier.dakla') }, body: { username: 'tier.dakla', password: DEMO_PASSWORD } });
  expect(login.status).toBe(200);
});
afterAll(() => t.close());

const told = async (eventId: string) => (await t.store.outbox.dueEvents(new Date(Date.now() + 86_400_000), 10_000)).some((e) => e.eventId === eventId);

describe('actions on a dossier a lower tier decides', () => {
  it('are applied here without a code or a notice; elsewhere the code is drawn and the citizen told', async () => {
    const received: Record<string, { code: unknown; told: boolean }> = {};
    for (const [desk, agencyId] of [[as.dakla, DEMO_AGENCY.dakLa], [as.dakmar, DEMO_AGENCY.dakMar]] as const) {
      const dossier = await submitNew(t, as.an, { agencyId });
      const answer = await testDevice(t).act(...desk, await pullOne(t, desk[0], 'dossiers', dossier.id), { type: 'receive', dueAt: dueIn() });
      expect(answer.stored?.outcome?.status).toBe('applied');
      const stored = await pullOne(t, desk[0], 'dossiers', dossier.id);
      received[agencyId] = { code: stored.code, told: await told(answer.event.id) };
    }
    expect(received[DEMO_AGENCY.dakLa]).toEqual({ code: null, told: false });
    expect(received[DEMO_AGENCY.dakMar]).toEqual({ code: expect.stringMatching(/^H34\.29\.3-/), told: true });
  });
});
