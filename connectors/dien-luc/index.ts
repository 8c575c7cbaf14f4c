import { defineConnector, reply, type OperationContext } from '../../src/core/connector.js';
import { NdxpError } from '../../src/core/errors.js';
import { formatDateDmy, formatTimestampCompact } from '../../src/core/identifiers.js';
import { addWorkingDays } from '../_shared/thoi-gian.js';
import { contentHash } from '../_shared/idempotent.js';
import { finished, invalid, notFrom } from '../_shared/refusals.js';
import { dmyToIso, found, fromSeed, indexBy, paginate, type WireAddress } from '../_shared/wire.js';
import { CAP_DIEN_MOI, EVN_AGENCY, LOAI_YEU_CAU, PC_AN_GIANG, TEP_MAU, tenTrangThai, type LoaiYeuCau, type TrangThai } from './codes.js';
import {
  dichVuLifecycle, fromDossier, hopDongLifecycle, nhanTaiLieu, noteBoSung, NOTE_KY_HOP_DONG, type DonVi, type NguoiYeuCau, type TaiLieuGui,
  type YeuCauData, type YeuCauView,
} from './yeu-cau.js';

interface HopDong {
  MaKhachHang: string;
  TenKhachHang: string;
  LoaiKhachHang: 'SINH_HOAT' | 'NGOAI_SINH_HOAT';
  SoDinhDanhChuHopDong: string;
  DiaChiSuDungDien: WireAddress;
  MucDichSuDung: string;
  TinhTrangHopDong: 'HIEU_LUC' | 'TAM_NGUNG' | 'THANH_LY';
  TenTinhTrang: string;
  DonViQuanLy: DonVi;
}
interface LichCatDien {
  MaLich: string;
  MaXa: string;
  TenXa: string;
  DonViQuanLy: DonVi;
  KhuVuc: string;
  ThoiGianBatDau: string;
  ThoiGianKetThuc: string;
  LyDo: string;
  LoaiNgungCapDien: 'KE_HOACH' | 'SU_CO';
  TrangThai: string;
}
interface CoCau {
  SinhHoat: number;
  CongNghiepXayDung: number;
  NongLamThuySan: number;
  ThuongMaiDichVu: number;
  Khac: number;
}
interface TieuThuDiaBan {
  Nam: number;
  Thang: number;
  MaXa: string;
  TenXa: string;
  SoKhachHang: number;
  DienNangThuongPham: number;
  CoCau: CoCau;
}
interface Seed {
  donViDienLuc: Array<{ MaDienLuc: string; TenDienLuc: string; MaXa: string; TenXa: string }>;
  khachHang: HopDong[];
  lichCatDien: LichCatDien[];
  tieuThuDiaBan: TieuThuDiaBan[];
  yeuCau: YeuCauView[];
}
type Ctx = OperationContext<Seed>;

const indexes = fromSeed((seed: Seed) => ({
  byMaKhachHang: indexBy(seed.khachHang, (k) => k.MaKhachHang),
  byMaHoSo: indexBy(seed.yeuCau, (y) => y.MaHoSo),
  donViByXa: new Map(seed.donViDienLuc.map((d) => [d.MaXa, { ma: d.MaDienLuc, ten: d.TenDienLuc, tenXa: d.TenXa }])),
}));

const thang = (t: { Nam: number; Thang: number }) => `${String(t.Thang).padStart(2, '0')}/${t.Nam}`;
const sumCoCau = (rows: TieuThuDiaBan[]): CoCau =>
  rows.reduce(
    (a, r) => ({
      SinhHoat: a.SinhHoat + r.CoCau.SinhHoat,
      CongNghiepXayDung: a.CongNghiepXayDung + r.CoCau.CongNghiepXayDung,
      NongLamThuySan: a.NongLamThuySan + r.CoCau.NongLamThuySan,
      ThuongMaiDichVu: a.ThuongMaiDichVu + r.CoCau.ThuongMaiDichVu,
      Khac: a.Khac + r.CoCau.Khac,
    }),
    { SinhHoat: 0, CongNghiepXayDung: 0, NongLamThuySan: 0, ThuongMaiDichVu: 0, Khac: 0 },
  );
