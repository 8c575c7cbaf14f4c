/**
 * Codes of the đăng kiểm connector: kinds of vehicles, inspection centres, inspection periods and lifetime limits.
 * Periods summarise Thông tư 47/2024/TT-BGTVT and lifetimes Luật Trật tự, an toàn giao thông đường bộ 2024 (Điều 40);
 * centre codes follow the real "67xxD/68xxS" style but the list is the simulator's.
 */
import type { LoaiPhuongTien } from '../_shared/vehicles.js';

export const TEN_LOAI_PHUONG_TIEN: Record<LoaiPhuongTien, string> = {
  O_TO_CON: 'Ô tô con',
  O_TO_BAN_TAI: 'Ô tô tải (pick up cabin kép)',
  O_TO_TAI: 'Ô tô tải',
  O_TO_KHACH: 'Ô tô khách',
  O_TO_DAU_KEO: 'Ô tô đầu kéo',
  SO_MI_RO_MOOC: 'Sơ mi rơ moóc',
};

export const DON_VI_DANG_KIEM = {
  '6701D': 'Trung tâm Đăng kiểm xe cơ giới 6701D — Long Xuyên',
  '6702D': 'Trung tâm Đăng kiểm xe cơ giới 6702D — Châu Đốc',
  '6703D': 'Trung tâm Đăng kiểm xe cơ giới 6703D — Tân Châu',
  '6801S': 'Trung tâm Đăng kiểm phương tiện giao thông 6801S — Rạch Giá',
  '6802D': 'Trung tâm Đăng kiểm xe cơ giới 6802D — Phú Quốc',
} as const;
export type MaDonVi = keyof typeof DON_VI_DANG_KIEM;

/** The month period until the next inspection (first = the first inspection of a new vehicle). */
export function chuKyThang(loai: LoaiPhuongTien, kinhDoanh: boolean, tuoi: number, lanDau: boolean): number {
  if (loai === 'O_TO_CON' || loai === 'O_TO_BAN_TAI') {
    if (!kinhDoanh) return lanDau ? 36 : tuoi <= 7 ? 24 : tuoi <= 20 ? 12 : 6;
    return lanDau ? 24 : tuoi <= 5 ? 12 : 6;
  }
  if (loai === 'O_TO_KHACH') return lanDau ? 24 : tuoi <= 5 ? 12 : 6;
  return lanDau ? 24 : tuoi <= 7 ? 12 : tuoi <= 20 ? 6 : 3;
}

/** Last year of use: trucks and tractors 25 years, buses 20 years; cars and trailers have no limit. */
export function namHetNienHan(loai: LoaiPhuongTien, namSanXuat: number): number | undefined {
  if (loai === 'O_TO_TAI' || loai === 'O_TO_DAU_KEO') return namSanXuat + 25;
  if (loai === 'O_TO_KHACH') return namSanXuat + 20;
  return undefined;
}

export const LY_DO_KHONG_DAT = [
  'Hiệu quả phanh chính không đạt yêu cầu',
  'Độ ồn, khí thải vượt giới hạn cho phép',
  'Đèn chiếu sáng phía trước không đạt',
  'Lốp mòn quá giới hạn cho phép',
] as const;

export const CANH_BAO_VI_PHAM =
  'Phương tiện có thông báo vi phạm trật tự, an toàn giao thông đường bộ chưa chấp hành quyết định xử phạt (cảnh báo của Cục Cảnh sát giao thông)';
