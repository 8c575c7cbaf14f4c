/**
 * The Sở Xây dựng's answer to a developer's notice: the documents the project must show are checked, and the answer is
 * a "văn bản thông báo nhà ở đủ điều kiện được bán, cho thuê mua" or a reasoned "không đủ điều kiện". Pure, and the same
 * for the seeded history and for live dossiers (built when the lifecycle enters 9).
 */
import { formatDateDmy } from '../../src/core/identifiers.js';
import { simulatedPdf, type TepKetQua } from '../_shared/result-file.js';
import {
  giayToBatBuoc, HINH_THUC, LOAI_GIAY_TO, LOAI_NHA, NGUOI_KY, TEN_SO_XAY_DUNG, type LoaiDuAn, type LoaiGiayTo, type LoaiNha,
} from './codes.js';

export interface TaiLieu {
  LoaiGiayTo: LoaiGiayTo;
  SoHieu: string;
  NgayBanHanh: string;
  CoQuanBanHanh: string;
  TepDinhKem: { TenTep: string; MaHash: string };
}

export interface NhaODeNghi {
  LoaiNha: LoaiNha;
  KhuBlock: string;
  SoLuong: number;
  DienTichSanTu: number;
  DienTichSanDen: number;
  HinhThuc: keyof typeof HINH_THUC;
}

export interface ChuDauTu {
  MSDN: string;
  TenDoanhNghiep: string;
  NguoiDaiDien: { HoVaTen: string; ChucDanh: string };
  SoDienThoai: string;
  Email?: string;
}

/** The notice as the developer files it (through the province's TTHC system). */
export interface HoSoNop {
  MaHoSoTinh?: string;
  MaDuAn: string;
  ChuDauTu: ChuDauTu;
  DanhSachNhaO: NhaODeNghi[];
  TaiLieuNop: TaiLieu[];
}

/** What the answer needs to know of the project, copied into the dossier when it is filed. */
export interface DuAnHoSo {
  MaDuAn: string;
  TenDuAn: string;
  LoaiDuAn: LoaiDuAn;
  DangTheChap: boolean;
  DiaDiem: string;
}

export interface KetQuaThongBao {
  LoaiKetQua: 'DU_DIEU_KIEN' | 'KHONG_DU_DIEU_KIEN';
  SoVanBan: string;
  NgayBanHanh: string;
  CoQuanBanHanh: string;
  NguoiKy: { HoVaTen: string; ChucVu: string };
  TrichYeu: string;
  MaDuAn: string;
  TenDuAn: string;
  ChuDauTu: { MSDN: string; TenDoanhNghiep: string };
  DanhSachNhaO: NhaODeNghi[];
  TongSoCan: number;
  LyDo: string[];
  TepKetQua: TepKetQua;
}

/** Reasons the housing may not be sold yet (empty: eligible). */
export function lyDoKhongDuDieuKien(duAn: DuAnHoSo, taiLieu: TaiLieu[]): string[] {
  const co = new Set(taiLieu.map((t) => t.LoaiGiayTo));
  return giayToBatBuoc(duAn.LoaiDuAn, duAn.DangTheChap)
    .filter((k) => !co.has(k))
    .map((k) => `Chưa có ${LOAI_GIAY_TO[k].charAt(0).toLowerCase()}${LOAI_GIAY_TO[k].slice(1)}`);
}

export const tongSoCan = (list: NhaODeNghi[]) => list.reduce((s, n) => s + n.SoLuong, 0);

/** "000.00.21.H01-251105-0007" → "11050007/SXD-QLN": unique within a year, like a department's register. */
export const soVanBan = (maHoSo: string) => `${maHoSo.slice(-9, -5)}${maHoSo.slice(-4)}/SXD-QLN`;

export function buildKetQua(args: { maHoSo: string; hoSo: HoSoNop; duAn: DuAnHoSo; at: Date }): KetQuaThongBao {
  const { maHoSo, hoSo, duAn, at } = args;
  const lyDo = lyDoKhongDuDieuKien(duAn, hoSo.TaiLieuNop);
  const duDieuKien = lyDo.length === 0;
  const tong = tongSoCan(hoSo.DanhSachNhaO);
  const trichYeu = duDieuKien
    ? `Thông báo nhà ở hình thành trong tương lai đủ điều kiện được bán, cho thuê mua thuộc ${duAn.TenDuAn}`
    : `Trả lời về việc nhà ở hình thành trong tương lai chưa đủ điều kiện được bán, cho thuê mua thuộc ${duAn.TenDuAn}`;
  const so = soVanBan(maHoSo);
  const ngay = formatDateDmy(at);
  const nha = hoSo.DanhSachNhaO.map((n) => `- ${LOAI_NHA[n.LoaiNha]} ${n.KhuBlock}: ${n.SoLuong} căn, ${n.DienTichSanTu}–${n.DienTichSanDen} m², hình thức ${HINH_THUC[n.HinhThuc].toLowerCase()}`);
  return {
    LoaiKetQua: duDieuKien ? 'DU_DIEU_KIEN' : 'KHONG_DU_DIEU_KIEN',
    SoVanBan: so,
    NgayBanHanh: ngay,
    CoQuanBanHanh: TEN_SO_XAY_DUNG,
    NguoiKy: { ...NGUOI_KY },
    TrichYeu: trichYeu,
    MaDuAn: duAn.MaDuAn,
    TenDuAn: duAn.TenDuAn,
    ChuDauTu: { MSDN: hoSo.ChuDauTu.MSDN, TenDoanhNghiep: hoSo.ChuDauTu.TenDoanhNghiep },
    DanhSachNhaO: duDieuKien ? hoSo.DanhSachNhaO : [],
    TongSoCan: duDieuKien ? tong : 0,
    LyDo: lyDo,
    TepKetQua: simulatedPdf(`ThongBaoNhaOHTTTL_${maHoSo}.pdf`, [
      TEN_SO_XAY_DUNG.toUpperCase(),
      `Số: ${so}`,
      `V/v: ${trichYeu}`,
      `Kính gửi: ${hoSo.ChuDauTu.TenDoanhNghiep} (mã số doanh nghiệp ${hoSo.ChuDauTu.MSDN})`,
      `Dự án: ${duAn.TenDuAn} (${duAn.MaDuAn}), địa điểm: ${duAn.DiaDiem}`,
      ...(duDieuKien ? ['Nhà ở đủ điều kiện được bán, cho thuê mua:', ...nha, `Tổng cộng: ${tong} căn`] : ['Lý do:', ...lyDo.map((l) => `- ${l}`)]),
      `${NGUOI_KY.ChucVu} ${NGUOI_KY.HoVaTen}, ngày ${ngay}`,
    ]),
  };
}