const sum = (rows: TieuThuDiaBan[]) => rows.reduce((a, r) => a + r.DienNangThuongPham, 0);

function hopDong(seed: Seed, maKhachHang: string, field = 'maKhachHang'): HopDong {
  return found(indexes(seed).byMaKhachHang.get(maKhachHang), field, maKhachHang);
}

// ---- service requests ------------------------------------------------------------------------------------------

interface YeuCauInput {
  LoaiYeuCau: LoaiYeuCau;
  KhachHang: NguoiYeuCau;
  MaKhachHang?: string;
  ChuTheMoi?: NguoiYeuCau;
  DiaChiSuDungDien?: WireAddress;
  MucDichSuDung?: string;
  SoHoSuDung?: number;
  CongSuatDangKy?: number;
  TaiLieuDinhKem: TaiLieuGui[];
  GhiChu?: string;
  MaHoSoTinh?: string;
}

/** What each request type needs beyond the schema, checked against EVN's own data; returns the unit that will serve it. */
function checkYeuCau(seed: Seed, y: YeuCauInput): DonVi {
  const need = (field: keyof YeuCauInput, vi: string, en: string) => {
    if (y[field] === undefined) throw invalid(field, vi, en);
  };
  if (!y.TaiLieuDinhKem.some((t) => t.LoaiTaiLieu === 'CCCD')) {
    throw invalid('TaiLieuDinhKem', 'cần ảnh chụp căn cước công dân của người yêu cầu (LoaiTaiLieu CCCD)', 'a picture of the applicant’s ID card (CCCD) is required');
  }
  if (CAP_DIEN_MOI.includes(y.LoaiYeuCau)) {
    need('DiaChiSuDungDien', 'cấp điện mới cần địa chỉ sử dụng điện', 'a new connection needs the address');
    need('MucDichSuDung', 'cần mục đích sử dụng điện', 'the purpose of use is required');
    const sinhHoat = y.LoaiYeuCau === 'CAP_DIEN_MOI_SINH_HOAT';
    if (sinhHoat !== (y.MucDichSuDung === 'Sinh hoạt')) {
      throw invalid('MucDichSuDung', sinhHoat ? 'cấp điện sinh hoạt có mục đích "Sinh hoạt"' : 'ngoài sinh hoạt không dùng mục đích "Sinh hoạt"', 'does not match the request type');
    }
    if (!sinhHoat) need('CongSuatDangKy', 'cấp điện ngoài sinh hoạt cần công suất đăng ký (kW)', 'the contracted capacity (kW) is required');
    const a = y.DiaChiSuDungDien!;
    const dv = indexes(seed).donViByXa.get(a.MaXa);
    if (a.MaTinh !== '91' || !dv) {
      throw invalid('DiaChiSuDungDien.MaXa', 'Công ty Điện lực An Giang chỉ cấp điện trong tỉnh An Giang (mã xã trong danh mục)', 'PC An Giang serves An Giang communes only');
    }
    if (dv.tenXa !== a.TenXa) throw invalid('DiaChiSuDungDien.TenXa', `mã xã ${a.MaXa} là ${dv.tenXa}`, `commune ${a.MaXa} is ${dv.tenXa}`);
    return { Ma: dv.ma, Ten: dv.ten };
  }
  need('MaKhachHang', 'cần mã khách hàng của hợp đồng đang có', 'the customer code of the existing contract is required');
  const hd = hopDong(seed, y.MaKhachHang!, 'MaKhachHang');
  if (hd.TinhTrangHopDong !== 'HIEU_LUC') {
    throw new NdxpError('CONFLICT', { field: 'MaKhachHang', detailVi: `hợp đồng ${hd.MaKhachHang}: ${hd.TenTinhTrang}`, detailEn: `contract ${hd.MaKhachHang} is ${hd.TinhTrangHopDong}` });
  }
  const requester = y.KhachHang.SoDinhDanh;
  const allowed = requester === hd.SoDinhDanhChuHopDong || (y.LoaiYeuCau === 'THAY_DOI_CHU_THE' && requester === y.ChuTheMoi?.SoDinhDanh);
  if (!allowed) {
    throw invalid('KhachHang.SoDinhDanh', 'người yêu cầu không phải chủ hợp đồng (hoặc người đại diện)', 'the applicant does not hold the contract');
  }
  if (y.LoaiYeuCau === 'THAY_DOI_CHU_THE') need('ChuTheMoi', 'cần thông tin chủ thể mới của hợp đồng', 'the new holder is required');
  if (y.LoaiYeuCau === 'THAY_DOI_DINH_MUC') {
    need('SoHoSuDung', 'cần số hộ dùng chung công tơ', 'the number of households is required');
    if (hd.LoaiKhachHang !== 'SINH_HOAT') throw invalid('MaKhachHang', 'định mức chỉ áp dụng hợp đồng sinh hoạt', 'quotas apply to household contracts only');
  }
  return hd.DonViQuanLy;
}

