/** The demo accounts (CONTRACT "Demo data"); every one has the password `Demo@2026`. */
import type { SessionUser } from '@motcua/model';
import { TIER_ACCOUNT_PREFIX } from '../sync/scope.ts';
import { DEMO_AGENCY } from './agencies.ts';

export const DEMO_PASSWORD = 'Demo@2026';

export interface DemoCitizen {
  /** Account id: like every account's, it does not carry the CCCD number (ids are stored in the clear on devices). */
  id: string;
  cccd: string;
  fullName: string;
  birthDate: string;
  gender: 'nam' | 'nu';
  phone: string;
  email: string;
  address: string;
}

export const DEMO_CITIZENS: DemoCitizen[] = [
  { id: 'u-citizen-an', cccd: '062099000123', fullName: 'Nguyễn Văn An', birthDate: '1999-05-12', gender: 'nam', phone: '0905123456', email: 'an.nguyen@example.vn', address: 'Thôn 1, xã Đắk La, tỉnh Kon Tum' },
  { id: 'u-citizen-binh', cccd: '062301000456', fullName: 'Trần Thị Bình', birthDate: '2001-08-20', gender: 'nu', phone: '0914654321', email: 'binh.tran@example.vn', address: 'Thôn 3, xã Đắk La, tỉnh Kon Tum' },
  { id: 'u-citizen-ly', cccd: '064195007788', fullName: 'Rơ Châm Ly', birthDate: '1995-03-08', gender: 'nu', phone: '0935778899', email: 'ly.rocham@example.vn', address: 'Làng Ia Dêr, xã Ia Dêr, tỉnh Gia Lai' },
];

const citizen = (c: DemoCitizen): SessionUser => ({
  id: c.id, username: c.cccd, fullName: c.fullName, role: 'citizen', agencyId: null, cccd: c.cccd,
});

const officer = (username: string, fullName: string, role: SessionUser['role'], agencyId: string): SessionUser => ({
  id: `u-${username}`, username, fullName, role, agencyId, cccd: null,
});

export const DEMO_USERS: SessionUser[] = [
  ...DEMO_CITIZENS.map(citizen),
  officer('motcua.dakla', 'Phạm Thị Hoa', 'receptionist', DEMO_AGENCY.dakLa),
  officer('chuyenvien.dakla', 'Lê Văn Cường', 'specialist', DEMO_AGENCY.dakLa),
  officer('chutich.dakla', 'Y Blong', 'leader', DEMO_AGENCY.dakLa),
  officer('motcua.dakmar', 'Đinh Thị Mai', 'receptionist', DEMO_AGENCY.dakMar),
  officer('motcua.iader', 'Ksor Thị Nhung', 'receptionist', DEMO_AGENCY.iaDer),
  officer('quantri', 'Quản trị tỉnh Kon Tum', 'admin', DEMO_AGENCY.konTum),
  officer('quantri.qg', 'Quản trị quốc gia', 'admin', DEMO_AGENCY.nation),
];

const tier = (username: string, fullName: string, agencyId: string): SessionUser => ({
  id: `${TIER_ACCOUNT_PREFIX}${agencyId}`, username, fullName, role: 'admin', agencyId, cccd: null,
});

/**
 * Service accounts of the lower tiers, known to every server so that any of them can be a parent:
 * the commune LAN boxes sign in to the province, the province to the nation.
 */
export const DEMO_TIER_ACCOUNTS: SessionUser[] = [
  tier('tier.dakla', 'Máy chủ xã Đắk La', DEMO_AGENCY.dakLa),
  tier('tier.dakmar', 'Máy chủ xã Đắk Mar', DEMO_AGENCY.dakMar),
  tier('tier.kontum', 'Máy chủ tỉnh Kon Tum', DEMO_AGENCY.konTum),
  tier('tier.iader', 'Máy chủ xã Ia Dêr', DEMO_AGENCY.iaDer),
  tier('tier.gialai', 'Máy chủ tỉnh Gia Lai', DEMO_AGENCY.giaLai),
];
