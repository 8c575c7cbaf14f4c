/**
 * Codes of the mã số ĐVQHNS connector. The status codes are this simulator's own (the real service's are not public);
 * each maps to the DVCQG dossier status (DOMAIN.md) the province synchronises.
 */

/** Bộ Tài chính (plausible QĐ 20/2020 value, not verified). */
export const BTC_AGENCY = '000.00.00.G09';
/** Sở Tài chính tỉnh An Giang: receives the dossiers of the province's units (invented value in the QĐ 20/2020 format). */
export const SO_TAI_CHINH_AN_GIANG = '000.00.07.H01';
export const CO_QUAN_CAP = 'Sở Tài chính tỉnh An Giang';

export const TRANG_THAI = {
  DA_TIEP_NHAN: { label: 'Đã tiếp nhận', labelEn: 'Received', dvcqg: '2' },
  DANG_XU_LY: { label: 'Đang xử lý', labelEn: 'Processing', dvcqg: '4' },
  YEU_CAU_BO_SUNG: { label: 'Yêu cầu bổ sung hồ sơ', labelEn: 'Supplementary documents requested', dvcqg: '5' },
  DA_BO_SUNG: { label: 'Đã bổ sung hồ sơ', labelEn: 'Documents supplemented', dvcqg: '4' },
  DA_CAP_MA: { label: 'Đã cấp mã số', labelEn: 'Code issued', dvcqg: '9' },
  TU_CHOI: { label: 'Từ chối cấp mã số', labelEn: 'Refused', dvcqg: '8' },
  DA_RUT: { label: 'Đơn vị rút hồ sơ', labelEn: 'Withdrawn by the applicant', dvcqg: '7' },
} as const;

export type TrangThai = keyof typeof TRANG_THAI;

export const tenTrangThai = (s: string): string => TRANG_THAI[s as TrangThai]?.label ?? s;
export const maDvcqg = (s: string): string => TRANG_THAI[s as TrangThai]?.dvcqg ?? '4';

/**
 * Kind of unit, and the first digit of the 7-digit code issued to it (Thông tư 185/2015/TT-BTC as the simulator
 * reads it: 1 budget units, 3 other units related to the budget, 7/8 investment projects by phase).
 */
export const LOAI_HINH = {
  '1': 'Đơn vị dự toán, đơn vị sử dụng ngân sách nhà nước',
  '3': 'Đơn vị khác có quan hệ với ngân sách',
  '7': 'Dự án đầu tư giai đoạn chuẩn bị đầu tư',
  '8': 'Dự án đầu tư giai đoạn thực hiện đầu tư',
} as const;
export type LoaiHinh = keyof typeof LOAI_HINH;
export const laDuAn = (loai: string) => loai === '7' || loai === '8';

/** Time limit: 2 working days from receipt (the mock's reading of TT 185/2015; documented in README.md). */
export const THOI_HAN_NGAY_LAM_VIEC = 2;

export const NOI_DUNG_BO_SUNG =
  'Bổ sung bản sao Quyết định thành lập (hoặc Quyết định phê duyệt dự án) có chứng thực; tờ khai chưa ghi mã số đơn vị cấp trên quản lý trực tiếp';
export const LY_DO_TU_CHOI =
  'Đơn vị đã được cấp mã số quan hệ ngân sách trước đây (trùng tên, địa chỉ và quyết định thành lập); đề nghị sử dụng mã số đã cấp';