async function dangKyDichVu(ctx: Ctx) {
  const y = ctx.input as YeuCauInput;
  const donVi = checkYeuCau(ctx.seed, y);
  const hash = contentHash(y);
  if (y.MaHoSoTinh) {
    // Liên thông keeps the province's dossier code: sending the same request again is a safe retry.
    const existing = await ctx.dossiers.get(y.MaHoSoTinh);
    if (existing) {
      if ((existing.data as { MaHash?: string }).MaHash !== hash) {
        throw new NdxpError('CONFLICT', { field: 'MaHoSoTinh', detailVi: `mã hồ sơ ${y.MaHoSoTinh} đã dùng cho yêu cầu khác`, detailEn: `dossier code ${y.MaHoSoTinh} was used for another request` });
      }
      return fromDossier(existing);
    }
  }
  const now = ctx.now();
  const { TaiLieuDinhKem, ...rest } = y;
  const data: YeuCauData & { MaHash: string } = {
    ...rest,
    TaiLieuDinhKem: nhanTaiLieu(TaiLieuDinhKem, 'TaiLieuDinhKem'),
    NgayTiepNhan: formatTimestampCompact(now),
    NgayHenHoanThanh: formatDateDmy(addWorkingDays(now, LOAI_YEU_CAU[y.LoaiYeuCau].ngayLamViec)),
    DonViQuanLy: donVi,
    MaHash: hash,
  };
  const d = await ctx.dossiers.create({
    lifecycle: LOAI_YEU_CAU[y.LoaiYeuCau].lifecycle,
    agencyCode: PC_AN_GIANG,
    data: data as unknown as Record<string, unknown>,
    ...(y.MaHoSoTinh ? { maHoSo: y.MaHoSoTinh } : {}),
  });
  return reply(201, fromDossier(d));
}

/** A live request of the caller's province first, then the seeded history; else RECORD_NOT_FOUND. */
async function findYeuCau(ctx: Ctx, maHoSo: string): Promise<{ view: YeuCauView; live: boolean }> {
  const d = await ctx.dossiers.get(maHoSo);
  if (d) return { view: fromDossier(d), live: true };
  return { view: found(indexes(ctx.seed).byMaHoSo.get(maHoSo), 'maHoSo', maHoSo), live: false };
}

/** Seeded requests are history: readable, a repeated step answers as before, but they never change. */
const current = (v: YeuCauView) => ({ vi: `yêu cầu ${v.MaHoSo}`, en: `request ${v.MaHoSo}`, status: v.TrangThai, label: v.TenTrangThai });

/** A province step that only makes sense from one state (the lifecycle alone would allow more). */
function requireState(v: YeuCauView, live: boolean, from: TrangThai, to: TrangThai) {
  if (!live) throw finished(current(v), to);
  if (v.TrangThai !== from) throw notFrom(current(v), { status: from, label: tenTrangThai(from) }, to);
}

