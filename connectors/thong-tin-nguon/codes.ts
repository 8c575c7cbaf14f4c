/**
 * Codes of the thông tin nguồn connector. The central source system's API is not public; content types, topics, device
 * states, report fields and codes below are plausible, consistent and documented in README.md.
 */
import { foldVietnamese } from '../../src/core/text.js';

/** Hệ thống thông tin nguồn Trung ương (invented mã định danh in the QĐ 20/2020 format). */
export const TTN_AGENCY = '000.00.00.G13';
export const FILE_BASE = 'https://thongtinnguon.gov.vn/tep';

export const LOAI_NOI_DUNG = {
  BAN_TIN_PHAT_THANH: 'Bản tin phát thanh',
  CHUONG_TRINH_PHAT_THANH: 'Chương trình phát thanh',
  BAN_TIN_DIEN_TU: 'Bản tin điện tử (bảng tin công cộng)',
} as const;
export type LoaiNoiDung = keyof typeof LOAI_NOI_DUNG;
export const PHAT_THANH: readonly LoaiNoiDung[] = ['BAN_TIN_PHAT_THANH', 'CHUONG_TRINH_PHAT_THANH'];

export const CHU_DE = [
  'Chính sách, pháp luật',
  'Chuyển đổi số',
  'Phòng, chống thiên tai',
  'Y tế, sức khỏe',
  'Nông nghiệp, nông thôn',
  'An ninh, trật tự',
  'Cải cách hành chính',
  'An sinh xã hội',
  'Sự kiện chính trị',
] as const;

/** Kinds of pushes the province sends up (LoaiDuLieu). */
export const LOAI_DU_LIEU = {
  BAN_TIN: 'Bản tin, chương trình của địa phương gửi lưu trữ',
  TRANG_THAI_THIET_BI: 'Trạng thái cụm loa, bảng tin điện tử (giám sát trực tuyến)',
  BAO_CAO_THONG_KE: 'Báo cáo thống kê hoạt động thông tin cơ sở',
} as const;
export type LoaiDuLieu = keyof typeof LOAI_DU_LIEU;

export const LOAI_THIET_BI = {
  CUM_LOA_IP: 'Cụm loa truyền thanh ứng dụng CNTT – viễn thông',
  BANG_TIN_DIEN_TU: 'Bảng tin điện tử công cộng',
} as const;

export const TRANG_THAI_THIET_BI = {
  HOAT_DONG: 'Đang hoạt động',
  MAT_KET_NOI: 'Mất kết nối',
  LOI: 'Lỗi thiết bị',
  TAT: 'Tắt theo lịch',
} as const;

/** A device that has not reported for this long is flagged (QuaHanBaoCao). */
export const HAN_BAO_CAO_PHUT = 30;

/** "Tỉnh An Giang" → "an-giang": the platform's province id, so a report can only be sent for the caller's province. */
export const provinceId = (tenTinh: string) => foldVietnamese(tenTinh.replace(/^(Tỉnh|Thành phố)\s+/, '')).replace(/\s+/g, '-');

export const LY_DO_THU_HOI = 'Nội dung có thông tin chưa chính xác, đã được thay thế bằng phiên bản mới; đề nghị dừng phát';
