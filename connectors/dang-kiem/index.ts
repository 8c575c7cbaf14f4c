import { defineConnector, type OperationContext } from '../../src/core/connector.js';
import { NdxpError } from '../../src/core/errors.js';
import { canonicalPlate } from '../_shared/vehicles.js';
import { daysBetween, dmyToDate, rollDmy, rollOffset, startOfDay } from '../_shared/rolling.js';
import { found, fromSeed, indexBy } from '../_shared/wire.js';

interface KiemDinh {
  NgayKiemDinh: string;
  HanHieuLuc: string;
  [k: string]: unknown;
}
interface PhuongTien {
  BienSo: string;
  ThongSoKyThuat: { SoKhung: string; [k: string]: unknown };
  NamHetNienHan?: number;
  KiemDinhGanNhat: KiemDinh;
  LichSuKiemDinh: Array<{ NgayKiemDinh: string; HanHieuLuc?: string; [k: string]: unknown }>;
  [k: string]: unknown;
}
interface Seed {
  phuongTien: PhuongTien[];
}

const plainPlate = (p: string) => p.replace(/[-.]/g, '');

const indexes = fromSeed((seed: Seed) => ({
  byPlate: indexBy(seed.phuongTien, (v) => plainPlate(v.BienSo)),
  byVin: indexBy(seed.phuongTien, (v) => v.ThongSoKyThuat.SoKhung),
}));

/**
 * Inspection dates roll forward to today (connectors/_shared/rolling.ts), so the share of valid and lapsed inspections
 * stays what the seed intends. Scenario `het-han-dang-kiem` instead rolls them so the last inspection expired yesterday.
 */
function offset(ctx: OperationContext, v: PhuongTien): number {
  if (ctx.scenario === 'het-han-dang-kiem') return daysBetween(dmyToDate(v.KiemDinhGanNhat.HanHieuLuc), startOfDay(ctx.now())) - 1;
  return rollOffset(ctx.now());
}

/** The record as of today: rolled dates, and whether the inspection is still valid (or the vehicle is past its lifetime). */
function current(ctx: OperationContext, v: PhuongTien) {
  const days = offset(ctx, v);
  const kd = { ...v.KiemDinhGanNhat, NgayKiemDinh: rollDmy(v.KiemDinhGanNhat.NgayKiemDinh, days), HanHieuLuc: rollDmy(v.KiemDinhGanNhat.HanHieuLuc, days) };
  const conLai = daysBetween(startOfDay(ctx.now()), dmyToDate(kd.HanHieuLuc));
  const hetNienHan = v.NamHetNienHan !== undefined && ctx.now().getUTCFullYear() > v.NamHetNienHan;
  const { LichSuKiemDinh, ...rest } = v;
  return {
    record: { ...rest, KiemDinhGanNhat: kd },
    lichSu: LichSuKiemDinh.map((l) => ({ ...l, NgayKiemDinh: rollDmy(l.NgayKiemDinh, days), ...(l.HanHieuLuc ? { HanHieuLuc: rollDmy(l.HanHieuLuc, days) } : {}) })),
    tinhTrang: {
      TrangThai: hetNienHan ? 'HET_NIEN_HAN' : conLai >= 0 ? 'CON_HIEU_LUC' : 'HET_HIEU_LUC',
      ConHieuLuc: !hetNienHan && conLai >= 0,
      SoNgayConLai: conLai,
    },
  };
}

function byPlate(seed: Seed, input: string): PhuongTien {
  const plate = canonicalPlate(input);
  if (!plate) {
    throw new NdxpError('VALIDATION_FAILED', { field: 'bienSo', detailVi: `bienSo: "${input}" không phải biển số ô tô (vd. 67A-123.45)`, detailEn: `bienSo: "${input}" is not a plate` });
  }
  return found(indexes(seed).byPlate.get(plainPlate(plate)), 'bienSo', plate);
}

const answer = (ctx: OperationContext, v: PhuongTien) => {
  const c = current(ctx, v);
  return { ...c.record, TinhTrangKiemDinh: c.tinhTrang };
};

export default defineConnector<Seed>({
  id: 'dang-kiem',
  protocol: 'rest',
  agencyCode: '000.00.11.G16',
  seedSchemas: { phuongTien: 'phuongTien.record' },
  operations: {
    traCuuTheoBienSo: {
      summary: 'Tra cứu thông tin đăng kiểm của phương tiện theo biển số đăng ký (nhãn hiệu, loại xe, tải trọng, hạn kiểm định)',
      summaryEn: 'Vehicle inspection record by licence plate (make, type, payload, inspection validity)',
      method: 'GET',
      path: '/apiDangKiem/1.0/traCuuTheoBienSo',
      serves: [0],
      example: { query: { bienSo: '$seed:phuongTien.0.BienSo' } },
      handler: (ctx) => answer(ctx, byPlate(ctx.seed, ctx.input.bienSo)),
    },
    traCuuTheoSoKhung: {
      summary: 'Tra cứu thông tin đăng kiểm của phương tiện theo số khung (VIN)',
      summaryEn: 'Vehicle inspection record by chassis number (VIN)',
      method: 'GET',
      path: '/apiDangKiem/1.0/traCuuTheoSoKhung',
      serves: [0],
      example: { query: { soKhung: '$seed:phuongTien.0.ThongSoKyThuat.SoKhung' } },
      handler: (ctx) => {
        const vin = String(ctx.input.soKhung).toUpperCase();
        return answer(ctx, found(indexes(ctx.seed).byVin.get(vin), 'soKhung', vin));
      },
    },
    lichSuKiemDinh: {
      summary: 'Lịch sử kiểm định của phương tiện (các lần kiểm định gần nhất, đạt/không đạt, lý do)',
      summaryEn: 'Inspection history of a vehicle (latest inspections, pass/fail, reasons)',
      method: 'GET',
      path: '/apiDangKiem/1.0/lichSuKiemDinh',
      serves: [0],
      example: { query: { bienSo: '$seed:phuongTien.0.BienSo' } },
      handler: (ctx) => {
        const v = byPlate(ctx.seed, ctx.input.bienSo);
        const c = current(ctx, v);
        return { BienSo: v.BienSo, SoKhung: v.ThongSoKyThuat.SoKhung, TinhTrangKiemDinh: c.tinhTrang, DanhSach: c.lichSu };
      },
    },
  },
  scenarios: [
    {
      name: 'het-han-dang-kiem',
      description: 'Phương tiện tra cứu có giấy chứng nhận kiểm định đã hết hiệu lực (hết hạn từ hôm qua)',
      descriptionEn: 'The vehicle’s inspection certificate expired (yesterday)',
      effect: { handled: true },
      operations: ['traCuuTheoBienSo', 'traCuuTheoSoKhung', 'lichSuKiemDinh'],
      expect: {
        operation: 'traCuuTheoBienSo',
        status: 200,
        body: { TinhTrangKiemDinh: { TrangThai: 'HET_HIEU_LUC', ConHieuLuc: false, SoNgayConLai: -1 } },
      },
    },
  ],
});
