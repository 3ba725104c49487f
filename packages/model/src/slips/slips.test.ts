import { describe, expect, it } from 'vitest';
import { draft, khaiSinh } from '../dossier/fixtures.test-helpers.ts';
import {
  SLIP_TEMPLATES, SlipError, dossierSlipInput, fillText, formatSlipDateTime, formatVnd, renderSlip, selectSlipTemplate,
  type SlipKind,
} from './index.ts';

const AGENCY = { name: 'UBND xã Đắk La', placeName: 'Đắk La' };
const received = draft({
  code: 'H34.29.2-260302-0001',
  status: 2,
  receivedAt: '2026-03-02T02:30:00.000Z',
  dueAt: '2026-03-06T09:00:00.000Z',
});

describe('selectSlipTemplate', () => {
  it('picks the circular in force on the day', () => {
    expect(selectSlipTemplate('receipt', new Date('2024-05-01T03:00:00Z')).circular).toBe('TT 01/2018/TT-VPCP');
    expect(selectSlipTemplate('receipt', new Date('2026-03-02T03:00:00Z')).circular).toBe('TT 03/2025/TT-VPCP');
    // 30/6/2025 23:30 in Vietnam is still the old circular; 1/7 00:30 the new one.
    expect(selectSlipTemplate('apology', new Date('2025-06-30T16:30:00Z')).circular).toBe('TT 01/2018/TT-VPCP');
    expect(selectSlipTemplate('apology', new Date('2025-06-30T17:30:00Z')).title.join(' ')).toMatch(/ĐỀ NGHỊ GIA HẠN/);
  });

  it('refuses a date before any form', () => {
    expect(() => selectSlipTemplate('receipt', new Date('2010-01-01'))).toThrow(SlipError);
  });

  it('has one form per kind and day, with no gap since 2019', () => {
    for (const kind of ['receipt', 'supplement', 'rejection', 'apology'] as SlipKind[]) {
      const list = SLIP_TEMPLATES.filter((t) => t.kind === kind).sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
      for (let i = 1; i < list.length; i++) {
        const end = new Date(`${list[i - 1]!.effectiveTo!}T00:00:00Z`);
        end.setUTCDate(end.getUTCDate() + 1);
        expect(end.toISOString().slice(0, 10)).toBe(list[i]!.effectiveFrom);
      }
    }
  });

  it('fills every placeholder of every template from a dossier', () => {
    const input = dossierSlipInput({ dossier: received, agency: AGENCY, procedure: khaiSinh, officer: { name: 'Phạm Thị Hoa' }, now: new Date() });
    for (const t of SLIP_TEMPLATES) expect(() => renderSlip(t, input)).not.toThrow();
  });
});

describe('renderSlip', () => {
  it('renders the receipt with the code, the dates and the components', () => {
    const now = new Date('2026-03-02T02:35:00.000Z');
    const input = dossierSlipInput({
      dossier: received, agency: AGENCY, procedure: khaiSinh, officer: { name: 'Phạm Thị Hoa' }, now, lookupBase: 'https://motcua.example/tra-cuu',
    });
    const slip = renderSlip(selectSlipTemplate('receipt', now), input);
    const text = [...slip.header.left, ...slip.header.right].map((l) => l.text).join('\n')
      + slip.blocks.map((b) => ('text' in b ? b.text : '')).join('\n');
    expect(slip.title).toEqual(['GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ']);
    expect(text).toContain('UBND XÃ ĐẮK LA');
    expect(text).toContain('Đắk La, ngày 02 tháng 03 năm 2026');
    expect(text).toContain('Mã hồ sơ: H34.29.2-260302-0001');
    expect(text).toContain('4. Thời gian nhận hồ sơ: 09 giờ 30 phút, ngày 02 tháng 03 năm 2026');
    expect(text).toContain('5. Thời gian trả kết quả giải quyết hồ sơ: 16 giờ 00 phút, ngày 06 tháng 03 năm 2026');
    expect(slip.blocks.find((b) => b.type === 'lookupQr')).toMatchObject({ text: 'https://motcua.example/tra-cuu?ma=H34.29.2-260302-0001' });
    const table = slip.blocks.find((b) => b.type === 'table');
    expect(table && 'rows' in table && table.rows.length).toBe(received.components.length);
    expect(text).toBe(text.normalize('NFC'));
  });

  it('lists the items to supply and the reason on Mẫu 02', () => {
    const input = dossierSlipInput({
      dossier: received, agency: AGENCY, procedure: khaiSinh, officer: { name: 'Phạm Thị Hoa' }, now: new Date('2026-03-03T02:00:00Z'),
      items: ['Giấy chứng sinh (bản chính)'], reason: 'Thiếu giấy chứng sinh',
    });
    const slip = renderSlip(selectSlipTemplate('supplement', new Date('2026-03-03T02:00:00Z')), input);
    const table = slip.blocks.find((b) => b.type === 'table');
    expect(table && 'rows' in table && table.rows).toEqual([['1', 'Giấy chứng sinh (bản chính)', '1', '0']]);
    expect(slip.blocks.some((b) => 'text' in b && b.text === 'Lý do: Thiếu giấy chứng sinh')).toBe(true);
    expect(slip.blocks.at(-1)).toMatchObject({ type: 'signatures', left: null, right: { title: 'NGƯỜI HƯỚNG DẪN' } });
  });

  it('omits a paragraph whose required value is empty', () => {
    const input = dossierSlipInput({ dossier: { ...received, fee: { amount: 0, paid: 'none' } }, agency: AGENCY, procedure: khaiSinh, officer: { name: 'A' }, now: new Date() });
    const slip = renderSlip(selectSlipTemplate('receipt', new Date()), input);
    expect(slip.blocks.some((b) => 'text' in b && b.text.startsWith('Lệ phí'))).toBe(false);
  });
});

describe('formatting', () => {
  it('formats Vietnam time and money', () => {
    expect(formatSlipDateTime(new Date('2026-01-31T17:05:00Z'))).toBe('00 giờ 05 phút, ngày 01 tháng 02 năm 2026');
    expect(formatVnd(1250000)).toBe('1.250.000 đồng');
  });
  it('refuses an unknown placeholder', () => {
    expect(() => fillText('{nope}', {})).toThrow(/nope/);
  });
});
