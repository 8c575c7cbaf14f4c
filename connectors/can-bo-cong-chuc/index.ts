import { defineConnector, reply, type OperationContext } from '../../src/core/connector.js';
import { NdxpError } from '../../src/core/errors.js';
import { coQuanTheoMa } from '../_shared/co-quan.js';
import { checkIdentity, invalid } from '../_shared/dinh-danh.js';
import { contentHash } from '../_shared/hash.js';
import { acceptPush, pushByReceipt, pushConflict, type StoredPush } from '../_shared/push-receipt.js';
import { ageOn } from '../_shared/thoi-gian.js';
import { dmyToIso, found, fromSeed, indexBy, paginate } from '../_shared/wire.js';
import { BO_NOI_VU_AGENCY, heSoLuong, NGACH, SO_NOI_VU, TINH_TRANG } from './codes.js';
import { khoaDongBo, type HoSoCanBo } from './ho-so.js';

interface Seed {
  canBo: HoSoCanBo[];
  lichSuDongBo: Array<StoredPush<HoSoCanBo>>;
}

const indexes = fromSeed((seed: Seed) => ({
  byMa: indexBy(seed.canBo, (c) => c.MaCanBo),
  byCccd: indexBy(seed.canBo, (c) => c.SoDinhDanh),
  receiptByKey: indexBy(seed.lichSuDongBo, (r) => r.KhoaDongBo),
  receiptById: indexBy(seed.lichSuDongBo, (r) => r.MaBienNhan),
}));

/** Pushed records (latest version per official), pushes by key, and số định danh → mã cán bộ for new officials. */
const HO_SO = 'hoSoCanBo';
const DONG_BO = 'dongBo';
const THEO_DINH_DANH = 'theoDinhDanh';

const newest = (...hs: Array<HoSoCanBo | null | undefined>): HoSoCanBo | undefined =>
  hs.filter((h): h is HoSoCanBo => !!h).sort((a, b) => b.PhienBan - a.PhienBan)[0];

/** An official as of now: the seeded record or a newer version the province pushed. */
async function hienTai(ctx: OperationContext<Seed>, maCanBo: string): Promise<HoSoCanBo | undefined> {
  return newest(await ctx.records.get<HoSoCanBo>(HO_SO, maCanBo), indexes(ctx.seed).byMa.get(maCanBo));
}

async function maTheoDinhDanh(ctx: OperationContext<Seed>, soDinhDanh: string): Promise<string | undefined> {
  return indexes(ctx.seed).byCccd.get(soDinhDanh)?.MaCanBo ?? (await ctx.records.get<string>(THEO_DINH_DANH, soDinhDanh)) ?? undefined;
}

/** Every official as of now (seed merged with pushed versions). */
async function tatCa(ctx: OperationContext<Seed>): Promise<HoSoCanBo[]> {
  const map = new Map(ctx.seed.canBo.map((c) => [c.MaCanBo, c]));
  for (const h of (await ctx.records.list<HoSoCanBo>(HO_SO, 0, 100_000)).items) map.set(h.MaCanBo, newest(h, map.get(h.MaCanBo))!);
  return [...map.values()];
}

/** Rules a record must meet (beyond the schema): identity, agency catalog, rank vs category, the salary table. */
function kiemTraHoSo(h: HoSoCanBo): void {
  checkIdentity('HoSo', h);
  const cq = coQuanTheoMa(h.CoQuan.MaDinhDanh);
  if (!cq) throw invalid('HoSo.CoQuan.MaDinhDanh', 'không có trong danh mục cơ quan, đơn vị của tỉnh An Giang', 'not in An Giang’s agency catalog');
  if (cq.ten !== h.CoQuan.Ten) throw invalid('HoSo.CoQuan.Ten', `không khớp danh mục (${cq.ten})`, `does not match the catalog (${cq.ten})`);
  const ngach = NGACH[h.MaNgach]!;
  if ((ngach.loai === 'vien-chuc') !== (h.Loai === 'VIEN_CHUC')) {
    throw invalid('HoSo.MaNgach', `${h.MaNgach} là ${ngach.loai === 'vien-chuc' ? 'chức danh nghề nghiệp viên chức' : 'ngạch công chức'}, không hợp với loại ${h.Loai}`, `${h.MaNgach} does not fit category ${h.Loai}`);
  }
  if (ngach.ten !== h.TenNgach) throw invalid('HoSo.TenNgach', `không khớp mã ngạch ${h.MaNgach} (${ngach.ten})`, `does not match ${h.MaNgach} (${ngach.ten})`);
  const heSo = heSoLuong(h.MaNgach, h.BacLuong);
  if (heSo === null) throw invalid('HoSo.BacLuong', `ngạch ${h.MaNgach} không có bậc ${h.BacLuong}`, `rank ${h.MaNgach} has no step ${h.BacLuong}`);
  if (Math.abs(heSo - h.HeSoLuong) > 0.001) throw invalid('HoSo.HeSoLuong', `bậc ${h.BacLuong} ngạch ${h.MaNgach} có hệ số ${heSo}`, `step ${h.BacLuong} of ${h.MaNgach} has coefficient ${heSo}`);
  if (ageOn(dmyToIso(h.NgaySinh), dmyToIso(h.NgayTuyenDung)) < 18) throw invalid('HoSo.NgayTuyenDung', 'tuyển dụng khi chưa đủ 18 tuổi', 'recruited before 18');
  if (h.QuaTrinhCongTac.at(-1)!.MaCoQuan !== h.CoQuan.MaDinhDanh) {
    throw invalid('HoSo.QuaTrinhCongTac', 'kỳ công tác cuối phải ở cơ quan hiện tại', 'the last posting must be the current agency');
  }
  if (h.TinhTrang === 'NGHI_HUU' && !h.NgayNghiHuu) throw invalid('HoSo.NgayNghiHuu', 'bắt buộc khi đã nghỉ hưu', 'required when retired');
}

