import { describe, expect, it } from 'vitest';
import { isOverdue, overdueBy } from './overdue.ts';

const DUE = '2026-03-03T10:00:00.000Z';
const before = new Date('2026-03-03T09:59:59.000Z');
const after = new Date('2026-03-03T10:00:01.000Z');

describe('isOverdue', () => {
  it('is false without a due date', () => {
    expect(isOverdue({ status: 1, dueAt: null, finishedAt: null }, after)).toBe(false);
  });

  it('compares now while the dossier is open', () => {
    for (const status of [2, 4, 6, 7]) {
      expect(isOverdue({ status, dueAt: DUE, finishedAt: null }, before)).toBe(false);
      expect(isOverdue({ status, dueAt: DUE, finishedAt: null }, after)).toBe(true);
    }
  });

  it('does not count the wait for the citizen’s supplement', () => {
    expect(isOverdue({ status: 5, dueAt: DUE, finishedAt: null }, after)).toBe(false);
  });

  it('compares the finish time once finished, whatever now is', () => {
    expect(isOverdue({ status: 9, dueAt: DUE, finishedAt: '2026-03-03T09:00:00.000Z' }, new Date('2030-01-01'))).toBe(false);
    expect(isOverdue({ status: 10, dueAt: DUE, finishedAt: '2026-03-04T09:00:00.000Z' }, before)).toBe(true);
    expect(isOverdue({ status: 8, dueAt: DUE, finishedAt: null }, after)).toBe(false);
  });

  it('says by how much', () => {
    expect(overdueBy({ status: 4, dueAt: DUE, finishedAt: null }, after)).toBe(1000);
    expect(overdueBy({ status: 4, dueAt: DUE, finishedAt: null }, before)).toBe(0);
  });
});
