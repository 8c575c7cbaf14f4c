/**
 * Codes of the bưu chính công ích connector. VNPost's public-service system does not publish its API; the status codes,
 * item-code prefixes, tariff and agency codes below are plausible, consistent and documented in README.md.
 */

/** Tổng Công ty Bưu điện Việt Nam (invented mã định danh in the QĐ 20/2020 format). */
export const VNPOST_AGENCY = '000.00.00.K01';

/** Trung tâm Phục vụ hành chính công tỉnh An Giang, whose dossiers the seeded orders carry (invented code). */
export const AG_MOT_CUA_AGENCY = '000.00.01.H01';
export const AG_MOT_CUA_TEN = 'Trung tâm Phục vụ hành chính công tỉnh An Giang';
export const AG_MOT_CUA_DIA_CHI = {
  MaTinh: '91',
  TenTinh: 'Tỉnh An Giang',
  MaXa: '30100',
  TenXa: 'Phường Long Xuyên',
  ChiTiet: 'Số 6 đường Lê Triệu Kiết, khóm Đông Thịnh',
  DiaChiDayDu: 'Số 6 đường Lê Triệu Kiết, khóm Đông Thịnh, Phường Long Xuyên, Tỉnh An Giang',
};
export const AG_MOT_CUA_SDT = '02963957979';

export const LOAI_DON = {
  THU_GOM: { label: 'Thu gom hồ sơ từ công dân gửi cơ quan giải quyết', prefix: 'EG' },
  TRA_KET_QUA: { label: 'Chuyển phát kết quả giải quyết TTHC đến công dân', prefix: 'ET' },
} as const;
export type LoaiDon = keyof typeof LOAI_DON;

/** Order status (TrangThai). */
export const TRANG_THAI = {
  '1': { label: 'Đã tạo đơn, chờ bưu tá đến lấy', labelEn: 'Order created, awaiting pickup' },
  '2': { label: 'Đã lấy hàng', labelEn: 'Picked up' },
  '3': { label: 'Đang vận chuyển', labelEn: 'In transit' },
  '5': { label: 'Đã phát thành công', labelEn: 'Delivered' },
  '6': { label: 'Phát không thành công', labelEn: 'Delivery failed' },
  '7': { label: 'Đang chuyển hoàn', labelEn: 'Returning to sender' },
  '8': { label: 'Đã chuyển hoàn cho người gửi', labelEn: 'Returned to sender' },
  '9': { label: 'Đã hủy', labelEn: 'Cancelled' },
} as const;
export type TrangThai = keyof typeof TRANG_THAI;
export const tenTrangThai = (s: string): string => TRANG_THAI[s as TrangThai]?.label ?? s;

export const HUONG_XU_LY = {
  PHAT_LAI: 'Phát lại (có thể kèm địa chỉ, số điện thoại mới)',
  CHUYEN_HOAN: 'Chuyển hoàn cho người gửi',
} as const;
export type HuongXuLy = keyof typeof HUONG_XU_LY;

export const LY_DO_PHAT_KHONG_THANH_CONG = 'Người nhận vắng nhà, đã liên hệ qua điện thoại 2 lần không được';
export const TRUNG_TAM_KHAI_THAC = 'Trung tâm khai thác, vận chuyển Bưu điện tỉnh An Giang';

/**
 * Tariff (invented; QĐ 45/2016/QĐ-TTg leaves prices to VNPost): within the province 22.000 đ up to 500 g then 3.000 đ per
 * further 500 g; to another province 32.000 đ then 5.000 đ; collecting fees for the agency (thu hộ) costs 1 %, at
 * least 5.000 đ.
 */
export function cuoc(khoiLuongGram: number, noiTinh: boolean, thuHo: number) {
  const extra = Math.max(0, Math.ceil(khoiLuongGram / 500) - 1);
  const cuocChinh = noiTinh ? 22_000 + 3_000 * extra : 32_000 + 5_000 * extra;
  const phiThuHo = thuHo > 0 ? Math.max(5_000, Math.round(thuHo / 100)) : 0;
  return { CuocChinh: cuocChinh, PhiThuHo: phiThuHo, TongCuoc: cuocChinh + phiThuHo };
}

/** Promised delivery: 2 days within the province, 4 to another one. */
export const soNgayDuKien = (noiTinh: boolean) => (noiTinh ? 2 : 4);

const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7] as const;

/** UPU S10 check digit over 8 serial digits: 11 − (Σ w·d mod 11), 10 → 0, 11 → 5. */
export function s10CheckDigit(serial: string): number {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += S10_WEIGHTS[i]! * Number(serial[i]);
  const c = 11 - (sum % 11);
  return c === 10 ? 0 : c === 11 ? 5 : c;
}

/** Mã vận đơn in the UPU S10 shape: 2 letters, 8 serial digits, check digit, VN. */
export const makeMaVanDon = (loai: LoaiDon, serial: number) => {
  const s = String(serial % 100_000_000).padStart(8, '0');
  return `${LOAI_DON[loai].prefix}${s}${s10CheckDigit(s)}VN`;
};

export function isMaVanDon(value: string): boolean {
  const m = /^(EG|ET)(\d{8})(\d)VN$/.exec(value);
  return !!m && s10CheckDigit(m[2]!) === Number(m[3]);
}
