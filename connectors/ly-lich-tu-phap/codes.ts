/**
 * Codes of the lý lịch tư pháp connector. DEC_STATUS 3/4/5 are the codes the province systems see from the Bộ Tư pháp
 * service (DOMAIN.md); 7 (từ chối) is invented here and documented in README.md.
 */
export const DEC_STATUS = {
  '3': { label: 'Đã tiếp nhận', labelEn: 'Received' },
  '4': { label: 'Đang xử lý', labelEn: 'Processing' },
  '5': { label: 'Đã cấp phiếu', labelEn: 'Certificate issued' },
  '7': { label: 'Từ chối cấp phiếu', labelEn: 'Refused' },
} as const;

export type DecStatus = keyof typeof DEC_STATUS;

export const tenTrangThai = (s: string): string => DEC_STATUS[s as DecStatus]?.label ?? s;

export const LOAI_PHIEU = {
  '1': 'Phiếu lý lịch tư pháp số 1',
  '2': 'Phiếu lý lịch tư pháp số 2',
} as const;

/** Trung tâm Lý lịch tư pháp quốc gia, Bộ Tư pháp (QĐ 20/2020 format; plausible value, not verified). */
export const LLTP_CENTRAL_AGENCY = '000.00.00.G12';

/** Sở Tư pháp tỉnh An Giang (invented mã định danh in the QĐ 20/2020 format): receives and issues for the province. */
export const SO_TU_PHAP_AN_GIANG = '000.00.14.H01';
export const TEN_CO_QUAN_CAP = 'Sở Tư pháp tỉnh An Giang';

/** Legal time limit: 10 working days from receipt (Luật Lý lịch tư pháp 2009, Điều 48). */
export const THOI_HAN_NGAY_LAM_VIEC = 10;

/** Fee (Thông tư 244/2016/TT-BTC): 200.000 đ per request; from the 3rd copy on, 5.000 đ each. */
export const LE_PHI_CO_BAN = 200_000;
export const LE_PHI_BAN_THEM = 5_000;

export const lePhi = (soLuongBanSao: number): number =>
  LE_PHI_CO_BAN + LE_PHI_BAN_THEM * Math.max(0, 1 + soLuongBanSao - 2);

export const NOI_DUNG_KHONG_AN_TICH = 'Không có án tích';

/** The refusal reason the mock gives (scenario reject). */
export const LY_DO_TU_CHOI =
  'Thông tin nhân thân kê khai chưa khớp với Cơ sở dữ liệu quốc gia về dân cư; đề nghị người yêu cầu kiểm tra, nộp lại hồ sơ kèm giấy tờ chứng minh';

/** Hẹn trả is counted in working days (one helper for every connector). */
export { addWorkingDays } from '../_shared/thoi-gian.js';
