import { defineConnector, type OperationContext } from '../../src/core/connector.js';
import {
  catalogOperations, catalogVersionChangeScenario, conditionalReply, itemsInForce, type CatalogSeed,
} from '../_shared/catalog.js';
import { found, fromSeed, indexBy, paginate } from '../_shared/wire.js';
import { BTNMT_AGENCY } from './codes.js';

interface ThuaDat {
  MaXa: string;
  TenXa: string;
  SoToBanDo: number;
  SoThua: number;
  DienTich: number;
  MucDichSuDung: Array<{ MaLoaiDat: string; TenLoaiDat: string; DienTich: number; ThoiHanSuDung: string }>;
  NguonGocSuDung: string;
  ChuSuDung: Array<{ HoVaTen: string; SoDinhDanh: string; NamSinh: number; DiaChiThuongTru: string }>;
  GiayChungNhan: { SoPhatHanh: string; SoVaoSo: string; NgayCap: string; CoQuanCap: string };
  QuyHoach: Record<string, unknown> & { ChucNangQuyHoach: string };
  HinhHoc: { type: 'Polygon'; coordinates: number[][][] };
  [field: string]: unknown;
}
interface ThongKe {
  MaXa: string;
  TenXa: string;
  NamThongKe: number;
  TongDienTich: number;
  ChiTiet: Array<{ MaLoaiDat: string; DienTich: number }>;
}
interface Seed extends CatalogSeed {
  thuaDat: ThuaDat[];
  thongKeDatDai: ThongKe[];
}

const key = (maXa: string, soTo: number, soThua: number) => `${maXa}|${soTo}|${soThua}`;
const indexes = fromSeed((seed: Seed) => ({
  byNumber: indexBy(seed.thuaDat, (t) => key(t.MaXa, t.SoToBanDo, t.SoThua)),
  bySerial: indexBy(seed.thuaDat, (t) => t.GiayChungNhan.SoPhatHanh.replace(/\s+/g, '')),
  byOwner: seed.thuaDat.reduce((m, t) => {
    for (const c of t.ChuSuDung) m.set(c.SoDinhDanh, [...(m.get(c.SoDinhDanh) ?? []), t]);
    return m;
  }, new Map<string, ThuaDat[]>()),
  stats: indexBy(seed.thongKeDatDai, (s) => s.MaXa),
}));

const round2 = (n: number) => Math.round(n * 100) / 100;

function parcel(ctx: OperationContext<Seed>): ThuaDat {
  const { maXa, soTo, soThua } = ctx.input;
  return found(indexes(ctx.seed).byNumber.get(key(maXa, soTo, soThua)), 'soThua', `xã ${maXa}, tờ ${soTo}, thửa ${soThua}`);
}

/** The parcel as the land registry answers a lookup: everything but the geometry (served as a map feature). */
function thongTinThua(ctx: OperationContext<Seed>, t: ThuaDat) {
  const { HinhHoc: _geometry, QuyHoach: _plan, ...rest } = t;
  const nguonGoc = itemsInForce(ctx, 'DM_NGUON_GOC_SD').version.byMa.get(t.NguonGocSuDung);
  return { ...rest, TenNguonGocSuDung: nguonGoc?.Ten ?? t.NguonGocSuDung };
}

const tomTatThua = (t: ThuaDat) => ({
  MaXa: t.MaXa,
  TenXa: t.TenXa,
  SoToBanDo: t.SoToBanDo,
  SoThua: t.SoThua,
  DienTich: t.DienTich,
  MucDichChinh: t.MucDichSuDung[0]!.MaLoaiDat,
  SoPhatHanhGCN: t.GiayChungNhan.SoPhatHanh,
});

const PARCEL_EXAMPLE = { maXa: '$seed:thuaDat.0.MaXa', soTo: '$seed:thuaDat.0.SoToBanDo', soThua: '$seed:thuaDat.0.SoThua' };

