import { describe, expect, it } from 'vitest';
import { stampLines } from './stampLines.ts';

describe('stampLines', () => {
  it('names the signer, the agency and the time of copying in Vietnam time, in NFC', () => {
    const lines = stampLines({
      signerName: 'Nguyễn Thị Hoà'.normalize('NFD'),
      agencyName: 'UBND xã Đắk La',
      at: new Date('2026-11-24T07:05:00Z'),
    });
    expect(lines).toEqual(['Bản sao điện tử đã ký số', 'Người ký: Nguyễn Thị Hoà', 'Cơ quan: UBND xã Đắk La', 'Thời gian: 24/11/2026 14:05']);
    expect(lines.every((l) => l === l.normalize('NFC'))).toBe(true);
  });

  it('leaves out an empty agency and takes a title', () => {
    expect(stampLines({ signerName: 'Nguyễn Văn An', agencyName: ' ', at: new Date('2026-01-01T00:00:00Z'), title: 'Công dân ký số' })).toEqual([
      'Công dân ký số',
      'Người ký: Nguyễn Văn An',
      'Thời gian: 01/01/2026 07:00',
    ]);
  });
});
