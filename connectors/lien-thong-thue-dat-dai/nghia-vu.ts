/**
 * The financial obligations of a land dossier and the documents of each step (tax notice, payment slips, land
 * result), built the same way for the seeded history and for live dossiers when the lifecycle enters a state.
 * Pure: everything they need travels in the transfer slip (phiếu chuyển thông tin) and the dossier code.
 */
import { formatDateDmy, parseCccd } from '../../src/core/identifiers.js';
import { communeOf } from '../_shared/communes.js';
import { simulatedPdf, type TepKetQua } from '../_shared/result-file.js';
import {
  CAP_NHA, coQuanThue, HE_SO_KHU_VUC, KHO_BAC_THU, LOAI_DAT, LOAI_NGHIA_VU, LOAI_THU_TUC, MUC_KHONG_CHIU_THUE_THUA_KE,
  QUAN_HE_GIA_DINH, SO_NGAY_HAN_NOP, TEN_VPDKDD, TY_LE_LPTB, TY_LE_TNCN_CHUYEN_NHUONG, TY_LE_TNCN_THUA_KE_TANG_CHO,
  type CapNha, type KenhNop, type LoaiDat, type LoaiNghiaVu, type LoaiThuTuc, type QuanHeGiaDinh,
} from './codes.js';

export interface NguoiSuDungDat {
  HoVaTen: string;
  SoDinhDanh: string;
  DiaChi: string;
  SoDienThoai?: string;
}

export interface PhieuChuyen {
  MaHoSoTinh?: string;
  LoaiThuTuc: LoaiThuTuc;
  BenChuyenQuyen?: NguoiSuDungDat;
  BenNhanQuyen: NguoiSuDungDat;
  QuanHeGiaDinh?: QuanHeGiaDinh;
  ThuaDat: {
    SoThuTuThua: number;
    SoToBanDo: number;
    MaXa: string;
    DiaChiThuaDat: string;
    DienTich: number;
    LoaiDat: LoaiDat;
    ThoiHanSuDung: string;
  };
  NhaO?: { CapNha: CapNha; DienTichSan: number; NamHoanThanh: number };
  GiaChuyenNhuong?: number;
  HopDong?: { SoCongChung: string; NgayCongChung: string; ToChucCongChung: string };
  GiayChungNhanDaCap?: { SoPhatHanh: string; SoVaoSo: string };
  CanBoLapPhieu: string;
  NgayLapPhieu: string;
}

export interface ThongBaoThue {
  SoThongBao: string;
  LoaiNghiaVu: LoaiNghiaVu;
  TenNghiaVu: string;
  NguoiNopThue: { HoVaTen: string; MaSoThue: string };
  GiaTriTinh: number;
  TyLePhanTram: number;
  SoTienPhaiNop: number;
  MienGiam?: { LyDo: string; SoTienMien: number };
  MaTieuMuc: string;
  NgayThongBao: string;
  HanNop: string;
  CoQuanThue: string;
  NoiNop: string;
}

export interface BoThongBao {
  NgayThongBao: string;
  HanNop: string;
  GiaDatTheoBangGia: number;
  DanhSachThongBao: ThongBaoThue[];
  TongSoTienPhaiNop: number;
}

export interface ChungTuNopTien {
  SoThongBao: string;
  SoChungTu: string;
  NgayNop: string;
  SoTien: number;
  KenhNop: KenhNop;
}

export interface KetQuaDat {
  LoaiKetQua: 'CAP_GCN_MOI';
  GiayChungNhan: {
    SoPhatHanh: string;
    SoVaoSo: string;
    NgayCap: string;
    CoQuanCap: string;
    NguoiSuDungDat: { HoVaTen: string; SoDinhDanh: string };
    ThuaDat: { SoThuTuThua: number; SoToBanDo: number; DiaChiThuaDat: string; DienTich: number; LoaiDat: LoaiDat; TenLoaiDat: string };
    NoiDungBienDong: string;
  };
  NgayTraKetQua: string;
  TepKetQua: TepKetQua;
}

/** "000.20.17.H01-251105-0007" → "2511050007": the dossier's date and number, reused in the documents' numbers. */
const soGoc = (maHoSo: string) => maHoSo.slice(-11).replace('-', '');

const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

const quanHeMien = (p: PhieuChuyen) => !!p.QuanHeGiaDinh && p.QuanHeGiaDinh !== 'KHONG';

