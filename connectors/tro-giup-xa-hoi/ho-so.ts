/**
 * The social-assistance dossier (hồ sơ đề nghị trợ cấp xã hội) and the decision the commune chairman signs when it
 * reaches status 5. Pure: the seeded history and live dossiers build their decisions the same way.
 */
import { formatDateDmy } from '../../src/core/identifiers.js';
import { tenUbndXa, TEN_TINH_AN_GIANG } from '../_shared/don-vi-hanh-chinh.js';
import { hashInt, pickBy } from '../_shared/hash.js';
import type { DuLieuLienThong, TaiLieu } from '../_shared/ho-so-lien-thong.js';
import { taoTepKetQua, type TepKetQua } from '../_shared/tep-ket-qua.js';
import { dmyToIso } from '../_shared/wire.js';
import { heSo, LOAI_HO_SO, mucChuanTai, mucTroCap, NGUOI_KY, NHOM_DOI_TUONG, type LoaiHoSo, type Nhom } from './codes.js';

export interface NguoiDeNghi {
  HoVaTen: string;
  SoDinhDanh: string;
  NgaySinh: string;
  QuanHe: string;
  SoDienThoai: string;
  NoiCuTru: string;
}

export interface DoiTuongHoSo {
  HoVaTen: string;
  SoDinhDanh: string;
  NgaySinh: string;
  GioiTinh: '1' | '2';
  NoiCuTru: string;
}

export interface YeuCauTroCap {
  MaHoSoTinh?: string;
  LoaiHoSo: LoaiHoSo;
  MaXa: string;
  KenhThucHien: '1' | '2' | '3';
  NguoiDeNghi: NguoiDeNghi;
  DoiTuong: DoiTuongHoSo;
  NhomDoiTuong?: Nhom;
  MucDoKhuyetTat?: 'NANG' | 'DAC_BIET_NANG';
  SoConDangNuoi?: number;
  HinhThucNhanTroCap?: 'TIEN_MAT' | 'TAI_KHOAN';
  SoTaiKhoan?: string;
  NganHang?: string;
  LyDo?: string;
  NgayMat?: string;
  TaiLieuNop: TaiLieu[];
}

export interface DuLieuHoSoTroCap extends DuLieuLienThong {
  YeuCau: YeuCauTroCap;
  LoaiHoSo: LoaiHoSo;
  CoQuanTiepNhan: string;
}

export interface QuyetDinh {
  SoQuyetDinh: string;
  NgayKy: string;
  CoQuanBanHanh: string;
  NguoiKy: string;
  ChucVuNguoiKy: string;
  NoiDung: string;
  MaDoiTuong: string;
  NhomDoiTuong?: Nhom;
  HeSo?: number;
  MucChuan?: number;
  MucTroCap?: number;
  ThoiDiemHuong?: string;
  ThoiDiemThoiHuong?: string;
  SoTienHoTro?: number;
  TepQuyetDinh: TepKetQua;
}

/** The beneficiary code in the national database: one per person (derived from the ID number, invented format). */
export const maDoiTuong = (soDinhDanh: string): string => `TGXH91${String(hashInt(soDinhDanh, 'ma-doi-tuong') % 1_000_000).padStart(6, '0')}`;

export const coQuanTiepNhan = (maXa: string): string => `${tenUbndXa(maXa)}, ${TEN_TINH_AN_GIANG}`;

const dau = (iso: string) => `${iso.slice(0, 7)}-01`;

const NOI_DUNG: Record<LoaiHoSo, string> = {
  HUONG_MOI: 'Về việc hưởng trợ cấp xã hội hằng tháng',
  DIEU_CHINH: 'Về việc điều chỉnh mức trợ cấp xã hội hằng tháng',
  THOI_HUONG: 'Về việc thôi hưởng trợ cấp xã hội hằng tháng',
  MAI_TANG: 'Về việc hỗ trợ chi phí mai táng',
};

/**
 * The chairman's decision. Monthly allowances count from the month the decision is signed (Nghị định 20/2021/NĐ-CP,
 * Điều 8); stopping takes effect the month after; funeral support is a lump sum of 20 × the standard amount.
 */
