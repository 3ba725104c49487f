import { describe, expect, it } from 'vitest';
import { sha256Hex } from '@motcua/crypto';
import { chainEvent, type DossierEvent, type UnchainedEvent } from '@motcua/model';
import { verifyHistory } from './verifyHistory.ts';

const hash = (t: string) => sha256Hex(t);

async function chain(deviceId: string, n: number, dossierId = 'd1'): Promise<DossierEvent[]> {
  const out: DossierEvent[] = [];
  for (let i = 0; i < n; i++) {
    const ev: UnchainedEvent = {
      id: `${deviceId}-${i}`, dossierId, agencyId: 'a', ownerCccd: '062099000123', type: 'v1.StepMoved', fromStatus: 4, toStatus: 4,
      actor: { userId: 'u', name: 'Lê Văn Cường', role: 'specialist' }, deviceId, at: `2026-03-0${i + 1}T02:00:00.000Z`,
      comment: `Ý kiến ${i}`, data: {},
    };
    out.push(await chainEvent(ev, out.at(-1) ?? null, hash));
  }
  return out;
}

describe('verifyHistory', () => {
  it('accepts whole chains from several devices', async () => {
    const a = await chain('dev-a', 3);
    const b = await chain('dev-b', 2);
    const all = [...a, ...b];
    const r = await verifyHistory(all, async (id) => all.filter((e) => e.deviceId === id), hash);
    expect(r).toEqual({ ok: true, devices: 2 });
  });

  it('shows an edited opinion and a missing event', async () => {
    const a = await chain('dev-a', 3);
    const edited = [a[0]!, { ...a[1]!, comment: 'Ý kiến đã sửa' }, a[2]!];
    const r1 = await verifyHistory(edited, async () => edited, hash);
    expect(r1).toMatchObject({ ok: false, problems: [expect.stringContaining('đã bị sửa')] });
    const gap = [a[0]!, a[2]!];
    const r2 = await verifyHistory(gap, async () => gap, hash);
    expect(r2).toMatchObject({ ok: false, problems: [expect.stringContaining('Thiếu sự kiện số 2')] });
  });
});
