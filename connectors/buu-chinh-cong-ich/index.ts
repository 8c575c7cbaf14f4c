import { randomInt } from 'node:crypto';
import { defineConnector, reply, type OperationContext } from '../../src/core/connector.js';
import { isNdxpError, NdxpError } from '../../src/core/errors.js';
import { formatDateDmy, formatTimestampCompact } from '../../src/core/identifiers.js';
import { putOnce } from '../_shared/idempotent.js';
import { finished, invalid, notFrom } from '../_shared/refusals.js';
import { fromSeed, indexBy, paginate, type WireAddress } from '../_shared/wire.js';
import { cuoc, isMaVanDon, makeMaVanDon, soNgayDuKien, tenTrangThai, VNPOST_AGENCY, type HuongXuLy, type LoaiDon } from './codes.js';
import { donHangLifecycle, fromDossier, noteXuLy, type CongDan, type CoQuan, type DonHang, type DonHangView } from './don-hang.js';

interface BuuCuc {
  MaBuuCuc: string;
  TenBuuCuc: string;
  Cap: 'TINH' | 'XA';
  MaTinh: string;
  TenTinh: string;
  MaXa?: string;
  TenXa?: string;
}
interface Seed {
  donHang: DonHangView[];
  buuCuc: BuuCuc[];
}

const indexes = fromSeed((seed: Seed) => ({
  byMaVanDon: indexBy(seed.donHang, (d) => d.MaVanDon),
  tinh: new Map(seed.buuCuc.filter((b) => b.Cap === 'TINH').map((b) => [b.MaTinh, b.TenTinh])),
  xa: indexBy(seed.buuCuc.filter((b) => b.Cap === 'XA'), (b) => b.MaXa!),
}));

type Ctx = OperationContext<Seed>;


/** An address must name one of the 34 provinces (from 1/7/2025) by its code and name; in An Giang also a known commune. */
function checkAddress(seed: Seed, field: string, a: WireAddress): void {
  const { tinh, xa } = indexes(seed);
  const tenTinh = tinh.get(a.MaTinh);
  if (!tenTinh) throw invalid(`${field}.MaTinh`, 'không thuộc 34 tỉnh, thành phố (từ 01/7/2025)', 'not one of the 34 provinces (from 1/7/2025)');
  if (tenTinh !== a.TenTinh) throw invalid(`${field}.TenTinh`, `mã tỉnh ${a.MaTinh} là ${tenTinh}`, `province ${a.MaTinh} is ${tenTinh}`);
  if (a.MaTinh !== '91') return;
  const x = xa.get(a.MaXa);
  if (!x) throw invalid(`${field}.MaXa`, 'không phải mã xã, phường của tỉnh An Giang', 'not a commune of An Giang');
  if (x.TenXa !== a.TenXa) throw invalid(`${field}.TenXa`, `mã xã ${a.MaXa} là ${x.TenXa}`, `commune ${a.MaXa} is ${x.TenXa}`);
}

/** A live order of the caller's province first, then the seeded history; else RECORD_NOT_FOUND. */
async function findDon(ctx: Ctx, maVanDon: string): Promise<{ view: DonHangView; live: boolean }> {
  if (!isMaVanDon(maVanDon)) {
    throw invalid('maVanDon', 'sai số kiểm tra (chuẩn UPU S10)', 'wrong check digit (UPU S10)');
  }
  const d = await ctx.dossiers.get(maVanDon);
  if (d) return { view: fromDossier(d), live: true };
  const seeded = indexes(ctx.seed).byMaVanDon.get(maVanDon);
  if (!seeded) throw new NdxpError('RECORD_NOT_FOUND', { field: 'maVanDon', detailVi: `maVanDon=${maVanDon}`, detailEn: `maVanDon=${maVanDon}` });
  return { view: seeded, live: false };
}

interface YeuCauTaoDon {
  MaHoSo: string;
  MaTTHC: string;
  TenTTHC: string;
  KenhThucHien: DonHang['KenhThucHien'];
  CongDan: CongDan;
  CoQuan: CoQuan;
  KhoiLuong: number;
  SoLuongHoSo: number;
  ThuHo?: number;
  GhiChu?: string;
  MaThamChieu?: string;
}

/**
 * Creates a pickup or a return order. With MaThamChieu a retry is safe (same reference and content → the same
 * order, 200); without it every call is a new order. Mã vận đơn are random S10 serials; a clash retries.
 */
