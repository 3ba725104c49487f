import type { SessionUser } from '@motcua/model';
import { describe, expect, it } from 'vitest';
import { HttpError } from '../errors.ts';
import { checkRowAlone, checkRowChange, pushedCode } from './push-rules.ts';
import { isTierAccount } from './scope.ts';

const person: SessionUser = { id: 'u-motcua.dakla', username: 'motcua.dakla', fullName: 'Phạm Thị Hoa', role: 'receptionist', agencyId: '001.29.00.H34', cccd: null };
const admin: SessionUser = { id: 'u-quantri', username: 'quantri', fullName: 'Quản trị', role: 'admin', agencyId: '000.00.00.H34', cccd: null };
const tier: SessionUser = { id: 'tier:001.29.00.H34', username: 'tier.dakla', fullName: 'Máy chủ xã Đắk La', role: 'admin', agencyId: '001.29.00.H34', cccd: null };

const code = (fn: () => void) => {
  try {
    fn();
    return null;
  } catch (error) {
    return (error as HttpError).code;
  }
};

describe('push rules of the collections written as documents', () => {
  it('knows a tier account by its server-given id, not by its role alone', () => {
    expect(isTierAccount(tier)).toBe(true);
    expect(isTierAccount(admin)).toBe(false);
    expect(isTierAccount({ ...person, id: 'tier:x' })).toBe(false);
  });

  it('leaves the catalog to administrators, never to a tier', () => {
    expect(code(() => checkRowAlone('agencies', tier))).toBe('catalog_readonly');
    expect(code(() => checkRowAlone('agencies', person))).toBe('catalog_readonly');
    expect(code(() => checkRowAlone('agencies', admin))).toBeNull();
  });

  it('moves no document to another owner', () => {
    const doc = { id: 'w1', ownerCccd: '062099000123' };
    expect(code(() => checkRowChange('warehouse', { ...doc, ownerCccd: '062301000456' }, doc))).toBe('owner_immutable');
    expect(code(() => checkRowChange('warehouse', doc, doc))).toBeNull();
    expect(code(() => checkRowChange('warehouse', doc, null))).toBeNull();
  });

  it('takes dossier summaries from a tier alone, and has the codes on them checked', () => {
    const summary = { id: 'd1', agencyId: '001.29.00.H34', status: 2, code: 'H34.29.2-261124-0001' };
    expect(code(() => checkRowAlone('summaries', tier))).toBeNull();
    expect(code(() => checkRowAlone('summaries', admin))).toBe('summary_readonly');
    expect(code(() => checkRowAlone('summaries', person))).toBe('summary_readonly');
    expect(pushedCode('summaries', summary, null)).toBe(summary.code);
    expect(pushedCode('summaries', summary, summary)).toBeNull();
  });
});
