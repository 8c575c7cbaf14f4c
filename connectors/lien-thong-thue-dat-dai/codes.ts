/**
 * Codes of the TNMT–Thuế liên thông connector. The status codes, agency codes and the land/house price table are the
 * simulator's own (the real exchange's codes are not public); the tax rules follow the laws named beside them.
 */

/** Dossier status (TrangThai) on the liên thông exchange between the land registry office and the tax office. */
export const TRANG_THAI = {
  '01': { label: 'Đã gửi phiếu chuyển thông tin sang cơ quan thuế', labelEn: 'Transfer slip sent to the tax office' },
  '02': { label: 'Cơ quan thuế đã tiếp nhận', labelEn: 'Received by the tax office' },
  '03': { label: 'Cơ quan thuế trả hồ sơ', labelEn: 'Returned by the tax office' },
  '04': { label: 'Đã có thông báo nộp tiền, chờ nộp tiền', labelEn: 'Tax notice issued, awaiting payment' },
  '05': { label: 'Đã nộp tiền, chờ đối soát', labelEn: 'Paid, awaiting reconciliation' },
  '06': { label: 'Đã hoàn thành nghĩa vụ tài chính', labelEn: 'Financial obligations fulfilled' },
  '07': { label: 'Đã cập nhật biến động, có kết quả', labelEn: 'Land record updated, result issued' },
  '08': { label: 'Dừng liên thông (người sử dụng đất rút hồ sơ)', labelEn: 'Stopped (the applicant withdrew)' },
} as const;
export type TrangThai = keyof typeof TRANG_THAI;
export const tenTrangThai = (s: string): string => TRANG_THAI[s as TrangThai]?.label ?? s;

export const LOAI_THU_TUC = {
  CHUYEN_NHUONG: 'Đăng ký biến động do chuyển nhượng quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất',
  TANG_CHO: 'Đăng ký biến động do tặng cho quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất',
  THUA_KE: 'Đăng ký biến động do thừa kế quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất',
  CAP_LAN_DAU: 'Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận lần đầu',
} as const;
export type LoaiThuTuc = keyof typeof LOAI_THU_TUC;

/**
 * Family ties under which a transfer is exempt from both thuế TNCN (Luật Thuế TNCN, Điều 4 khoản 1, 4) and lệ phí
 * trước bạ (Nghị định 10/2022/NĐ-CP, Điều 10 khoản 10). KHONG: none of them.
 */
export const QUAN_HE_GIA_DINH = {
  VO_CHONG: 'Vợ với chồng',
  CHA_ME_CON: 'Cha đẻ, mẹ đẻ với con đẻ; cha nuôi, mẹ nuôi với con nuôi',
  CHA_ME_CHONG_VO: 'Cha chồng, mẹ chồng với con dâu; cha vợ, mẹ vợ với con rể',
  ONG_BA_CHAU: 'Ông bà nội, ông bà ngoại với cháu nội, cháu ngoại',
  ANH_CHI_EM_RUOT: 'Anh, chị, em ruột với nhau',
  KHONG: 'Không thuộc các quan hệ được miễn',
} as const;
export type QuanHeGiaDinh = keyof typeof QUAN_HE_GIA_DINH;

/** Land-use purposes (mã loại đất, Luật Đất đai 2024) the mock prices, with its own price table (đồng/m², invented). */
export const LOAI_DAT = {
  ODT: { ten: 'Đất ở tại đô thị', donGia: 8_500_000 },
  ONT: { ten: 'Đất ở tại nông thôn', donGia: 2_200_000 },
  TMD: { ten: 'Đất thương mại, dịch vụ', donGia: 5_000_000 },
  SKC: { ten: 'Đất cơ sở sản xuất phi nông nghiệp', donGia: 1_500_000 },
  CLN: { ten: 'Đất trồng cây lâu năm', donGia: 320_000 },
  LUC: { ten: 'Đất chuyên trồng lúa', donGia: 180_000 },
  NTS: { ten: 'Đất nuôi trồng thủy sản', donGia: 200_000 },
} as const;
export type LoaiDat = keyof typeof LOAI_DAT;

