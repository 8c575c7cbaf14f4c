import { defineConnector, type OperationContext } from '../../src/core/connector.js';
import { NdxpError } from '../../src/core/errors.js';
import { dmyToDate, startOfDay } from '../_shared/rolling.js';
import { canonicalPlate } from '../_shared/vehicles.js';
import { dmyToIso, found, fromSeed, indexBy, paginate } from '../_shared/wire.js';
import { LOAI_PHU_HIEU, TRANG_THAI_HO_SO, type LoaiHinh, type LoaiPhuHieu, type TrangThaiHoSo } from './codes.js';

interface DonVi {
  SoGiayPhep: string;
  MaSoDoanhNghiep?: string;
  SoDinhDanhChuHo?: string;
  LoaiHinhKinhDoanh: LoaiHinh[];
  TrangThai: string;
  [k: string]: unknown;
}
interface PhuHieu {
  SoPhuHieu: string;
  BienSo: string;
  LoaiPhuHieu: LoaiPhuHieu;
  SoGiayPhep: string;
  NgayCap: string;
  HanHieuLuc: string;
  TrangThai: 'CAP' | 'THU_HOI';
  [k: string]: unknown;
}
interface BuocXuLy {
  TrangThai: TrangThaiHoSo;
  ThoiDiemXuLy: string;
  [k: string]: unknown;
}
interface HoSo {
  MaHoSo: string;
  MaTTHC: string;
  TenTTHC: string;
  ChuHoSo: { Ten: string };
  SoGiayPhep: string;
  NgayTiepNhan: string;
  NgayHenTra: string;
  TrangThaiHoSo: TrangThaiHoSo;
  TenTrangThai: string;
  LichSuXuLy: BuocXuLy[];
  [k: string]: unknown;
}
interface Seed {
  donViKinhDoanh: DonVi[];
  phuHieu: PhuHieu[];
  hoSoTTHC: HoSo[];
}

const indexes = fromSeed((seed: Seed) => {
  const byPlate = new Map<string, PhuHieu[]>();
  const byUnit = new Map<string, PhuHieu[]>();
  for (const b of seed.phuHieu) {
    byPlate.set(b.BienSo, [...(byPlate.get(b.BienSo) ?? []), b]);
    byUnit.set(b.SoGiayPhep, [...(byUnit.get(b.SoGiayPhep) ?? []), b]);
  }
  // Every processing step of every dossier, in time order: the status-sync feed.
  const steps = seed.hoSoTTHC
    .flatMap((h) => h.LichSuXuLy.map((s) => ({ MaHoSo: h.MaHoSo, MaTTHC: h.MaTTHC, ...s, TenTrangThai: TRANG_THAI_HO_SO[s.TrangThai] })))
    .sort((a, b) => a.ThoiDiemXuLy.localeCompare(b.ThoiDiemXuLy) || a.MaHoSo.localeCompare(b.MaHoSo));
  return {
    donVi: indexBy(seed.donViKinhDoanh, (d) => d.SoGiayPhep),
    hoSo: indexBy(seed.hoSoTTHC, (h) => h.MaHoSo),
    byPlate,
    byUnit,
    steps,
  };
});

/** A badge as of today: revoked, valid or expired (badges last 7 years, within the vehicle's lifetime). */
function tinhTrang(ctx: OperationContext, b: PhuHieu) {
  const { TrangThai, ...rest } = b;
  const state = TrangThai === 'THU_HOI' ? 'THU_HOI' : dmyToDate(b.HanHieuLuc) >= startOfDay(ctx.now()) ? 'CON_HIEU_LUC' : 'HET_HIEU_LUC';
  return { ...rest, TenLoaiPhuHieu: LOAI_PHU_HIEU[b.LoaiPhuHieu], TinhTrang: state };
}

const tomTat = (h: HoSo) => ({
  MaHoSo: h.MaHoSo,
  MaTTHC: h.MaTTHC,
  TenTTHC: h.TenTTHC,
  ChuHoSo: h.ChuHoSo.Ten,
  SoGiayPhep: h.SoGiayPhep,
  NgayTiepNhan: h.NgayTiepNhan,
  NgayHenTra: h.NgayHenTra,
  TrangThaiHoSo: h.TrangThaiHoSo,
  TenTrangThai: h.TenTrangThai,
});

