import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { DossierEvent } from '../schemas/event.schema.ts';
import { applyDossierAction } from './actions.ts';
import { chainEvent, eventHashInput, groupByDevice, verifyChain, type UnchainedEvent } from './events.ts';
import { actors, ctx, draft } from './fixtures.test-helpers.ts';

const sha256Hex = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

function unchained(n: number, deviceId = 'dev-1'): UnchainedEvent {
  const { event } = applyDossierAction(draft(), { type: 'submit', comment: `lần ${n}` }, { ...ctx(actors.citizen), eventId: `e${n}`, deviceId });
  return event;
}

async function chain(count: number, deviceId = 'dev-1'): Promise<DossierEvent[]> {
  const out: DossierEvent[] = [];
  for (let i = 1; i <= count; i++) out.push(await chainEvent(unchained(i, deviceId), out.at(-1) ?? null, sha256Hex));
  return out;
}

describe('eventHashInput', () => {
  it('is canonical JSON with sorted keys, without hash', () => {
    const a = { b: 1, a: { d: [2, { z: 1, y: 'ý' }], c: null } };
    expect(eventHashInput(a as never)).toBe('{"a":{"c":null,"d":[2,{"y":"ý","z":1}]},"b":1}');
    expect(eventHashInput({ x: 1, hash: 'ff' } as never)).toBe('{"x":1}');
  });

  it('does not depend on key order', () => {
    const e = unchained(1);
    const reversed = Object.fromEntries(Object.entries(e).reverse()) as UnchainedEvent;
    expect(eventHashInput({ ...reversed, deviceSeq: 1, prevHash: null })).toBe(eventHashInput({ ...e, deviceSeq: 1, prevHash: null }));
  });

  it('refuses values JSON cannot round-trip', () => {
    expect(() => eventHashInput({ x: Number.NaN } as never)).toThrow(/không hợp lệ/);
  });
});

describe('chainEvent', () => {
  it('numbers from 1 and links each event to the previous hash', async () => {
    const [a, b] = await chain(2);
    expect(a).toMatchObject({ deviceSeq: 1, prevHash: null });
    expect(a!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a!.hash).toBe(sha256Hex(eventHashInput(a!)));
    expect(b).toMatchObject({ deviceSeq: 2, prevHash: a!.hash });
  });

  it('accepts an async hash function', async () => {
    const e = await chainEvent(unchained(1), null, async (s) => sha256Hex(s));
    expect(e.hash).toBe(sha256Hex(eventHashInput(e)));
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain in any order', async () => {
    const events = await chain(5);
    const r = await verifyChain([...events].reverse(), sha256Hex);
    expect(r).toEqual({ ok: true, count: 5, head: { deviceSeq: 5, hash: events[4]!.hash } });
  });

  it('reports an altered event', async () => {
    const events = await chain(4);
    events[2] = { ...events[2]!, comment: 'sửa lén' };
    expect(await verifyChain(events, sha256Hex)).toMatchObject({ ok: false, problem: 'altered', index: 2, eventId: 'e3' });
  });

  it('reports a missing event', async () => {
    const events = await chain(4);
    events.splice(1, 1);
    const r = await verifyChain(events, sha256Hex);
    expect(r).toMatchObject({ ok: false, problem: 'gap', eventId: 'e3' });
    expect(!r.ok && r.message).toContain('Thiếu sự kiện số 2');
  });

  it('reports a rehashed forgery as a broken link', async () => {
    const events = await chain(3);
    const forged = await chainEvent({ ...unchained(2), comment: 'giả' }, events[0]!, sha256Hex);
    const r = await verifyChain([events[0]!, forged, events[2]!], sha256Hex);
    expect(r).toMatchObject({ ok: false, problem: 'broken_link', index: 2 });
  });

  it('reports duplicates and mixed devices', async () => {
    const events = await chain(2);
    expect(await verifyChain([...events, events[1]!], sha256Hex)).toMatchObject({ ok: false, problem: 'duplicate' });
    const other = await chain(1, 'dev-2');
    expect(await verifyChain([...events, ...other], sha256Hex)).toMatchObject({ ok: false, problem: 'device_mismatch' });
  });

  it('checks a chain in parts from an anchor', async () => {
    const events = await chain(4);
    expect(await verifyChain(events.slice(2), sha256Hex)).toMatchObject({ ok: false, problem: 'gap' });
    expect(await verifyChain(events.slice(2), sha256Hex, events[1]!)).toMatchObject({ ok: true, count: 2 });
  });

  it('groups events by device', async () => {
    const all = [...(await chain(2, 'a')), ...(await chain(3, 'b'))];
    const groups = groupByDevice(all);
    expect([...groups.keys()]).toEqual(['a', 'b']);
    expect(groups.get('b')).toHaveLength(3);
  });
});