const phienBanCu = (gui: number, hienCo: number) =>
  new NdxpError('CONFLICT', {
    field: 'HoSo.PhienBan',
    detailVi: `phiên bản ${gui} không mới hơn phiên bản đã có trên CSDL quốc gia (${hienCo})`,
    detailEn: `version ${gui} is not newer than the one in the national database (${hienCo})`,
    details: { PhienBanHienTai: hienCo },
  });

async function dongBo(ctx: OperationContext<Seed>) {
  const { MaDonViGui, HoSo: h } = ctx.input as { MaDonViGui: string; HoSo: HoSoCanBo };
  if (!coQuanTheoMa(MaDonViGui)) throw invalid('MaDonViGui', 'không phải cơ quan, đơn vị của tỉnh An Giang', 'not an agency of An Giang');
  kiemTraHoSo(h);
  if (ctx.scenario === 'phien-ban-cu') throw phienBanCu(h.PhienBan, h.PhienBan + 1);
  const key = khoaDongBo(h);
  const answer = (r: Pick<StoredPush<unknown>, 'MaBienNhan' | 'ThoiGianTiepNhan'>, daNhan: boolean) => ({
    MaBienNhan: r.MaBienNhan, ThoiGianTiepNhan: r.ThoiGianTiepNhan, MaCanBo: h.MaCanBo, PhienBan: h.PhienBan, TrangThai: 'DA_TIEP_NHAN', DaNhanTruocDo: daNhan,
  });
  // A version pushed before the simulator's history began (seeded receipts) is as idempotent as a live one.
  const seeded = indexes(ctx.seed).receiptByKey.get(key);
  if (seeded) {
    if (seeded.MaBam !== contentHash(h)) throw pushConflict('HoSo.PhienBan', key, seeded);
    return answer(seeded, true);
  }
  const { stored, created } = await acceptPush(ctx.records, {
    collection: DONG_BO, key, keyField: 'HoSo.PhienBan', content: h, now: ctx.now(), receiptPrefix: 'CBCCVC-BN',
    check: async () => {
      const cur = await hienTai(ctx, h.MaCanBo);
      const other = await maTheoDinhDanh(ctx, h.SoDinhDanh);
      if ((cur && cur.SoDinhDanh !== h.SoDinhDanh) || (other && other !== h.MaCanBo)) {
        throw new NdxpError('CONFLICT', {
          field: 'HoSo.SoDinhDanh',
          detailVi: 'mã cán bộ và số định danh không khớp với hồ sơ đã có trên CSDL',
          detailEn: 'the official code and the ID number do not match the existing record',
          details: { MaCanBo: other ?? h.MaCanBo },
        });
      }
      if (cur && h.PhienBan <= cur.PhienBan) throw phienBanCu(h.PhienBan, cur.PhienBan);
    },
  });
  if (created) {
    await ctx.records.put(HO_SO, h.MaCanBo, h);
    await ctx.records.put(THEO_DINH_DANH, h.SoDinhDanh, h.MaCanBo);
    return reply(201, answer(stored, false));
  }
  return answer(stored, true);
}