/** Price factor by kind of commune in the mock's price table (phường, đặc khu, xã). */
export const HE_SO_KHU_VUC = { phuong: 1, 'dac-khu': 1.2, xa: 0.55 } as const;

/** New-build price per m² of floor by house grade (invented table in the style of a province's decision). */
export const CAP_NHA = {
  BIET_THU: { ten: 'Nhà biệt thự', donGia: 9_500_000 },
  CAP_III: { ten: 'Nhà cấp III', donGia: 6_800_000 },
  CAP_IV: { ten: 'Nhà cấp IV', donGia: 4_200_000 },
} as const;
export type CapNha = keyof typeof CAP_NHA;

/** Lệ phí trước bạ nhà, đất: 0,5 % (Nghị định 10/2022/NĐ-CP, Điều 8 khoản 1). */
export const TY_LE_LPTB = 0.005;
/** Thuế TNCN from transferring real estate: 2 % of the transfer price (Luật Thuế TNCN, Điều 14, 17). */
export const TY_LE_TNCN_CHUYEN_NHUONG = 0.02;
/** Thuế TNCN from inheriting/receiving real estate: 10 % of the value above 10 million đồng (Điều 16, 18). */
export const TY_LE_TNCN_THUA_KE_TANG_CHO = 0.1;
export const MUC_KHONG_CHIU_THUE_THUA_KE = 10_000_000;
/** Days to pay after the notice (Nghị định 126/2020/NĐ-CP, Điều 18: 30 days for land-related LPTB/TNCN). */
export const SO_NGAY_HAN_NOP = 30;

export const LOAI_NGHIA_VU = {
  LPTB: { ten: 'Lệ phí trước bạ nhà, đất', maTieuMuc: '2801' },
  TNCN: { ten: 'Thuế thu nhập cá nhân từ chuyển nhượng, nhận thừa kế, quà tặng là bất động sản', maTieuMuc: '1006' },
} as const;
export type LoaiNghiaVu = keyof typeof LOAI_NGHIA_VU;

/** Hệ thống liên thông (Bộ Tài nguyên và Môi trường): QĐ 20/2020 format, placeholder value. */
export const TNMT_CENTRAL_AGENCY = '000.00.00.G15';
/** Văn phòng Đăng ký đất đai tỉnh An Giang (invented mã định danh): gives the dossier codes. */
export const VPDKDD_AN_GIANG = '000.20.17.H01';
export const TEN_VPDKDD = 'Văn phòng Đăng ký đất đai tỉnh An Giang';
/** The tax offices after the 1/7/2025 reorganisation ("Thuế cơ sở" units); which one serves a commune is invented. */
export const coQuanThue = (maXa: string): string => `Thuế cơ sở ${(Number(maXa) % 6) + 1} tỉnh An Giang`;
export const KHO_BAC_THU = 'Kho bạc Nhà nước tại tỉnh An Giang';

export const LY_DO_TRA_HO_SO = [
  'Giá chuyển nhượng trên phiếu chuyển không khớp hợp đồng đã công chứng; đề nghị Văn phòng Đăng ký đất đai kiểm tra, chuyển lại',
  'Thông tin người nộp thuế (số định danh cá nhân) không khớp Cơ sở dữ liệu quốc gia về dân cư',
  'Thiếu thông tin vị trí thửa đất (đường, khu vực) để xác định giá đất theo Bảng giá đất',
] as const;

export const KENH_NOP = {
  DVCQG: 'Cổng Dịch vụ công quốc gia',
  ETAX: 'Cổng thuế điện tử eTax',
  NGAN_HANG: 'Nộp tại quầy ngân hàng thương mại',
  KBNN: 'Nộp tại Kho bạc Nhà nước',
} as const;
export type KenhNop = keyof typeof KENH_NOP;
