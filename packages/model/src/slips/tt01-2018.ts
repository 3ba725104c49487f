/**
 * @module slips/tt01-2018 — the one-stop forms of Thông tư 01/2018/TT-VPCP (23/11/2018, guiding
 * NĐ 61/2018/NĐ-CP): Mẫu 01 to 04, as data (domain.md §11.4).
 */
import type { SignaturesBlock, SlipBlock, SlipLayout, SlipTemplate } from './types.ts';

/** A4 portrait with the margins of NĐ 30/2020 (top/bottom 20 mm, left 30 mm, right 15 mm). */
export const A4_LAYOUT: SlipLayout = {
  pageWidth: 595.28,
  pageHeight: 841.89,
  margin: { top: 56.7, right: 42.5, bottom: 56.7, left: 85 },
  fontSize: 12,
  titleSize: 13,
  headerSize: 11.5,
  lineGap: 4,
};

const HEADER_RIGHT = [
  { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true },
  { text: 'Độc lập - Tự do - Hạnh phúc', bold: true },
];

const header = (numberLine: string): SlipTemplate['header'] => ({
  left: [{ text: '{agencyUpper}' }, { text: 'BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ', bold: true }],
  numberLine,
  right: HEADER_RIGHT,
  placeDateLine: '{placeName}, ngày {day} tháng {month} năm {year}',
});

const APPLICANT: SlipBlock[] = [
  { type: 'text', text: 'Tiếp nhận hồ sơ của: {applicantName}' },
  { type: 'text', text: 'Số định danh cá nhân: {applicantCccd}', requires: ['applicantCccd'] },
  { type: 'text', text: 'Địa chỉ: {applicantAddress}' },
  { type: 'text', text: 'Số điện thoại: {applicantPhone}        Email: {applicantEmail}' },
  { type: 'text', text: 'Nội dung yêu cầu giải quyết: {summary}' },
];

const COPY_COLUMNS = [
  { title: 'TT', width: 28, align: 'center' as const },
  { title: 'Tên giấy tờ', width: 300, align: 'left' as const },
  { title: 'Bản chính', width: 70, align: 'center' as const },
  { title: 'Bản sao', width: 70, align: 'center' as const },
];

const SIGN_NOTE = '(Ký và ghi rõ họ tên)';