export function buildQuyetDinh(args: { maHoSo: string; du: DuLieuHoSoTroCap; at: Date }): QuyetDinh {
  const { maHoSo, du, at } = args;
  const y = du.YeuCau;
  const iso = at.toISOString().slice(0, 10);
  const nguoiKy = pickBy(NGUOI_KY, y.MaXa, 'nguoi-ky');
  const so = `${100 + Number(maHoSo.slice(-4))}/QĐ-UBND`;
  const huong = y.LoaiHoSo === 'HUONG_MOI' || y.LoaiHoSo === 'DIEU_CHINH';
  const h = huong && y.NhomDoiTuong ? heSo(y.NhomDoiTuong, dmyToIso(y.DoiTuong.NgaySinh), iso, y.SoConDangNuoi) : undefined;
  const thoi = y.LoaiHoSo === 'THOI_HUONG' || y.LoaiHoSo === 'MAI_TANG';
  const chuan = mucChuanTai(iso);
  const thoiDiemThoiHuong = formatDateDmy(new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1)));
  const chiTiet = {
    ...(h !== undefined
      ? { NhomDoiTuong: y.NhomDoiTuong, HeSo: h, MucChuan: chuan, MucTroCap: mucTroCap(h, chuan), ThoiDiemHuong: formatDateDmy(new Date(`${dau(iso)}T00:00:00Z`)) }
      : {}),
    ...(thoi ? { ThoiDiemThoiHuong: thoiDiemThoiHuong } : {}),
    ...(y.LoaiHoSo === 'MAI_TANG' ? { SoTienHoTro: 20 * chuan } : {}),
  };
  const ngayKy = formatDateDmy(at);
  const lines = [
    du.CoQuanTiepNhan.toUpperCase(),
    `Số: ${so}`,
    `QUYẾT ĐỊNH ${NOI_DUNG[y.LoaiHoSo].toUpperCase()}`,
    `Căn cứ Nghị định số 20/2021/NĐ-CP ngày 15/3/2021 của Chính phủ; xét đề nghị của Hội đồng xét duyệt trợ giúp xã hội`,
    `Đối tượng: ${y.DoiTuong.HoVaTen}, sinh ngày ${y.DoiTuong.NgaySinh}, số định danh cá nhân ${y.DoiTuong.SoDinhDanh}`,
    `Nơi cư trú: ${y.DoiTuong.NoiCuTru}`,
    ...(h !== undefined ? [`Nhóm đối tượng: ${NHOM_DOI_TUONG[y.NhomDoiTuong!]}`, `Hệ số ${h} × mức chuẩn ${chuan} đồng = ${mucTroCap(h, chuan)} đồng/tháng, từ ${chiTiet.ThoiDiemHuong}`] : []),
    ...(thoi ? [`Thôi hưởng trợ cấp từ ngày ${thoiDiemThoiHuong}${y.LyDo ? `; lý do: ${y.LyDo}` : ''}`] : []),
    ...(y.LoaiHoSo === 'MAI_TANG' ? [`Hỗ trợ chi phí mai táng: ${20 * chuan} đồng (20 lần mức chuẩn)`] : []),
    `${nguoiKy.ChucVu}: ${nguoiKy.HoVaTen}, ngày ${ngayKy}`,
  ];
  return {
    SoQuyetDinh: so,
    NgayKy: ngayKy,
    CoQuanBanHanh: du.CoQuanTiepNhan,
    NguoiKy: nguoiKy.HoVaTen,
    ChucVuNguoiKy: nguoiKy.ChucVu,
    NoiDung: NOI_DUNG[y.LoaiHoSo],
    MaDoiTuong: maDoiTuong(y.DoiTuong.SoDinhDanh),
    ...chiTiet,
    TepQuyetDinh: taoTepKetQua(`QuyetDinh_${LOAI_HO_SO[y.LoaiHoSo].maTTHC}_${maHoSo}.pdf`, lines),
  } as QuyetDinh;
}