async function boSungHoSo(ctx: Ctx) {
  const { MaHoSo, MaBoSung, TaiLieuDinhKem, GhiChu } = ctx.input as { MaHoSo: string; MaBoSung: string; TaiLieuDinhKem: TaiLieuGui[]; GhiChu?: string };
  const { view, live } = await findYeuCau(ctx, MaHoSo);
  const files = nhanTaiLieu(TaiLieuDinhKem, 'TaiLieuDinhKem');
  const prior = view.BoSung?.find((b) => b.MaBoSung === MaBoSung);
  if (prior) {
    if (contentHash(prior.TaiLieuDinhKem) !== contentHash(files)) {
      throw new NdxpError('CONFLICT', { field: 'MaBoSung', detailVi: `${MaBoSung} đã dùng cho các tệp khác`, detailEn: `${MaBoSung} was used for other files` });
    }
    return view;
  }
  requireState(view, live, '3', '2');
  const entry = { MaBoSung, ThoiGian: formatTimestampCompact(ctx.now()), TaiLieuDinhKem: files, ...(GhiChu ? { GhiChu } : {}) };
  const moved = await ctx.dossiers.move(MaHoSo, '2', noteBoSung(MaBoSung), {
    BoSung: [...(view.BoSung ?? []), entry],
    TaiLieuDinhKem: [...view.TaiLieuDinhKem, ...files],
  });
  return fromDossier(moved);
}

async function kyHopDong(ctx: Ctx) {
  const { MaHoSo, SoHopDong, HinhThucKy } = ctx.input as { MaHoSo: string; SoHopDong: string; HinhThucKy: 'KY_SO' | 'OTP' };
  const { view, live } = await findYeuCau(ctx, MaHoSo);
  if (view.KyHopDong) {
    if (view.KyHopDong.SoHopDong !== SoHopDong || view.KyHopDong.HinhThucKy !== HinhThucKy) {
      throw new NdxpError('CONFLICT', { field: 'SoHopDong', detailVi: `hợp đồng đã ký: ${view.KyHopDong.SoHopDong}`, detailEn: `already signed: ${view.KyHopDong.SoHopDong}` });
    }
    return view;
  }
  requireState(view, live, '4', '5');
  if (view.HopDongDuThao?.SoHopDong !== SoHopDong) {
    throw invalid('SoHopDong', `hợp đồng gửi khách hàng ký là ${view.HopDongDuThao?.SoHopDong}`, `the contract sent for signature is ${view.HopDongDuThao?.SoHopDong}`);
  }
  const moved = await ctx.dossiers.move(MaHoSo, '5', NOTE_KY_HOP_DONG, { KyHopDong: { SoHopDong, HinhThucKy, ThoiGianKy: formatTimestampCompact(ctx.now()) } });
  return fromDossier(moved);
}

async function huyYeuCau(ctx: Ctx) {
  const { MaHoSo, LyDoHuy } = ctx.input as { MaHoSo: string; LyDoHuy: string };
  const { view, live } = await findYeuCau(ctx, MaHoSo);
  if (view.TrangThai === '8') return view; // cancelling twice is harmless
  if (!live) throw finished(current(view), '8');
  return fromDossier(await ctx.dossiers.move(MaHoSo, '8', LyDoHuy, { LyDoHuy }));
}

/** Live requests scanned for a listing (newest first); older ones stay readable one by one. */
const LIST_SCAN = 1000;

async function danhSachYeuCau(ctx: Ctx) {
  const f = ctx.input as { loaiYeuCau?: LoaiYeuCau; trangThai?: string; tuNgay?: string; denNgay?: string; trang?: number; soBanGhi?: number };
  const from = f.tuNgay ? dmyToIso(f.tuNgay).replace(/-/g, '') : '';
  const to = f.denNgay ? `${dmyToIso(f.denNgay).replace(/-/g, '')}235959` : '9';
  const live = (await ctx.dossiers.list(0, LIST_SCAN)).items.map(fromDossier);
  const rows = [...live, ...ctx.seed.yeuCau]
    .filter((v) => (!f.loaiYeuCau || v.LoaiYeuCau === f.loaiYeuCau) && (!f.trangThai || v.TrangThai === f.trangThai) && v.NgayTiepNhan >= from && v.NgayTiepNhan <= to)
    .sort((a, b) => (a.NgayTiepNhan < b.NgayTiepNhan ? 1 : a.NgayTiepNhan > b.NgayTiepNhan ? -1 : 0))
    .map((v) => ({
      MaHoSo: v.MaHoSo, LoaiYeuCau: v.LoaiYeuCau, HoTenKhachHang: v.KhachHang.HoTen, ...(v.MaKhachHang ? { MaKhachHang: v.MaKhachHang } : {}),
      TrangThai: v.TrangThai, TenTrangThai: v.TenTrangThai, NgayTiepNhan: v.NgayTiepNhan, NgayHenHoanThanh: v.NgayHenHoanThanh, DonViQuanLy: v.DonViQuanLy,
    }));
  return paginate(rows, f.trang, f.soBanGhi);
}

