/**
 * Codes of the dân cư connector. The real service (C06, Bộ Công an) publishes neither its purpose codes nor the
 * field sets each purpose may read; these are invented, documented in README.md, and follow the rule of
 * Nghị định 13/2023/NĐ-CP (minimum necessary data for a stated purpose).
 */

/** Every field of the CongDan object on the wire, in the order the service prints them. */
export const TRUONG_CONG_DAN = [
  'SoDinhDanh',
  'SoCMND',
  'HoVaTen',
  'NgayThangNamSinh',
  'GioiTinh',
  'DanToc',
  'TonGiao',
  'QuocTich',
  'QueQuan',
  'NoiThuongTru',
  'NoiOHienTai',
  'TinhTrangHonNhan',
  'HoTenCha',
  'HoTenMe',
  'ChuHo',
  'MaHoGiaDinh',
  'NgheNghiep',
  'SoDienThoai',
  'NgayCapCCCD',
] as const;

export type TruongCongDan = (typeof TRUONG_CONG_DAN)[number];

/** What the caller already knows (it sent them): always returned, whatever the purpose. */
export const TRUONG_LUON_TRA: readonly TruongCongDan[] = ['SoDinhDanh', 'HoVaTen', 'NgayThangNamSinh'];

const NHAN_THAN: readonly TruongCongDan[] = [...TRUONG_LUON_TRA, 'GioiTinh', 'SoCMND', 'NgayCapCCCD'];

export interface MucDichKhaiThac {
  ten: string;
  tenEn: string;
  /** Fields this purpose may read. */
  truong: readonly TruongCongDan[];
  /** May list the members of the household (thanhVienHoGiaDinh). */
  hoGiaDinh: boolean;
}

/** Purpose codes (mục đích khai thác) and the field set each one allows. */
export const MUC_DICH: Record<string, MucDichKhaiThac> = {
  XAC_MINH_DANH_TINH: {
    ten: 'Xác minh danh tính người nộp hồ sơ (thay thế bản sao CCCD/CMND)',
    tenEn: 'Verify the applicant’s identity (instead of an ID card copy)',
    truong: NHAN_THAN,
    hoGiaDinh: false,
  },
  TU_DONG_DIEN_BIEU_MAU: {
    ten: 'Tự động điền thông tin công dân vào biểu mẫu điện tử',
    tenEn: 'Pre-fill the citizen’s data into e-forms',
    truong: [...NHAN_THAN, 'DanToc', 'TonGiao', 'QuocTich', 'QueQuan', 'NoiThuongTru', 'NoiOHienTai', 'NgheNghiep', 'SoDienThoai'],
    hoGiaDinh: false,
  },
  THAY_THE_SO_HO_KHAU: {
    ten: 'Thay thế việc nộp sổ hộ khẩu, xác nhận thông tin cư trú',
    tenEn: 'Replace the household book (residence and household data)',
    truong: [...NHAN_THAN, 'NoiThuongTru', 'NoiOHienTai', 'ChuHo', 'MaHoGiaDinh'],
    hoGiaDinh: true,
  },
  GIAI_QUYET_TTHC: {
    ten: 'Giải quyết thủ tục hành chính (cán bộ thụ lý hồ sơ)',
    tenEn: 'Process an administrative procedure (case officer)',
    truong: TRUONG_CONG_DAN,
    hoGiaDinh: true,
  },
};

export const MA_MUC_DICH = Object.keys(MUC_DICH);

export const TINH_TRANG_HON_NHAN = {
  'doc-than': 'Chưa kết hôn',
  'da-ket-hon': 'Đã kết hôn',
  'ly-hon': 'Đã ly hôn',
  goa: 'Góa',
} as const;

/** TrangThaiDuLieu of an answer: 1 the record is synchronised and verified, 2 not yet (scenario thong-tin-chua-dong-bo). */
export const TRANG_THAI_DU_LIEU = {
  '1': 'Dữ liệu đã được đồng bộ, xác thực',
  '2': 'Dữ liệu chưa được đồng bộ đầy đủ từ Công an cấp xã; cần đối chiếu giấy tờ khi giải quyết',
} as const;

/** Mã định danh of Bộ Công an (QĐ 20/2020 format; the value is plausible, not verified against the official list). */
export const DAN_CU_AGENCY = '000.00.00.G01';