const tomTat = (h: HoSoCanBo) => ({
  MaCanBo: h.MaCanBo, HoVaTen: h.HoVaTen, NgaySinh: h.NgaySinh, GioiTinh: h.GioiTinh, Loai: h.Loai, MaCoQuan: h.CoQuan.MaDinhDanh,
  TenCoQuan: h.CoQuan.Ten, ChucVu: h.ChucVu, MaNgach: h.MaNgach, TinhTrang: h.TinhTrang,
});

/** Counts by a key, in the order of `order` (codes with their names), keeping zero rows out. */
function dem<T>(items: T[], key: (t: T) => string, names: Record<string, string>) {
  const counts = new Map<string, number>();
  for (const t of items) counts.set(key(t), (counts.get(key(t)) ?? 0) + 1);
  return Object.keys(names).filter((k) => counts.has(k)).map((k) => ({ Ma: k, Ten: names[k]!, SoLuong: counts.get(k)! }));
}

const NHOM_TUOI = { 'DUOI_30': 'Dưới 30 tuổi', 'TU_30_DEN_39': 'Từ 30 đến 39 tuổi', 'TU_40_DEN_49': 'Từ 40 đến 49 tuổi', 'TU_50_DEN_59': 'Từ 50 đến 59 tuổi', 'TU_60': 'Từ 60 tuổi trở lên' };
const nhomTuoi = (age: number) => (age < 30 ? 'DUOI_30' : age < 40 ? 'TU_30_DEN_39' : age < 50 ? 'TU_40_DEN_49' : age < 60 ? 'TU_50_DEN_59' : 'TU_60');

const MAU = (f: string) => `$seed:canBo.0.${f}`;

