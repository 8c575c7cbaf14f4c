import { defineConnector, type OperationContext } from '../../src/core/connector.js';
import { NdxpError, isNdxpError } from '../../src/core/errors.js';
import { catalogOperations, catalogVersionChangeScenario, itemsInForce, type CatalogSeed } from '../_shared/catalog.js';
import { acceptPush, findPush, listPushes, type ReceiptBase, type StoredPush } from '../_shared/push.js';
import { dmyToIso, found, fromSeed, paginate } from '../_shared/wire.js';
import { BTC_AGENCY, TINH_MAU } from './codes.js';

interface DongGia {
  MaHangHoa: string;
  TenHangHoa: string;
  DonViTinh: string;
  LoaiGia: string;
  MaTinh: string;
  TenTinh: string;
  KyBaoCao: string;
  Gia: number;
  NguonSoLieu: string;
  MaBienNhan?: string;
}
interface BaoCaoGia {
  MaBaoCao: string;
  MaTinh: string;
  KyBaoCao: string;
  CoQuanBaoCao: string;
  NgayBaoCao: string;
  NguoiLap?: string;
  DanhSachGia: Array<{ MaHangHoa: string; DonViTinh: string; GiaKyTruoc?: number; GiaKyNay: number; GhiChu?: string }>;
}
interface KeKhaiGia {
  SoVanBanKeKhai: string;
  MSDN: string;
  TenDoanhNghiep: string;
  NgayKeKhai: string;
  NgayThucHien: string;
  CoQuanTiepNhan: string;
  DanhSachMatHang: Array<{ MaHangHoa: string; TenHangHoa: string; DonViTinh: string; GiaKeKhaiTruoc?: number; GiaKeKhai: number }>;
}
interface DaTiepNhan<C> {
  MaBienNhan: string;
  ThoiGianTiepNhan: string;
  NoiDung: C;
}
interface Seed extends CatalogSeed {
  giaThiTruong: DongGia[];
  baoCaoGia: Array<DaTiepNhan<BaoCaoGia>>;
  keKhaiGia: Array<DaTiepNhan<KeKhaiGia>>;
}

const TRANG_THAI_TIEP_NHAN = 'Đã tiếp nhận';
/** Scenario: the report's period is already closed at the national level (late or corrected reports are refused). */
const KY_DA_KHOA = 'ky-da-khoa';
interface CanhBao {
  MaHangHoa: string;
  TyLeThayDoi: number;
  NoiDung: string;
}
type BienNhanBaoCao = ReceiptBase & { MaBaoCao: string; SoMatHang: number; TrangThai: string; CanhBao?: CanhBao[] };

/** A change over 20 % from the previous period is accepted but flagged for the province to double-check. */
const NGUONG_CANH_BAO = 0.2;
function canhBao(c: BaoCaoGia): CanhBao[] {
  return c.DanhSachGia.flatMap((g) => {
    if (!g.GiaKyTruoc) return [];
    const tyLe = g.GiaKyNay / g.GiaKyTruoc - 1;
    if (Math.abs(tyLe) <= NGUONG_CANH_BAO) return [];
    const pct = Math.round(tyLe * 1000) / 10;
    return [{ MaHangHoa: g.MaHangHoa, TyLeThayDoi: pct, NoiDung: `Giá thay đổi ${pct}% so với kỳ trước (ngưỡng ±${NGUONG_CANH_BAO * 100}%), đề nghị kiểm tra lại` }];
  });
}
type BienNhanKeKhai = ReceiptBase & { SoVanBanKeKhai: string; MSDN: string; SoMatHang: number; TrangThai: string };

/** Each kind of submission: its record collection, idempotency key and receipt. */
const BAO_CAO = {
  collection: 'baoCaoGia',
  loai: 'BaoCaoGia',
  keyField: 'MaBaoCao',
  key: (c: BaoCaoGia) => c.MaBaoCao,
  receipt: (b: ReceiptBase, c: BaoCaoGia): BienNhanBaoCao => {
    const warnings = canhBao(c);
    return { ...b, MaBaoCao: c.MaBaoCao, SoMatHang: c.DanhSachGia.length, TrangThai: TRANG_THAI_TIEP_NHAN, ...(warnings.length ? { CanhBao: warnings } : {}) };
  },
};
const KE_KHAI = {
  collection: 'keKhaiGia',
  loai: 'KeKhaiGia',
  keyField: 'SoVanBanKeKhai',
  key: (c: KeKhaiGia) => `${c.MSDN}|${c.SoVanBanKeKhai}`,
  receipt: (b: ReceiptBase, c: KeKhaiGia): BienNhanKeKhai => ({
    ...b, SoVanBanKeKhai: c.SoVanBanKeKhai, MSDN: c.MSDN, SoMatHang: c.DanhSachMatHang.length, TrangThai: TRANG_THAI_TIEP_NHAN,
  }),
};

