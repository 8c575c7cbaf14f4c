/**
 * Codes of the trợ giúp xã hội connector. Beneficiary groups, coefficients and the standard amount follow Nghị định
 * 20/2021/NĐ-CP (as amended by Nghị định 76/2024/NĐ-CP); the group codes, the status codes and the field names are
 * invented (the real system's are not public) and documented in README.md.
 */
import { ageOn } from '../_shared/thoi-gian.js';

/** Mức chuẩn trợ giúp xã hội from 1/7/2024 (Nghị định 76/2024/NĐ-CP): 500.000 đồng a month. */
export const MUC_CHUAN = 500_000;

export const NHOM_DOI_TUONG = {
  K1: 'Trẻ em dưới 16 tuổi không có nguồn nuôi dưỡng',
  K2: 'Người từ 16 đến 22 tuổi đang đi học, không có nguồn nuôi dưỡng',
  K3: 'Trẻ em nhiễm HIV/AIDS thuộc hộ nghèo',
  K4: 'Người đơn thân thuộc hộ nghèo đang nuôi con',
  K5A: 'Người cao tuổi thuộc hộ nghèo không có người phụng dưỡng',
  K5B: 'Người từ 75 đến 80 tuổi thuộc hộ nghèo, cận nghèo',
  K5C: 'Người từ đủ 80 tuổi trở lên không có lương hưu, trợ cấp bảo hiểm xã hội',
  K6N: 'Người khuyết tật nặng',
  K6DBN: 'Người khuyết tật đặc biệt nặng',
  K7: 'Trẻ em dưới 3 tuổi thuộc hộ nghèo, cận nghèo ở xã, thôn đặc biệt khó khăn',
  K8: 'Người nhiễm HIV/AIDS thuộc hộ nghèo không có nguồn thu nhập ổn định',
} as const;

export type Nhom = keyof typeof NHOM_DOI_TUONG;

/**
 * Hệ số (Nghị định 20/2021/NĐ-CP, Điều 6 and Điều 20) for the group, the person's age and, for a single parent, the
 * number of children they raise. Children (under 16) and old people (60+) with a disability get the higher factor.
 */
export function heSo(nhom: Nhom, ngaySinhIso: string, onIso: string, soCon = 1): number {
  const age = ageOn(ngaySinhIso, onIso);
  switch (nhom) {
    case 'K1': return age < 4 ? 2.5 : 1.5;
    case 'K3': return age < 4 ? 2.5 : 2.0;
    case 'K4': return soCon;
    case 'K5A': return age >= 80 ? 2.0 : 1.5;
    case 'K5B':
    case 'K5C': return 1.0;
    case 'K6N': return age < 16 || age >= 60 ? 2.0 : 1.5;
    case 'K6DBN': return age < 16 || age >= 60 ? 2.5 : 2.0;
    default: return 1.5; // K2, K7, K8
  }
}

export const mucTroCap = (h: number, mucChuan = MUC_CHUAN): number => Math.round(h * mucChuan);

/** The standard amount in force on a date: 270.000 đ (Nghị định 136/2013), 360.000 đ from 1/7/2021, 500.000 đ from 1/7/2024. */
export const mucChuanTai = (iso: string): number => (iso < '2021-07-01' ? 270_000 : iso < '2024-07-01' ? 360_000 : MUC_CHUAN);

/** Who may claim each group, by age on the day of the claim (null: no age bound). */
export const DO_TUOI: Partial<Record<Nhom, [number | null, number | null]>> = {
  K1: [null, 15], K2: [16, 22], K3: [null, 15], K5A: [60, null], K5B: [75, 79], K5C: [80, null], K7: [null, 2],
};

export const TRANG_THAI = {
  '1': { label: 'Tiếp nhận', labelEn: 'Received' },
  '2': { label: 'Hội đồng xét duyệt cấp xã đang xét duyệt', labelEn: 'Under review by the commune council' },
  '3': { label: 'Niêm yết công khai kết quả xét duyệt', labelEn: 'Review result publicly posted' },
  '4': { label: 'Yêu cầu bổ sung hồ sơ', labelEn: 'More documents needed' },
  '5': { label: 'Đã có quyết định', labelEn: 'Decision issued' },
  '6': { label: 'Không đủ điều kiện', labelEn: 'Not eligible' },
  '7': { label: 'Đã rút hồ sơ', labelEn: 'Withdrawn' },
} as const;

export type TrangThai = keyof typeof TRANG_THAI;
export const tenTrangThai = (s: string): string => TRANG_THAI[s as TrangThai]?.label ?? s;

export const LOAI_HO_SO = {
  HUONG_MOI: { ten: 'Đề nghị hưởng trợ cấp xã hội hằng tháng', maTTHC: '1.001776', thoiHan: 10 },
  DIEU_CHINH: { ten: 'Điều chỉnh mức trợ cấp xã hội hằng tháng', maTTHC: '1.001776', thoiHan: 10 },
  THOI_HUONG: { ten: 'Thôi hưởng trợ cấp xã hội hằng tháng', maTTHC: '1.001776', thoiHan: 5 },
  MAI_TANG: { ten: 'Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội', maTTHC: '1.001731', thoiHan: 3 },
} as const;

export type LoaiHoSo = keyof typeof LOAI_HO_SO;

export const YEU_CAU_BO_SUNG: Record<LoaiHoSo, string> = {
  HUONG_MOI: 'Bổ sung Giấy xác nhận khuyết tật hoặc giấy tờ chứng minh đối tượng thuộc hộ nghèo (bản chụp rõ nét)',
  DIEU_CHINH: 'Bổ sung giấy tờ chứng minh thay đổi điều kiện hưởng (Giấy xác nhận mức độ khuyết tật mới)',
  THOI_HUONG: 'Bổ sung văn bản xác nhận của Ủy ban nhân dân cấp xã về việc đối tượng không còn đủ điều kiện hưởng',
  MAI_TANG: 'Bổ sung bản chụp Giấy chứng tử hoặc Trích lục khai tử của đối tượng',
};

export const LY_DO_KHONG_DU_DIEU_KIEN = [
  'Hội đồng xét duyệt xác định đối tượng có người có nghĩa vụ và quyền phụng dưỡng theo quy định',
  'Hộ gia đình của đối tượng không thuộc danh sách hộ nghèo năm hiện hành',
  'Có ý kiến phản ánh trong thời gian niêm yết công khai, xác minh không đủ điều kiện hưởng',
] as const;

/** Mã định danh of the ministry's system (QĐ 20/2020 format; plausible value, not verified). */
export const TGXH_AGENCY = '000.00.00.G10';

/** Signers of the communes' decisions (invented). */
export const NGUOI_KY = [
  { HoVaTen: 'Phạm Văn Thành', ChucVu: 'Chủ tịch Ủy ban nhân dân' },
  { HoVaTen: 'Đỗ Thị Kim Ngân', ChucVu: 'Phó Chủ tịch Ủy ban nhân dân' },
  { HoVaTen: 'Võ Minh Trí', ChucVu: 'Phó Chủ tịch Ủy ban nhân dân' },
] as const;
