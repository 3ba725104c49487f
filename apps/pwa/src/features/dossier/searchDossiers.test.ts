import { describe, expect, it } from 'vitest';
import type { Dossier } from '@motcua/model';
import { searchDossiers } from './searchDossiers.ts';

const make = (id: string, code: string | null, name: string, cccd: string, submittedAt: string) =>
  ({ id, code, applicant: { fullName: name, cccd }, ownerCccd: cccd, summary: 'Đăng ký khai sinh', submittedAt, createdAt: submittedAt, updatedAt: 0 }) as unknown as Dossier;

const list = [
  make('a', 'H34.29.2-260302-0001', 'Nguyễn Văn An', '062099000123', '2026-03-02T01:00:00Z'),
  make('b', null, 'Trần Thị Bình', '062301000456', '2026-03-01T01:00:00Z'),
];

describe('searchDossiers', () => {
  it('finds by name without diacritics, by CCCD and by code; oldest first', () => {
    expect(searchDossiers(list, 'tran thi binh').map((d) => d.id)).toEqual(['b']);
    expect(searchDossiers(list, '062099').map((d) => d.id)).toEqual(['a']);
    expect(searchDossiers(list, 'H34.29.2-260302-0001').map((d) => d.id)).toEqual(['a']);
    expect(searchDossiers(list, '').map((d) => d.id)).toEqual(['b', 'a']);
  });
});