async function taoDon(ctx: Ctx, loai: LoaiDon) {
  const y = ctx.input as YeuCauTaoDon;
  if (loai === 'THU_GOM' && y.KenhThucHien !== '3') {
    throw invalid('KenhThucHien', 'hồ sơ thu gom qua bưu chính phải có KenhThucHien = 3', 'a pickup order is for a postal dossier (KenhThucHien 3)');
  }
  checkAddress(ctx.seed, 'CongDan.DiaChi', y.CongDan.DiaChi);
  checkAddress(ctx.seed, 'CoQuan.DiaChi', y.CoQuan.DiaChi);
  const now = ctx.now();
  const noiTinh = y.CongDan.DiaChi.MaTinh === y.CoQuan.DiaChi.MaTinh;
  const thuHo = y.ThuHo ?? 0;
  const build = (maVanDon: string): DonHang => ({
    MaVanDon: maVanDon,
    LoaiDon: loai,
    MaHoSo: y.MaHoSo,
    MaTTHC: y.MaTTHC,
    TenTTHC: y.TenTTHC,
    KenhThucHien: y.KenhThucHien,
    CongDan: y.CongDan,
    CoQuan: y.CoQuan,
    KhoiLuong: y.KhoiLuong,
    SoLuongHoSo: y.SoLuongHoSo,
    ThuHo: thuHo,
    ...cuoc(y.KhoiLuong, noiTinh, thuHo),
    NgayTao: formatTimestampCompact(now),
    NgayDuKienPhat: formatDateDmy(new Date(now.getTime() + soNgayDuKien(noiTinh) * 86_400_000)),
    ...(y.GhiChu ? { GhiChu: y.GhiChu } : {}),
    ...(y.MaThamChieu ? { MaThamChieu: y.MaThamChieu } : {}),
  });
  const create = (maVanDon: string) =>
    ctx.dossiers.create({ lifecycle: 'donHang', agencyCode: VNPOST_AGENCY, maHoSo: maVanDon, data: build(maVanDon) as unknown as Record<string, unknown> });
  const newCode = () => makeMaVanDon(loai, randomInt(0, 100_000_000));

  if (y.MaThamChieu) {
    const { value: maVanDon, replay } = await putOnce(ctx.records, 'thamChieu', y.MaThamChieu, { loai, y }, newCode(), 'MaThamChieu');
    if (!replay) return reply(201, fromDossier(await create(maVanDon)));
    const existing = await ctx.dossiers.get(maVanDon);
    if (!existing) throw new NdxpError('CONFLICT', { field: 'MaThamChieu', detailVi: 'đơn hàng đang được tạo, thử lại sau', detailEn: 'the order is being created, retry' });
    return fromDossier(existing);
  }
  for (let attempt = 0; ; attempt++) {
    try {
      return reply(201, fromDossier(await create(newCode())));
    } catch (e) {
      if (!(isNdxpError(e) && e.code === 'CONFLICT' && attempt < 4)) throw e;
    }
  }
}

/** Seeded orders are history: they can be read, and a repeated decision on them answers as before, but never change. */
const current = (v: DonHangView) => ({ vi: `đơn ${v.MaVanDon}`, en: `order ${v.MaVanDon}`, status: v.TrangThai, label: v.TenTrangThai });

async function huyDon(ctx: Ctx) {
  const { MaVanDon, LyDoHuy } = ctx.input as { MaVanDon: string; LyDoHuy: string };
  const { view, live } = await findDon(ctx, MaVanDon);
  if (view.TrangThai === '9') return view; // cancelling twice is harmless
  if (!live) throw finished(current(view), '9');
  return fromDossier(await ctx.dossiers.move(MaVanDon, '9', LyDoHuy, { LyDoHuy }));
}

async function xuLyPhatKhongThanhCong(ctx: Ctx) {
  const input = ctx.input as { MaVanDon: string; MaYeuCau: string; HuongXuLy: HuongXuLy; DiaChiPhatLai?: WireAddress; SoDienThoaiLienHe?: string; GhiChu?: string };
  const { view, live } = await findDon(ctx, input.MaVanDon);
  const prior = view.YeuCauXuLy?.find((x) => x.MaYeuCau === input.MaYeuCau);
  if (prior) {
    if (prior.HuongXuLy !== input.HuongXuLy) {
      throw new NdxpError('CONFLICT', { field: 'MaYeuCau', detailVi: `${input.MaYeuCau} đã dùng cho hướng ${prior.HuongXuLy}`, detailEn: `${input.MaYeuCau} was used for ${prior.HuongXuLy}` });
    }
    return view; // the same decision sent again
  }
  const to = input.HuongXuLy === 'PHAT_LAI' ? '3' : '7';
  if (!live) throw finished(current(view), to);
  if (view.TrangThai !== '6') throw notFrom(current(view), { status: '6', label: tenTrangThai('6') }, to);
  if ((input.DiaChiPhatLai || input.SoDienThoaiLienHe) && (input.HuongXuLy !== 'PHAT_LAI' || view.LoaiDon !== 'TRA_KET_QUA')) {
    throw invalid('DiaChiPhatLai', 'chỉ đổi địa chỉ, số điện thoại khi phát lại kết quả cho công dân', 'a new address or phone only goes with re-delivering a result to the citizen');
  }
  if (input.DiaChiPhatLai) checkAddress(ctx.seed, 'DiaChiPhatLai', input.DiaChiPhatLai);
  const yc = { MaYeuCau: input.MaYeuCau, HuongXuLy: input.HuongXuLy, ThoiGian: formatTimestampCompact(ctx.now()), ...(input.GhiChu ? { GhiChu: input.GhiChu } : {}) };
  const congDan: CongDan = {
    ...view.CongDan,
    ...(input.DiaChiPhatLai ? { DiaChi: input.DiaChiPhatLai } : {}),
    ...(input.SoDienThoaiLienHe ? { SoDienThoai: input.SoDienThoaiLienHe } : {}),
  };
  const moved = await ctx.dossiers.move(input.MaVanDon, to, noteXuLy(yc), {
    YeuCauXuLy: [...(view.YeuCauXuLy ?? []), yc],
    CongDan: congDan,
  });
  return fromDossier(moved);
}

