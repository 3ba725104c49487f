import { describe, expect, it } from 'vitest';
import type { Role } from '../schemas/event.schema.ts';
import { ALL_STATUSES, type DossierStatusCode } from './status.ts';
import {
  allowedTransitions, checkTransition, checkTransitionPath, roleLabel, transitionPath, TRANSITIONS,
} from './transitions.ts';

const ROLES: Role[] = ['citizen', 'receptionist', 'specialist', 'leader', 'admin', 'system'];

/** The expected table, written out independently of TRANSITIONS: "from>to" → roles. */
const EXPECTED: Record<string, Role[]> = {
  '0>1': ['citizen'],
  '0>2': ['receptionist'],
  '1>2': ['receptionist'],
  '1>3': ['receptionist'],
  '1>5': ['receptionist'],
  '1>7': ['citizen'],
  '2>3': ['receptionist'],
  '2>4': ['receptionist', 'system'],
  '2>5': ['receptionist'],
  '2>7': ['citizen'],
  '4>4': ['receptionist', 'specialist', 'leader'],
  '4>5': ['receptionist', 'specialist', 'leader'],
  '4>6': ['specialist', 'leader'],
  '4>7': ['citizen'],
  '4>8': ['specialist', 'leader'],
  '4>9': ['leader'],
  '5>2': ['receptionist'],
  '5>3': ['receptionist'],
  '5>4': ['receptionist'],
  '5>7': ['citizen'],
  '6>4': ['citizen', 'receptionist', 'system'],
  '6>7': ['citizen'],
  '7>8': ['receptionist'],
  '9>10': ['receptionist'],
};

describe('checkTransition: every (from, to, role)', () => {
  for (const from of ALL_STATUSES) {
    for (const to of ALL_STATUSES) {
      for (const role of ROLES) {
        const allowed = EXPECTED[`${from}>${to}`]?.includes(role) ?? false;
        it(`${from} → ${to} by ${role}: ${allowed ? 'allowed' : 'refused'}`, () => {
          const result = checkTransition({ from, to, role });
          expect(result.ok).toBe(allowed);
          if (!result.ok) {
            expect(result.reason).toMatch(/[À-ỹ]/u); // Vietnamese, with diacritics
            expect(result.reason.length).toBeGreaterThan(10);
          }
        });
      }
    }
  }
});

describe('transition table', () => {
  it('matches the expected table exactly', () => {
    const actual: Record<string, Role[]> = {};
    for (const r of TRANSITIONS) actual[`${r.from}>${r.to}`] = [...r.roles];
    expect(Object.keys(actual).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const [k, roles] of Object.entries(EXPECTED)) expect([...actual[k]!].sort()).toEqual([...roles].sort());
  });

  it('gives admin no dossier transitions', () => {
    for (const from of ALL_STATUSES) expect(allowedTransitions(from, 'admin')).toEqual([]);
  });

  it('lets nothing leave the final statuses', () => {
    for (const from of [3, 8, 10] as DossierStatusCode[]) {
      for (const role of ROLES) expect(allowedTransitions(from, role)).toEqual([]);
    }
  });

  it('lists allowed moves per role', () => {
    expect(allowedTransitions(1, 'receptionist')).toEqual([2, 3, 5]);
    expect(allowedTransitions(4, 'leader')).toEqual([4, 5, 6, 8, 9]);
    expect(allowedTransitions(4, 'citizen')).toEqual([7]);
  });
});

describe('reasons', () => {
  it('names the role and who may act instead', () => {
    const r = checkTransition({ from: 1, to: 2, role: 'citizen' });
    expect(r).toEqual({ ok: false, reason: expect.stringContaining('Công dân') });
    expect(!r.ok && r.reason).toContain('Cán bộ một cửa');
    expect(!r.ok && r.reason).toContain('«Mới đăng ký»');
  });

  it('says a final status is final', () => {
    const r = checkTransition({ from: 10, to: 4, role: 'leader' });
    expect(!r.ok && r.reason).toContain('đã kết thúc');
  });

  it('says an unknown move is impossible', () => {
    const r = checkTransition({ from: 1, to: 9, role: 'leader' });
    expect(!r.ok && r.reason).toContain('Không thể chuyển');
  });

  it('refuses a non-move except a workflow step', () => {
    expect(checkTransition({ from: 2, to: 2, role: 'receptionist' }).ok).toBe(false);
    expect(checkTransition({ from: 4, to: 4, role: 'specialist' }).ok).toBe(true);
  });

  it('refuses garbage', () => {
    expect(checkTransition({ from: 11 as DossierStatusCode, to: 1, role: 'citizen' }).ok).toBe(false);
    expect(checkTransition({ from: 1, to: -1 as DossierStatusCode, role: 'receptionist' }).ok).toBe(false);
    expect(checkTransition({ from: 1, to: 2, role: 'hacker' as Role }).ok).toBe(false);
  });

  it('has a Vietnamese label for every role', () => {
    for (const role of ROLES) expect(roleLabel(role)).toBeTruthy();
  });
});

describe('new dossiers (from: null)', () => {
  it('the citizen creates a draft or submits directly', () => {
    expect(checkTransition({ from: null, to: 0, role: 'citizen' }).ok).toBe(true);
    expect(checkTransition({ from: null, to: 1, role: 'citizen' }).ok).toBe(true);
  });
  it('the desk creates an in-person dossier already received', () => {
    expect(checkTransition({ from: null, to: 2, role: 'receptionist' }).ok).toBe(true);
    expect(checkTransition({ from: null, to: 0, role: 'receptionist' }).ok).toBe(false);
    expect(checkTransition({ from: null, to: 4, role: 'receptionist' }).ok).toBe(false);
    expect(checkTransition({ from: null, to: 2, role: 'citizen' }).ok).toBe(false);
  });
});

describe('transitionPath (several offline moves in one push)', () => {
  it('finds the moves one role can chain', () => {
    expect(transitionPath(1, 4, 'receptionist')).toEqual([1, 2, 4]);
    expect(transitionPath(null, 4, 'receptionist')).toEqual([0, 2, 4]);
    expect(transitionPath(null, 1, 'citizen')).toEqual([0, 1]);
    expect(transitionPath(0, 7, 'citizen')).toEqual([0, 1, 7]);
    expect(transitionPath(4, 4, 'leader')).toEqual([4]);
  });

  it('refuses what needs another role', () => {
    expect(transitionPath(1, 9, 'receptionist')).toBeNull();
    expect(transitionPath(2, 10, 'leader')).toBeNull();
    expect(transitionPath(null, 2, 'citizen')).toBeNull();
    expect(transitionPath(3, 4, 'receptionist')).toBeNull();
    expect(transitionPath(null, 0, 'receptionist')).toBeNull();
  });

  it('checkTransitionPath accepts chains and keeps the direct reason', () => {
    expect(checkTransitionPath({ from: 1, to: 4, role: 'receptionist' })).toEqual({ ok: true });
    expect(checkTransitionPath({ from: 0, to: 2, role: 'receptionist' })).toEqual({ ok: true });
    const refused = checkTransitionPath({ from: 1, to: 9, role: 'receptionist' });
    expect(refused).toEqual(checkTransition({ from: 1, to: 9, role: 'receptionist' }));
  });

  it('agrees with checkTransition on every single move', () => {
    for (const from of ALL_STATUSES) for (const to of ALL_STATUSES) for (const role of ROLES) {
      if (checkTransition({ from, to, role }).ok) expect(checkTransitionPath({ from, to, role }).ok).toBe(true);
    }
  });
});