/** Land (and house) value by the province's price table: what the tax office prices the parcel at. */
export function giaTheoBangGia(p: PhieuChuyen): number {
  const khuVuc = communeOf(p.ThuaDat.MaXa)?.loai ?? 'xa';
  const dat = p.ThuaDat.DienTich * LOAI_DAT[p.ThuaDat.LoaiDat].donGia * HE_SO_KHU_VUC[khuVuc];
  if (!p.NhaO) return Math.round(dat);
  // The house's age at the slip's date (not today's), so the same slip always prices the same.
  const tuoi = Math.max(0, Number(p.NgayLapPhieu.slice(6, 10)) - p.NhaO.NamHoanThanh);
  // Remaining quality of the house: 2 % a year, never below 20 % (the mock's simplification).
  const conLai = Math.max(0.2, 1 - 0.02 * tuoi);
  return Math.round(dat + p.NhaO.DienTichSan * CAP_NHA[p.NhaO.CapNha].donGia * conLai);
}

interface KhoanNghiaVu {
  loai: LoaiNghiaVu;
  nguoiNop: NguoiSuDungDat;
  giaTriTinh: number;
  tyLe: number;
  soTien: number;
  mien?: string;
}

/** Who pays what: LPTB by the receiver; TNCN by the seller (transfer) or the receiver (gift, inheritance). */
export function tinhNghiaVu(p: PhieuChuyen): { bangGia: number; khoan: KhoanNghiaVu[] } {
  const bangGia = giaTheoBangGia(p);
  // A contract price above the price table is what counts (NĐ 10/2022 Điều 7; TT 111/2013 Điều 12).
  const giaChuyenNhuong = Math.max(bangGia, p.GiaChuyenNhuong ?? 0);
  const khoan: KhoanNghiaVu[] = [];
  const lptbBase = p.LoaiThuTuc === 'CHUYEN_NHUONG' ? giaChuyenNhuong : bangGia;
  const lptbMien = (p.LoaiThuTuc === 'TANG_CHO' || p.LoaiThuTuc === 'THUA_KE') && quanHeMien(p);
  khoan.push({
    loai: 'LPTB',
    nguoiNop: p.BenNhanQuyen,
    giaTriTinh: lptbBase,
    tyLe: TY_LE_LPTB,
    soTien: Math.round(lptbBase * TY_LE_LPTB),
    ...(lptbMien ? { mien: `Miễn lệ phí trước bạ: ${QUAN_HE_GIA_DINH[p.QuanHeGiaDinh!]} (Nghị định 10/2022/NĐ-CP, Điều 10 khoản 10)` } : {}),
  });
  if (p.LoaiThuTuc !== 'CAP_LAN_DAU' && p.BenChuyenQuyen) {
    const chuyenNhuong = p.LoaiThuTuc === 'CHUYEN_NHUONG';
    const base = chuyenNhuong ? giaChuyenNhuong : Math.max(0, bangGia - MUC_KHONG_CHIU_THUE_THUA_KE);
    const tyLe = chuyenNhuong ? TY_LE_TNCN_CHUYEN_NHUONG : TY_LE_TNCN_THUA_KE_TANG_CHO;
    khoan.push({
      loai: 'TNCN',
      nguoiNop: chuyenNhuong ? p.BenChuyenQuyen : p.BenNhanQuyen,
      giaTriTinh: base,
      tyLe,
      soTien: Math.round(base * tyLe),
      ...(quanHeMien(p) ? { mien: `Miễn thuế TNCN: ${QUAN_HE_GIA_DINH[p.QuanHeGiaDinh!]} (Luật Thuế thu nhập cá nhân, Điều 4)` } : {}),
    });
  }
  return { bangGia, khoan };
}

/** The tax office's notices (one per obligation), issued at `at`. */
export function buildThongBao(maHoSo: string, p: PhieuChuyen, at: Date): BoThongBao {
  const { bangGia, khoan } = tinhNghiaVu(p);
  const ngay = formatDateDmy(at);
  const hanNop = formatDateDmy(addDays(at, SO_NGAY_HAN_NOP));
  const cqt = coQuanThue(p.ThuaDat.MaXa);
  const list: ThongBaoThue[] = khoan.map((k) => ({
    SoThongBao: `${soGoc(maHoSo)}/TB-${k.loai}`,
    LoaiNghiaVu: k.loai,
    TenNghiaVu: LOAI_NGHIA_VU[k.loai].ten,
    // Since 1/7/2025 an individual's tax code is their số định danh cá nhân.
    NguoiNopThue: { HoVaTen: k.nguoiNop.HoVaTen, MaSoThue: k.nguoiNop.SoDinhDanh },
    GiaTriTinh: k.giaTriTinh,
    TyLePhanTram: Math.round(k.tyLe * 1000) / 10,
    SoTienPhaiNop: k.mien ? 0 : k.soTien,
    ...(k.mien ? { MienGiam: { LyDo: k.mien, SoTienMien: k.soTien } } : {}),
    MaTieuMuc: LOAI_NGHIA_VU[k.loai].maTieuMuc,
    NgayThongBao: ngay,
    HanNop: hanNop,
    CoQuanThue: cqt,
    NoiNop: KHO_BAC_THU,
  }));
  return {
    NgayThongBao: ngay,
    HanNop: hanNop,
    GiaDatTheoBangGia: bangGia,
    DanhSachThongBao: list,
    TongSoTienPhaiNop: list.reduce((s, t) => s + t.SoTienPhaiNop, 0),
  };
}

