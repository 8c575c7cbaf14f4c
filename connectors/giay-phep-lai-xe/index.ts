import { defineConnector, type OperationContext } from '../../src/core/connector.js';
import { formatDateDmy } from '../../src/core/identifiers.js';
import { nfc } from '../../src/core/text.js';
import { dmyToDate, startOfDay } from '../_shared/rolling.js';
import { found, fromSeed } from '../_shared/wire.js';
import { DIEM_TOI_DA, hangInfo, LY_DO_THU_HOI, type HeThong } from './codes.js';

interface Hang {
  Hang: string;
  HeThong: HeThong;
  NgayTrungTuyen: string;
  NgayHetHan?: string;
}
interface Gplx {
  SoGPLX: string;
  SoDinhDanh: string;
  HoVaTen: string;
  NgaySinh: string;
  DanhSachHang: Hang[];
  SoDiemConLai: number;
  TrangThai: 'HOP_LE' | 'THU_HOI';
  NgayThuHoi?: string;
  LyDoThuHoi?: string;
  [k: string]: unknown;
}
interface Seed {
  gplx: Gplx[];
}

const indexes = fromSeed((seed: Seed) => {
  const bySo = new Map(seed.gplx.map((g) => [g.SoGPLX, g]));
  const byNguoi = new Map<string, Gplx[]>();
  for (const g of seed.gplx) byNguoi.set(g.SoDinhDanh, [...(byNguoi.get(g.SoDinhDanh) ?? []), g]);
  return { bySo, byNguoi };
});

/** Scenarios bend the licence looked up: `bi-thu-hoi` revoked today, `het-han` its time-limited classes expired yesterday. */
function withScenario(ctx: OperationContext, g: Gplx): Gplx {
  const today = startOfDay(ctx.now());
  if (ctx.scenario === 'bi-thu-hoi') return { ...g, TrangThai: 'THU_HOI', NgayThuHoi: formatDateDmy(today), LyDoThuHoi: LY_DO_THU_HOI };
  if (ctx.scenario === 'het-han') {
    const yesterday = formatDateDmy(new Date(today.getTime() - 86_400_000));
    return { ...g, DanhSachHang: g.DanhSachHang.map((h) => (h.NgayHetHan ? { ...h, NgayHetHan: yesterday } : h)) };
  }
  return g;
}

/**
 * The licence as of today: each class valid or expired; overall revoked, out of points (may not drive until the
 * knowledge test is passed again), valid if any class is, else expired.
 */
function current(ctx: OperationContext, raw: Gplx) {
  const g = withScenario(ctx, raw);
  const today = startOfDay(ctx.now());
  const hang = g.DanhSachHang.map((h) => ({
    ...h,
    MoTa: hangInfo(h.HeThong, h.Hang).moTa,
    KhongThoiHan: !h.NgayHetHan,
    ConHieuLuc: !h.NgayHetHan || dmyToDate(h.NgayHetHan) >= today,
  }));
  const anyValid = hang.some((h) => h.ConHieuLuc);
  const trangThai = g.TrangThai === 'THU_HOI' ? 'THU_HOI' : !anyValid ? 'HET_HAN' : g.SoDiemConLai === 0 ? 'HET_DIEM' : 'CON_HIEU_LUC';
  return { ...g, DanhSachHang: hang, TinhTrang: { TrangThai: trangThai, ConHieuLuc: trangThai === 'CON_HIEU_LUC', SoDiemConLai: g.SoDiemConLai, SoDiemToiDa: DIEM_TOI_DA } };
}

/** Names compare as printed: NFC, case and spacing ignored, tones kept (a verification, not a search). */
const sameName = (a: string, b: string) => nfc(a).toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim() === nfc(b).toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();