interface PushKind<C, R extends ReceiptBase> {
  collection: string;
  keyField: string;
  key: (c: C) => string;
  receipt: (b: ReceiptBase, c: C) => R;
}

/** Accepts one submission of a kind: the same key and content again → its first receipt, other content → 409. */
const acceptKind = <C, R extends ReceiptBase>(ctx: OperationContext, kind: PushKind<C, R>, c: C, seeded: Map<string, StoredPush<C, R>>) =>
  acceptPush(ctx, { collection: kind.collection, key: kind.key(c), keyField: kind.keyField, content: c, receipt: (b) => kind.receipt(b, c), existing: seeded.get(kind.key(c)) });

/** The seeded submissions as stored pushes (same shape as the live ones in Redis). */
const history = fromSeed((seed: Seed) => {
  const asPush = <C, R extends ReceiptBase>(kind: PushKind<C, R>, rows: Array<DaTiepNhan<C>>) =>
    rows.map((r): StoredPush<C, R> => ({ key: kind.key(r.NoiDung), content: r.NoiDung, receipt: kind.receipt({ MaBienNhan: r.MaBienNhan, ThoiGianTiepNhan: r.ThoiGianTiepNhan }, r.NoiDung) }));
  const baoCao = asPush(BAO_CAO, seed.baoCaoGia);
  const keKhai = asPush(KE_KHAI, seed.keKhaiGia);
  return { baoCao, keKhai, baoCaoByKey: new Map(baoCao.map((h) => [h.key, h])), keKhaiByKey: new Map(keKhai.map((h) => [h.key, h])) };
});

/** `MM/yyyy` → `yyyy-MM`, for comparing periods. */
const kyIso = (ky: string) => `${ky.slice(3)}-${ky.slice(0, 2)}`;
const tenTinh = (ma: string, fallback: string) => TINH_MAU.find((t) => t.ma === ma)?.ten ?? fallback;

/**
 * The goods of a submission must be in the catalog version in force on `ngay`, with the catalog's unit; `path` names
 * the list field for the error (e.g. DanhSachGia[2].DonViTinh).
 */
function checkGoods(ctx: OperationContext<Seed>, ngay: string, dateField: string, rows: Array<{ MaHangHoa: string; DonViTinh: string }>, path: string) {
  let version;
  try {
    version = itemsInForce(ctx, 'DM_HANG_HOA_DICH_VU', { ngayHieuLuc: ngay }).version;
  } catch (e) {
    if (isNdxpError(e) && e.code === 'RECORD_NOT_FOUND') {
      throw new NdxpError('VALIDATION_FAILED', { field: dateField, detailVi: `không có danh mục hàng hóa hiệu lực ngày ${ngay}`, detailEn: `no goods catalog in force on ${ngay}` });
    }
    throw e;
  }
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    const item = version.byMa.get(r.MaHangHoa);
    const fail = (field: string, vi: string, en: string) => {
      throw new NdxpError('VALIDATION_FAILED', { field: `${path}[${i}].${field}`, detailVi: vi, detailEn: en });
    };
    if (!item) fail('MaHangHoa', `mã ${r.MaHangHoa} không có trong danh mục phiên bản ${version.meta.PhienBan}`, `code ${r.MaHangHoa} is not in catalog version ${version.meta.PhienBan}`);
    if (item!.DonViTinh !== r.DonViTinh) fail('DonViTinh', `đơn vị tính của ${r.MaHangHoa} là "${String(item!.DonViTinh)}"`, `the unit of ${r.MaHangHoa} is "${String(item!.DonViTinh)}"`);
    if (seen.has(r.MaHangHoa)) fail('MaHangHoa', `mã ${r.MaHangHoa} khai hai lần`, `code ${r.MaHangHoa} listed twice`);
    seen.add(r.MaHangHoa);
  });
  return version;
}