/** The payment the treasury reports when the applicant paid online (no slip from the province). */
export function chungTuTuKhoBac(maHoSo: string, p: PhieuChuyen, at: Date): ChungTuNopTien[] {
  return buildThongBao(maHoSo, p, at)
    .DanhSachThongBao.filter((t) => t.SoTienPhaiNop > 0)
    .map((t, i) => ({
      SoThongBao: t.SoThongBao,
      SoChungTu: `NT${soGoc(maHoSo)}${i + 1}`,
      NgayNop: formatDateDmy(at),
      SoTien: t.SoTienPhaiNop,
      KenhNop: 'DVCQG' as const,
    }));
}

const danhXung = (soDinhDanh: string) => (parseCccd(soDinhDanh)?.sex === 'nu' ? 'bà' : 'ông');

function noiDungBienDong(p: PhieuChuyen): string {
  const ben = p.BenChuyenQuyen ? `${danhXung(p.BenChuyenQuyen.SoDinhDanh)} ${p.BenChuyenQuyen.HoVaTen}` : '';
  const hd = p.HopDong ? ` theo văn bản công chứng số ${p.HopDong.SoCongChung} ngày ${p.HopDong.NgayCongChung}` : '';
  switch (p.LoaiThuTuc) {
    case 'CHUYEN_NHUONG':
      return `Nhận chuyển nhượng quyền sử dụng đất của ${ben}${hd}`;
    case 'TANG_CHO':
      return `Nhận tặng cho quyền sử dụng đất của ${ben}${hd}`;
    case 'THUA_KE':
      return `Nhận thừa kế quyền sử dụng đất của ${ben}${hd}`;
    default:
      return 'Đăng ký đất đai, cấp Giấy chứng nhận lần đầu';
  }
}

/** The land registry office's result: a new certificate carrying the change. */
export function buildKetQua(maHoSo: string, p: PhieuChuyen, at: Date): KetQuaDat {
  const goc = soGoc(maHoSo);
  const gcn = {
    SoPhatHanh: `DA ${goc.slice(2)}`,
    SoVaoSo: `CS${goc.slice(6)}/${goc.slice(0, 2)}`,
    NgayCap: formatDateDmy(at),
    CoQuanCap: TEN_VPDKDD,
    NguoiSuDungDat: { HoVaTen: p.BenNhanQuyen.HoVaTen, SoDinhDanh: p.BenNhanQuyen.SoDinhDanh },
    ThuaDat: {
      SoThuTuThua: p.ThuaDat.SoThuTuThua,
      SoToBanDo: p.ThuaDat.SoToBanDo,
      DiaChiThuaDat: p.ThuaDat.DiaChiThuaDat,
      DienTich: p.ThuaDat.DienTich,
      LoaiDat: p.ThuaDat.LoaiDat,
      TenLoaiDat: LOAI_DAT[p.ThuaDat.LoaiDat].ten,
    },
    NoiDungBienDong: noiDungBienDong(p),
  };
  return {
    LoaiKetQua: 'CAP_GCN_MOI',
    GiayChungNhan: gcn,
    NgayTraKetQua: formatDateDmy(at),
    TepKetQua: simulatedPdf(`GCN_${maHoSo}.pdf`, [
      'GIẤY CHỨNG NHẬN QUYỀN SỬ DỤNG ĐẤT, QUYỀN SỞ HỮU TÀI SẢN GẮN LIỀN VỚI ĐẤT',
      `Số phát hành: ${gcn.SoPhatHanh} — Số vào sổ: ${gcn.SoVaoSo}`,
      `Người sử dụng đất: ${gcn.NguoiSuDungDat.HoVaTen}`,
      `Thửa đất số ${gcn.ThuaDat.SoThuTuThua}, tờ bản đồ số ${gcn.ThuaDat.SoToBanDo}, ${gcn.ThuaDat.DiaChiThuaDat}`,
      `Diện tích: ${gcn.ThuaDat.DienTich} m²; loại đất: ${gcn.ThuaDat.TenLoaiDat}`,
      `Nội dung: ${gcn.NoiDungBienDong}`,
      `${TEN_VPDKDD}, ngày ${gcn.NgayCap}`,
    ]),
  };
}

export const tenThuTuc = (p: PhieuChuyen) => LOAI_THU_TUC[p.LoaiThuTuc];