export default defineConnector<Seed>({
  id: 'dat-dai',
  protocol: 'rest',
  agencyCode: BTNMT_AGENCY,
  seedSchemas: { danhMuc: 'danhMuc.record', phienBan: 'phienBan.record', phanTu: 'phanTu.record', thuaDat: 'thuaDat.record', thongKeDatDai: 'thongKeDatDai.record' },
  operations: {
    traCuuThuaDat: {
      summary: 'Tra cứu thông tin thửa đất theo mã xã, số tờ bản đồ, số thửa: diện tích, mục đích, nguồn gốc, chủ sử dụng, Giấy chứng nhận, tình trạng pháp lý',
      summaryEn: 'Land parcel by commune, map sheet and parcel number',
      method: 'GET',
      path: '/csdldd/1.0/ThuaDat',
      serves: [0],
      example: { query: PARCEL_EXAMPLE },
      handler: (ctx) => conditionalReply(ctx, thongTinThua(ctx, parcel(ctx))),
    },
    traCuuTheoGiayChungNhan: {
      summary: 'Tra cứu thửa đất theo số phát hành Giấy chứng nhận quyền sử dụng đất',
      summaryEn: 'Land parcel by the serial number of its certificate',
      method: 'GET',
      path: '/csdldd/1.0/ThuaDat/GiayChungNhan',
      serves: [0],
      example: { query: { soPhatHanh: '$seed:thuaDat.0.GiayChungNhan.SoPhatHanh' } },
      handler: (ctx) => {
        const t = found(indexes(ctx.seed).bySerial.get(ctx.input.soPhatHanh.replace(/\s+/g, '')), 'soPhatHanh', ctx.input.soPhatHanh);
        return conditionalReply(ctx, thongTinThua(ctx, t));
      },
    },
    traCuuTheoChuSuDung: {
      summary: 'Danh sách thửa đất của một người sử dụng đất theo số định danh cá nhân',
      summaryEn: 'Parcels of a land user by personal identification number',
      method: 'GET',
      path: '/csdldd/1.0/ThuaDat/ChuSuDung',
      serves: [0],
      example: { query: { soDinhDanh: '$seed:thuaDat.0.ChuSuDung.0.SoDinhDanh' } },
      handler: (ctx) => {
        const list = found(indexes(ctx.seed).byOwner.get(ctx.input.soDinhDanh), 'soDinhDanh', ctx.input.soDinhDanh);
        return conditionalReply(ctx, { SoDinhDanh: ctx.input.soDinhDanh, ...paginate(list.map(tomTatThua), ctx.input.trang, ctx.input.soBanGhi) });
      },
    },
    thongTinQuyHoach: {
      summary: 'Thông tin quy hoạch, kế hoạch sử dụng đất của thửa đất (chức năng quy hoạch, diện tích thuộc quy hoạch giao thông, thu hồi)',
      summaryEn: 'Land-use planning information of a parcel',
      method: 'GET',
      path: '/csdldd/1.0/QuyHoach/ThuaDat',
      serves: [0],
      example: { query: PARCEL_EXAMPLE },
      handler: (ctx) => {
        const t = parcel(ctx);
        const ten = itemsInForce(ctx, 'DM_LOAI_DAT').version.byMa.get(t.QuyHoach.ChucNangQuyHoach)?.Ten ?? t.QuyHoach.ChucNangQuyHoach;
        return conditionalReply(ctx, {
          MaXa: t.MaXa,
          SoToBanDo: t.SoToBanDo,
          SoThua: t.SoThua,
          DienTich: t.DienTich,
          HienTrang: t.MucDichSuDung.map((m) => m.MaLoaiDat),
          ...t.QuyHoach,
          TenChucNangQuyHoach: ten,
        });
      },
    },
    banDoThuaDat: {
      summary: 'Bản đồ số của thửa đất: GeoJSON Feature (ranh giới thửa, WGS84) kèm thuộc tính',
      summaryEn: 'Digital map of a parcel as a GeoJSON Feature (WGS84)',
      method: 'GET',
      path: '/csdldd/1.0/BanDo/ThuaDat',
      serves: [0],
      example: { query: PARCEL_EXAMPLE },
      handler: (ctx) => {
        const t = parcel(ctx);
        const ring = t.HinhHoc.coordinates[0]!;
        const lons = ring.map((p) => p[0]!);
        const lats = ring.map((p) => p[1]!);
        return conditionalReply(ctx, {
          type: 'Feature',
          id: `${t.MaXa}-${t.SoToBanDo}-${t.SoThua}`,
          bbox: [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)],
          geometry: t.HinhHoc,
          properties: { ...tomTatThua(t), HeToaDo: 'WGS84 (EPSG:4326)' },
        });
      },
    },
    hienTrangSuDungDat: {
      summary: 'Hiện trạng sử dụng đất (thống kê đất đai năm 2024) của một xã hoặc cả tỉnh, theo loại đất và nhóm đất',
      summaryEn: 'Land-use statistics of a commune or the whole province, by land type and group',
      method: 'GET',
      path: '/csdldd/1.0/ThongKe/HienTrang',
      serves: [0],
      example: { query: { maXa: '30233' } },
      handler: (ctx) => {
        const stats = ctx.input.maXa ? [found(indexes(ctx.seed).stats.get(ctx.input.maXa), 'maXa', ctx.input.maXa)] : ctx.seed.thongKeDatDai;
        const types = itemsInForce(ctx, 'DM_LOAI_DAT').version.byMa;
        const byType = new Map<string, number>();
        for (const s of stats) for (const c of s.ChiTiet) byType.set(c.MaLoaiDat, (byType.get(c.MaLoaiDat) ?? 0) + c.DienTich);
        const chiTiet = [...byType.entries()].map(([ma, ha]) => ({ MaLoaiDat: ma, TenLoaiDat: types.get(ma)?.Ten ?? ma, NhomDat: String(types.get(ma)?.MaCha ?? ''), DienTich: round2(ha) }));
        const tong = round2(stats.reduce((a, s) => a + s.TongDienTich, 0));
        const nhom = ['NNP', 'PNN', 'CSD'].map((g) => ({
          MaNhom: g,
          TenNhom: types.get(g)?.Ten ?? g,
          DienTich: round2(chiTiet.filter((c) => c.NhomDat === g).reduce((a, c) => a + c.DienTich, 0)),
        }));
        return conditionalReply(ctx, {
          PhamVi: ctx.input.maXa ? stats[0]!.TenXa : 'Tỉnh An Giang',
          ...(ctx.input.maXa ? { MaXa: ctx.input.maXa } : { MaTinh: '91' }),
          NamThongKe: 2024,
          DonViTinh: 'ha',
          TongDienTich: tong,
          TheoNhomDat: nhom,
          ChiTiet: chiTiet,
        });
      },
    },
    ...catalogOperations({
      basePath: '/csdldd/1.0/DanhMuc',
      serves: [0],
      owner: 'Bộ Tài nguyên và Môi trường',
      examples: { maDanhMuc: 'DM_LOAI_DAT', ma: 'ODT', tuPhienBan: '2014-07', denPhienBan: '2024-08' },
    }),
  },
  scenarios: [catalogVersionChangeScenario('2024-08')],
});