/** National price rows: the seeded national data, overridden by what the caller's province has pushed. */
async function nationalRows(ctx: OperationContext<Seed>): Promise<DongGia[]> {
  const rows = new Map(ctx.seed.giaThiTruong.map((r) => [`${r.MaHangHoa}|${r.MaTinh}|${r.KyBaoCao}`, r]));
  const pushed = await listPushes<BaoCaoGia, BienNhanBaoCao>(ctx, BAO_CAO.collection, 0, 1000);
  const catalog = itemsInForce(ctx, 'DM_HANG_HOA_DICH_VU').version;
  for (const p of pushed.items) {
    for (const g of p.content.DanhSachGia) {
      const item = catalog.byMa.get(g.MaHangHoa);
      rows.set(`${g.MaHangHoa}|${p.content.MaTinh}|${p.content.KyBaoCao}`, {
        MaHangHoa: g.MaHangHoa,
        TenHangHoa: item?.Ten ?? g.MaHangHoa,
        DonViTinh: g.DonViTinh,
        LoaiGia: String(item?.LoaiGia ?? 'Giá bán lẻ'),
        MaTinh: p.content.MaTinh,
        TenTinh: tenTinh(p.content.MaTinh, p.content.CoQuanBaoCao),
        KyBaoCao: p.content.KyBaoCao,
        Gia: g.GiaKyNay,
        NguonSoLieu: p.content.CoQuanBaoCao,
        MaBienNhan: p.receipt.MaBienNhan,
      });
    }
  }
  return [...rows.values()];
}

const catalog = catalogOperations({
  basePath: '/csdlgia/1.0/DanhMuc',
  serves: [0, 1],
  owner: 'Bộ Tài chính',
  examples: { maDanhMuc: 'DM_HANG_HOA_DICH_VU', ma: 'LT.002', tuPhienBan: '2019-01', denPhienBan: '2024-07' },
});