// ---- outages and consumption -------------------------------------------------------------------------------------

function lichCatDien(ctx: Ctx) {
  const f = ctx.input as { maXa?: string; maKhachHang?: string; tuNgay?: string; denNgay?: string; loai?: string; trang?: number; soBanGhi?: number };
  const maXa = f.maKhachHang ? hopDong(ctx.seed, f.maKhachHang).DiaChiSuDungDien.MaXa : f.maXa;
  if (f.maKhachHang && f.maXa && f.maXa !== maXa) throw invalid('maXa', 'không khớp địa chỉ của mã khách hàng', 'does not match the customer’s address');
  const from = f.tuNgay ? dmyToIso(f.tuNgay).replace(/-/g, '') : '';
  const to = f.denNgay ? `${dmyToIso(f.denNgay).replace(/-/g, '')}235959` : '9';
  let rows = ctx.seed.lichCatDien.filter(
    (l) => (!maXa || l.MaXa === maXa) && (!f.loai || l.LoaiNgungCapDien === f.loai) && l.ThoiGianKetThuc >= from && l.ThoiGianBatDau <= to,
  );
  if (ctx.scenario === 'su-co-dien-rong') {
    // A 110 kV fault blacks out the asked commune (or the first one) right now, ahead of the planned outages.
    const dv = [...indexes(ctx.seed).donViByXa.entries()].find(([ma]) => !maXa || ma === maXa);
    const now = ctx.now();
    if (dv) {
      rows = [{
        MaLich: `LCD-${formatTimestampCompact(now).slice(2, 6)}-9999`, MaXa: dv[0], TenXa: dv[1].tenXa, DonViQuanLy: { Ma: dv[1].ma, Ten: dv[1].ten },
        KhuVuc: `Toàn bộ ${dv[1].tenXa}`, ThoiGianBatDau: formatTimestampCompact(now), ThoiGianKetThuc: formatTimestampCompact(new Date(now.getTime() + 3 * 3_600_000)),
        LyDo: 'Sự cố đường dây 110 kV, đang khẩn trương khắc phục', LoaiNgungCapDien: 'SU_CO', TrangThai: 'DANG_XU_LY',
      }, ...rows];
    }
  }
  const now = formatTimestampCompact(ctx.now());
  const coSuCo = rows.some((l) => l.LoaiNgungCapDien === 'SU_CO' && l.ThoiGianBatDau <= now && l.ThoiGianKetThuc >= now);
  return { CoSuCoDangDienRa: coSuCo, ...paginate(rows, f.trang, f.soBanGhi) };
}

function tieuThuDienTheoNam({ input, seed }: Ctx) {
  const nam = input.nam as number;
  const rows = seed.tieuThuDiaBan.filter((r) => r.Nam === nam);
  if (rows.length === 0) throw new NdxpError('RECORD_NOT_FOUND', { field: 'nam', detailVi: `chưa có số liệu năm ${nam}`, detailEn: `no data for ${nam}` });
  const months = [...new Set(rows.map((r) => r.Thang))].sort((a, b) => a - b);
  const last = months[months.length - 1]!;
  // Growth against the same months of the year before, when that year is on record.
  const before = seed.tieuThuDiaBan.filter((r) => r.Nam === nam - 1 && r.Thang <= last);
  return {
    Nam: nam,
    MaTinh: '91',
    TenTinh: 'Tỉnh An Giang',
    SoThangCoSoLieu: months.length,
    DenThang: thang({ Nam: nam, Thang: last }),
    TongDienNangThuongPham: sum(rows),
    CoCau: sumCoCau(rows),
    SoKhachHangCuoiKy: rows.filter((r) => r.Thang === last).reduce((a, r) => a + r.SoKhachHang, 0),
    ...(before.length ? { TangTruongCungKy: Math.round((sum(rows) / sum(before) - 1) * 1000) / 10 } : {}),
    ChiTietThang: months.map((m) => ({ Thang: thang({ Nam: nam, Thang: m }), DienNangThuongPham: sum(rows.filter((r) => r.Thang === m)) })),
  };
}

