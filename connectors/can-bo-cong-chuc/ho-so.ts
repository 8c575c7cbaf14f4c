/** The record of one official (hồ sơ cán bộ, công chức, viên chức) as the national database holds and the province pushes it. */
import type { Loai, TINH_TRANG } from './codes.js';

export interface KyCongTacWire {
  TuNgay: string;
  DenNgay?: string;
  MaCoQuan: string;
  TenCoQuan: string;
  ChucVu: string;
}

export interface HoSoCanBo {
  MaCanBo: string;
  SoDinhDanh: string;
  HoVaTen: string;
  NgaySinh: string;
  GioiTinh: '1' | '2';
  DanToc: string;
  TonGiao: string;
  QueQuan: string;
  NoiOHienNay: string;
  Loai: Loai;
  CoQuan: { MaDinhDanh: string; Ten: string };
  ChucVu: string;
  MaNgach: string;
  TenNgach: string;
  BacLuong: number;
  HeSoLuong: number;
  NgayHuongBac: string;
  TrinhDoChuyenMon: string;
  ChuyenNganh: string;
  LyLuanChinhTri: string;
  NgayTuyenDung: string;
  QuaTrinhCongTac: KyCongTacWire[];
  TinhTrang: keyof typeof TINH_TRANG;
  NgayNghiHuu?: string;
  PhienBan: number;
  NgayCapNhat: string;
}

/** Idempotency key of a push: one official at one version. */
export const khoaDongBo = (h: Pick<HoSoCanBo, 'MaCanBo' | 'PhienBan'>): string => `${h.MaCanBo}:${h.PhienBan}`;
