/**
 * Codes of the bảo hiểm connector. Card groups and benefit levels follow the BHYT card code rules (mã đối tượng,
 * mức hưởng 1–5); `maKetQua` of the card check follows the result codes of the BHYT card-check service of the
 * giám định portal (the subset this mock produces); participation types and field names are invented.
 */
export const DOI_TUONG = {
  TE: { ten: 'Trẻ em dưới 6 tuổi', muc: 1 },
  BT: { ten: 'Người thuộc diện hưởng trợ cấp bảo trợ xã hội hằng tháng', muc: 2 },
  HN: { ten: 'Người thuộc hộ gia đình nghèo', muc: 2 },
  CN: { ten: 'Người thuộc hộ gia đình cận nghèo', muc: 3 },
  HT: { ten: 'Người hưởng lương hưu', muc: 3 },
  HS: { ten: 'Học sinh', muc: 4 },
  SV: { ten: 'Sinh viên', muc: 4 },
  HC: { ten: 'Cán bộ, công chức, viên chức', muc: 4 },
  DN: { ten: 'Người lao động trong doanh nghiệp', muc: 4 },
  GD: { ten: 'Người tham gia BHYT theo hộ gia đình', muc: 4 },
} as const;

export type MaDoiTuong = keyof typeof DOI_TUONG;

/** Share of covered costs by benefit level (mức hưởng): 1–2 → 100 %, 3 → 95 %, 4 → 80 %. */
export const MUC_HUONG: Record<number, 100 | 95 | 80> = { 1: 100, 2: 100, 3: 95, 4: 80 };

export const MA_KET_QUA = {
  '000': 'Thông tin thẻ chính xác',
  '003': 'Thẻ cũ hết giá trị sử dụng nhưng được cấp thẻ mới',
  '010': 'Thẻ hết giá trị sử dụng',
  '050': 'Không thấy thông tin thẻ BHYT',
  '060': 'Thẻ sai họ tên',
  '070': 'Thẻ sai ngày sinh',
  '110': 'Thẻ đã thu hồi',
  '120': 'Thẻ đã báo giảm',
} as const;

export type MaKetQua = keyof typeof MA_KET_QUA;

export const LOAI_HINH = {
  BHXH_BB: 'BHXH bắt buộc',
  BHXH_TN: 'BHXH tự nguyện',
  BHYT_HGD: 'BHYT hộ gia đình',
  BHYT_NSNN: 'BHYT do ngân sách nhà nước đóng',
  BHYT_HSSV: 'BHYT học sinh, sinh viên',
  HUU_TRI: 'Hưởng lương hưu',
} as const;

/** Lương cơ sở from 1/7/2024 (Nghị định 73/2024/NĐ-CP). */
export const LUONG_CO_SO = 2_340_000;

/**
 * BHYT hộ gia đình (Nghị định 146/2018/NĐ-CP, Điều 7): the first member pays 4.5 % of the base salary a month, the
 * second 70 %, the third 60 %, the fourth 50 % of the first's, from the fifth on 40 %.
 */
export function mucDongHoGiaDinh(thuTu: number): number {
  const he = [1, 0.7, 0.6, 0.5][thuTu - 1] ?? 0.4;
  return Math.round(LUONG_CO_SO * 0.045 * he);
}

export const CQ_BHXH = 'Bảo hiểm xã hội tỉnh An Giang';

/** Mã định danh of Bảo hiểm Xã hội Việt Nam (QĐ 20/2020 format; plausible value, not verified). */
export const BHXH_AGENCY = '000.00.00.D05';
