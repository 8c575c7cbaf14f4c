import { defineConnector, reply, type OperationContext, type OperationDefinition } from '../../src/core/connector.js';
import { NdxpError } from '../../src/core/errors.js';
import { defineLifecycle } from '../../src/core/lifecycle.js';
import { maDinhDanhUbndXa } from '../_shared/don-vi-hanh-chinh.js';
import { pickBy } from '../_shared/hash.js';
import { dossierKit, ts, type HoSoView, type SeededDossier } from '../_shared/ho-so-lien-thong.js';
import {
  chiTietLoi, HO_TICH_AGENCY, LOAI_HO_SO, LY_DO_LOI, MA_LOI, tenTrangThai, TRANG_THAI, type LoaiHoSo, type MaLoi, type TrangThai,
} from './codes.js';
import { buildKetQua, buildYeuCauBoSung, coQuanDangKy, ngayHenTra, type DuLieuHoSo, type KetQuaDangKy, type YeuCauHoTich } from './ho-so.js';
import { kiemTraYeuCau } from './kiem-tra.js';

interface HoSoSeed extends SeededDossier<DuLieuHoSo> {
  TrangThai: TrangThai;
  YeuCauBoSung?: ReturnType<typeof buildYeuCauBoSung>;
  Loi?: { LyDo: string; ThoiGian: string };
  KetQua?: KetQuaDangKy;
}
interface Seed {
  hoSoHoTich: HoSoSeed[];
}

/** RECORD_NOT_FOUND with the service's own code 201 in details. */
const khongTimThay = (maHoSo: string, field = 'maHoSo') =>
  new NdxpError('RECORD_NOT_FOUND', { field, detailVi: `${field}=${maHoSo}`, detailEn: `${field}=${maHoSo}`, details: chiTietLoi('201') });

const kit = dossierKit<DuLieuHoSo, Seed>({
  lifecycle: 'hoTich',
  tenTrangThai,
  seeded: (seed) => seed.hoSoHoTich,
  notFound: khongTimThay,
  outputs: { '2': 'YeuCauBoSung', '0': 'Loi', '4': 'KetQua' },
  loaiHoSo: (du) => du.LoaiHoSo,
});

/**
 * Central processing: received (1) → eligible (3) → registered (4, result built). Scenario `bo-sung` sends the
 * dossier back once for more documents (2) and waits for the province's boSungHoSo (2 → 1), then goes on; scenario
 * `loi-ho-so` ends it in error (0). Durations are simulated (divided by CLOCK_FACTOR).
 */
export const hoTichLifecycle = defineLifecycle<TrangThai>({
  statusField: 'TrangThai',
  initial: '1',
  states: {
    '1': { ...TRANG_THAI['1'] },
    '2': { ...TRANG_THAI['2'] },
    '3': { ...TRANG_THAI['3'] },
    '4': { ...TRANG_THAI['4'], terminal: true },
    '0': { ...TRANG_THAI['0'], terminal: true },
  },
  moves: { '1': ['2', '3', '0'], '2': ['1', '0'], '3': ['4', '0'] },
  auto: { '1': { to: '3', afterMs: 15 * 60_000 }, '3': { to: '4', afterMs: 20 * 60_000 } },
  scenarios: {
    'bo-sung': { '1': { to: '2', afterMs: 10 * 60_000, firstVisitOnly: true } },
    'loi-ho-so': { '1': { to: '0', afterMs: 5 * 60_000 } },
  },
  provinceMoves: ['1'],
  onEnter: {
    '2': ({ data, at }) => ({ YeuCauBoSung: buildYeuCauBoSung((data as unknown as DuLieuHoSo).LoaiHoSo, at) }),
    '0': ({ maHoSo, at }) => ({ Loi: { LyDo: pickBy(LY_DO_LOI, maHoSo), ThoiGian: ts(at) } }),
    '4': ({ maHoSo, data, at }) => ({ KetQua: buildKetQua({ maHoSo, du: data as unknown as DuLieuHoSo, at }) }),
  },
});

/** What the central side produced, shown only in the state it belongs to. */
const ketQuaTheoTrangThai = (v: HoSoView<DuLieuHoSo>) => kit.shown(v) as Pick<HoSoSeed, 'YeuCauBoSung' | 'Loi' | 'KetQua'>;

const maHoSoTinh = (v: HoSoView<DuLieuHoSo>) => (v.du.YeuCau.MaHoSoTinh ? { MaHoSoTinh: v.du.YeuCau.MaHoSoTinh } : {});

