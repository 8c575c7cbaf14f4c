/** Status codes of business-registration dossiers (invented names; the real service's codes are not public). */
export const DKDN_STATUS_LABELS = {
  MOI_NOP: 'Mới nộp',
  DANG_XU_LY: 'Đang xử lý',
  YEU_CAU_BO_SUNG: 'Yêu cầu bổ sung hồ sơ',
  DA_CAP: 'Đã cấp Giấy chứng nhận',
  TU_CHOI: 'Từ chối',
} as const;

/** Phòng Đăng ký kinh doanh, Sở Tài chính An Giang (invented mã định danh in the QĐ 20/2020 format). */
export const PROVINCE_DKKD_AGENCY = '000.00.07.H01';
