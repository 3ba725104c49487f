/**
 * The demo agency tree (CONTRACT "Demo data"): the nation, Kon Tum province with two communes, and
 * Gia Lai province with one (a second province, so tier replication can be shown and tested across
 * provinces; its codes are illustrative).
 */
import type { Agency } from '@motcua/model';

export const DEMO_AGENCY = {
  nation: '000.00.00.G00',
  konTum: '000.00.00.H34',
  dakLa: '001.29.00.H34',
  dakMar: '002.29.00.H34',
  giaLai: '000.00.00.H21',
  iaDer: '001.05.00.H21',
} as const;

export function demoAgencies(now: Date): Agency[] {
  const updatedAt = now.getTime();
  return [
    { id: DEMO_AGENCY.nation, name: 'Cổng Dịch vụ công quốc gia', level: 'national', parentId: null, dossierPrefix: 'QG', placeName: 'Hà Nội', updatedAt },
    { id: DEMO_AGENCY.konTum, name: 'UBND tỉnh Kon Tum', level: 'province', parentId: DEMO_AGENCY.nation, dossierPrefix: 'H34', placeName: 'Kon Tum', phone: '0260 3862 400', updatedAt },
    { id: DEMO_AGENCY.dakLa, name: 'UBND xã Đắk La', level: 'commune', parentId: DEMO_AGENCY.konTum, dossierPrefix: 'H34.29.2', placeName: 'Đắk La', phone: '0260 3820 111', updatedAt },
    { id: DEMO_AGENCY.dakMar, name: 'UBND xã Đắk Mar', level: 'commune', parentId: DEMO_AGENCY.konTum, dossierPrefix: 'H34.29.3', placeName: 'Đắk Mar', phone: '0260 3820 222', updatedAt },
    { id: DEMO_AGENCY.giaLai, name: 'UBND tỉnh Gia Lai', level: 'province', parentId: DEMO_AGENCY.nation, dossierPrefix: 'H21', placeName: 'Gia Lai', updatedAt },
    { id: DEMO_AGENCY.iaDer, name: 'UBND xã Ia Dêr', level: 'commune', parentId: DEMO_AGENCY.giaLai, dossierPrefix: 'H21.5.1', placeName: 'Ia Dêr', updatedAt },
  ];
}