function tieuThuDienTheoThang({ input, seed }: Ctx) {
  const [mm, yyyy] = (input.thang as string).split('/').map(Number) as [number, number];
  const month = seed.tieuThuDiaBan.filter((r) => r.Nam === yyyy && r.Thang === mm);
  if (month.length === 0) throw new NdxpError('RECORD_NOT_FOUND', { field: 'thang', detailVi: `chưa có số liệu tháng ${input.thang}`, detailEn: `no data for ${input.thang}` });
  const rows = month.filter((r) => !input.maXa || r.MaXa === input.maXa);
  return { Thang: input.thang, TongDienNangThuongPham: sum(month), ...paginate(rows, input.trang, input.soBanGhi) };
}

// ---- the connector -----------------------------------------------------------------------------------------------

const yeuCauExample = {
  LoaiYeuCau: 'CAP_DIEN_MOI_SINH_HOAT',
  KhachHang: '$seed:yeuCau.0.KhachHang',
  DiaChiSuDungDien: '$seed:yeuCau.0.DiaChiSuDungDien',
  MucDichSuDung: 'Sinh hoạt',
  TaiLieuDinhKem: [
    { TenTaiLieu: 'Căn cước công dân (mặt trước)', LoaiTaiLieu: 'CCCD', DinhDang: 'image/jpeg', NoiDungBase64: TEP_MAU.jpeg },
    { TenTaiLieu: 'Giấy chứng nhận quyền sử dụng đất', LoaiTaiLieu: 'GIAY_TO_NHA_DAT', DinhDang: 'application/pdf', DuongDan: 'https://dichvucong.angiang.gov.vn/tep/gcn-qsdd.pdf', DungLuong: 482113 },
  ],
};