/** Every record of the simulator lies in An Giang (91): another province has none here. */
const inProvince = <T>(maTinh: string, items: T[]): T[] => (maTinh === '91' ? items : []);

export default defineConnector<Seed>({
  id: 'quan-ly-van-tai',
  protocol: 'rest',
  agencyCode: '000.00.10.G16',
  seedSchemas: { donViKinhDoanh: 'donViKinhDoanh.record', phuHieu: 'phuHieu.record', hoSoTTHC: 'hoSoTTHC.record' },
  operations: {
    danhSachHoSo: {
      summary: 'Danh sách hồ sơ TTHC lĩnh vực quản lý vận tải đường bộ của tỉnh (lọc theo ngày tiếp nhận, thủ tục, trạng thái)',
      summaryEn: 'Road-transport procedure dossiers of the province (by reception date, procedure, status)',
      method: 'GET',
      path: '/apiQLVT/1.0/danhSachHoSo',
      serves: [0],
      example: { query: { maTinh: '91', tuNgay: '01/09/2025', soBanGhi: '20' } },
      handler: ({ input, seed }) => {
        const from = input.tuNgay ? dmyToIso(input.tuNgay).replace(/-/g, '') : '0';
        const to = input.denNgay ? `${dmyToIso(input.denNgay).replace(/-/g, '')}235959` : '9';
        const hits = inProvince(input.maTinh, seed.hoSoTTHC)
          .filter((h) => h.NgayTiepNhan >= from && h.NgayTiepNhan <= to)
          .filter((h) => (!input.maTTHC || h.MaTTHC === input.maTTHC) && (!input.trangThai || h.TrangThaiHoSo === input.trangThai))
          .sort((a, b) => b.NgayTiepNhan.localeCompare(a.NgayTiepNhan))
          .map(tomTat);
        return paginate(hits, input.trang, input.soBanGhi);
      },
    },
    chiTietHoSo: {
      summary: 'Chi tiết một hồ sơ TTHC vận tải: chủ hồ sơ, xe, trạng thái, các bước xử lý, kết quả (giấy phép, phù hiệu)',
      summaryEn: 'One transport dossier: holder, vehicles, status, processing steps and result',
      method: 'GET',
      path: '/apiQLVT/1.0/chiTietHoSo',
      serves: [0],
      example: { query: { maHoSo: '$seed:hoSoTTHC.0.MaHoSo' } },
      handler: ({ input, seed }) => found(indexes(seed).hoSo.get(input.maHoSo), 'maHoSo', input.maHoSo),
    },
    dongBoTrangThai: {
      summary: 'Đồng bộ trạng thái: các bước xử lý hồ sơ từ một thời điểm, theo thứ tự thời gian',
      summaryEn: 'Status sync: processing steps since a point in time, oldest first',
      method: 'GET',
      path: '/apiQLVT/1.0/dongBoTrangThai',
      serves: [0],
      example: { query: { tuThoiDiem: '20251001000000', soBanGhi: '50' } },
      handler: ({ input, seed }) => {
        const steps = indexes(seed).steps;
        // Binary search for the first step at or after tuThoiDiem: the feed is read page by page.
        let lo = 0;
        let hi = steps.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (steps[mid]!.ThoiDiemXuLy < input.tuThoiDiem) lo = mid + 1;
          else hi = mid;
        }
        return paginate(steps.slice(lo), input.trang, input.soBanGhi);
      },
    },
    traCuuGiayPhep: {
      summary: 'Tra cứu Giấy phép kinh doanh vận tải bằng xe ô tô theo số giấy phép (đơn vị, loại hình, người điều hành vận tải)',
      summaryEn: 'A road-transport business licence by number (holder, kinds of business, transport manager)',
      method: 'GET',
      path: '/apiQLVT/1.0/traCuuGiayPhep',
      serves: [0],
      example: { query: { soGiayPhep: '$seed:donViKinhDoanh.0.SoGiayPhep' } },
      handler: (ctx) => {
        const dv = found(indexes(ctx.seed).donVi.get(ctx.input.soGiayPhep), 'soGiayPhep', ctx.input.soGiayPhep);
        const valid = (indexes(ctx.seed).byUnit.get(dv.SoGiayPhep) ?? []).filter((b) => tinhTrang(ctx, b).TinhTrang === 'CON_HIEU_LUC');
        return { DonVi: dv, SoPhuHieuConHieuLuc: valid.length };
      },
    },
    danhSachDonVi: {
      summary: 'Danh sách đơn vị được cấp giấy phép kinh doanh vận tải trên địa bàn (lọc theo loại hình, mã số thuế, trạng thái)',
      summaryEn: 'Licensed transport businesses in the province',
      method: 'GET',
      path: '/apiQLVT/1.0/danhSachDonVi',
      serves: [0],
      example: { query: { maTinh: '91', loaiHinh: 'HANG_HOA', soBanGhi: '20' } },
      handler: ({ input, seed }) => {
        const hits = inProvince(input.maTinh, seed.donViKinhDoanh)
          .filter((d) => !input.loaiHinh || d.LoaiHinhKinhDoanh.includes(input.loaiHinh))
          .filter((d) => !input.maSoThue || d.MaSoDoanhNghiep === input.maSoThue || d.SoDinhDanhChuHo === input.maSoThue)
          .filter((d) => !input.trangThai || d.TrangThai === input.trangThai);
        return paginate(hits, input.trang, input.soBanGhi);
      },
    },
    traCuuPhuHieu: {
      summary: 'Tra cứu phù hiệu xe ô tô kinh doanh vận tải theo biển số (loại phù hiệu, đơn vị, hạn hiệu lực)',
      summaryEn: 'The transport badge of a vehicle by licence plate',
      method: 'GET',
      path: '/apiQLVT/1.0/traCuuPhuHieu',
      serves: [0],
      example: { query: { bienSo: '$seed:phuHieu.0.BienSo' } },
      handler: (ctx) => {
        const plate = canonicalPlate(ctx.input.bienSo);
        if (!plate) throw new NdxpError('VALIDATION_FAILED', { field: 'bienSo', detailVi: `bienSo: "${ctx.input.bienSo}" không phải biển số ô tô`, detailEn: 'bienSo: not a plate' });
        // A vehicle re-badged keeps its older badges on file; the latest one answers.
        const list = found(indexes(ctx.seed).byPlate.get(plate), 'bienSo', plate);
        const latest = [...list].sort((a, b) => dmyToIso(b.NgayCap).localeCompare(dmyToIso(a.NgayCap)))[0]!;
        return tinhTrang(ctx, ctx.scenario === 'phu-hieu-thu-hoi' ? { ...latest, TrangThai: 'THU_HOI' } : latest);
      },
    },
    danhSachPhuHieu: {
      summary: 'Danh sách phù hiệu của các xe thuộc một đơn vị kinh doanh vận tải',
      summaryEn: 'The badges of a transport business’s vehicles',
      method: 'GET',
      path: '/apiQLVT/1.0/danhSachPhuHieu',
      serves: [0],
      example: { query: { soGiayPhep: '$seed:phuHieu.0.SoGiayPhep' } },
      handler: (ctx) => {
        const { input, seed } = ctx;
        found(indexes(seed).donVi.get(input.soGiayPhep), 'soGiayPhep', input.soGiayPhep);
        const list = (indexes(seed).byUnit.get(input.soGiayPhep) ?? []).map((b) => tinhTrang(ctx, b)).filter((b) => !input.tinhTrang || b.TinhTrang === input.tinhTrang);
        return paginate(list, input.trang, input.soBanGhi);
      },
    },
  },
  scenarios: [
    {
      name: 'phu-hieu-thu-hoi',
      description: 'Phù hiệu của xe tra cứu đã bị thu hồi (để kiểm thử việc từ chối hồ sơ có xe không còn phù hiệu)',
      descriptionEn: 'The vehicle’s badge has been revoked',
      effect: { handled: true },
      operations: ['traCuuPhuHieu'],
      expect: { operation: 'traCuuPhuHieu', status: 200, body: { TinhTrang: 'THU_HOI' } },
    },
  ],
});