export default defineConnector<Seed>({
  id: 'giay-phep-lai-xe',
  protocol: 'rest',
  agencyCode: '000.00.12.G16',
  seedSchemas: { gplx: 'gplx.record' },
  operations: {
    traCuuGPLX: {
      summary: 'Tra cứu giấy phép lái xe theo số GPLX (họ tên, ngày sinh, các hạng, ngày hết hạn, nơi cấp, tình trạng, điểm)',
      summaryEn: 'A driving licence by number (name, date of birth, classes, expiry, issuer, status, points)',
      method: 'GET',
      path: '/apiGPLX/1.0/traCuuGPLX',
      serves: [0],
      example: { query: { soGPLX: '$seed:gplx.0.SoGPLX' } },
      handler: (ctx) => current(ctx, found(indexes(ctx.seed).bySo.get(ctx.input.soGPLX), 'soGPLX', ctx.input.soGPLX)),
    },
    traCuuTheoSoDinhDanh: {
      summary: 'Tra cứu các giấy phép lái xe của một công dân theo số định danh cá nhân (CCCD)',
      summaryEn: 'All driving licences of a citizen by personal identification number',
      method: 'GET',
      path: '/apiGPLX/1.0/traCuuTheoSoDinhDanh',
      serves: [0],
      example: { query: { soDinhDanh: '$seed:gplx.0.SoDinhDanh' } },
      handler: (ctx) => {
        const list = found(indexes(ctx.seed).byNguoi.get(ctx.input.soDinhDanh), 'soDinhDanh', ctx.input.soDinhDanh);
        return { SoDinhDanh: ctx.input.soDinhDanh, HoVaTen: list[0]!.HoVaTen, DanhSachGPLX: list.map((g) => current(ctx, g)) };
      },
    },
    xacThucGPLX: {
      summary: 'Xác thực thông tin giấy phép lái xe do người dân kê khai (số GPLX, họ tên, ngày sinh, hạng): khớp từng trường và còn hiệu lực',
      summaryEn: 'Verify a declared driving licence (number, name, date of birth, class): field by field, and still valid',
      method: 'POST',
      path: '/apiGPLX/1.0/xacThucGPLX',
      serves: [0],
      example: { body: { SoGPLX: '$seed:gplx.0.SoGPLX', HoVaTen: '$seed:gplx.0.HoVaTen', NgaySinh: '$seed:gplx.0.NgaySinh' } },
      handler: (ctx) => {
        const { SoGPLX, HoVaTen, NgaySinh, Hang } = ctx.input as { SoGPLX: string; HoVaTen: string; NgaySinh: string; Hang?: string };
        const g = current(ctx, found(indexes(ctx.seed).bySo.get(SoGPLX), 'SoGPLX', SoGPLX));
        const chiTiet = {
          HoVaTen: sameName(HoVaTen, g.HoVaTen),
          NgaySinh: NgaySinh === g.NgaySinh,
          ...(Hang ? { Hang: g.DanhSachHang.some((h) => h.Hang === Hang && h.ConHieuLuc) } : {}),
        };
        const khop = Object.values(chiTiet).every(Boolean);
        return { SoGPLX, KetQua: khop ? 'KHOP' : 'KHONG_KHOP', ChiTiet: chiTiet, TinhTrang: g.TinhTrang };
      },
    },
  },
  scenarios: [
    {
      name: 'bi-thu-hoi',
      description: 'Giấy phép lái xe tra cứu đã bị thu hồi (hôm nay)',
      descriptionEn: 'The licence looked up has been revoked (today)',
      effect: { handled: true },
      expect: { operation: 'traCuuGPLX', status: 200, body: { TrangThai: 'THU_HOI', TinhTrang: { TrangThai: 'THU_HOI', ConHieuLuc: false } } },
    },
    {
      name: 'het-han',
      description: 'Các hạng có thời hạn của giấy phép lái xe tra cứu đã hết hạn từ hôm qua (hạng không thời hạn như A1 không đổi)',
      descriptionEn: 'The licence’s time-limited classes expired yesterday (classes without expiry are unchanged)',
      effect: { handled: true },
      expect: { operation: 'xacThucGPLX', status: 200, body: { KetQua: 'KHOP', TinhTrang: { TrangThai: 'HET_HAN', ConHieuLuc: false } } },
    },
  ],
});
