/**
 * Codes of the cán bộ, công chức, viên chức connector. Ranks (ngạch) and professional titles (chức danh nghề nghiệp)
 * are the official codes (Thông tư 02/2021/TT-BNV for administrative civil servants, Thông tư 04/2021/TT-BGDĐT for
 * upper-secondary teachers, Thông tư liên tịch 10/2015/TTLT-BYT-BNV for doctors); salary scales are those of Nghị
 * định 204/2004/NĐ-CP. Record identifiers, statuses and field names are invented and documented in README.md.
 */
export type Loai = 'CAN_BO' | 'CONG_CHUC' | 'VIEN_CHUC';

/** A salary group: coefficient of step 1, the step increment and the number of steps. */
interface Nhom {
  batDau: number;
  buoc: number;
  soBac: number;
}

export const NHOM_LUONG: Record<string, Nhom> = {
  A0: { batDau: 2.1, buoc: 0.31, soBac: 10 },
  A1: { batDau: 2.34, buoc: 0.33, soBac: 9 },
  'A2.1': { batDau: 4.4, buoc: 0.34, soBac: 8 },
  'A2.2': { batDau: 4.0, buoc: 0.34, soBac: 8 },
  'A3.1': { batDau: 6.2, buoc: 0.36, soBac: 6 },
};

export interface Ngach {
  ten: string;
  nhom: keyof typeof NHOM_LUONG;
  /** Ranks of civil servants (công chức) vs professional titles of public employees (viên chức). */
  loai: 'cong-chuc' | 'vien-chuc';
}

export const NGACH: Record<string, Ngach> = {
  '01.001': { ten: 'Chuyên viên cao cấp', nhom: 'A3.1', loai: 'cong-chuc' },
  '01.002': { ten: 'Chuyên viên chính', nhom: 'A2.1', loai: 'cong-chuc' },
  '01.003': { ten: 'Chuyên viên', nhom: 'A1', loai: 'cong-chuc' },
  '01.004': { ten: 'Cán sự', nhom: 'A0', loai: 'cong-chuc' },
  'V.07.05.13': { ten: 'Giáo viên trung học phổ thông hạng I', nhom: 'A2.1', loai: 'vien-chuc' },
  'V.07.05.14': { ten: 'Giáo viên trung học phổ thông hạng II', nhom: 'A2.2', loai: 'vien-chuc' },
  'V.07.05.15': { ten: 'Giáo viên trung học phổ thông hạng III', nhom: 'A1', loai: 'vien-chuc' },
  'V.08.01.01': { ten: 'Bác sĩ cao cấp (hạng I)', nhom: 'A3.1', loai: 'vien-chuc' },
  'V.08.01.02': { ten: 'Bác sĩ chính (hạng II)', nhom: 'A2.1', loai: 'vien-chuc' },
  'V.08.01.03': { ten: 'Bác sĩ (hạng III)', nhom: 'A1', loai: 'vien-chuc' },
};

/** The salary coefficient of a rank at a step (two decimals), or null when the rank has no such step. */
export function heSoLuong(maNgach: string, bac: number): number | null {
  const n = NGACH[maNgach];
  const g = n && NHOM_LUONG[n.nhom];
  if (!g || bac < 1 || bac > g.soBac) return null;
  return Math.round((g.batDau + g.buoc * (bac - 1)) * 100) / 100;
}

export const TINH_TRANG = {
  DANG_CONG_TAC: 'Đang công tác',
  NGHI_HUU: 'Đã nghỉ hưu',
  THOI_VIEC: 'Thôi việc',
  CHUYEN_CONG_TAC: 'Chuyển công tác ra ngoài tỉnh',
} as const;

export const TRINH_DO = ['Trung cấp', 'Cao đẳng', 'Đại học', 'Thạc sĩ', 'Tiến sĩ'] as const;
export const LY_LUAN_CHINH_TRI = ['Chưa qua đào tạo', 'Sơ cấp', 'Trung cấp', 'Cao cấp', 'Cử nhân'] as const;

/** Mã định danh of Bộ Nội vụ (QĐ 20/2020 format; plausible value, not verified). */
export const BO_NOI_VU_AGENCY = '000.00.00.G09';

/** Sở Nội vụ An Giang sends the province's records (the same code as in connectors/_shared/co-quan.ts). */
export const SO_NOI_VU = '000.00.02.H01';
