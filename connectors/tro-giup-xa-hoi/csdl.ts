/**
 * The social-assistance database (CSDL về trợ giúp xã hội) as the province sees it now: the seeded beneficiaries,
 * then, in time order, the decisions of the province's live dossiers (status 5) and the review updates it pushed
 * (capNhatDoiTuong). One fold over events, so a lookup, a list and an eligibility check all agree.
 */
import type { OperationContext } from '../../src/core/connector.js';
import type { HoSoView } from '../_shared/ho-so-lien-thong.js';
import type { StoredPush } from '../_shared/push-receipt.js';
import { dmyToIso } from '../_shared/wire.js';
import { heSo, MUC_CHUAN, mucTroCap, NHOM_DOI_TUONG, type Nhom } from './codes.js';
import { maDoiTuong, type DuLieuHoSoTroCap, type QuyetDinh } from './ho-so.js';

export interface LichSuCapNhat {
  Nguon: 'HO_SO' | 'DONG_BO';
  /** The dossier code or the receipt id. */
  Ma: string;
  Loai: string;
  ThoiGian: string;
}

export interface DoiTuongBtxh {
  MaDoiTuong: string;
  SoDinhDanh: string;
  HoVaTen: string;
  NgaySinh: string;
  GioiTinh: '1' | '2';
  NoiCuTru: string;
  MaXa: string;
  NhomDoiTuong: Nhom;
  TenNhomDoiTuong: string;
  HeSo: number;
  MucChuan: number;
  MucTroCap: number;
  SoConDangNuoi?: number;
  MucDoKhuyetTat?: 'NANG' | 'DAC_BIET_NANG';
  NgayHuong: string;
  SoQuyetDinh: string;
  NgayQuyetDinh: string;
  HinhThucNhanTroCap: 'TIEN_MAT' | 'TAI_KHOAN';
  TrangThaiHuong: 'DANG_HUONG' | 'THOI_HUONG';
  NgayThoiHuong?: string;
  MaTheBhyt?: string;
  LichSuCapNhat: LichSuCapNhat[];
}

/** A review update the province pushes (rà soát, cập nhật CSDL). */
export interface CapNhatDoiTuong {
  MaGiaoDich: string;
  NamRaSoat: number;
  LoaiCapNhat: 'TANG_MOI' | 'DIEU_CHINH' | 'THOI_HUONG' | 'CAP_NHAT_THONG_TIN';
  DoiTuong: { HoVaTen: string; SoDinhDanh: string; NgaySinh: string; GioiTinh: '1' | '2'; NoiCuTru: string; MaXa: string };
  NhomDoiTuong?: Nhom;
  SoConDangNuoi?: number;
  MucDoKhuyetTat?: 'NANG' | 'DAC_BIET_NANG';
  MucTroCap?: number;
  HinhThucNhanTroCap?: 'TIEN_MAT' | 'TAI_KHOAN';
  ThoiDiemApDung: string;
  SoQuyetDinh?: string;
  LyDo: string;
  MaCanBo: string;
}

/** The group's monthly amount on a date (dd/MM/yyyy), for a pushed update. */
export function mucTheoNhom(nhom: Nhom, ngaySinh: string, apDung: string, soCon?: number) {
  const h = heSo(nhom, dmyToIso(ngaySinh), dmyToIso(apDung), soCon);
  return { NhomDoiTuong: nhom, TenNhomDoiTuong: NHOM_DOI_TUONG[nhom], HeSo: h, MucChuan: MUC_CHUAN, MucTroCap: mucTroCap(h) };
}

type Event =
  | { time: string; kind: 'quyet-dinh'; view: HoSoView<DuLieuHoSoTroCap>; qd: QuyetDinh }
  | { time: string; kind: 'cap-nhat'; push: StoredPush<CapNhatDoiTuong> };

