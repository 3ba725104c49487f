/** The Vietnamese name of each history event, as the desk and the citizen read it. */
const EVENT_NAMES: Record<string, string> = {
  'v1.DossierCreated': 'Tạo hồ sơ',
  'v1.DossierSubmitted': 'Nộp hồ sơ',
  'v1.DossierReceived': 'Tiếp nhận hồ sơ',
  'v1.DossierRejected': 'Từ chối tiếp nhận',
  'v1.SupplementRequested': 'Yêu cầu bổ sung',
  'v1.SupplementProvided': 'Công dân bổ sung hồ sơ',
  'v1.SupplementAccepted': 'Nhận hồ sơ bổ sung',
  'v1.ProcessingStarted': 'Chuyển xử lý',
  'v1.StepMoved': 'Chuyển bước',
  'v1.PaymentRequested': 'Yêu cầu thực hiện nghĩa vụ tài chính',
  'v1.PaymentConfirmed': 'Xác nhận đã nộp phí',
  'v1.DossierResolved': 'Đã xử lý xong',
  'v1.ResultReturned': 'Trả kết quả',
  'v1.WithdrawalRequested': 'Công dân yêu cầu rút hồ sơ',
  'v1.DossierWithdrawn': 'Rút hồ sơ',
  'v1.ProcessingStopped': 'Dừng xử lý',
  'v1.StepReturned': 'Trả lại bước trước',
  'v1.ResultAttached': 'Tải lên kết quả',
  'v1.ApologyIssued': 'Phiếu xin lỗi và hẹn lại ngày trả kết quả',
  'v1.DossierRated': 'Đánh giá mức độ hài lòng',
  'v1.ContentEdited': 'Cập nhật thông tin hồ sơ',
  'v1.IdentityChecked': 'Kiểm tra thông tin công dân',
  'v1.ResultStored': 'Lưu kết quả vào kho dữ liệu điện tử',
  'v1.ConflictResolved': 'Xem xét thao tác bị từ chối',
};

/** The name of an event type; the raw type when unknown (a newer version). */
export function eventName(type: string): string {
  return EVENT_NAMES[type] ?? type;
}
