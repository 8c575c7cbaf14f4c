/**
 * Codes of the điện lực (EVN) connector. EVN's customer-service API is not public; the request types follow EVN's
 * published "dịch vụ điện" list, the status codes, customer-code layout, tariffs and agency codes below are plausible,
 * consistent and documented in README.md.
 */

/** Tập đoàn Điện lực Việt Nam and Công ty Điện lực An Giang (invented mã định danh in the QĐ 20/2020 format). */
export const EVN_AGENCY = '000.00.00.K02';
export const PC_AN_GIANG = '000.00.09.K02';
export const PC_AN_GIANG_TEN = 'Công ty Điện lực An Giang';

/** Mã khách hàng: PB (EVNSPC) + 09 (PC An Giang) + 2-digit điện lực + 7 digits. */
export const MA_KHACH_HANG_PREFIX = 'PB09';
export const makeMaKhachHang = (dienLuc: number, serial: number) =>
  `${MA_KHACH_HANG_PREFIX}${String(dienLuc).padStart(2, '0')}${String(serial % 10_000_000).padStart(7, '0')}`;

export const LOAI_YEU_CAU = {
  CAP_DIEN_MOI_SINH_HOAT: { label: 'Cấp điện mới từ lưới điện hạ áp (mục đích sinh hoạt)', ngayLamViec: 3, lifecycle: 'hopDong' },
  CAP_DIEN_MOI_NGOAI_SINH_HOAT: { label: 'Cấp điện mới từ lưới điện hạ áp (ngoài mục đích sinh hoạt)', ngayLamViec: 4, lifecycle: 'hopDong' },
  THAY_DOI_CHU_THE: { label: 'Thay đổi chủ thể hợp đồng mua bán điện', ngayLamViec: 3, lifecycle: 'hopDong' },
  THAY_DOI_DINH_MUC: { label: 'Thay đổi định mức sử dụng điện (số hộ dùng chung)', ngayLamViec: 2, lifecycle: 'dichVu' },
  DI_DOI_CONG_TO: { label: 'Di dời công tơ, đường dây sau công tơ', ngayLamViec: 3, lifecycle: 'dichVu' },
} as const;
export type LoaiYeuCau = keyof typeof LOAI_YEU_CAU;
export const CAP_DIEN_MOI: readonly LoaiYeuCau[] = ['CAP_DIEN_MOI_SINH_HOAT', 'CAP_DIEN_MOI_NGOAI_SINH_HOAT'];

/** Service-request status (TrangThai). */
export const TRANG_THAI = {
  '1': { label: 'Đã tiếp nhận yêu cầu', labelEn: 'Received' },
  '2': { label: 'Đang khảo sát hiện trường', labelEn: 'Site survey' },
  '3': { label: 'Chờ bổ sung hồ sơ', labelEn: 'Awaiting documents' },
  '4': { label: 'Chờ khách hàng ký hợp đồng', labelEn: 'Awaiting contract signature' },
  '5': { label: 'Đang thi công, treo tháo công tơ', labelEn: 'Works, meter installation' },
  '6': { label: 'Đã hoàn thành', labelEn: 'Completed' },
  '7': { label: 'Từ chối', labelEn: 'Refused' },
  '8': { label: 'Khách hàng hủy yêu cầu', labelEn: 'Cancelled by the customer' },
} as const;
export type TrangThai = keyof typeof TRANG_THAI;
export const tenTrangThai = (s: string): string => TRANG_THAI[s as TrangThai]?.label ?? s;

export const TINH_TRANG_HOP_DONG = {
  HIEU_LUC: 'Đang cấp điện',
  TAM_NGUNG: 'Tạm ngừng cấp điện theo đề nghị',
  THANH_LY: 'Đã thanh lý hợp đồng',
} as const;

export const LOAI_TAI_LIEU = ['CCCD', 'GIAY_TO_NHA_DAT', 'GIAY_DANG_KY_KINH_DOANH', 'HOP_DONG_CU', 'GIAY_UY_QUYEN', 'KHAC'] as const;

export const NOI_DUNG_BO_SUNG = 'Thiếu giấy tờ chứng minh quyền sử dụng nhà, đất hợp pháp tại địa chỉ đề nghị cấp điện; đề nghị bổ sung ảnh chụp rõ nét';
export const LY_DO_TU_CHOI = 'Khu vực chưa có lưới điện hạ áp, khoảng cách từ điểm đấu nối đến công tơ vượt quá 200 m; Điện lực sẽ thông báo khi lưới điện được đầu tư';

/**
 * Household tariff (biểu giá bán lẻ điện sinh hoạt bậc thang from 10/5/2025, đ/kWh, before VAT) and a flat price for
 * other uses (kinh doanh / sản xuất, giờ bình thường, hạ áp); VAT 8 %.
 */
export const BAC_THANG: ReadonlyArray<[upToKwh: number, price: number]> = [
  [50, 1984], [100, 2050], [200, 2380], [300, 2998], [400, 3350], [Infinity, 3460],
];
export const GIA_NGOAI_SINH_HOAT = { 'Kinh doanh': 2887, 'Sản xuất': 1911, 'Hành chính sự nghiệp': 2072 } as const;
export const VAT = 0.08;

export function tienDienSinhHoat(kwh: number): number {
  let left = kwh;
  let prev = 0;
  let total = 0;
  for (const [upTo, price] of BAC_THANG) {
    const inStep = Math.min(left, upTo - prev);
    if (inStep <= 0) break;
    total += inStep * price;
    left -= inStep;
    prev = upTo;
  }
  return Math.round(total * (1 + VAT));
}

export const tienDienNgoaiSinhHoat = (kwh: number, mucDich: keyof typeof GIA_NGOAI_SINH_HOAT) =>
  Math.round(kwh * GIA_NGOAI_SINH_HOAT[mucDich] * (1 + VAT));

/** "Phường Long Xuyên" → "Điện lực Long Xuyên": each sample commune has its điện lực (customer-service unit). */
export const tenDienLuc = (tenXa: string) => `Điện lực ${tenXa.replace(/^(Phường|Xã|Đặc khu)\s+/, '')}`;

/** Tiny but genuine sample files for examples and tests: a 1×1 JPEG and a one-line PDF. */
export const TEP_MAU = {
  jpeg: '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  pdf: Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n').toString('base64'),
} as const;