const bienNhan = (v: HoSoView<DuLieuHoSo>) => ({
  MaHoSo: v.MaHoSo,
  ...maHoSoTinh(v),
  LoaiHoSo: v.du.LoaiHoSo,
  MaTTHC: LOAI_HO_SO[v.du.LoaiHoSo].maTTHC,
  TenTTHC: LOAI_HO_SO[v.du.LoaiHoSo].tenTTHC,
  TrangThai: v.TrangThai,
  TenTrangThai: tenTrangThai(v.TrangThai),
  MaCoQuan: v.du.MaCoQuan,
  CoQuanDangKy: v.du.CoQuanDangKy,
  ThoiGianTiepNhan: v.du.ThoiGianTiepNhan,
  NgayHenTra: v.du.NgayHenTra,
});

async function nhanHoSo(ctx: OperationContext<Seed>, loai: LoaiHoSo) {
  const y = ctx.input as YeuCauHoTich;
  kiemTraYeuCau(y, loai, ctx.now());
  const resent = y.MaHoSoTinh ? await kit.resent(ctx, y.MaHoSoTinh, y, (du) => du.YeuCau) : null;
  if (resent) return bienNhan(resent);
  const now = ctx.now();
  const du: DuLieuHoSo = {
    YeuCau: y,
    LoaiHoSo: loai,
    MaCoQuan: maDinhDanhUbndXa(y.MaXaDangKy),
    CoQuanDangKy: coQuanDangKy(y.MaXaDangKy),
    ThoiGianTiepNhan: ts(now),
    NgayHenTra: ngayHenTra(loai, now),
    BoSung: [],
  };
  const d = await ctx.dossiers.create({
    lifecycle: 'hoTich',
    agencyCode: du.MaCoQuan,
    data: du as unknown as Record<string, unknown>,
    ...(y.MaHoSoTinh ? { maHoSo: y.MaHoSoTinh } : {}),
  });
  return reply(201, bienNhan(kit.fromLive(d)));
}

async function boSungHoSo(ctx: OperationContext<Seed>) {
  const { view, boSung, daNhanTruocDo } = await kit.supplement(ctx, ctx.input as Parameters<typeof kit.supplement>[1], { waiting: '2', resume: '1' });
  return {
    MaHoSo: view.MaHoSo,
    MaBoSung: boSung.MaBoSung,
    TrangThai: view.TrangThai,
    TenTrangThai: tenTrangThai(view.TrangThai),
    ThoiGianTiepNhanBoSung: boSung.ThoiGian,
    DaNhanTruocDo: daNhanTruocDo,
  };
}

const dongBoTrangThai = (ctx: OperationContext<Seed>) =>
  kit.syncPage(ctx, ctx.input as Parameters<typeof kit.syncPage>[1], (v) => ({
    MaHoSo: v.MaHoSo,
    ...maHoSoTinh(v),
    LoaiHoSo: v.du.LoaiHoSo,
    TrangThai: v.TrangThai,
    TenTrangThai: tenTrangThai(v.TrangThai),
    MaCoQuan: v.du.MaCoQuan,
    ThoiGianTiepNhan: v.du.ThoiGianTiepNhan,
    ThoiGianCapNhat: v.ThoiGianCapNhat,
  }));

/** Scenarios that make the central service answer with one of its own error codes (100, 101, 500). */
const SCENARIO_MA_LOI: Record<string, MaLoi> = { 'authen-error': '100', 'ip-disallowed': '101', 'server-error': '500' };

/** Every operation first honours those scenarios: the upstream refused the platform's call. */
function withServiceErrors(ops: Record<string, OperationDefinition<Seed>>): Record<string, OperationDefinition<Seed>> {
  return Object.fromEntries(
    Object.entries(ops).map(([name, op]) => [
      name,
      {
        ...op,
        handler: (ctx: OperationContext<Seed>) => {
          const ma = ctx.scenario ? SCENARIO_MA_LOI[ctx.scenario] : undefined;
          if (ma) throw new NdxpError('UPSTREAM_ERROR', { detailVi: MA_LOI[ma].vi, detailEn: MA_LOI[ma].en, details: chiTietLoi(ma) });
          return op.handler(ctx);
        },
      },
    ]),
  );
}

const SOAP_NS = 'urn:hotich:moj:1.0';

