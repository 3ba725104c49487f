import type { SessionUser } from '@motcua/model';
import { describe, expect, it } from 'vitest';
import { pushedCode } from './push-rules.ts';
import { isTierAccount } from './scope.ts';

const person: SessionUser = { id: 'u-motcua.dakla', username: 'motcua.dakla', fullName: 'Phạm Thị Hoa', role: 'receptionist', agencyId: '001.29.00.H34', cccd: null };
const admin: SessionUser = { id: 'u-quantri', username: 'quantri', fullName: 'Quản trị', role: 'admin', agencyId: '000.00.00.H34', cccd: null };
const tier: SessionUser = { id: 'tier:001.29.00.H34', username: 'tier.dakla', fullName: 'Máy chủ xã Đắk La', role: 'admin', agencyId: '001.29.00.H34', cccd: null };

describe('push rules of the collections written as documents', () => {
  it('knows a tier account by its server-given id, not by its role alone', () => {
    expect(isTierAccount(tier)).toBe(true);
    expect(isTierAccount(admin)).toBe(false);
    expect(isTierAccount({ ...person, id: 'tier:x' })).toBe(false);
  });

  it('has the codes a tier relays on dossier summaries checked when they change', () => {
    const summary = { id: 'd1', agencyId: '001.29.00.H34', status: 2, code: 'H34.29.2-261124-0001' };
    expect(pushedCode('summaries', summary, null)).toBe(summary.code);
    expect(pushedCode('summaries', summary, summary)).toBeNull();
  });
});
