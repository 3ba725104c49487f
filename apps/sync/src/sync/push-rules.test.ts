import type { SessionUser } from '@motcua/model';
import { describe, expect, it } from 'vitest';
import { HttpError } from '../errors.ts';
import { checkRowAlone, checkRowChange, pushedCode } from './push-rules.ts';
import { isTierAccount } from './scope.ts';

const person: SessionUser = { id: 'u-motcua.dakla', username: 'motcua.dakla', fullName: 'Phạm Thị Hoa', role: 'receptionist', agencyId: '001.29.00.H34', cccd: null };
const admin: SessionUser = { id: 'u-quantri', username: 'quantri', fullName: 'Quản trị', role: 'admin', agencyId: '000.00.00.H34', cccd: null };
const tier: SessionUser = { id: 'tier:001.29.00.H34', username: 'tier.dakla', fullName: 'Máy chủ xã Đắk La', role: 'admin', agencyId: '001.29.00.H34', cccd: null };

const event = { id: 'e1', actor: { userId: 'u-062099000123', name: 'Nguyễn Văn An', role: 'citizen' } };
const code = (fn: () => void) => {
  try {
    fn();
    return null;
  } catch (error) {
    return (error as HttpError).code;
  }
};

describe('push rules for tier accounts', () => {
  it('knows a tier account by its server-given id, not by its role alone', () => {
    expect(isTierAccount(tier)).toBe(true);
    expect(isTierAccount(admin)).toBe(false);
    expect(isTierAccount({ ...person, id: 'tier:x' })).toBe(false);
  });

  it('lets a tier relay events with their original actor; a person still signs their own', () => {
    expect(code(() => checkRowAlone('events', tier, event, false, 0))).toBeNull();
    expect(code(() => checkRowAlone('events', person, event, false, 0))).toBe('actor_mismatch');
    expect(code(() => checkRowAlone('events', admin, event, false, 0))).toBe('actor_mismatch');
    expect(code(() => checkRowAlone('events', tier, event, true, 0))).toBe('event_immutable');
  });

  it('relays status moves checked below, but never edits events or the catalog', () => {
    const submitted = { id: 'd1', ownerCccd: '062099000123', status: 1, code: null };
    const returned = { ...submitted, status: 10, code: 'H34.29.2-261124-0001' };
    expect(code(() => checkRowChange('dossiers', tier, returned, submitted, 0))).toBeNull();
    expect(code(() => checkRowChange('dossiers', person, returned, submitted, 0))).toBe('transition_refused');
    expect(code(() => checkRowChange('events', tier, event, event, 0))).toBe('event_immutable');
    expect(code(() => checkRowChange('dossiers', tier, { ...returned, ownerCccd: '062301000456' }, submitted, 0))).toBe('owner_immutable');
    expect(code(() => checkRowAlone('agencies', tier, { id: 'a' }, false, 0))).toBe('catalog_readonly');
    expect(code(() => checkRowAlone('agencies', admin, { id: 'a' }, false, 0))).toBeNull();
  });

  it('writes dossier summaries, which nobody else may, and has the codes on them checked', () => {
    const summary = { id: 'd1', agencyId: '001.29.00.H34', status: 2, code: 'H34.29.2-261124-0001' };
    expect(code(() => checkRowAlone('summaries', tier, summary, false, 0))).toBeNull();
    expect(code(() => checkRowAlone('summaries', admin, summary, false, 0))).toBe('summary_readonly');
    expect(code(() => checkRowAlone('summaries', person, summary, false, 0))).toBe('summary_readonly');
    expect(pushedCode('summaries', summary, null)).toBe(summary.code);
    expect(pushedCode('summaries', summary, summary)).toBeNull();
  });
});

describe('push rules for citizens', () => {
  const citizen: SessionUser = { id: 'u-062099000123', username: '062099000123', fullName: 'Nguyễn Văn An', role: 'citizen', agencyId: null, cccd: '062099000123' };
  const returned = {
    id: 'd1', ownerCccd: '062099000123', status: 10, code: 'H34.29.2-261124-0001', dueAt: '2026-11-27T10:00:00.000Z',
    result: { fileId: 'f-signed', number: '12/QĐ', signer: 'Y Blong', issuedAt: '2026-11-26T02:00:00.000Z' },
    fee: { amount: 20000, paid: 'cash' }, rating: null, summary: 'Đăng ký khai sinh',
  };

  it('never changes what the agency decided, outside a move of their own', () => {
    expect(code(() => checkRowChange('dossiers', citizen, { ...returned, result: { ...returned.result, fileId: 'f-mine' } }, returned, 0))).toBe('field_readonly');
    expect(code(() => checkRowChange('dossiers', citizen, { ...returned, dueAt: '2027-01-01T00:00:00.000Z' }, returned, 0))).toBe('field_readonly');
    expect(code(() => checkRowChange('dossiers', citizen, { ...returned, fee: { amount: 0, paid: 'cash' } }, returned, 0))).toBe('field_readonly');
  });

  it('sets only what their own move writes: a withdrawal its decision, a payment how the fee was paid', () => {
    const active = { ...returned, status: 4, result: null, finishedAt: null, decision: null, fee: { amount: 20000, paid: 'none' } };
    const withdrawal = { reason: 'Không cần nữa', kind: 'withdraw' };
    expect(code(() => checkRowChange('dossiers', citizen, { ...active, status: 7, decision: withdrawal }, active, 0))).toBeNull();
    expect(code(() => checkRowChange('dossiers', citizen, { ...active, status: 7, decision: withdrawal, result: returned.result }, active, 0))).toBe('field_readonly');
    const awaiting = { ...active, status: 6 };
    expect(code(() => checkRowChange('dossiers', citizen, { ...awaiting, status: 4, fee: { amount: 20000, paid: 'online' } }, awaiting, 0))).toBeNull();
    expect(code(() => checkRowChange('dossiers', citizen, { ...awaiting, status: 4, fee: { amount: 0, paid: 'online' } }, awaiting, 0))).toBe('field_readonly');
  });

  it('submits nothing of the agency’s, whether from a draft or as a new dossier', () => {
    const draft = { ...returned, status: 0, code: null, result: null, dueAt: null, stepIndex: -1, assigneeId: null };
    expect(code(() => checkRowChange('dossiers', citizen, { ...draft, status: 1 }, draft, 0))).toBeNull();
    expect(code(() => checkRowChange('dossiers', citizen, { ...draft, status: 1 }, null, 0))).toBeNull();
    expect(code(() => checkRowChange('dossiers', citizen, { ...draft, status: 1, result: returned.result }, null, 0))).toBe('field_readonly');
    expect(code(() => checkRowChange('dossiers', citizen, { ...draft, status: 1, dueAt: returned.dueAt }, draft, 0))).toBe('field_readonly');
  });

  it('rates a returned dossier and edits their own draft freely', () => {
    expect(code(() => checkRowChange('dossiers', citizen, { ...returned, rating: { score: 5 } }, returned, 0))).toBeNull();
    const draft = { ...returned, status: 0, code: null, result: null };
    expect(code(() => checkRowChange('dossiers', citizen, { ...draft, fee: { amount: 0, paid: 'none' } }, draft, 0))).toBeNull();
    // An officer's own moves and edits are checked by the state machine, not by this rule.
    expect(code(() => checkRowChange('dossiers', person, { ...returned, dueAt: '2027-01-01T00:00:00.000Z' }, returned, 0))).toBeNull();
  });
});

