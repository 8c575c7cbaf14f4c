import { defineConnector, type OperationContext } from '../../src/core/connector.js';
import { NdxpError } from '../../src/core/errors.js';
import { foldVietnamese } from '../../src/core/text.js';
import {
  catalogOperations, catalogVersionChangeScenario, conditionalReply, itemsInForce, type CatalogItem, type CatalogSeed,
} from '../_shared/catalog.js';
import { distanceMetres } from '../_shared/geo.js';
import { found, fromSeed, indexBy, paginate, type WireAddress } from '../_shared/wire.js';
import { BAN_KINH_MAC_DINH, SHARE_BASE, VNPOST_AGENCY } from './codes.js';

interface DiaChiSo {
  MaVpostcode: string;
  MaBuuChinh: string;
  LoaiDiaDiem: string;
  TenDiaDiem?: string;
  DiaChi: WireAddress;
  ViDo: number;
  KinhDo: number;
  NgayCapNhat: string;
}
interface Seed extends CatalogSeed {
  diaChiSo: DiaChiSo[];
}

const indexes = fromSeed((seed: Seed) => ({
  byCode: indexBy(seed.diaChiSo, (d) => d.MaVpostcode),
  folded: seed.diaChiSo.map((d) => ({ d, key: foldVietnamese(`${d.MaVpostcode} ${d.TenDiaDiem ?? ''} ${d.DiaChi.DiaChiDayDu}`) })),
}));

const postcodes = (ctx: OperationContext<Seed>) =>
  itemsInForce(ctx, 'DM_MA_BUU_CHINH', ctx.input.ngayHieuLuc ? { ngayHieuLuc: ctx.input.ngayHieuLuc } : {}).version;

const donVi = (item: CatalogItem, phienBan: string) => ({
  MaBuuChinh: item.Ma,
  CapHanhChinh: item.CapHanhChinh,
  TenDonVi: item.Ten,
  MaTinh: item.MaTinh,
  ...(item.MaXa ? { MaXa: item.MaXa } : {}),
  ...(item.BuuCucTrungTam ? { BuuCucTrungTam: item.BuuCucTrungTam } : {}),
  PhienBan: phienBan,
});

/** The unit whose name (folded) occurs in the address text: communes first, the longest name winning, then provinces. */
function unitInText(items: CatalogItem[], text: string): CatalogItem | undefined {
  const folded = foldVietnamese(text);
  const hits = items.filter((i) => folded.includes(foldVietnamese(i.Ten)));
  return hits.sort((a, b) => Number(a.CapHanhChinh !== 'Xã') - Number(b.CapHanhChinh !== 'Xã') || b.Ten.length - a.Ten.length)[0];
}

const chiaSe = (d: DiaChiSo) => ({ ...d, DuongDanChiaSe: `${SHARE_BASE}${d.MaVpostcode}`, GeoURI: `geo:${d.ViDo},${d.KinhDo}` });