const lastUpdate = (v: DonHangView) => v.HanhTrinh[v.HanhTrinh.length - 1]!.ThoiGian;

/** Live orders scanned for a listing (newest first); older ones stay readable one by one. */
const LIST_SCAN = 1000;

async function danhSachDonHang(ctx: Ctx) {
  const f = ctx.input as { loaiDon?: LoaiDon; trangThai?: string; maHoSo?: string; capNhatTu?: string; trang?: number; soBanGhi?: number };
  const live = (await ctx.dossiers.list(0, LIST_SCAN)).items.map(fromDossier);
  const rows = [...live, ...ctx.seed.donHang]
    .filter((v) => (!f.loaiDon || v.LoaiDon === f.loaiDon) && (!f.trangThai || v.TrangThai === f.trangThai) && (!f.maHoSo || v.MaHoSo === f.maHoSo))
    .map((v) => ({ v, at: lastUpdate(v) }))
    .filter(({ at }) => !f.capNhatTu || at >= f.capNhatTu)
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
    .map(({ v, at }) => ({
      MaVanDon: v.MaVanDon, LoaiDon: v.LoaiDon, MaHoSo: v.MaHoSo, MaTTHC: v.MaTTHC, TrangThai: v.TrangThai, TenTrangThai: v.TenTrangThai,
      NgayTao: v.NgayTao, NgayDuKienPhat: v.NgayDuKienPhat, CapNhatLuc: at,
    }));
  return paginate(rows, f.trang, f.soBanGhi);
}

const taoDonExample = {
  MaHoSo: '$seed:donHang.0.MaHoSo',
  MaTTHC: '$seed:donHang.0.MaTTHC',
  TenTTHC: '$seed:donHang.0.TenTTHC',
  KenhThucHien: '3',
  CongDan: '$seed:donHang.0.CongDan',
  CoQuan: '$seed:donHang.0.CoQuan',
  KhoiLuong: 350,
  SoLuongHoSo: 1,
};

