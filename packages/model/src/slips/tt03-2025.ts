/**
 * @module slips/tt03-2025 — the forms of Thông tư 03/2025/TT-VPCP (guiding NĐ 118/2025/NĐ-CP, in
 * force from 01/7/2025). Forms 01–03 keep the 2018 wording; form 04 becomes "Văn bản xin lỗi và đề
 * nghị gia hạn thời gian giải quyết".
 *
 * @remarks The 2025 appendix is known here only from a public design report (domain.md §11.4):
 * check the wording against the official Phụ lục I before printing for real. Changing it is a data
 * change in this file.
 */
import { APOLOGY_2018, REJECTION_2018, RECEIPT_2018, SUPPLEMENT_2018 } from './tt01-2018.ts';
import type { SlipTemplate } from './types.ts';

const base = { circular: 'TT 03/2025/TT-VPCP', effectiveFrom: '2025-07-01', effectiveTo: null };

export const APOLOGY_2025: SlipTemplate = {
  ...APOLOGY_2018,
  ...base,
  title: ['VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN', 'THỜI GIAN GIẢI QUYẾT HỒ SƠ'],
  blocks: APOLOGY_2018.blocks.map((block) =>
    block.type === 'text' && block.text.startsWith('Thời gian hẹn trả kết quả lại')
      ? { ...block, text: 'Đề nghị gia hạn thời gian giải quyết, hẹn trả kết quả vào: {newDueDate}' }
      : block,
  ),
};

export const TT03_2025: readonly SlipTemplate[] = [
  { ...RECEIPT_2018, ...base },
  { ...SUPPLEMENT_2018, ...base },
  { ...REJECTION_2018, ...base },
  APOLOGY_2025,
];