export default defineConnector<Seed>({
  id: 'vpostcode',
  protocol: 'rest',
  agencyCode: VNPOST_AGENCY,
  seedSchemas: { danhMuc: 'danhMuc.record', phienBan: 'phienBan.record', phanTu: 'phanTu.record', diaChiSo: 'diaChiSo.record' },
  operations: {
    traCuuMaBuuChinh: {
      summary: 'Tra cứu mã bưu chính theo mã xã hoặc theo địa chỉ (văn bản, không phân biệt dấu)',
      summaryEn: 'Postcode by commune code or by a free-text address (diacritic-insensitive)',
      method: 'GET',
      path: '/vpostcode/1.0/MaBuuChinh',
      serves: [0],
      example: { query: { diaChi: '$seed:diaChiSo.0.DiaChi.DiaChiDayDu' } },
      handler: (ctx) => {
        const { maXa, diaChi } = ctx.input;
        if (!maXa === !diaChi) {
          throw new NdxpError('VALIDATION_FAILED', { field: 'maXa', detailVi: 'gửi đúng một trong hai tham số maXa hoặc diaChi', detailEn: 'send exactly one of maXa or diaChi' });
        }
        const v = postcodes(ctx);
        const item = maXa ? v.items.find((i) => i.MaXa === maXa) : unitInText(v.items, diaChi);
        return conditionalReply(ctx, donVi(found(item, maXa ? 'maXa' : 'diaChi', maXa ?? diaChi), v.meta.PhienBan));
      },
    },
    traCuuNguoc: {
      summary: 'Tra cứu ngược: từ mã bưu chính ra đơn vị hành chính, tọa độ trung tâm và số địa chỉ số',
      summaryEn: 'Reverse lookup: postcode → administrative unit, centre coordinates, number of digital addresses',
      method: 'GET',
      path: '/vpostcode/1.0/MaBuuChinh/{maBuuChinh}',
      serves: [0],
      example: { query: { maBuuChinh: '$seed:diaChiSo.0.MaBuuChinh' } },
      handler: (ctx) => {
        const v = postcodes(ctx);
        const item = found(v.byMa.get(ctx.input.maBuuChinh), 'maBuuChinh', ctx.input.maBuuChinh);
        const inside = (d: DiaChiSo) => (item.CapHanhChinh === 'Xã' ? d.MaBuuChinh === item.Ma : d.DiaChi.MaTinh === item.MaTinh);
        return conditionalReply(ctx, {
          ...donVi(item, v.meta.PhienBan),
          ...(typeof item.ViDo === 'number' ? { TrungTam: { ViDo: item.ViDo, KinhDo: item.KinhDo } } : {}),
          SoDiaChiSo: ctx.seed.diaChiSo.filter(inside).length,
        });
      },
    },
    traCuuDiaChiSo: {
      summary: 'Tra cứu địa chỉ số theo mã Vpostcode: địa chỉ, mã bưu chính, tọa độ, đường dẫn chia sẻ vị trí',
      summaryEn: 'Digital address by Vpostcode: address, postcode, coordinates, share link',
      method: 'GET',
      path: '/vpostcode/1.0/DiaChiSo/{maVpostcode}',
      serves: [0],
      example: { query: { maVpostcode: '$seed:diaChiSo.0.MaVpostcode' } },
      handler: (ctx) => conditionalReply(ctx, chiaSe(found(indexes(ctx.seed).byCode.get(ctx.input.maVpostcode), 'maVpostcode', ctx.input.maVpostcode))),
    },
    timDiaChiSo: {
      summary: 'Tìm địa chỉ số theo từ khóa (không phân biệt dấu), mã xã, mã bưu chính; phân trang',
      summaryEn: 'Search digital addresses by keyword, commune or postcode, paged',
      method: 'GET',
      path: '/vpostcode/1.0/DiaChiSo',
      serves: [0],
      example: { query: { tuKhoa: 'tran hung dao', soBanGhi: '10' } },
      handler: (ctx) => {
        const { tuKhoa, maXa, maBuuChinh } = ctx.input;
        const needle = tuKhoa ? foldVietnamese(tuKhoa) : '';
        const hits = indexes(ctx.seed)
          .folded.filter(({ d, key }) => (!needle || key.includes(needle)) && (!maXa || d.DiaChi.MaXa === maXa) && (!maBuuChinh || d.MaBuuChinh === maBuuChinh))
          .map(({ d }) => d);
        return conditionalReply(ctx, paginate(hits, ctx.input.trang, ctx.input.soBanGhi));
      },
    },
    viTriGanNhat: {
      summary: 'Địa chỉ số gần một vị trí (vĩ độ, kinh độ) trong bán kính, gần nhất trước, kèm khoảng cách',
      summaryEn: 'Digital addresses near a position within a radius, nearest first, with distances',
      method: 'GET',
      path: '/vpostcode/1.0/ViTri',
      serves: [0],
      example: { query: { viDo: '$seed:diaChiSo.0.ViDo', kinhDo: '$seed:diaChiSo.0.KinhDo', banKinh: '800' } },
      handler: (ctx) => {
        const { viDo, kinhDo } = ctx.input;
        const banKinh: number = ctx.input.banKinh ?? BAN_KINH_MAC_DINH;
        const near = ctx.seed.diaChiSo
          .map((d) => ({ d, m: distanceMetres({ viDo, kinhDo }, { viDo: d.ViDo, kinhDo: d.KinhDo }) }))
          .filter((x) => x.m <= banKinh)
          .sort((a, b) => a.m - b.m)
          .slice(0, ctx.input.soBanGhi ?? 20)
          .map(({ d, m }) => ({ ...d, KhoangCach: Math.round(m) }));
        return conditionalReply(ctx, { ViDo: viDo, KinhDo: kinhDo, BanKinh: banKinh, DanhSach: near });
      },
    },
    ...catalogOperations({
      basePath: '/vpostcode/1.0/DanhMuc',
      serves: [0],
      owner: 'Tổng Công ty Bưu điện Việt Nam',
      examples: { maDanhMuc: 'DM_MA_BUU_CHINH', ma: '90000', tuPhienBan: '2018-01', denPhienBan: '2025-07' },
    }),
  },
  scenarios: [catalogVersionChangeScenario('2025-07')],
});