export default defineConnector<Seed>({
  id: 'gia',
  protocol: 'rest',
  agencyCode: BTC_AGENCY,
  seedSchemas: {
    danhMuc: 'danhMuc.record',
    phienBan: 'phienBan.record',
    phanTu: 'phanTu.record',
    giaThiTruong: 'giaThiTruong.record',
    baoCaoGia: 'baoCaoGia.record',
    keKhaiGia: 'keKhaiGia.record',
  },
  operations: {
    traCuuGia: {
      summary: 'Truy vấn giá thị trường của một hàng hóa, dịch vụ theo tỉnh và kỳ báo cáo (gồm dữ liệu tỉnh đã đồng bộ)',
      summaryEn: 'Market prices of a good by province and period (including what the province synchronised)',
      method: 'GET',
      path: '/csdlgia/1.0/traCuuGia',
      serves: [1],
      example: { query: { maHangHoa: 'LT.002', maTinh: '91' } },
      handler: async (ctx) => {
        const { maHangHoa, maTinh, tuKy, denKy } = ctx.input;
        const hits = (await nationalRows(ctx))
          .filter((r) => r.MaHangHoa === maHangHoa && (!maTinh || r.MaTinh === maTinh))
          .filter((r) => (!tuKy || kyIso(r.KyBaoCao) >= kyIso(tuKy)) && (!denKy || kyIso(r.KyBaoCao) <= kyIso(denKy)))
          .sort((a, b) => kyIso(a.KyBaoCao).localeCompare(kyIso(b.KyBaoCao)) || a.MaTinh.localeCompare(b.MaTinh));
        return paginate(hits, ctx.input.trang, ctx.input.soBanGhi);
      },
    },
    tongHopGia: {
      summary: 'Tổng hợp giá một hàng hóa, dịch vụ trong một kỳ trên các tỉnh: thấp nhất, cao nhất, bình quân',
      summaryEn: 'National summary of a good in a period: lowest, highest and average across provinces',
      method: 'GET',
      path: '/csdlgia/1.0/tongHopGia',
      serves: [1],
      example: { query: { maHangHoa: 'NL.001', kyBaoCao: '09/2025' } },
      handler: async (ctx) => {
        const rows = (await nationalRows(ctx)).filter((r) => r.MaHangHoa === ctx.input.maHangHoa && r.KyBaoCao === ctx.input.kyBaoCao);
        const first = found(rows[0], 'maHangHoa', `${ctx.input.maHangHoa} kỳ ${ctx.input.kyBaoCao}`);
        const gia = rows.map((r) => r.Gia);
        return {
          MaHangHoa: first.MaHangHoa,
          TenHangHoa: first.TenHangHoa,
          DonViTinh: first.DonViTinh,
          KyBaoCao: first.KyBaoCao,
          SoTinh: rows.length,
          GiaThapNhat: Math.min(...gia),
          GiaCaoNhat: Math.max(...gia),
          GiaBinhQuan: Math.round(gia.reduce((a, b) => a + b, 0) / gia.length),
          ChiTiet: rows.map((r) => ({ MaTinh: r.MaTinh, TenTinh: r.TenTinh, Gia: r.Gia, NguonSoLieu: r.NguonSoLieu })),
        };
      },
    },
    guiBaoCaoGia: {
      summary: 'Đồng bộ báo cáo giá thị trường của tỉnh lên CSDL quốc gia về giá (biên nhận, gửi lại an toàn)',
      summaryEn: 'Push the province’s market-price report to the national price database (receipt, idempotent)',
      method: 'POST',
      path: '/csdlgia/1.0/baoCaoGiaThiTruong',
      serves: [0],
      example: {
        body: {
          MaBaoCao: 'BCGTT-91-202511',
          MaTinh: '91',
          KyBaoCao: '11/2025',
          CoQuanBaoCao: 'Sở Tài chính tỉnh An Giang',
          NgayBaoCao: '03/12/2025',
          NguoiLap: 'Nguyễn Thị Thu Hà',
          DanhSachGia: [
            { MaHangHoa: 'LT.002', DonViTinh: 'kg', GiaKyTruoc: 14_600, GiaKyNay: 14_800 },
            { MaHangHoa: 'NL.001', DonViTinh: 'lít', GiaKyTruoc: 20_500, GiaKyNay: 20_300, GhiChu: 'Điều chỉnh theo kỳ điều hành ngày 20/11' },
          ],
        },
      },
      handler: async (ctx) => {
        const c = ctx.input as BaoCaoGia;
        if (ctx.scenario === KY_DA_KHOA) {
          throw new NdxpError('CONFLICT', {
            field: 'KyBaoCao',
            detailVi: `kỳ báo cáo ${c.KyBaoCao} đã khóa sổ trên CSDL quốc gia về giá; số liệu điều chỉnh gửi kèm văn bản giải trình`,
            detailEn: `period ${c.KyBaoCao} is closed in the national price database`,
          });
        }
        checkGoods(ctx, `01/${c.KyBaoCao}`, 'KyBaoCao', c.DanhSachGia, 'DanhSachGia');
        return acceptKind(ctx, BAO_CAO, c, history(ctx.seed).baoCaoByKey);
      },
    },
    guiKeKhaiGia: {
      summary: 'Đồng bộ văn bản kê khai giá của doanh nghiệp đã tiếp nhận tại tỉnh lên CSDL quốc gia về giá',
      summaryEn: 'Push a company price declaration received by the province',
      method: 'POST',
      path: '/csdlgia/1.0/keKhaiGia',
      serves: [0],
      example: { body: '$seed:keKhaiGia.0.NoiDung' },
      handler: async (ctx) => {
        const c = ctx.input as KeKhaiGia;
        if (dmyToIso(c.NgayThucHien) < dmyToIso(c.NgayKeKhai)) {
          throw new NdxpError('VALIDATION_FAILED', { field: 'NgayThucHien', detailVi: 'ngày thực hiện giá không được trước ngày kê khai', detailEn: 'NgayThucHien is before NgayKeKhai' });
        }
        checkGoods(ctx, c.NgayKeKhai, 'NgayKeKhai', c.DanhSachMatHang, 'DanhSachMatHang');
        return acceptKind(ctx, KE_KHAI, c, history(ctx.seed).keKhaiByKey);
      },
    },
    layBienNhan: {
      summary: 'Đọc lại dữ liệu đã đồng bộ theo mã biên nhận (báo cáo giá hoặc kê khai giá)',
      summaryEn: 'Read a synchronised submission back by its receipt id',
      method: 'GET',
      path: '/csdlgia/1.0/bienNhan',
      serves: [0],
      example: { query: { maBienNhan: '$seed:baoCaoGia.0.MaBienNhan' } },
      handler: async (ctx) => {
        const h = history(ctx.seed);
        const baoCao = await findPush(ctx, BAO_CAO.collection, ctx.input.maBienNhan, h.baoCao);
        const keKhai = baoCao ? null : await findPush(ctx, KE_KHAI.collection, ctx.input.maBienNhan, h.keKhai);
        const hit = found<StoredPush<unknown, ReceiptBase>>(baoCao ?? keKhai, 'maBienNhan', ctx.input.maBienNhan);
        return { ...hit.receipt, LoaiDuLieu: baoCao ? BAO_CAO.loai : KE_KHAI.loai, NoiDung: hit.content };
      },
    },
    danhSachDaGui: {
      summary: 'Danh sách dữ liệu tỉnh đã đồng bộ (báo cáo giá hoặc kê khai giá) kèm biên nhận',
      summaryEn: 'The province’s synchronised submissions of one kind, with receipts',
      method: 'GET',
      path: '/csdlgia/1.0/danhSachDaGui',
      serves: [0],
      example: { query: { loaiDuLieu: 'BaoCaoGia' } },
      handler: async (ctx) => {
        const kind = ctx.input.loaiDuLieu === BAO_CAO.loai ? BAO_CAO : KE_KHAI;
        const h = history(ctx.seed);
        const trang = ctx.input.trang ?? 1;
        const soBanGhi = ctx.input.soBanGhi ?? 20;
        const { total, items } = await listPushes<unknown, ReceiptBase>(ctx, kind.collection, (trang - 1) * soBanGhi, soBanGhi, kind === BAO_CAO ? h.baoCao : h.keKhai);
        return { TongSo: total, Trang: trang, SoBanGhi: soBanGhi, DanhSach: items.map((i) => i.receipt) };
      },
    },
    traCuuKeKhaiGia: {
      summary: 'Truy vấn các văn bản kê khai giá của một doanh nghiệp (theo mã số doanh nghiệp, lọc theo hàng hóa)',
      summaryEn: 'Price declarations of a company (by enterprise code, optionally by good)',
      method: 'GET',
      path: '/csdlgia/1.0/traCuuKeKhaiGia',
      serves: [1],
      example: { query: { msdn: '$seed:keKhaiGia.0.NoiDung.MSDN' } },
      handler: async (ctx) => {
        const { msdn, maHangHoa } = ctx.input;
        const all = await listPushes<KeKhaiGia, BienNhanKeKhai>(ctx, KE_KHAI.collection, 0, 1000, history(ctx.seed).keKhai);
        const hits = all.items
          .filter((p) => p.content.MSDN === msdn && (!maHangHoa || p.content.DanhSachMatHang.some((m) => m.MaHangHoa === maHangHoa)))
          .map((p) => ({ MaBienNhan: p.receipt.MaBienNhan, ...p.content }));
        return paginate(hits, ctx.input.trang, ctx.input.soBanGhi);
      },
    },
    layDanhMuc: catalog.layDanhMuc,
    chiTietPhanTu: catalog.chiTietPhanTu,
    lichSuPhienBan: catalog.lichSuPhienBan,
  },
  scenarios: [
    catalogVersionChangeScenario('2024-07', ['layDanhMuc', 'chiTietPhanTu', 'lichSuPhienBan']),
    {
      name: KY_DA_KHOA,
      description: 'Kỳ báo cáo đã khóa sổ trên CSDL quốc gia: báo cáo giá gửi muộn hoặc điều chỉnh bị từ chối (409, trường KyBaoCao)',
      descriptionEn: 'The period is closed nationally: a late or corrected report is refused (409 on KyBaoCao)',
      effect: { handled: true },
      operations: ['guiBaoCaoGia'],
      expect: { operation: 'guiBaoCaoGia', status: 409, body: { error: { code: 'CONFLICT', field: 'KyBaoCao' } } },
    },
  ],
});