function apply(cur: DoiTuongBtxh | undefined, e: Event): DoiTuongBtxh | undefined {
  if (e.kind === 'quyet-dinh') {
    const y = e.view.du.YeuCau;
    const log: LichSuCapNhat = { Nguon: 'HO_SO', Ma: e.view.MaHoSo, Loai: y.LoaiHoSo, ThoiGian: e.time };
    const qd = e.qd;
    if (y.LoaiHoSo === 'HUONG_MOI' || y.LoaiHoSo === 'DIEU_CHINH') {
      const base = cur ?? {
        MaDoiTuong: qd.MaDoiTuong, SoDinhDanh: y.DoiTuong.SoDinhDanh, HoVaTen: y.DoiTuong.HoVaTen, NgaySinh: y.DoiTuong.NgaySinh,
        GioiTinh: y.DoiTuong.GioiTinh, NoiCuTru: y.DoiTuong.NoiCuTru, MaXa: y.MaXa, HinhThucNhanTroCap: y.HinhThucNhanTroCap ?? 'TIEN_MAT',
        LichSuCapNhat: [],
      };
      return {
        ...(base as DoiTuongBtxh),
        NhomDoiTuong: qd.NhomDoiTuong!, TenNhomDoiTuong: NHOM_DOI_TUONG[qd.NhomDoiTuong!], HeSo: qd.HeSo!, MucChuan: MUC_CHUAN, MucTroCap: mucTroCap(qd.HeSo!),
        ...(y.SoConDangNuoi ? { SoConDangNuoi: y.SoConDangNuoi } : {}),
        ...(y.MucDoKhuyetTat ? { MucDoKhuyetTat: y.MucDoKhuyetTat } : {}),
        ...(y.LoaiHoSo === 'HUONG_MOI' ? { NgayHuong: qd.ThoiDiemHuong!, TrangThaiHuong: 'DANG_HUONG' as const } : {}),
        SoQuyetDinh: qd.SoQuyetDinh, NgayQuyetDinh: qd.NgayKy,
        LichSuCapNhat: [...base.LichSuCapNhat, log],
      };
    }
    return cur && { ...cur, TrangThaiHuong: 'THOI_HUONG', NgayThoiHuong: qd.ThoiDiemThoiHuong!, SoQuyetDinh: qd.SoQuyetDinh, NgayQuyetDinh: qd.NgayKy, LichSuCapNhat: [...cur.LichSuCapNhat, log] };
  }
  const c = e.push.NoiDung;
  const log: LichSuCapNhat = { Nguon: 'DONG_BO', Ma: e.push.MaBienNhan, Loai: c.LoaiCapNhat, ThoiGian: e.time };
  const dt = { HoVaTen: c.DoiTuong.HoVaTen, NgaySinh: c.DoiTuong.NgaySinh, GioiTinh: c.DoiTuong.GioiTinh, NoiCuTru: c.DoiTuong.NoiCuTru, MaXa: c.DoiTuong.MaXa };
  const decision = c.SoQuyetDinh ? { SoQuyetDinh: c.SoQuyetDinh, NgayQuyetDinh: c.ThoiDiemApDung } : {};
  switch (c.LoaiCapNhat) {
    case 'TANG_MOI':
      return {
        MaDoiTuong: maDoiTuong(c.DoiTuong.SoDinhDanh), SoDinhDanh: c.DoiTuong.SoDinhDanh, ...dt,
        ...mucTheoNhom(c.NhomDoiTuong!, c.DoiTuong.NgaySinh, c.ThoiDiemApDung, c.SoConDangNuoi),
        ...(c.SoConDangNuoi ? { SoConDangNuoi: c.SoConDangNuoi } : {}), ...(c.MucDoKhuyetTat ? { MucDoKhuyetTat: c.MucDoKhuyetTat } : {}),
        NgayHuong: c.ThoiDiemApDung, SoQuyetDinh: c.SoQuyetDinh ?? '', NgayQuyetDinh: c.ThoiDiemApDung,
        HinhThucNhanTroCap: c.HinhThucNhanTroCap ?? 'TIEN_MAT', TrangThaiHuong: 'DANG_HUONG',
        ...(cur?.MaTheBhyt ? { MaTheBhyt: cur.MaTheBhyt } : {}), LichSuCapNhat: [...(cur?.LichSuCapNhat ?? []), log],
      };
    case 'DIEU_CHINH':
      return cur && { ...cur, ...mucTheoNhom(c.NhomDoiTuong!, cur.NgaySinh, c.ThoiDiemApDung, c.SoConDangNuoi), ...decision, LichSuCapNhat: [...cur.LichSuCapNhat, log] };
    case 'THOI_HUONG':
      return cur && { ...cur, TrangThaiHuong: 'THOI_HUONG', NgayThoiHuong: c.ThoiDiemApDung, ...decision, LichSuCapNhat: [...cur.LichSuCapNhat, log] };
    default:
      return cur && { ...cur, ...dt, ...(c.HinhThucNhanTroCap ? { HinhThucNhanTroCap: c.HinhThucNhanTroCap } : {}), LichSuCapNhat: [...cur.LichSuCapNhat, log] };
  }
}

export interface CsdlSources<Seed> {
  seeded: (seed: Seed) => DoiTuongBtxh[];
  decisions: (ctx: OperationContext<Seed>) => Promise<Array<{ view: HoSoView<DuLieuHoSoTroCap>; qd: QuyetDinh }>>;
  pushes: (ctx: OperationContext<Seed>) => Promise<Array<StoredPush<CapNhatDoiTuong>>>;
}

/** Every beneficiary as of now, by số định danh. */
export async function csdlHienTai<Seed>(ctx: OperationContext<Seed>, src: CsdlSources<Seed>): Promise<Map<string, DoiTuongBtxh>> {
  const map = new Map(src.seeded(ctx.seed).map((d) => [d.SoDinhDanh, d]));
  const [decisions, pushes] = await Promise.all([src.decisions(ctx), src.pushes(ctx)]);
  const events: Event[] = [
    ...decisions.map((d) => ({ time: d.view.ThoiGianCapNhat, kind: 'quyet-dinh' as const, ...d })),
    ...pushes.map((push) => ({ time: push.ThoiGianTiepNhan, kind: 'cap-nhat' as const, push })),
  ].sort((a, b) => a.time.localeCompare(b.time));
  for (const e of events) {
    const key = e.kind === 'quyet-dinh' ? e.view.du.YeuCau.DoiTuong.SoDinhDanh : e.push.NoiDung.DoiTuong.SoDinhDanh;
    const next = apply(map.get(key), e);
    if (next) map.set(key, next);
  }
  return map;
}
