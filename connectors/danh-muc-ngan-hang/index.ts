import { defineConnector, type OperationContext } from '../../src/core/connector.js';
import { NdxpError } from '../../src/core/errors.js';
import {
  catalogOperations, catalogVersionChangeScenario, conditionalReply, itemsInForce, type CatalogItem, type CatalogSeed,
} from '../_shared/catalog.js';
import { dmyToIso, found, fromSeed, toDmy } from '../_shared/wire.js';
import { BIEN_DO, NGOAI_TE_THAM_KHAO, NHNN_AGENCY } from './codes.js';

interface TyGiaTrungTam {
  Ngay: string;
  MaNgoaiTe: 'USD';
  TyGia: number;
}
interface TyGiaTinhCheo {
  TuNgay: string;
  DenNgay: string;
  MaNgoaiTe: string;
  TenNgoaiTe: string;
  TyGia: number;
}
interface Seed extends CatalogSeed {
  tyGiaTrungTam: TyGiaTrungTam[];
  tyGiaTinhCheo: TyGiaTinhCheo[];
}

const indexes = fromSeed((seed: Seed) => {
  const weeks = new Map<string, TyGiaTinhCheo[]>();
  for (const r of seed.tyGiaTinhCheo) weeks.set(r.TuNgay, [...(weeks.get(r.TuNgay) ?? []), r]);
  return {
    // Oldest first, with ISO keys for comparing dates.
    central: seed.tyGiaTrungTam.map((r) => ({ iso: dmyToIso(r.Ngay), r })),
    weeks: [...weeks.entries()].map(([tuNgay, rows]) => ({ iso: dmyToIso(tuNgay), rows })),
  };
});

/** The latest entry published on or before the date (a rate stays in force until the next one is published). */
function latestOnOrBefore<T extends { iso: string }>(list: T[], iso: string, field: string): T {
  let hit: T | undefined;
  for (const e of list) if (e.iso <= iso) hit = e;
  if (!hit) {
    throw new NdxpError('RECORD_NOT_FOUND', {
      field,
      detailVi: `không có tỷ giá công bố đến ngày ${toDmy(iso)} (dữ liệu từ ${toDmy(list[0]!.iso)})`,
      detailEn: `no rate published on or before ${iso}`,
    });
  }
  return hit;
}

const ngayOf = (ctx: OperationContext<Seed>) => (ctx.input.ngay ? dmyToIso(ctx.input.ngay) : ctx.now().toISOString().slice(0, 10));
const round2 = (n: number) => Math.round(n * 100) / 100;

const tomTatNganHang = (b: CatalogItem) => ({ MaNganHang: b.Ma, TenNganHang: b.Ten, TenVietTat: String(b.TenVietTat), MaBIN: String(b.MaBIN) });

const catalog = catalogOperations({
  basePath: '/nhnn/1.0/DanhMuc',
  serves: [0],
  owner: 'Ngân hàng Nhà nước Việt Nam',
  examples: { maDanhMuc: 'DM_NGAN_HANG', ma: '318', tuPhienBan: '2024-07', denPhienBan: '2025-07' },
});

