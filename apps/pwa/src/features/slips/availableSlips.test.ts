import { describe, expect, it } from 'vitest';
import { availableSlips } from './availableSlips.ts';

const base = { status: 1, receivedAt: null, decision: null, apology: null };
const decision = (kind: 'reject' | 'supplement') => ({ kind, reason: 'x', items: [], at: '2026-03-02T00:00:00Z', by: 'A' });

describe('availableSlips', () => {
  it('offers the slips the dossier has grounds for', () => {
    expect(availableSlips(base)).toEqual([]);
    expect(availableSlips({ ...base, status: 2, receivedAt: '2026-03-02T00:00:00Z' })).toEqual(['receipt']);
    expect(availableSlips({ ...base, status: 5, decision: decision('supplement') })).toEqual(['supplement']);
    expect(availableSlips({ ...base, status: 3, decision: decision('reject') })).toEqual(['rejection']);
    expect(availableSlips({ ...base, status: 4, receivedAt: '2026-03-02T00:00:00Z', apology: { reason: 'r', newDueAt: '2026-03-09T00:00:00Z', at: '2026-03-06T00:00:00Z', by: 'A' } }))
      .toEqual(['receipt', 'apology']);
  });
});