export default defineConnector<Seed>({
  id: 'can-bo-cong-chuc',
  protocol: 'rest',
  agencyCode: BO_NOI_VU_AGENCY,
  seedSchemas: { canBo: 'canBo.record', lichSuDongBo: 'lichSuDongBo.record' },
  operations: {
    traCuuCanBo: {
      summary: 'Tra cứu hồ sơ cán bộ, công chức, viên chức theo số định danh cá nhân',
      summaryEn: 'An official’s record by personal ID number',
      method: 'GET',
      path: '/csdlcbccvc/1.0/canBo',
      serves: [1],
      example: { query: { soDinhDanh: MAU('SoDinhDanh') } },
      handler: async (ctx) => {
        const ma = await maTheoDinhDanh(ctx, ctx.input.soDinhDanh);
        return found(ma ? await hienTai(ctx, ma) : undefined, 'soDinhDanh', ctx.input.soDinhDanh);
      },
    },
    chiTietCanBo: {
      summary: 'Hồ sơ cán bộ, công chức, viên chức theo mã cán bộ',
      summaryEn: 'An official’s record by official code',
      method: 'GET',
      path: '/csdlcbccvc/1.0/canBo/{maCanBo}',
      serves: [1],
      example: { query: { maCanBo: MAU('MaCanBo') } },
      handler: async (ctx) => found(await hienTai(ctx, ctx.input.maCanBo), 'maCanBo', ctx.input.maCanBo),
    },
    danhSachCanBo: {
      summary: 'Danh sách cán bộ, công chức, viên chức theo cơ quan, loại, tình trạng, ngạch (phân trang)',
      summaryEn: 'Officials by agency, category, status, rank (paged)',
      method: 'GET',
      path: '/csdlcbccvc/1.0/danhSachCanBo',
      serves: [1],
      example: { query: { maCoQuan: MAU('CoQuan.MaDinhDanh'), tinhTrang: 'DANG_CONG_TAC' } },
      handler: async (ctx) => {
        const { maCoQuan, loai, tinhTrang, maNgach, trang, soBanGhi } = ctx.input;
        const rows = (await tatCa(ctx))
          .filter((h) => (!maCoQuan || h.CoQuan.MaDinhDanh === maCoQuan) && (!loai || h.Loai === loai) && (!tinhTrang || h.TinhTrang === tinhTrang) && (!maNgach || h.MaNgach === maNgach))
          .sort((a, b) => a.MaCanBo.localeCompare(b.MaCanBo))
          .map(tomTat);
        return paginate(rows, trang, soBanGhi);
      },
    },
    thongKeCanBo: {
      summary: 'Thống kê số lượng, cơ cấu đội ngũ (loại, giới tính, trình độ, nhóm tuổi, ngạch, tình trạng) phục vụ quản lý, điều hành',
      summaryEn: 'Workforce statistics (category, sex, education, age group, rank, status)',
      method: 'GET',
      path: '/csdlcbccvc/1.0/thongKe',
      serves: [1],
      example: { query: { tinhTrang: 'DANG_CONG_TAC' } },
      handler: async (ctx) => {
        const { maCoQuan, tinhTrang } = ctx.input;
        const today = ctx.now().toISOString().slice(0, 10);
        const hs = (await tatCa(ctx)).filter((h) => (!maCoQuan || h.CoQuan.MaDinhDanh === maCoQuan) && (!tinhTrang || h.TinhTrang === tinhTrang));
        const tuoi = hs.map((h) => ageOn(dmyToIso(h.NgaySinh), today));
        return {
          PhamVi: maCoQuan ? coQuanTheoMa(maCoQuan)?.ten ?? maCoQuan : 'Tỉnh An Giang',
          TongSo: hs.length,
          TheoLoai: dem(hs, (h) => h.Loai, { CAN_BO: 'Cán bộ', CONG_CHUC: 'Công chức', VIEN_CHUC: 'Viên chức' }),
          TheoGioiTinh: dem(hs, (h) => h.GioiTinh, { '1': 'Nam', '2': 'Nữ' }),
          TheoTrinhDo: dem(hs, (h) => h.TrinhDoChuyenMon, { 'Tiến sĩ': 'Tiến sĩ', 'Thạc sĩ': 'Thạc sĩ', 'Đại học': 'Đại học', 'Cao đẳng': 'Cao đẳng', 'Trung cấp': 'Trung cấp' }),
          TheoNhomTuoi: dem(tuoi, nhomTuoi, NHOM_TUOI),
          TheoNgach: dem(hs, (h) => h.MaNgach, Object.fromEntries(Object.entries(NGACH).map(([k, v]) => [k, v.ten]))),
          TheoTinhTrang: dem(hs, (h) => h.TinhTrang, TINH_TRANG),
          TuoiBinhQuan: tuoi.length ? Math.round((tuoi.reduce((a, b) => a + b, 0) / tuoi.length) * 10) / 10 : 0,
        };
      },
    },
    dongBoHoSoCanBo: {
      summary: 'Đồng bộ hồ sơ cán bộ, công chức, viên chức của tỉnh lên CSDL quốc gia (một phiên bản mỗi lần; biên nhận, chống gửi trùng)',
      summaryEn: 'Push an official’s record (one version per call) to the national database; receipt, idempotent',
      method: 'POST',
      path: '/csdlcbccvc/1.0/dongBoHoSo',
      serves: [0],
      example: {
        body: {
          MaDonViGui: SO_NOI_VU,
          HoSo: {
            ...Object.fromEntries(
              ['MaCanBo', 'SoDinhDanh', 'HoVaTen', 'NgaySinh', 'GioiTinh', 'DanToc', 'TonGiao', 'QueQuan', 'NoiOHienNay', 'Loai', 'CoQuan', 'ChucVu', 'MaNgach',
                'TenNgach', 'BacLuong', 'HeSoLuong', 'NgayHuongBac', 'TrinhDoChuyenMon', 'ChuyenNganh', 'NgayTuyenDung', 'QuaTrinhCongTac', 'TinhTrang'].map((f) => [f, MAU(f)]),
            ),
            // The new version: political-theory training completed.
            LyLuanChinhTri: 'Trung cấp',
            PhienBan: 5,
            NgayCapNhat: '05/11/2025',
          },
        },
      },
      handler: dongBo,
    },
    traCuuBienNhan: {
      summary: 'Đọc lại một lần đồng bộ theo mã biên nhận (phiên bản, nội dung đã gửi, mã băm)',
      summaryEn: 'Read a push back by its receipt id',
      method: 'GET',
      path: '/csdlcbccvc/1.0/bienNhan',
      serves: [0],
      example: { query: { maBienNhan: '$seed:lichSuDongBo.0.MaBienNhan' } },
      handler: async (ctx) => {
        const ma = ctx.input.maBienNhan as string;
        return found((await pushByReceipt<HoSoCanBo>(ctx.records, DONG_BO, ma)) ?? indexes(ctx.seed).receiptById.get(ma), 'maBienNhan', ma);
      },
    },
  },
  scenarios: [
    {
      name: 'phien-ban-cu',
      description: 'CSDL quốc gia đã có phiên bản mới hơn (ví dụ Bộ Nội vụ cập nhật trực tiếp): đồng bộ bị từ chối 409 CONFLICT trên HoSo.PhienBan',
      descriptionEn: 'The national database already holds a newer version: the push is refused (409 on HoSo.PhienBan)',
      effect: { handled: true },
      operations: ['dongBoHoSoCanBo'],
      expect: { operation: 'dongBoHoSoCanBo', status: 409, body: { error: { code: 'CONFLICT', field: 'HoSo.PhienBan' } } },
    },
  ],
});