export default defineConnector<Seed>({
  id: 'ho-tich',
  protocol: 'both',
  soap: { path: '/hotich/1.0/soap', namespace: SOAP_NS },
  agencyCode: HO_TICH_AGENCY,
  seedSchemas: { hoSoHoTich: 'hoSoHoTich.record' },
  lifecycles: { hoTich: hoTichLifecycle },
  operations: withServiceErrors({
    // First operation: the built-in scenarios call it and expect 200, so a read comes first.
    traCuuTrangThaiHoSo: {
      summary: 'Tra cứu trạng thái xử lý hồ sơ hộ tịch (1 tiếp nhận, 2 yêu cầu bổ sung, 3 đủ điều kiện, 4 đã đăng ký, 0 lỗi) và lịch sử',
      summaryEn: 'Processing status (1/2/3/4/0) and history of a civil-status dossier',
      method: 'GET',
      path: '/hotich/1.0/trangThaiHoSo',
      soapAction: 'urn:hotich#TraCuuTrangThaiHoSo',
      serves: [1, 3],
      example: { query: { maHoSo: '$seed:hoSoHoTich.0.MaHoSo' } },
      handler: async (ctx) => {
        const v = await kit.find(ctx, ctx.input.maHoSo);
        const { KetQua, ...khac } = ketQuaTheoTrangThai(v);
        return { ...bienNhan(v), SoLanBoSung: v.du.BoSung.length, LichSu: v.LichSu, ...khac, ...(KetQua ? { NgayDangKy: KetQua.NgayDangKy } : {}) };
      },
    },
    nhanHoSoHoTich: {
      summary: 'Liên thông hồ sơ đăng ký hộ tịch (khai sinh, khai tử, kết hôn, nhận cha mẹ con, xác nhận tình trạng hôn nhân, thay đổi cải chính)',
      summaryEn: 'Send a civil-status registration dossier from the province’s TTHC system',
      method: 'POST',
      path: '/hotich/1.0/nhanHoSo',
      soapAction: 'urn:hotich#NhanHoSoHoTich',
      serves: [0],
      example: { body: '$seed:hoSoHoTich.1.DuLieu.YeuCau' },
      handler: (ctx) => nhanHoSo(ctx, ctx.input.LoaiHoSo),
    },
    nhanHoSoKhaiSinhBhyt: {
      summary: 'Liên thông đăng ký khai sinh và cấp thẻ BHYT cho trẻ em dưới 6 tuổi (một hồ sơ, hai kết quả)',
      summaryEn: 'Joint birth registration and BHYT card for a child under six',
      method: 'POST',
      path: '/hotich/1.0/lienThongKhaiSinhBhyt',
      soapAction: 'urn:hotich#NhanHoSoKhaiSinhBHYT',
      serves: [2],
      example: { body: '$seed:hoSoHoTich.0.DuLieu.YeuCau' },
      handler: (ctx) => nhanHoSo(ctx, 'KSBHYT'),
    },
    boSungHoSo: {
      summary: 'Nộp bổ sung giấy tờ cho hồ sơ được yêu cầu bổ sung (trạng thái 2 → 1); gửi lại cùng MaBoSung là an toàn',
      summaryEn: 'Supplement documents for a dossier sent back (status 2 → 1); idempotent per MaBoSung',
      method: 'POST',
      path: '/hotich/1.0/boSungHoSo',
      soapAction: 'urn:hotich#BoSungHoSo',
      serves: [0, 2],
      example: {
        body: {
          MaHoSo: '$seed:hoSoHoTich.2.MaHoSo',
          MaBoSung: 'BS-20251105-0001',
          TaiLieuBoSung: [
            { TenTaiLieu: 'Giấy chứng sinh (bản chụp rõ nét)', DuongDan: 'https://dichvucong.angiang.gov.vn/tep/bo-sung/giay-chung-sinh.pdf' },
            { TenTaiLieu: 'Văn bản giải trình của người yêu cầu', DuongDan: 'https://dichvucong.angiang.gov.vn/tep/bo-sung/giai-trinh.pdf' },
          ],
          GhiChu: 'Công dân nộp bổ sung tại Bộ phận Một cửa',
        },
      },
      handler: boSungHoSo,
    },
    layKetQuaHoSo: {
      summary: 'Lấy kết quả đăng ký hộ tịch: số, quyển số, số định danh cá nhân của trẻ, thẻ BHYT, giấy tờ kết quả (tệp)',
      summaryEn: 'Registration result: number, book, child’s ID number, BHYT card, result documents (files)',
      method: 'GET',
      path: '/hotich/1.0/ketQuaHoSo',
      soapAction: 'urn:hotich#LayKetQuaHoSo',
      serves: [1, 3],
      example: { query: { maHoSo: '$seed:hoSoHoTich.0.MaHoSo' } },
      handler: async (ctx) => {
        const v = await kit.find(ctx, ctx.input.maHoSo);
        const { KetQua } = ketQuaTheoTrangThai(v);
        if (KetQua) return { MaHoSo: v.MaHoSo, ...maHoSoTinh(v), LoaiHoSo: v.du.LoaiHoSo, TrangThai: '4', KetQua };
        throw kit.noResultYet(v);
      },
    },
    dongBoTrangThai: {
      summary: 'Đồng bộ trạng thái: các hồ sơ hộ tịch của tỉnh thay đổi từ một thời điểm (theo thứ tự cập nhật, phân trang)',
      summaryEn: 'Status sync: the province’s dossiers updated since a time, in update order, paged',
      method: 'GET',
      path: '/hotich/1.0/dongBoTrangThai',
      soapAction: 'urn:hotich#DongBoTrangThai',
      serves: [1, 3],
      example: { query: { capNhatTu: '20250101000000', soBanGhi: '20' } },
      handler: dongBoTrangThai,
    },
  }),
  scenarios: [
    {
      name: 'bo-sung',
      description: 'Hồ sơ bị trả về yêu cầu bổ sung giấy tờ (trạng thái 2); sau khi tỉnh gọi boSungHoSo, hồ sơ được tiếp nhận lại (1) và xử lý tiếp đến đã đăng ký (4)',
      descriptionEn: 'The dossier is sent back for more documents (2); after boSungHoSo it is received again (1) and goes on to registered (4)',
      effect: { handled: true },
      operations: ['nhanHoSoHoTich', 'nhanHoSoKhaiSinhBhyt'],
      expect: {
        operation: 'nhanHoSoHoTich',
        status: 201,
        then: { operation: 'traCuuTrangThaiHoSo', input: (b) => ({ maHoSo: b.MaHoSo }), body: { TrangThai: '2', YeuCauBoSung: {} }, withinMs: 5000 },
      },
    },
    {
      name: 'loi-ho-so',
      description: 'Hồ sơ lỗi, không đăng ký được (trạng thái 0), kèm lý do (ví dụ thông tin không khớp CSDL quốc gia về dân cư)',
      descriptionEn: 'The dossier fails (status 0) with a reason',
      effect: { handled: true },
      operations: ['nhanHoSoHoTich', 'nhanHoSoKhaiSinhBhyt'],
      expect: {
        operation: 'nhanHoSoHoTich',
        status: 201,
        then: { operation: 'traCuuTrangThaiHoSo', input: (b) => ({ maHoSo: b.MaHoSo }), body: { TrangThai: '0', Loi: {} }, withinMs: 5000 },
      },
    },
    {
      name: 'authen-error',
      description: 'Hệ thống hộ tịch từ chối tài khoản kết nối (mã lỗi 100 AUTHEN_ERROR): 502 UPSTREAM_ERROR, details.MaLoi = "100"',
      descriptionEn: 'The civil-status system refuses the connection account (its code 100 AUTHEN_ERROR)',
      effect: { handled: true },
      expect: { status: 502, body: { error: { code: 'UPSTREAM_ERROR', details: { MaLoi: '100', TenLoi: 'AUTHEN_ERROR' } } } },
    },
    {
      name: 'ip-disallowed',
      description: 'Địa chỉ IP của nền tảng chưa được Bộ Tư pháp cho phép (mã lỗi 101 IP_DISALLOWED): 502, details.MaLoi = "101"',
      descriptionEn: 'The platform’s IP is not allowed by the ministry (its code 101 IP_DISALLOWED)',
      effect: { handled: true },
      expect: { status: 502, body: { error: { code: 'UPSTREAM_ERROR', details: { MaLoi: '101', TenLoi: 'IP_DISALLOWED' } } } },
    },
    {
      name: 'server-error',
      description: 'Hệ thống hộ tịch lỗi nội bộ (mã lỗi 500): 502 UPSTREAM_ERROR, details.MaLoi = "500"',
      descriptionEn: 'The civil-status system fails internally (its code 500)',
      effect: { handled: true },
      expect: { status: 502, body: { error: { code: 'UPSTREAM_ERROR', details: { MaLoi: '500' } } } },
    },
  ],
});