export default defineConnector<Seed>({
  id: 'danh-muc-ngan-hang',
  protocol: 'rest',
  agencyCode: NHNN_AGENCY,
  seedSchemas: {
    danhMuc: 'danhMuc.record',
    phienBan: 'phienBan.record',
    phanTu: 'phanTu.record',
    tyGiaTrungTam: 'tyGiaTrungTam.record',
    tyGiaTinhCheo: 'tyGiaTinhCheo.record',
  },
  operations: {
    ...catalog,
    traCuuNganHang: {
      summary: 'Tra cứu ngân hàng theo mã ngân hàng hoặc mã BIN, kèm các chi nhánh trên địa bàn tỉnh',
      summaryEn: 'Bank by bank code or BIN, with its branches in the province',
      method: 'GET',
      path: '/nhnn/1.0/NganHang',
      serves: [0],
      example: { query: { maBIN: '971019' } },
      handler: (ctx) => {
        const { maNganHang, maBIN } = ctx.input;
        if (!maNganHang === !maBIN) {
          throw new NdxpError('VALIDATION_FAILED', {
            field: 'maNganHang',
            detailVi: 'gửi đúng một trong hai tham số maNganHang hoặc maBIN',
            detailEn: 'send exactly one of maNganHang or maBIN',
          });
        }
        const sel = ctx.input.ngayHieuLuc ? { ngayHieuLuc: ctx.input.ngayHieuLuc } : {};
        const { version } = itemsInForce(ctx, 'DM_NGAN_HANG', sel);
        const bank = found(
          maNganHang ? version.byMa.get(maNganHang) : version.items.find((b) => b.MaBIN === maBIN),
          maNganHang ? 'maNganHang' : 'maBIN',
          maNganHang ?? maBIN,
        );
        const loai = itemsInForce(ctx, 'DM_LOAI_TCTD').version.byMa.get(String(bank.LoaiHinh));
        const branches = itemsInForce(ctx, 'DM_CHI_NHANH_NH').version.items.filter((c) => c.MaCha === bank.Ma);
        return conditionalReply(ctx, {
          ...tomTatNganHang(bank),
          LoaiHinh: String(bank.LoaiHinh),
          TenLoaiHinh: loai?.Ten ?? '',
          PhienBan: version.meta.PhienBan,
          DanhSachChiNhanh: branches.map((c) => ({ MaChiNhanh: c.Ma, TenChiNhanh: c.Ten, MaXa: c.MaXa, DiaChi: c.DiaChi })),
        });
      },
    },
    traCuuChiNhanh: {
      summary: 'Tra cứu chi nhánh ngân hàng theo mã chi nhánh 8 chữ số',
      summaryEn: 'Bank branch by its 8-digit code',
      method: 'GET',
      path: '/nhnn/1.0/ChiNhanh',
      serves: [0],
      example: { query: { maChiNhanh: '89201001' } },
      handler: (ctx) => {
        const branch = found(itemsInForce(ctx, 'DM_CHI_NHANH_NH').version.byMa.get(ctx.input.maChiNhanh), 'maChiNhanh', ctx.input.maChiNhanh);
        const bank = itemsInForce(ctx, 'DM_NGAN_HANG').version.byMa.get(String(branch.MaCha))!;
        return conditionalReply(ctx, {
          MaChiNhanh: branch.Ma,
          TenChiNhanh: branch.Ten,
          MaTinh: branch.MaTinh,
          MaXa: branch.MaXa,
          DiaChi: branch.DiaChi,
          NganHang: tomTatNganHang(bank),
        });
      },
    },
    tyGiaTrungTam: {
      summary: 'Tỷ giá trung tâm của Đồng Việt Nam với Đô la Mỹ áp dụng cho một ngày, kèm tỷ giá trần, sàn (biên độ ±5%)',
      summaryEn: 'Central VND/USD rate in force on a date, with the ±5 % ceiling and floor',
      method: 'GET',
      path: '/nhnn/1.0/TyGia/TrungTam',
      serves: [0],
      example: { query: { ngay: '$seed:tyGiaTrungTam.10.Ngay' } },
      handler: (ctx) => {
        const iso = ngayOf(ctx);
        const { r } = latestOnOrBefore(indexes(ctx.seed).central, iso, 'ngay');
        return conditionalReply(ctx, {
          NgayApDung: toDmy(iso),
          NgayCongBo: r.Ngay,
          MaNgoaiTe: 'USD',
          TyGiaTrungTam: r.TyGia,
          BienDo: BIEN_DO * 100,
          TyGiaTran: Math.round(r.TyGia * (1 + BIEN_DO)),
          TyGiaSan: Math.round(r.TyGia * (1 - BIEN_DO)),
        });
      },
    },
    tyGiaTinhCheo: {
      summary: 'Tỷ giá tính chéo của Đồng Việt Nam với các ngoại tệ khác (công bố hằng tuần, dùng xác định trị giá tính thuế)',
      summaryEn: 'Weekly cross rates of VND against other currencies (for customs/tax valuation)',
      method: 'GET',
      path: '/nhnn/1.0/TyGia/TinhCheo',
      serves: [0],
      example: { query: { ngay: '$seed:tyGiaTinhCheo.0.TuNgay', maNgoaiTe: 'EUR' } },
      handler: (ctx) => {
        const week = latestOnOrBefore(indexes(ctx.seed).weeks, ngayOf(ctx), 'ngay');
        const rows = week.rows.filter((r) => !ctx.input.maNgoaiTe || r.MaNgoaiTe === ctx.input.maNgoaiTe);
        if (rows.length === 0) found(undefined, 'maNgoaiTe', ctx.input.maNgoaiTe);
        return conditionalReply(ctx, {
          TuNgay: week.rows[0]!.TuNgay,
          DenNgay: week.rows[0]!.DenNgay,
          DanhSach: rows.map((r) => ({ MaNgoaiTe: r.MaNgoaiTe, TenNgoaiTe: r.TenNgoaiTe, TyGia: r.TyGia })),
        });
      },
    },
    tyGiaThamKhao: {
      summary: 'Tỷ giá tham khảo mua vào, bán ra tại Sở giao dịch Ngân hàng Nhà nước cho một ngày',
      summaryEn: 'Reference buy/sell rates at the SBV Transaction Office on a date',
      method: 'GET',
      path: '/nhnn/1.0/TyGia/ThamKhaoSoGiaoDich',
      serves: [0],
      example: { query: { ngay: '$seed:tyGiaTinhCheo.0.TuNgay' } },
      handler: (ctx) => {
        const iso = ngayOf(ctx);
        const { r: central } = latestOnOrBefore(indexes(ctx.seed).central, iso, 'ngay');
        const week = latestOnOrBefore(indexes(ctx.seed).weeks, iso, 'ngay');
        const vnd = (ma: string) => (ma === 'USD' ? central.TyGia : week.rows.find((r) => r.MaNgoaiTe === ma)!.TyGia);
        return conditionalReply(ctx, {
          NgayApDung: toDmy(iso),
          NgayCongBo: central.Ngay,
          DanhSach: NGOAI_TE_THAM_KHAO.map((ma) => ({
            MaNgoaiTe: ma,
            MuaVao: round2(vnd(ma) * (1 - BIEN_DO)),
            BanRa: round2(vnd(ma) * (1 + BIEN_DO)),
          })),
        });
      },
    },
  },
  scenarios: [catalogVersionChangeScenario('2025-07')],
});
