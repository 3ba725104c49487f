/**
 * @module procedures/other — certification, residence, population and social procedures of the
 * commune (domain.md §6). Residence procedures are handled by the commune police (Công an xã).
 */
import { component, fee, FIELDS, requesterId, type ProcedureDef } from './build.ts';

const CHUNG_THUC = 'Nghị định 23/2015/NĐ-CP về chứng thực; Thông tư 226/2016/TT-BTC (phí chứng thực)';
const CU_TRU = 'Luật Cư trú 2020; Thông tư 66/2023/TT-BCA (mẫu CT01–CT06); Thông tư 75/2022/TT-BTC (lệ phí đăng ký cư trú)';
const FREE = fee('Không thu phí, lệ phí', 'le_phi', 0);

export const OTHER_PROCEDURES: readonly ProcedureDef[] = [
  {
    nationalCode: '2.000815',
    name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản',
    field: FIELDS.chungThuc,
    level: 'mot_phan',
    timeLimit: { value: 1, unit: 'same_day' },
    fees: [fee('Phí chứng thực bản sao từ bản chính', 'phi', 2000, 'page', 'any', '2.000 đ/trang cho 2 trang đầu, từ trang thứ 3 là 1.000 đ/trang, tối đa 200.000 đ/bản.')],
    components: [
      component('ban-chinh', 'Bản chính giấy tờ, văn bản cần chứng thực (xuất trình)', { documentTypes: [] }),
      component('ban-sao', 'Bản sao cần chứng thực', { originals: 0, copies: 1, documentTypes: [] }),
    ],
    resultName: 'Bản sao được chứng thực từ bản chính',
    paperResultRequired: true,
    legalBasis: `${CHUNG_THUC}. Nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo.`,
    unverified: ['quy tắc 15 giờ', 'phí từ trang thứ 3 và mức tối đa'],
  },
  {
    nationalCode: '2.000884',
    name: 'Chứng thực chữ ký trong giấy tờ, văn bản',
    field: FIELDS.chungThuc,
    level: 'mot_phan',
    timeLimit: { value: 1, unit: 'same_day' },
    fees: [fee('Phí chứng thực chữ ký', 'phi', 10000, 'case')],
    components: [
      component('giay-to-can-chung-thuc-chu-ky', 'Giấy tờ, văn bản cần chứng thực chữ ký', { documentTypes: [] }),
      requesterId(),
    ],
    resultName: 'Giấy tờ, văn bản đã được chứng thực chữ ký',
    paperResultRequired: true,
    legalBasis: `${CHUNG_THUC}. Người yêu cầu phải ký trước mặt người thực hiện chứng thực.`,
    unverified: ['thời hạn trong ngày', 'phí 10.000 đồng/trường hợp'],
  },
  {
    nationalCode: '1.004222',
    name: 'Đăng ký thường trú',
    field: FIELDS.cuTru,
    level: 'toan_trinh',
    timeLimit: { value: 7, unit: 'working_days' },
    fees: [
      fee('Lệ phí đăng ký thường trú', 'le_phi', 20000, 'case', 'direct'),
      fee('Lệ phí đăng ký thường trú (nộp trực tuyến)', 'le_phi', 10000, 'case', 'online'),
    ],
    components: [
      component('to-khai-ct01', 'Tờ khai thay đổi thông tin cư trú (mẫu CT01)'),
      component('giay-to-cho-o-hop-phap', 'Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp', {
        originals: 0,
        copies: 1,
        required: false,
        note: 'Không phải nộp nếu thông tin đã có trong cơ sở dữ liệu chuyên ngành.',
      }),
    ],
    resultName: 'Thông báo kết quả đăng ký thường trú (cập nhật CSDLQG về dân cư)',
    paperResultRequired: false,
    legalBasis: CU_TRU,
    unverified: ['thời hạn 07 ngày làm việc'],
  },
  {
    nationalCode: '1.004194',
    name: 'Đăng ký tạm trú',
    field: FIELDS.cuTru,
    level: 'toan_trinh',
    timeLimit: { value: 3, unit: 'working_days' },
    fees: [
      fee('Lệ phí đăng ký tạm trú', 'le_phi', 15000, 'case', 'direct'),
      fee('Lệ phí đăng ký tạm trú (nộp trực tuyến)', 'le_phi', 7000, 'case', 'online'),
    ],
    components: [
      component('to-khai-ct01', 'Tờ khai thay đổi thông tin cư trú (mẫu CT01)'),
      component('giay-to-cho-o-hop-phap', 'Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp', { originals: 0, copies: 1 }),
    ],
    resultName: 'Thông báo kết quả đăng ký tạm trú (cập nhật CSDLQG về dân cư)',
    paperResultRequired: false,
    legalBasis: CU_TRU,
    unverified: ['thời hạn 03 ngày làm việc', 'lệ phí 15.000 đ / 7.000 đ trực tuyến'],
  },
  {
    nationalCode: '1.002192',
    name: 'Cấp giấy chứng sinh đối với trường hợp trẻ được sinh ra ngoài cơ sở khám bệnh, chữa bệnh',
    field: FIELDS.danSo,
    level: 'mot_phan',
    timeLimit: { value: 3, unit: 'working_days' },
    fees: [FREE],
    components: [
      component('don-de-nghi-cap-giay-chung-sinh', 'Giấy đề nghị cấp giấy chứng sinh'),
      component('van-ban-lam-chung', 'Văn bản xác nhận của người làm chứng về việc sinh (nếu có)', { required: false }),
      requesterId(),
    ],
    resultName: 'Giấy chứng sinh',
    paperResultRequired: true,
    legalBasis: 'Luật Khám bệnh, chữa bệnh 2023; quy định của Bộ Y tế về cấp giấy chứng sinh.',
    unverified: ['thành phần hồ sơ', 'thời hạn 03 ngày làm việc', 'không thu phí', 'căn cứ pháp lý'],
  },
  {
    nationalCode: '2.001088',
    name: 'Xét hưởng chính sách hỗ trợ cho đối tượng sinh con đúng chính sách dân số',
    field: FIELDS.danSo,
    level: 'mot_phan',
    timeLimit: { value: 5, unit: 'working_days' },
    fees: [FREE],
    components: [
      component('don-de-nghi-ho-tro-sinh-con', 'Đơn đề nghị hưởng chính sách hỗ trợ'),
      component('giay-khai-sinh', 'Giấy khai sinh của trẻ (bản sao)', { originals: 0, copies: 1 }),
      requesterId(),
    ],
    resultName: 'Quyết định hỗ trợ',
    paperResultRequired: true,
    legalBasis: 'Nghị định 39/2015/NĐ-CP; nghị quyết của HĐND tỉnh về chính sách dân số.',
    unverified: ['thành phần hồ sơ', 'thời hạn 05 ngày làm việc', 'căn cứ pháp lý'],
  },
  {
    nationalCode: '1.010941',
    name: 'Đăng ký cai nghiện ma túy tự nguyện',
    field: FIELDS.teNan,
    level: 'mot_phan',
    timeLimit: { value: 3, unit: 'working_days' },
    fees: [FREE],
    components: [
      component('don-dang-ky-cai-nghien-tu-nguyen', 'Đơn đăng ký cai nghiện ma túy tự nguyện'),
      requesterId(),
    ],
    resultName: 'Thông báo tiếp nhận đăng ký cai nghiện ma túy tự nguyện',
    paperResultRequired: false,
    legalBasis: 'Luật Phòng, chống ma túy 2021; Nghị định 116/2021/NĐ-CP.',
    unverified: ['thành phần hồ sơ', 'thời hạn 03 ngày làm việc'],
  },
  {
    nationalCode: '1.011607',
    name: 'Xác nhận hộ nghèo, hộ cận nghèo',
    field: FIELDS.baoTro,
    level: 'mot_phan',
    timeLimit: { value: 5, unit: 'working_days' },
    fees: [FREE],
    components: [
      component('giay-de-nghi-xac-nhan-ho-ngheo', 'Giấy đề nghị xác nhận hộ nghèo, hộ cận nghèo'),
      requesterId(),
    ],
    resultName: 'Giấy xác nhận hộ nghèo, hộ cận nghèo',
    paperResultRequired: true,
    legalBasis: 'Nghị định 07/2021/NĐ-CP (chuẩn nghèo đa chiều); Quyết định 24/2021/QĐ-TTg.',
    unverified: ['thành phần hồ sơ', 'thời hạn 05 ngày làm việc', 'không thu phí'],
  },
];
