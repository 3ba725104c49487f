/**
 * A synthetic population registry for the demo and the tests: the two demo citizens and twenty
 * invented people of Kon Tum, with valid CCCD numbers (province 062, century/sex digit, birth year).
 * No real person's data.
 */
import { foldVietnamese, type PopulationPerson } from '@motcua/model';
import type { PopulationQuery, PopulationRegistry } from './registry.ts';

type Row = [fullName: string, birthDate: string, gender: 'nam' | 'nu', serial: string, village: string, commune: string, issueDate: string];

const ROWS: Row[] = [
  ['Nguyễn Văn An', '1999-05-12', 'nam', '000123', 'Thôn 1', 'Đắk La', '2021-04-15'],
  ['Trần Thị Bình', '2001-08-20', 'nu', '000456', 'Thôn 3', 'Đắk La', '2021-06-02'],
  ['Lê Văn Cường', '1985-02-03', 'nam', '104821', 'Thôn 2', 'Đắk La', '2021-03-10'],
  ['Phạm Thị Dung', '1990-11-27', 'nu', '215730', 'Thôn 4', 'Đắk La', '2021-05-21'],
  ['Y Blong', '1978-07-14', 'nam', '338402', 'Làng Kon Rờ Bàng', 'Đắk La', '2021-07-08'],
  ['Y Hạnh', '1995-01-09', 'nu', '447109', 'Làng Kon Klor', 'Đắk La', '2022-01-12'],
  ['A Thút', '1969-12-01', 'nam', '552816', 'Làng Plei Đôn', 'Đắk Mar', '2021-09-30'],
  ['Đinh Văn Khải', '2003-03-30', 'nam', '603915', 'Thôn 5', 'Đắk Mar', '2021-10-19'],
  ['Hoàng Thị Lan', '1988-06-06', 'nu', '718234', 'Thôn 6', 'Đắk Mar', '2021-04-22'],
  ['Vũ Đức Mạnh', '1992-09-18', 'nam', '829047', 'Thôn 1', 'Đắk Mar', '2021-08-11'],
  ['Ngô Thị Ngọc Ánh', '2000-12-24', 'nu', '930518', 'Thôn 2', 'Đắk Mar', '2022-02-14'],
  ['Bùi Quang Phúc', '1975-04-02', 'nam', '041726', 'Thôn 7', 'Đắk La', '2021-11-03'],
  ['Đặng Thị Quỳnh', '1983-10-15', 'nu', '152837', 'Thôn 8', 'Đắk La', '2021-12-20'],
  ['Y Sương', '2004-05-05', 'nu', '263948', 'Làng Kon Jơ Dri', 'Đắk Mar', '2022-06-01'],
  ['Trương Văn Tài', '1960-01-20', 'nam', '374059', 'Thôn 3', 'Đắk Mar', '2021-05-05'],
  ['Lý Thị Uyên', '1997-07-29', 'nu', '485160', 'Thôn 4', 'Đắk Mar', '2021-07-17'],
  ['Hồ Văn Vĩnh', '2002-02-11', 'nam', '596271', 'Thôn 5', 'Đắk La', '2021-09-09'],
  ['Mai Thị Xuân', '1980-03-08', 'nu', '607382', 'Thôn 6', 'Đắk La', '2021-03-29'],
  ['A Yên', '1972-08-19', 'nam', '718493', 'Làng Kon Tu Dốp', 'Đắk Mar', '2021-10-01'],
  ['Đỗ Minh Châu', '2005-11-11', 'nu', '829504', 'Thôn 7', 'Đắk Mar', '2023-12-05'],
  ['Phan Văn Đức', '1966-06-30', 'nam', '930615', 'Thôn 8', 'Đắk Mar', '2021-06-25'],
  ['Kiều Thị Hằng', '1994-04-04', 'nu', '041827', 'Thôn 1', 'Đắk La', '2021-08-30'],
];

/** The CCCD number of a person born in Kon Tum (062): century/sex digit per TT 07/2016/TT-BCA. */
function cccdOf(birthDate: string, gender: 'nam' | 'nu', serial: string): string {
  const year = Number(birthDate.slice(0, 4));
  const digit = (year >= 2000 ? 2 : 0) + (gender === 'nu' ? 1 : 0);
  return `062${digit}${birthDate.slice(2, 4)}${serial}`;
}

/** The synthetic people (both demo citizens first). */
export const SYNTHETIC_PEOPLE: readonly PopulationPerson[] = ROWS.map(([fullName, birthDate, gender, serial, village, commune, issueDate], i) => {
  const address = `${village}, xã ${commune}, tỉnh Kon Tum`;
  return {
    cccd: cccdOf(birthDate, gender, serial),
    oldIdNumber: i % 3 === 0 ? `23${serial}${i % 10}` : null,
    fullName,
    birthDate,
    gender,
    permanentAddress: address,
    currentAddress: address,
    ethnicity: /^(Y|A) /.test(fullName) ? 'Xơ Đăng' : 'Kinh',
    nationality: 'Việt Nam',
    issueDate,
  };
});

const sameName = (a: string, b: string) => foldVietnamese(a).replace(/\s+/g, ' ').trim() === foldVietnamese(b).replace(/\s+/g, ' ').trim();

/**
 * An in-memory registry over `people` (the synthetic ones by default). Names match without regard
 * to case, spacing or diacritics (an officer typing without a Vietnamese keyboard), birth dates exactly.
 */
export function createSyntheticRegistry(people: readonly PopulationPerson[] = SYNTHETIC_PEOPLE): PopulationRegistry {
  const byCccd = new Map(people.map((p) => [p.cccd, p]));
  return {
    source: 'CSDLQG về dân cư (dữ liệu mô phỏng)',
    async lookup(query: PopulationQuery) {
      const person = byCccd.get(query.cccd);
      if (!person) return { status: 'not_found' };
      if (!sameName(person.fullName, query.fullName) || person.birthDate !== query.birthDate) return { status: 'mismatch' };
      return { status: 'found', person: { ...person } };
    },
  };
}