export default defineConnector<Seed>({
  id: 'buu-chinh-cong-ich',
  protocol: 'rest',
  agencyCode: VNPOST_AGENCY,
  seedSchemas: { donHang: 'donHang.record', buuCuc: 'buuCuc.record' },
  lifecycles: { donHang: donHangLifecycle },
  operations: {
    // First operation: the built-in scenarios call it and expect 200, so a read comes first.
    traCuuVanDon: {
      summary: 'Tra cứu trạng thái và hành trình đơn thu gom hồ sơ / chuyển phát kết quả theo mã vận đơn',
      summaryEn: 'Status and tracking events of a pickup or return order by item code',
      method: 'GET',
      path: '/bccp-dvc/1.0/traCuuVanDon',
      responseSchema: 'donHang.response',
      serves: [0],
      example: { query: { maVanDon: '$seed:donHang.0.MaVanDon' } },
      handler: async (ctx) => (await findDon(ctx, ctx.input.maVanDon)).view,
    },
    taoDonThuGom: {
      summary: 'Tạo đơn thu gom hồ sơ TTHC tại nhà công dân, chuyển đến cơ quan giải quyết (hồ sơ nộp qua bưu chính, KenhThucHien 3)',
      summaryEn: 'Create an order to collect a dossier from the citizen for the agency (postal channel)',
      method: 'POST',
      path: '/bccp-dvc/1.0/taoDonThuGom',
      requestSchema: 'taoDon.request',
      responseSchema: 'donHang.response',
      serves: [0],
      example: { body: taoDonExample },
      handler: (ctx) => taoDon(ctx, 'THU_GOM'),
    },
    taoDonTraKetQua: {
      summary: 'Tạo đơn chuyển phát kết quả giải quyết TTHC từ cơ quan đến công dân (có thể thu hộ phí, lệ phí)',
      summaryEn: 'Create an order to deliver a procedure’s result from the agency to the citizen',
      method: 'POST',
      path: '/bccp-dvc/1.0/taoDonTraKetQua',
      requestSchema: 'taoDon.request',
      responseSchema: 'donHang.response',
      serves: [0],
      example: { body: { ...taoDonExample, KenhThucHien: '2', ThuHo: 200000 } },
      handler: (ctx) => taoDon(ctx, 'TRA_KET_QUA'),
    },
    huyDon: {
      summary: 'Hủy đơn hàng trước khi bưu tá lấy hàng (trạng thái 1 → 9); hủy lại đơn đã hủy là an toàn',
      summaryEn: 'Cancel an order before pickup (1 → 9); cancelling again is harmless',
      method: 'POST',
      path: '/bccp-dvc/1.0/huyDon',
      responseSchema: 'donHang.response',
      serves: [0],
      example: { body: { MaVanDon: '$seed:donHang.3.MaVanDon', LyDoHuy: '$seed:donHang.3.LyDoHuy' } },
      handler: huyDon,
    },
    xuLyPhatKhongThanhCong: {
      summary: 'Chỉ dẫn khi phát không thành công: phát lại (có thể đổi địa chỉ, số điện thoại) hoặc chuyển hoàn; gửi lại cùng MaYeuCau là an toàn',
      summaryEn: 'After a failed delivery: deliver again (optionally to a new address) or return to sender; idempotent per MaYeuCau',
      method: 'POST',
      path: '/bccp-dvc/1.0/xuLyPhatKhongThanhCong',
      responseSchema: 'donHang.response',
      serves: [0],
      example: {
        body: { MaVanDon: '$seed:donHang.4.MaVanDon', MaYeuCau: '$seed:donHang.4.YeuCauXuLy.0.MaYeuCau', HuongXuLy: 'CHUYEN_HOAN' },
      },
      handler: xuLyPhatKhongThanhCong,
    },
    danhSachDonHang: {
      summary: 'Danh sách đơn hàng của tỉnh, mới cập nhật trước, lọc theo loại, trạng thái, mã hồ sơ, thời điểm cập nhật (đồng bộ trạng thái)',
      summaryEn: 'The province’s orders, most recently updated first (status sync)',
      method: 'GET',
      path: '/bccp-dvc/1.0/danhSachDonHang',
      serves: [0],
      example: { query: { loaiDon: 'TRA_KET_QUA', soBanGhi: '20' } },
      handler: danhSachDonHang,
    },
    danhSachBuuCuc: {
      summary: 'Danh sách bưu cục tiếp nhận hồ sơ, trả kết quả TTHC (bưu điện tỉnh, bưu điện xã, phường)',
      summaryEn: 'Post offices receiving dossiers and returning results',
      method: 'GET',
      path: '/bccp-dvc/1.0/danhSachBuuCuc',
      serves: [0],
      example: { query: { maTinh: '91', cap: 'XA' } },
      handler: ({ input, seed }) =>
        paginate(seed.buuCuc.filter((b) => (!input.maTinh || b.MaTinh === input.maTinh) && (!input.cap || b.Cap === input.cap)), input.trang, input.soBanGhi),
    },
  },
  scenarios: [
    {
      name: 'phat-khong-thanh-cong',
      description: 'Phát không thành công (người nhận vắng nhà): đơn đi 1 → 2 → 3 → 6; không có chỉ dẫn thì chuyển hoàn 7 → 8',
      descriptionEn: 'Delivery fails (nobody home): 1 → 2 → 3 → 6, then returned to sender 7 → 8 unless told otherwise',
      effect: { handled: true },
      operations: ['taoDonTraKetQua'],
      expect: {
        operation: 'taoDonTraKetQua',
        status: 201,
        then: { operation: 'traCuuVanDon', input: (b) => ({ maVanDon: b.MaVanDon }), body: { TrangThai: '8', LyDoPhatKhongThanhCong: 'Người nhận vắng nhà, đã liên hệ qua điện thoại 2 lần không được' }, withinMs: 5000 },
      },
    },
    {
      name: 'treo-van-chuyen',
      description: 'Đơn hàng dừng ở trạng thái Đang vận chuyển (3), quá ngày dự kiến phát (để kiểm thử cảnh báo trễ hạn)',
      descriptionEn: 'The order stalls in transit (3), past its promised date (to test late-delivery alerts)',
      effect: { handled: true },
      operations: ['taoDonTraKetQua', 'taoDonThuGom'],
      expect: {
        operation: 'taoDonThuGom',
        status: 201,
        then: { operation: 'traCuuVanDon', input: (b) => ({ maVanDon: b.MaVanDon }), body: { TrangThai: '3' }, withinMs: 5000 },
      },
    },
  ],
});