const BOTH_SIGN: SignaturesBlock = {
  type: 'signatures',
  left: { title: 'NGƯỜI NỘP HỒ SƠ', note: SIGN_NOTE, name: '{applicantName}' },
  right: { title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', note: SIGN_NOTE, name: '{officerName}' },
};

const base = { circular: 'TT 01/2018/TT-VPCP', effectiveFrom: '2019-01-01', effectiveTo: '2025-06-30', layout: A4_LAYOUT };

/** Mẫu 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả. */
export const RECEIPT_2018: SlipTemplate = {
  ...base,
  kind: 'receipt',
  form: '01',
  header: header('Số: {slipNumber}'),
  title: ['GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ'],
  blocks: [
    { type: 'text', text: 'Mã hồ sơ: {code}', bold: true, align: 'center' },
    { type: 'text', text: '(Liên: {copyFor})', italic: true, align: 'center' },
    { type: 'lookupQr', size: 72, caption: 'Quét mã để tra cứu hồ sơ' },
    { type: 'text', text: 'Bộ phận tiếp nhận và trả kết quả {agencyName}' },
    ...APPLICANT,
    { type: 'text', text: '1. Thành phần hồ sơ nộp gồm:', bold: true },
    { type: 'table', source: 'components', columns: COPY_COLUMNS },
    { type: 'text', text: '2. Số lượng hồ sơ: {sets} (bộ)', bold: true },
    { type: 'text', text: '3. Thời gian giải quyết hồ sơ theo quy định là: {timeLimit}', bold: true },
    { type: 'text', text: '4. Thời gian nhận hồ sơ: {receivedAt}', bold: true },
    { type: 'text', text: '5. Thời gian trả kết quả giải quyết hồ sơ: {dueAt}', bold: true },
    { type: 'text', text: '6. Đăng ký nhận kết quả tại: {returnPlace}', bold: true },
    { type: 'text', text: 'Lệ phí: {fee}', requires: ['fee'] },
    { type: 'text', text: 'Vào Sổ theo dõi hồ sơ, Quyển số: {ledgerBook}    Số thứ tự: {ledgerNumber}' },
    BOTH_SIGN,
    {
      type: 'text',
      italic: true,
      text:
        'Ghi chú: Giấy tiếp nhận hồ sơ và hẹn trả kết quả được lập thành 02 liên; một liên chuyển kèm theo Phiếu kiểm soát quá trình giải quyết hồ sơ và được lưu tại Bộ phận tiếp nhận và trả kết quả; một liên giao cho người nộp hồ sơ. Người nộp hồ sơ có thể nhận kết quả tại Bộ phận tiếp nhận và trả kết quả hoặc qua dịch vụ bưu chính.',
    },
  ],
};

/** Mẫu 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. */
export const SUPPLEMENT_2018: SlipTemplate = {
  ...base,
  kind: 'supplement',
  form: '02',
  header: header('Số: {slipNumber}/HDHS'),
  title: ['PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ'],
  blocks: [
    { type: 'text', text: 'Hồ sơ của: {applicantName}' },
    { type: 'text', text: 'Bộ phận tiếp nhận và trả kết quả {agencyName} tiếp nhận hồ sơ/yêu cầu của Ông/Bà: {applicantName}' },
    { type: 'text', text: 'Nội dung yêu cầu giải quyết: {summary}' },
    { type: 'text', text: 'Địa chỉ: {applicantAddress}' },
    { type: 'text', text: 'Số điện thoại: {applicantPhone}        Email: {applicantEmail}' },
    { type: 'text', text: 'Mã hồ sơ: {code}', requires: ['code'] },
    { type: 'text', text: 'Yêu cầu Ông/Bà hoàn thiện hồ sơ gồm những nội dung như sau:' },
    { type: 'table', source: 'items', columns: COPY_COLUMNS },
    { type: 'text', text: 'Lý do: {reason}' },
    {
      type: 'text',
      text:
        'Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, Ông/Bà có thể tra cứu hồ sơ bằng mã hồ sơ trên Cổng dịch vụ công hoặc liên hệ với công chức {officerName}, số điện thoại {officerPhone} để được hướng dẫn./.',
    },
    { type: 'signatures', left: null, right: { title: 'NGƯỜI HƯỚNG DẪN', note: SIGN_NOTE, name: '{officerName}' } },
  ],
};

/** Mẫu 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ. */
export const REJECTION_2018: SlipTemplate = {
  ...base,
  kind: 'rejection',
  form: '03',
  header: header('Số: {slipNumber}'),
  title: ['PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ'],
  blocks: [
    { type: 'text', text: 'Bộ phận tiếp nhận và trả kết quả {agencyName}' },
    ...APPLICANT,
    { type: 'text', text: 'Mã hồ sơ: {code}', requires: ['code'] },
    {
      type: 'text',
      text: 'Qua xem xét, Bộ phận tiếp nhận và trả kết quả {agencyName} thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau: {reason}',
    },
    { type: 'text', text: 'Xin thông báo cho Ông/Bà được biết và thực hiện./.' },
    BOTH_SIGN,
  ],
};

/** Mẫu 04: Phiếu xin lỗi và hẹn lại ngày trả kết quả. */
export const APOLOGY_2018: SlipTemplate = {
  ...base,
  kind: 'apology',
  form: '04',
  header: header('Số: {slipNumber}'),
  title: ['PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ'],
  blocks: [
    { type: 'text', text: 'Kính gửi: {applicantName}', align: 'center' },
    { type: 'text', text: 'Địa chỉ: {applicantAddress}', align: 'center' },
    {
      type: 'text',
      text: 'Ngày {receivedDate}, {agencyName} tiếp nhận giải quyết hồ sơ đề nghị {summary} của {applicantName}.',
    },
    { type: 'text', text: 'Mã hồ sơ: {code}' },
    { type: 'text', text: 'Thời gian hẹn trả kết quả giải quyết hồ sơ: {dueDate}' },
    {
      type: 'text',
      text:
        'Tuy nhiên đến nay, {agencyName} chưa trả kết quả giải quyết hồ sơ cho Ông/Bà đúng thời hạn quy định ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.',
    },
    { type: 'text', text: 'Lý do: {reason}' },
    {
      type: 'text',
      text:
        'Sự chậm trễ này đã gây phiền hà, tốn kém chi phí, công sức của Ông/Bà. {agencyName} xin lỗi Ông/Bà và rất mong nhận được sự thông cảm của Ông/Bà.',
    },
    { type: 'text', text: 'Thời gian hẹn trả kết quả lại: {newDueDate}', bold: true },
    { type: 'text', text: 'Trân trọng./.' },
    { type: 'signatures', left: null, right: { title: '{signerTitle}', note: '(Ký, ghi rõ họ tên và đóng dấu)', name: '{signerName}' } },
  ],
};

export const TT01_2018: readonly SlipTemplate[] = [RECEIPT_2018, SUPPLEMENT_2018, REJECTION_2018, APOLOGY_2018];
