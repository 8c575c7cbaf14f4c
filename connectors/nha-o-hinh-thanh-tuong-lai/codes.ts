/**
 * Codes of the "nhà ở hình thành trong tương lai" connector. The status codes are the DVCQG ones (DOMAIN.md), so the
 * province syncs them as they are; the document kinds follow Luật Kinh doanh bất động sản 2023 (Điều 24–26); project
 * and document numbers are the simulator's own.
 */
import { SO_XAY_DUNG_AN_GIANG as SO_XD } from '../_shared/agencies.js';

export const TRANG_THAI = {
  '1': { label: 'Mới đăng ký', labelEn: 'Submitted' },
  '2': { label: 'Được tiếp nhận', labelEn: 'Received' },
  '3': { label: 'Không được tiếp nhận', labelEn: 'Not accepted' },
  '4': { label: 'Đang xử lý', labelEn: 'Processing' },
  '5': { label: 'Yêu cầu bổ sung giấy tờ', labelEn: 'Supplementary documents requested' },
  '7': { label: 'Chủ đầu tư rút hồ sơ', labelEn: 'Withdrawn by the developer' },
  '9': { label: 'Đã xử lý xong', labelEn: 'Processed' },
  '10': { label: 'Đã trả kết quả', labelEn: 'Result handed over' },
} as const;
export type TrangThai = keyof typeof TRANG_THAI;
export const tenTrangThai = (s: string): string => TRANG_THAI[s as TrangThai]?.label ?? s;

export const LOAI_DU_AN = {
  NHA_CHUNG_CU: 'Dự án nhà chung cư',
  NHA_O_RIENG_LE: 'Dự án nhà ở riêng lẻ (nhà liền kề, biệt thự)',
  HON_HOP: 'Dự án khu đô thị, tòa nhà hỗn hợp có nhà ở',
} as const;
export type LoaiDuAn = keyof typeof LOAI_DU_AN;

export const LOAI_NHA = { CAN_HO: 'Căn hộ chung cư', NHA_LIEN_KE: 'Nhà liền kề', BIET_THU: 'Biệt thự' } as const;
export type LoaiNha = keyof typeof LOAI_NHA;

export const HINH_THUC = { BAN: 'Bán', CHO_THUE_MUA: 'Cho thuê mua', BAN_VA_CHO_THUE_MUA: 'Bán và cho thuê mua' } as const;

/** Documents of the dossier (Luật KDBĐS 2023, Điều 24 khoản 1–2, Điều 26; Nghị định 96/2024/NĐ-CP). */
export const LOAI_GIAY_TO = {
  GIAY_TO_DAT: 'Giấy tờ về quyền sử dụng đất (quyết định giao đất, cho thuê đất hoặc Giấy chứng nhận)',
  QD_CHU_TRUONG: 'Quyết định chấp thuận chủ trương đầu tư, chấp thuận nhà đầu tư',
  GIAY_PHEP_XAY_DUNG: 'Giấy phép xây dựng (trường hợp phải cấp phép)',
  NGHIEM_THU_HTKT: 'Biên bản nghiệm thu hoàn thành xây dựng hạ tầng kỹ thuật theo tiến độ dự án',
  NGHIEM_THU_MONG: 'Biên bản nghiệm thu đã hoàn thành xây dựng xong phần móng (nhà chung cư, tòa nhà hỗn hợp)',
  BAO_LANH_NGAN_HANG: 'Văn bản của ngân hàng thương mại cam kết bảo lãnh nghĩa vụ tài chính của chủ đầu tư',
  GIAI_CHAP: 'Văn bản giải chấp, hoặc thông báo đã thế chấp cho bên mua (khi dự án, nhà ở đang thế chấp)',
} as const;
export type LoaiGiayTo = keyof typeof LOAI_GIAY_TO;

/** What each kind of project must show before selling off-plan housing. */
export function giayToBatBuoc(loai: LoaiDuAn, dangTheChap: boolean): LoaiGiayTo[] {
  const base: LoaiGiayTo[] = ['GIAY_TO_DAT', 'QD_CHU_TRUONG', 'GIAY_PHEP_XAY_DUNG', 'NGHIEM_THU_HTKT', 'BAO_LANH_NGAN_HANG'];
  return [...base, ...(loai === 'NHA_O_RIENG_LE' ? [] : (['NGHIEM_THU_MONG'] as const)), ...(dangTheChap ? (['GIAI_CHAP'] as const) : [])];
}

/** Hệ thống DVC thông báo nhà ở HTTTL (Bộ Xây dựng): QĐ 20/2020 format, placeholder value. */
export const BXD_CENTRAL_AGENCY = '000.00.00.G10';
/** Sở Xây dựng tỉnh An Giang receives and answers the developers' notices. */
export const SO_XAY_DUNG_AN_GIANG = SO_XD.ma;
export const TEN_SO_XAY_DUNG = SO_XD.ten;
export const NGUOI_KY = { HoVaTen: 'Nguyễn Thanh Bình', ChucVu: 'Phó Giám đốc' } as const;

/** Legal time limit: 15 days after a complete dossier (Luật KDBĐS 2023, Điều 24). */
export const THOI_HAN_NGAY = 15;

export const LY_DO_KHONG_TIEP_NHAN =
  'Dự án chưa có trong danh mục dự án đầu tư xây dựng nhà ở được chấp thuận trên địa bàn, đề nghị chủ đầu tư kiểm tra lại mã dự án';
export const NOI_DUNG_YEU_CAU_BO_SUNG =
  'Đề nghị bổ sung văn bản của ngân hàng thương mại cam kết bảo lãnh nghĩa vụ tài chính còn hiệu lực và bản sao biên bản nghiệm thu theo tiến độ';
