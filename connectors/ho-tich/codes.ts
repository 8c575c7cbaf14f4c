/**
 * Codes of the hộ tịch connector. TrangThai 1/2/3/4/0 and the error codes 100/101/201/500 are the ones province
 * systems see from the Bộ Tư pháp service (DOMAIN.md); the dossier type codes (LoaiHoSo) are invented; the MaTTHC are
 * the procedures' codes on the National Database of Administrative Procedures.
 */
export const TRANG_THAI = {
  '1': { label: 'Tiếp nhận', labelEn: 'Received' },
  '2': { label: 'Yêu cầu bổ sung hồ sơ', labelEn: 'More documents needed' },
  '3': { label: 'Đủ điều kiện đăng ký', labelEn: 'Eligible' },
  '4': { label: 'Đã đăng ký, trả kết quả', labelEn: 'Registered, result issued' },
  '0': { label: 'Lỗi, không đăng ký được', labelEn: 'Error, not registered' },
} as const;

export type TrangThai = keyof typeof TRANG_THAI;
export const tenTrangThai = (s: string): string => TRANG_THAI[s as TrangThai]?.label ?? s;

/** Error codes of the real service, given as `details.MaLoi` / `TenLoi` in our error envelope. */
export const MA_LOI = {
  '100': { ten: 'AUTHEN_ERROR', vi: 'Sai thông tin xác thực tài khoản kết nối với Hệ thống hộ tịch', en: 'The connection account was refused by the civil-status system' },
  '101': { ten: 'IP_DISALLOWED', vi: 'Địa chỉ IP kết nối không được phép', en: 'The connecting IP address is not allowed' },
  '201': { ten: 'RECORD_NOT_FOUND', vi: 'Không tìm thấy hồ sơ', en: 'Dossier not found' },
  '500': { ten: 'INTERNAL_ERROR', vi: 'Lỗi hệ thống hộ tịch', en: 'Civil-status system error' },
} as const;

export type MaLoi = keyof typeof MA_LOI;
export const chiTietLoi = (ma: MaLoi) => ({ MaLoi: ma, TenLoi: MA_LOI[ma].ten });

export interface LoaiHoSoInfo {
  /** The body section carrying this type's content. */
  section: string;
  maTTHC: string;
  tenTTHC: string;
  /** Working days from receipt to the due date (0: within the day). */
  thoiHan: number;
}

export const LOAI_HO_SO = {
  KS: { section: 'KhaiSinh', maTTHC: '1.001193', tenTTHC: 'Đăng ký khai sinh', thoiHan: 0 },
  KT: { section: 'KhaiTu', maTTHC: '1.000656', tenTTHC: 'Đăng ký khai tử', thoiHan: 0 },
  KH: { section: 'KetHon', maTTHC: '1.000894', tenTTHC: 'Đăng ký kết hôn', thoiHan: 5 },
  CMC: { section: 'NhanChaMeCon', maTTHC: '1.001022', tenTTHC: 'Đăng ký nhận cha, mẹ, con', thoiHan: 3 },
  XNHN: { section: 'XacNhanTinhTrangHonNhan', maTTHC: '1.004873', tenTTHC: 'Cấp Giấy xác nhận tình trạng hôn nhân', thoiHan: 3 },
  TDCC: { section: 'ThayDoiCaiChinh', maTTHC: '1.004859', tenTTHC: 'Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch', thoiHan: 3 },
  KSBHYT: {
    section: 'KhaiSinh',
    maTTHC: '1.001193',
    tenTTHC: 'Liên thông đăng ký khai sinh, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi',
    thoiHan: 1,
  },
} as const satisfies Record<string, LoaiHoSoInfo>;

export type LoaiHoSo = keyof typeof LOAI_HO_SO;
/** The types nhanHoSoHoTich takes (KSBHYT has its own operation). */
export const LOAI_HO_SO_DON = ['KS', 'KT', 'KH', 'CMC', 'XNHN', 'TDCC'] as const satisfies readonly LoaiHoSo[];

/** What the registrar asks for when a dossier is sent back (scenario bo-sung, seeded dossiers in status 2). */
export const YEU_CAU_BO_SUNG: Record<LoaiHoSo, string> = {
  KS: 'Bổ sung bản chụp Giấy chứng sinh do cơ sở y tế cấp (bản đã nộp không đọc được số giấy chứng sinh)',
  KSBHYT: 'Bổ sung bản chụp Giấy chứng sinh do cơ sở y tế cấp (bản đã nộp không đọc được số giấy chứng sinh)',
  KT: 'Bổ sung Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử do cơ quan có thẩm quyền cấp',
  KH: 'Bổ sung Giấy xác nhận tình trạng hôn nhân của bên nữ do UBND cấp xã nơi thường trú cấp (còn giá trị sử dụng)',
  CMC: 'Bổ sung văn bản của cơ quan y tế, cơ quan giám định xác nhận quan hệ cha, mẹ, con',
  XNHN: 'Bổ sung bản chụp Quyết định/Bản án ly hôn đã có hiệu lực pháp luật',
  TDCC: 'Bổ sung giấy tờ chứng minh thông tin cần cải chính (bản chụp giấy tờ gốc)',
};

/** Why a dossier ended in status 0 (scenario loi-ho-so, seeded errors). */
export const LY_DO_LOI = [
  'Thông tin người yêu cầu không khớp với Cơ sở dữ liệu quốc gia về dân cư',
  'Sự kiện hộ tịch đã được đăng ký trước đó tại cơ quan khác (trùng hồ sơ)',
  'Không đúng thẩm quyền đăng ký của Ủy ban nhân dân cấp xã nơi nộp hồ sơ',
] as const;

/** The supplement deadline a registrar gives: 5 working days. */
export const HAN_BO_SUNG_NGAY_LAM_VIEC = 5;

/** Mã định danh of Bộ Tư pháp (QĐ 20/2020 format; plausible value, the same as the lý lịch tư pháp connector's). */
export const HO_TICH_AGENCY = '000.00.00.G12';

/** Signers of the communes' registrations (invented). */
export const NGUOI_KY = [
  { HoVaTen: 'Nguyễn Văn Thắng', ChucVu: 'Chủ tịch Ủy ban nhân dân' },
  { HoVaTen: 'Trần Thị Mỹ Linh', ChucVu: 'Phó Chủ tịch Ủy ban nhân dân' },
  { HoVaTen: 'Lê Hoàng Phúc', ChucVu: 'Phó Chủ tịch Ủy ban nhân dân' },
  { HoVaTen: 'Huỳnh Thanh Tâm', ChucVu: 'Chủ tịch Ủy ban nhân dân' },
] as const;