export default defineConnector<Seed>({
  id: 'dien-luc',
  protocol: 'rest',
  agencyCode: EVN_AGENCY,
  seedSchemas: { donViDienLuc: 'donViDienLuc.record', khachHang: 'khachHang.record', lichCatDien: 'lichCatDien.record', tieuThuDiaBan: 'tieuThuDiaBan.record', yeuCau: 'yeuCau.record' },
  lifecycles: { hopDong: hopDongLifecycle, dichVu: dichVuLifecycle },
  operations: {
    traCuuKhachHang: {
      summary: 'Tra cứu hợp đồng mua bán điện theo mã khách hàng: chủ hợp đồng, địa chỉ, công tơ, tiêu thụ và hóa đơn 12 kỳ gần nhất',
      summaryEn: 'Electricity contract by customer code, with the last 12 billing periods',
      method: 'GET',
      path: '/evn-cskh/1.0/traCuuKhachHang',
      serves: [0],
      example: { query: { maKhachHang: '$seed:khachHang.0.MaKhachHang' } },
      handler: ({ input, seed }) => hopDong(seed, input.maKhachHang),
    },
    khachHangTheoDinhDanh: {
      summary: 'Các hợp đồng mua bán điện đứng tên công dân (chủ hộ) hoặc doanh nghiệp do công dân làm người đại diện, theo số định danh',
      summaryEn: 'Contracts held (or represented) by a citizen, by ID number',
      method: 'GET',
      path: '/evn-cskh/1.0/khachHangTheoDinhDanh',
      serves: [0],
      example: { query: { soDinhDanh: '$seed:khachHang.0.SoDinhDanhChuHopDong' } },
      handler: ({ input, seed }) => {
        const list = seed.khachHang
          .filter((k) => k.SoDinhDanhChuHopDong === input.soDinhDanh)
          .map((k) => ({
            MaKhachHang: k.MaKhachHang, TenKhachHang: k.TenKhachHang, LoaiKhachHang: k.LoaiKhachHang, DiaChiSuDungDien: k.DiaChiSuDungDien.DiaChiDayDu,
            MucDichSuDung: k.MucDichSuDung, TinhTrangHopDong: k.TinhTrangHopDong, DonViQuanLy: k.DonViQuanLy,
          }));
        return { SoDinhDanh: input.soDinhDanh, TongSo: list.length, DanhSach: list };
      },
    },
    lichCatDien: {
      summary: 'Tra cứu lịch ngừng, giảm cung cấp điện (kế hoạch và sự cố) theo xã, phường hoặc theo mã khách hàng, trong khoảng ngày',
      summaryEn: 'Planned and unplanned power outages by commune or customer code',
      method: 'GET',
      path: '/evn-cskh/1.0/lichCatDien',
      serves: [0],
      example: { query: { maXa: '$seed:lichCatDien.0.MaXa', tuNgay: '20/10/2025', denNgay: '30/11/2025' } },
      handler: lichCatDien,
    },
    tieuThuDienTheoNam: {
      summary: 'Điện thương phẩm trên địa bàn tỉnh theo năm: tổng, cơ cấu theo thành phần phụ tải, tăng trưởng cùng kỳ, chi tiết tháng',
      summaryEn: 'Electricity sold in the province per year, by consumer group',
      method: 'GET',
      path: '/evn-cskh/1.0/tieuThuDienTheoNam',
      serves: [0],
      example: { query: { nam: '2024' } },
      handler: tieuThuDienTheoNam,
    },
    tieuThuDienTheoThang: {
      summary: 'Điện thương phẩm theo tháng, theo địa bàn cấp xã (thay cấp huyện từ 01/7/2025), số khách hàng và cơ cấu',
      summaryEn: 'Electricity sold per month and commune (communes replace districts from 1/7/2025)',
      method: 'GET',
      path: '/evn-cskh/1.0/tieuThuDienTheoThang',
      serves: [0],
      example: { query: { thang: '09/2025', soBanGhi: '10' } },
      handler: tieuThuDienTheoThang,
    },
    dangKyDichVu: {
      summary: 'Đăng ký dịch vụ điện từ cổng, ứng dụng của tỉnh: cấp điện mới, thay đổi chủ thể hợp đồng, định mức, di dời công tơ, kèm ảnh, tệp hồ sơ',
      summaryEn: 'Request an electricity service (new connection, change of holder, quota, meter relocation) with document pictures',
      method: 'POST',
      path: '/evn-cskh/1.0/dangKyDichVu',
      responseSchema: 'yeuCau.response',
      serves: [0],
      example: { body: yeuCauExample },
      handler: dangKyDichVu,
    },
    traCuuYeuCau: {
      summary: 'Trạng thái, lịch sử xử lý và kết quả của yêu cầu dịch vụ điện',
      summaryEn: 'Status, history and result of a service request',
      method: 'GET',
      path: '/evn-cskh/1.0/traCuuYeuCau',
      responseSchema: 'yeuCau.response',
      serves: [0],
      example: { query: { maHoSo: '$seed:yeuCau.0.MaHoSo' } },
      handler: async (ctx) => (await findYeuCau(ctx, ctx.input.maHoSo)).view,
    },
    danhSachYeuCau: {
      summary: 'Danh sách yêu cầu dịch vụ điện của tỉnh, mới tiếp nhận trước, lọc theo loại, trạng thái, ngày tiếp nhận',
      summaryEn: 'The province’s service requests, newest first',
      method: 'GET',
      path: '/evn-cskh/1.0/danhSachYeuCau',
      serves: [0],
      example: { query: { loaiYeuCau: 'CAP_DIEN_MOI_SINH_HOAT', soBanGhi: '20' } },
      handler: danhSachYeuCau,
    },
    boSungHoSo: {
      summary: 'Bổ sung ảnh, tệp hồ sơ cho yêu cầu đang chờ bổ sung (3 → 2); gửi lại cùng MaBoSung là an toàn',
      summaryEn: 'Add the missing documents to a request sent back (3 → 2); idempotent per MaBoSung',
      method: 'POST',
      path: '/evn-cskh/1.0/boSungHoSo',
      responseSchema: 'yeuCau.response',
      serves: [0],
      example: {
        body: {
          MaHoSo: '$seed:yeuCau.2.MaHoSo',
          MaBoSung: '$seed:yeuCau.2.BoSung.0.MaBoSung',
          TaiLieuDinhKem: [{ TenTaiLieu: 'Giấy chứng nhận quyền sử dụng đất', LoaiTaiLieu: 'GIAY_TO_NHA_DAT', DinhDang: 'application/pdf', NoiDungBase64: TEP_MAU.pdf }],
        },
      },
      handler: boSungHoSo,
    },
    kyHopDong: {
      summary: 'Khách hàng ký hợp đồng mua bán điện điện tử (ký số hoặc OTP) trên cổng của tỉnh (4 → 5)',
      summaryEn: 'The customer signs the electricity contract online (4 → 5)',
      method: 'POST',
      path: '/evn-cskh/1.0/kyHopDong',
      responseSchema: 'yeuCau.response',
      serves: [0],
      example: { body: { MaHoSo: '$seed:yeuCau.0.MaHoSo', SoHopDong: '$seed:yeuCau.0.KyHopDong.SoHopDong', HinhThucKy: '$seed:yeuCau.0.KyHopDong.HinhThucKy' } },
      handler: kyHopDong,
    },
    huyYeuCau: {
      summary: 'Khách hàng hủy yêu cầu dịch vụ điện trước khi thi công; hủy lại yêu cầu đã hủy là an toàn',
      summaryEn: 'The customer withdraws a request before the works; withdrawing twice is harmless',
      method: 'POST',
      path: '/evn-cskh/1.0/huyYeuCau',
      responseSchema: 'yeuCau.response',
      serves: [0],
      example: { body: { MaHoSo: '$seed:yeuCau.3.MaHoSo', LyDoHuy: 'Khách hàng không còn nhu cầu' } },
      handler: huyYeuCau,
    },
  },
  scenarios: [
    {
      name: 'thieu-ho-so',
      description: 'Điện lực yêu cầu bổ sung hồ sơ ngay khi tiếp nhận: yêu cầu đi 1 → 3 kèm nội dung cần bổ sung',
      descriptionEn: 'The power company asks for missing documents at receipt: 1 → 3 with what is missing',
      effect: { handled: true },
      operations: ['dangKyDichVu'],
      expect: {
        operation: 'dangKyDichVu',
        status: 201,
        then: { operation: 'traCuuYeuCau', input: (b) => ({ maHoSo: b.MaHoSo }), body: { TrangThai: '3' }, withinMs: 5000 },
      },
    },
    {
      name: 'tu-choi',
      description: 'Sau khảo sát, Điện lực từ chối cấp điện (chưa có lưới hạ áp trong bán kính 200 m): yêu cầu đi 1 → 2 → 7',
      descriptionEn: 'After the survey the request is refused (no low-voltage grid nearby): 1 → 2 → 7',
      effect: { handled: true },
      operations: ['dangKyDichVu'],
      expect: {
        operation: 'dangKyDichVu',
        status: 201,
        then: { operation: 'traCuuYeuCau', input: (b) => ({ maHoSo: b.MaHoSo }), body: { TrangThai: '7' }, withinMs: 5000 },
      },
    },
    {
      name: 'su-co-dien-rong',
      description: 'Sự cố lưới điện 110 kV đang diễn ra: tra cứu lịch cắt điện trả thêm một sự cố mất điện toàn xã, CoSuCoDangDienRa = true',
      descriptionEn: 'A 110 kV fault is under way: the outage lookup shows a commune-wide unplanned outage',
      effect: { handled: true },
      operations: ['lichCatDien'],
      expect: { operation: 'lichCatDien', status: 200, body: { CoSuCoDangDienRa: true } },
    },
  ],
});
