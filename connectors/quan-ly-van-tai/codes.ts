/**
 * Codes of the road-transport management connector: procedures (with the simulator's own procedure codes in the
 * format of the national TTHC database), kinds of transport business and badges (Nghị định 10/2020/NĐ-CP), and the
 * DVCQG dossier statuses (DOMAIN.md).
 */
import { TRANG_THAI_HO_SO as TRANG_THAI_HO_SO_DVCQG, type TrangThaiHoSo } from '../../src/core/trang-thai-ho-so.js';
import type { LoaiPhuongTien } from '../_shared/vehicles.js';

export const THU_TUC = {
  '1.002861': { ten: 'Cấp Giấy phép kinh doanh vận tải bằng xe ô tô', ketQua: 'GIAY_PHEP', soNgayLamViec: 5 },
  '1.002859': { ten: 'Cấp lại Giấy phép kinh doanh vận tải bằng xe ô tô khi thay đổi nội dung', ketQua: 'GIAY_PHEP', soNgayLamViec: 5 },
  '1.002856': { ten: 'Cấp phù hiệu xe ô tô kinh doanh vận tải', ketQua: 'PHU_HIEU', soNgayLamViec: 2 },
  '1.002855': { ten: 'Cấp lại phù hiệu xe ô tô kinh doanh vận tải', ketQua: 'PHU_HIEU', soNgayLamViec: 2 },
  '1.002852': { ten: 'Đăng ký khai thác tuyến vận tải hành khách cố định bằng xe ô tô', ketQua: 'VAN_BAN', soNgayLamViec: 5 },
} as const;
export type MaTTHC = keyof typeof THU_TUC;

/** The DVCQG dossier status names, from the one table in src/core. */
export const TRANG_THAI_HO_SO = Object.fromEntries(
  Object.entries(TRANG_THAI_HO_SO_DVCQG).map(([code, name]) => [code, name.vi]),
) as { [K in TrangThaiHoSo]: (typeof TRANG_THAI_HO_SO_DVCQG)[K]['vi'] };
export type { TrangThaiHoSo };

export const LOAI_HINH_KINH_DOANH = {
  HANH_KHACH_TUYEN_CO_DINH: 'Kinh doanh vận tải hành khách bằng xe ô tô theo tuyến cố định',
  HANH_KHACH_HOP_DONG: 'Kinh doanh vận tải hành khách bằng xe ô tô theo hợp đồng',
  TAXI: 'Kinh doanh vận tải hành khách bằng xe taxi',
  HANG_HOA: 'Kinh doanh vận tải hàng hóa bằng xe ô tô',
  HANG_HOA_CONTAINER: 'Kinh doanh vận tải hàng hóa bằng công-ten-nơ',
} as const;
export type LoaiHinh = keyof typeof LOAI_HINH_KINH_DOANH;

export const LOAI_PHU_HIEU = {
  XE_CHAY_TUYEN_CO_DINH: 'XE CHẠY TUYẾN CỐ ĐỊNH',
  XE_HOP_DONG: 'XE HỢP ĐỒNG',
  XE_TAXI: 'XE TAXI',
  XE_TAI: 'XE TẢI',
  XE_CONTAINER: 'XE CÔNG-TEN-NƠ',
  XE_DAU_KEO: 'XE ĐẦU KÉO',
} as const;
export type LoaiPhuHieu = keyof typeof LOAI_PHU_HIEU;

/** The badge a business vehicle carries for the unit's kind of business (trailers carry none). */
export function phuHieuFor(loai: LoaiPhuongTien, loaiHinh: LoaiHinh[]): LoaiPhuHieu | null {
  switch (loai) {
    case 'O_TO_KHACH':
      return loaiHinh.includes('HANH_KHACH_TUYEN_CO_DINH') ? 'XE_CHAY_TUYEN_CO_DINH' : 'XE_HOP_DONG';
    case 'O_TO_CON':
      return loaiHinh.includes('TAXI') ? 'XE_TAXI' : 'XE_HOP_DONG';
    case 'O_TO_DAU_KEO':
      return loaiHinh.includes('HANG_HOA_CONTAINER') ? 'XE_CONTAINER' : 'XE_DAU_KEO';
    case 'O_TO_TAI':
    case 'O_TO_BAN_TAI':
      return 'XE_TAI';
    default:
      return null;
  }
}

/** A badge is valid 7 years, never beyond the vehicle's lifetime (NĐ 10/2020, Điều 22). */
export const NAM_HIEU_LUC_PHU_HIEU = 7;

export const PHONG_BAN = {
  TIEP_NHAN: 'Bộ phận Một cửa — Trung tâm Phục vụ hành chính công tỉnh An Giang',
  XU_LY: 'Phòng Quản lý vận tải, phương tiện và người lái — Sở Xây dựng',
  LANH_DAO: 'Ban Giám đốc Sở Xây dựng',
} as const;

interface CanBo {
  ten: string;
  chucDanh: string;
}

export const CAN_BO: Record<keyof typeof PHONG_BAN, readonly CanBo[]> = {
  TIEP_NHAN: [{ ten: 'Nguyễn Thị Thu Trang', chucDanh: 'Công chức tiếp nhận' }, { ten: 'Lâm Quốc Bảo', chucDanh: 'Công chức tiếp nhận' }],
  XU_LY: [{ ten: 'Trần Minh Khoa', chucDanh: 'Chuyên viên' }, { ten: 'Huỳnh Thị Kim Ngân', chucDanh: 'Chuyên viên' }],
  LANH_DAO: [{ ten: 'Phan Văn Lực', chucDanh: 'Phó Giám đốc' }],
};
