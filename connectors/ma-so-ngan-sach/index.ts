import { createHash } from 'node:crypto';
import { defineConnector, reply, type DossierRecord, type OperationContext } from '../../src/core/connector.js';
import { NdxpError } from '../../src/core/errors.js';
import { formatDateDmy, formatTimestampCompact } from '../../src/core/identifiers.js';
import { defineLifecycle, type LifecycleDefinition } from '../../src/core/lifecycle.js';
import { addWorkingDays } from '../_shared/thoi-gian.js';
import { found, fromSeed, indexBy } from '../_shared/wire.js';
import {
  BTC_AGENCY, CO_QUAN_CAP, laDuAn, LOAI_HINH, LY_DO_TU_CHOI, maDvcqg, NOI_DUNG_BO_SUNG, SO_TAI_CHINH_AN_GIANG, tenTrangThai,
  THOI_HAN_NGAY_LAM_VIEC, TRANG_THAI, type LoaiHinh, type TrangThai,
} from './codes.js';

interface DiaChiDonVi {
  MaTinh: string;
  MaXa: string;
  DiaChiChiTiet: string;
}
/** The registration form (tờ khai) as the province sends it. */
interface YeuCauDangKy {
  MaHoSoTinh?: string;
  LoaiHinhDonVi: LoaiHinh;
  TenDonVi: string;
  MaSoDonViCapTren?: string;
  MaChuong: string;
  CapNganSach: 'Tỉnh' | 'Xã';
  DiaChi: DiaChiDonVi;
  DuAn?: Record<string, unknown>;
  [field: string]: unknown;
}
interface LichSuItem {
  TrangThai: string;
  TenTrangThai: string;
  ThoiGian: string;
  GhiChu?: string;
}
interface KetQuaCapMa {
  MaSoDVQHNS: string;
  NgayCap: string;
  CoQuanCap: string;
}
interface HoSoDaXuLy {
  MaHoSo: string;
  TrangThai: TrangThai;
  YeuCau: YeuCauDangKy;
  ThoiGianTiepNhan: string;
  NgayHenTra: string;
  LichSu: LichSuItem[];
  KetQua?: KetQuaCapMa;
  NoiDungYeuCauBoSung?: string;
  LyDoTuChoi?: string;
}
interface DonVi {
  MaSo: string;
  TenDonVi: string;
  LoaiHinhDonVi: LoaiHinh;
  MaChuong: string;
  CapNganSach: string;
  MaSoDonViCapTren?: string;
  DiaChi: DiaChiDonVi;
  NgayCap: string;
  TrangThai: string;
  NguoiDaiDien: { HoVaTen: string; ChucVu: string };
}
interface Seed {
  donViDaCapMa: DonVi[];
  hoSoDaXuLy: HoSoDaXuLy[];
}

/** What a live dossier keeps; a seeded open dossier adopted on the province's first move also keeps its earlier history. */
interface DuLieuHoSo {
  YeuCau: YeuCauDangKy;
  ThoiGianTiepNhan: string;
  NgayHenTra: string;
  LichSuTruoc?: LichSuItem[];
  NoiDungYeuCauBoSung?: string;
  LyDoRut?: string;
}

const indexes = fromSeed((seed: Seed) => ({
  hoSo: indexBy(seed.hoSoDaXuLy, (h) => h.MaHoSo),
  donVi: indexBy(seed.donViDaCapMa, (d) => d.MaSo),
}));

/** A code issued live: the kind's digit, then 500000–999999 from the dossier code (seeded codes stay below 500000). */
const maSoMoi = (maHoSo: string, loai: string) =>
  `${loai}${500_000 + (createHash('sha256').update(maHoSo).digest().readUInt32BE(0) % 500_000)}`;

const state = (s: TrangThai, terminal = false) => ({ label: TRANG_THAI[s].label, labelEn: TRANG_THAI[s].labelEn, ...(terminal ? { terminal } : {}) });

/**
 * Received → processing → code issued, over simulated minutes (the legal limit is 2 working days). Scenarios: `bo-sung`
 * asks for supplementary documents (the province answers with boSungHoSo), `tu-choi` refuses. The province may
 * withdraw an open dossier (rutHoSo).
 */
const lifecycleFrom = (initial: TrangThai): LifecycleDefinition<TrangThai> =>
  defineLifecycle<TrangThai>({
    statusField: 'TrangThai',
    initial,
    states: {
      DA_TIEP_NHAN: state('DA_TIEP_NHAN'),
      DANG_XU_LY: state('DANG_XU_LY'),
      YEU_CAU_BO_SUNG: state('YEU_CAU_BO_SUNG'),
      DA_BO_SUNG: state('DA_BO_SUNG'),
      DA_CAP_MA: state('DA_CAP_MA', true),
      TU_CHOI: state('TU_CHOI', true),
      DA_RUT: state('DA_RUT', true),
    },
    moves: {
      DA_TIEP_NHAN: ['DANG_XU_LY', 'TU_CHOI', 'DA_RUT'],
      DANG_XU_LY: ['DA_CAP_MA', 'YEU_CAU_BO_SUNG', 'TU_CHOI', 'DA_RUT'],
      YEU_CAU_BO_SUNG: ['DA_BO_SUNG', 'TU_CHOI', 'DA_RUT'],
      DA_BO_SUNG: ['DA_CAP_MA', 'TU_CHOI', 'DA_RUT'],
    },
    auto: {
      DA_TIEP_NHAN: { to: 'DANG_XU_LY', afterMs: 600_000 },
      DANG_XU_LY: { to: 'DA_CAP_MA', afterMs: 1_800_000 },
      DA_BO_SUNG: { to: 'DA_CAP_MA', afterMs: 1_200_000 },
    },
    scenarios: {
      'bo-sung': { DANG_XU_LY: { to: 'YEU_CAU_BO_SUNG', afterMs: 900_000 } },
      'tu-choi': { DANG_XU_LY: { to: 'TU_CHOI', afterMs: 900_000 } },
    },
    provinceMoves: ['DA_BO_SUNG', 'DA_RUT'],
    onEnter: {
      DA_CAP_MA: ({ maHoSo, data, at }) => ({
        MaSoDVQHNS: maSoMoi(maHoSo, (data as unknown as DuLieuHoSo).YeuCau.LoaiHinhDonVi),
        NgayCap: formatDateDmy(at),
        CoQuanCap: CO_QUAN_CAP,
      }),
      YEU_CAU_BO_SUNG: () => ({ NoiDungYeuCauBoSung: NOI_DUNG_BO_SUNG }),
      TU_CHOI: () => ({ LyDoTuChoi: LY_DO_TU_CHOI }),
    },
  });

/** Seeded dossiers still open in these states become live when the province first acts on them. */
const ADOPTABLE: TrangThai[] = ['DANG_XU_LY', 'YEU_CAU_BO_SUNG'];
const adoptLifecycle = (s: TrangThai) => `dvqhns-tu-${s}`;
const LIFECYCLES: Record<string, LifecycleDefinition> = {
  dvqhns: lifecycleFrom('DA_TIEP_NHAN'),
  ...Object.fromEntries(ADOPTABLE.map((s) => [adoptLifecycle(s), lifecycleFrom(s)])),
};

/** One view over a live dossier (Redis) or a seeded one. */
interface HoSoView {
  MaHoSo: string;
  status: string;
  du: DuLieuHoSo;
  LichSu: LichSuItem[];
  ketQua?: KetQuaCapMa;
  noiDungBoSung?: string;
  lyDoTuChoi?: string;
}

function fromDossier(d: DossierRecord): HoSoView {
  const du = d.data as unknown as DuLieuHoSo;
  const live = d.history.map((h) => ({
    TrangThai: h.to,
    TenTrangThai: tenTrangThai(h.to),
    ThoiGian: formatTimestampCompact(new Date(h.at)),
    ...(h.note ? { GhiChu: h.note } : {}),
  }));
  const r = (d.result ?? {}) as Partial<KetQuaCapMa> & { NoiDungYeuCauBoSung?: string; LyDoTuChoi?: string };
  return {
    MaHoSo: d.maHoSo,
    status: d.status,
    du,
    // An adopted dossier's first live entry repeats the last seeded one.
    LichSu: du.LichSuTruoc ? [...du.LichSuTruoc, ...live.slice(1)] : live,
    ...(d.status === 'DA_CAP_MA' && r.MaSoDVQHNS ? { ketQua: r as KetQuaCapMa } : {}),
    ...((r.NoiDungYeuCauBoSung ?? du.NoiDungYeuCauBoSung) ? { noiDungBoSung: r.NoiDungYeuCauBoSung ?? du.NoiDungYeuCauBoSung } : {}),
    ...(d.status === 'TU_CHOI' ? { lyDoTuChoi: r.LyDoTuChoi ?? LY_DO_TU_CHOI } : {}),
  };
}

const fromSeeded = (h: HoSoDaXuLy): HoSoView => ({
  MaHoSo: h.MaHoSo,
  status: h.TrangThai,
  du: h,
  LichSu: h.LichSu,
  ...(h.KetQua ? { ketQua: h.KetQua } : {}),
  ...(h.NoiDungYeuCauBoSung ? { noiDungBoSung: h.NoiDungYeuCauBoSung } : {}),
  ...(h.LyDoTuChoi ? { lyDoTuChoi: h.LyDoTuChoi } : {}),
});

async function findHoSo(ctx: OperationContext<Seed>, maHoSo: string): Promise<HoSoView> {
  const live = await ctx.dossiers.get(maHoSo);
  if (live) return fromDossier(live);
  return fromSeeded(found(indexes(ctx.seed).hoSo.get(maHoSo), 'maHoSo', maHoSo));
}

/** The live dossier for a province move; a seeded dossier still open is adopted first (it keeps its history). */
async function liveDossier(ctx: OperationContext<Seed>, maHoSo: string, to: TrangThai): Promise<string> {
  if (await ctx.dossiers.get(maHoSo)) return maHoSo;
  const h = found(indexes(ctx.seed).hoSo.get(maHoSo), 'MaHoSo', maHoSo);
  if (!ADOPTABLE.includes(h.TrangThai)) {
    throw new NdxpError('ILLEGAL_TRANSITION', {
      field: 'TrangThai',
      detailVi: `không thể chuyển từ ${h.TrangThai} (${tenTrangThai(h.TrangThai)}) sang ${to}`,
      detailEn: `cannot move from ${h.TrangThai} to ${to}`,
      details: { from: h.TrangThai, to, allowed: [] },
    });
  }
  const data: DuLieuHoSo = {
    YeuCau: h.YeuCau,
    ThoiGianTiepNhan: h.ThoiGianTiepNhan,
    NgayHenTra: h.NgayHenTra,
    LichSuTruoc: h.LichSu,
    ...(h.NoiDungYeuCauBoSung ? { NoiDungYeuCauBoSung: h.NoiDungYeuCauBoSung } : {}),
  };
  await ctx.dossiers.create({ lifecycle: adoptLifecycle(h.TrangThai), agencyCode: SO_TAI_CHINH_AN_GIANG, maHoSo, data: data as unknown as Record<string, unknown> });
  return maHoSo;
}

const trangThaiChung = (v: HoSoView) => ({
  MaHoSo: v.MaHoSo,
  TrangThai: v.status,
  TenTrangThai: tenTrangThai(v.status),
  MaTrangThaiDVCQG: maDvcqg(v.status),
  ThoiGianTiepNhan: v.du.ThoiGianTiepNhan,
  NgayHenTra: v.du.NgayHenTra,
});

const trangThaiDayDu = (v: HoSoView) => ({
  ...trangThaiChung(v),
  TenDonVi: v.du.YeuCau.TenDonVi,
  LoaiHinhDonVi: v.du.YeuCau.LoaiHinhDonVi,
  LichSu: v.LichSu,
  ...(v.ketQua ? { MaSoDVQHNS: v.ketQua.MaSoDVQHNS, NgayCap: v.ketQua.NgayCap } : {}),
  ...(v.noiDungBoSung ? { NoiDungYeuCauBoSung: v.noiDungBoSung } : {}),
  ...(v.lyDoTuChoi ? { LyDoTuChoi: v.lyDoTuChoi } : {}),
  ...(v.du.LyDoRut ? { LyDoRut: v.du.LyDoRut } : {}),
});

/** The unit as the register shows it (seeded register, or a code issued live through a dossier). */
const thongTinDonVi = (y: YeuCauDangKy) => ({
  TenDonVi: y.TenDonVi,
  LoaiHinhDonVi: y.LoaiHinhDonVi,
  TenLoaiHinh: LOAI_HINH[y.LoaiHinhDonVi],
  MaChuong: y.MaChuong,
  CapNganSach: y.CapNganSach,
  ...(y.MaSoDonViCapTren ? { MaSoDonViCapTren: y.MaSoDonViCapTren } : {}),
  DiaChi: y.DiaChi,
});

function checkProject(y: YeuCauDangKy): void {
  if (laDuAn(y.LoaiHinhDonVi) && !y.DuAn) {
    throw new NdxpError('VALIDATION_FAILED', { field: 'DuAn', detailVi: 'dự án đầu tư (loại 7, 8) phải khai thông tin dự án', detailEn: 'investment projects (kinds 7, 8) need DuAn' });
  }
  if (!laDuAn(y.LoaiHinhDonVi) && y.DuAn) {
    throw new NdxpError('VALIDATION_FAILED', { field: 'DuAn', detailVi: 'chỉ khai thông tin dự án cho loại hình 7, 8', detailEn: 'DuAn only for kinds 7 and 8' });
  }
}

export default defineConnector<Seed>({
  id: 'ma-so-ngan-sach',
  protocol: 'rest',
  agencyCode: BTC_AGENCY,
  seedSchemas: { donViDaCapMa: 'donViDaCapMa.record', hoSoDaXuLy: 'hoSoDaXuLy.record' },
  lifecycles: LIFECYCLES,
  operations: {
    // First: a read (the built-in scenarios call the first operation and expect 200).
    traCuuTrangThai: {
      summary: 'Tra cứu trạng thái xử lý hồ sơ cấp mã số đơn vị có quan hệ với ngân sách, lịch sử xử lý và mã trạng thái DVCQG',
      summaryEn: 'Processing status and history of a budget-unit code dossier, with the DVCQG status code',
      method: 'GET',
      path: '/msdvqhns/1.0/traCuuTrangThai',
      serves: [0],
      example: { query: { maHoSo: '$seed:hoSoDaXuLy.0.MaHoSo' } },
      handler: async (ctx) => trangThaiDayDu(await findHoSo(ctx, ctx.input.maHoSo)),
    },
    dangKyMaSo: {
      summary: 'Liên thông hồ sơ đăng ký mã số ĐVQHNS từ Hệ thống giải quyết TTHC của tỉnh (không nhập lại trên phần mềm của Bộ)',
      summaryEn: 'Forward a budget-unit code registration from the province TTHC system (no double entry)',
      method: 'POST',
      path: '/msdvqhns/1.0/dangKyMaSo',
      serves: [0],
      example: { body: '$seed:hoSoDaXuLy.0.YeuCau' },
      handler: async (ctx) => {
        const y = ctx.input as YeuCauDangKy;
        checkProject(y);
        if (y.MaHoSoTinh) {
          const existing = await ctx.dossiers.get(y.MaHoSoTinh);
          if (existing) {
            // The same dossier sent again is a safe retry; the same code for another unit is a conflict.
            if ((existing.data as unknown as DuLieuHoSo).YeuCau.TenDonVi !== y.TenDonVi) {
              throw new NdxpError('CONFLICT', {
                field: 'MaHoSoTinh',
                detailVi: `mã hồ sơ ${y.MaHoSoTinh} đã dùng cho đơn vị khác`,
                detailEn: `dossier code ${y.MaHoSoTinh} is already used for another unit`,
              });
            }
            return trangThaiChung(fromDossier(existing));
          }
        }
        const now = ctx.now();
        const data: DuLieuHoSo = {
          YeuCau: y,
          ThoiGianTiepNhan: formatTimestampCompact(now),
          NgayHenTra: formatDateDmy(addWorkingDays(now, THOI_HAN_NGAY_LAM_VIEC)),
        };
        const d = await ctx.dossiers.create({
          lifecycle: 'dvqhns',
          agencyCode: SO_TAI_CHINH_AN_GIANG,
          data: data as unknown as Record<string, unknown>,
          ...(y.MaHoSoTinh ? { maHoSo: y.MaHoSoTinh } : {}),
        });
        return reply(201, trangThaiChung(fromDossier(d)));
      },
    },
    boSungHoSo: {
      summary: 'Gửi tài liệu bổ sung cho hồ sơ đang ở trạng thái Yêu cầu bổ sung hồ sơ',
      summaryEn: 'Send supplementary documents for a dossier whose supplement was requested',
      method: 'POST',
      path: '/msdvqhns/1.0/boSungHoSo',
      serves: [0],
      example: {
        body: {
          MaHoSo: '$seed:hoSoDaXuLy.1.MaHoSo',
          TaiLieuBoSung: [{ TenTaiLieu: 'Bản sao có chứng thực Quyết định thành lập đơn vị', LoaiTaiLieu: 'quyet-dinh-thanh-lap' }],
          GhiChu: 'Bổ sung theo yêu cầu, kèm mã số đơn vị cấp trên',
        },
      },
      handler: async (ctx) => {
        const { MaHoSo, TaiLieuBoSung, GhiChu } = ctx.input;
        await liveDossier(ctx, MaHoSo, 'DA_BO_SUNG');
        const d = await ctx.dossiers.move(MaHoSo, 'DA_BO_SUNG', GhiChu, { TaiLieuBoSung });
        return trangThaiDayDu(fromDossier(d));
      },
    },
    rutHoSo: {
      summary: 'Đơn vị rút hồ sơ đăng ký mã số đang xử lý',
      summaryEn: 'Withdraw an open dossier',
      method: 'POST',
      path: '/msdvqhns/1.0/rutHoSo',
      serves: [0],
      example: { body: { MaHoSo: '$seed:hoSoDaXuLy.2.MaHoSo', LyDo: 'Đơn vị đề nghị rút hồ sơ để điều chỉnh tên theo quyết định mới' } },
      handler: async (ctx) => {
        const { MaHoSo, LyDo } = ctx.input;
        await liveDossier(ctx, MaHoSo, 'DA_RUT');
        return trangThaiDayDu(fromDossier(await ctx.dossiers.move(MaHoSo, 'DA_RUT', LyDo, { LyDoRut: LyDo })));
      },
    },
    layKetQua: {
      summary: 'Lấy kết quả: Giấy chứng nhận đăng ký mã số đơn vị có quan hệ với ngân sách (khi đã cấp mã)',
      summaryEn: 'The issued budget-unit code certificate',
      method: 'GET',
      path: '/msdvqhns/1.0/layKetQua',
      serves: [0],
      example: { query: { maHoSo: '$seed:hoSoDaXuLy.0.MaHoSo' } },
      handler: async (ctx) => {
        const v = await findHoSo(ctx, ctx.input.maHoSo);
        if (v.status === 'DA_CAP_MA' && v.ketQua) {
          return { MaHoSo: v.MaHoSo, MaSoDVQHNS: v.ketQua.MaSoDVQHNS, ...thongTinDonVi(v.du.YeuCau), NgayCap: v.ketQua.NgayCap, CoQuanCap: v.ketQua.CoQuanCap };
        }
        throw new NdxpError('CONFLICT', {
          field: 'maHoSo',
          detailVi: `chưa có kết quả: hồ sơ đang ở trạng thái ${v.status} (${tenTrangThai(v.status)}), hẹn trả ${v.du.NgayHenTra}`,
          detailEn: `no result: the dossier is in ${v.status}`,
          details: { TrangThai: v.status, NgayHenTra: v.du.NgayHenTra },
        });
      },
    },
    traCuuMaSo: {
      summary: 'Tra cứu đơn vị theo mã số ĐVQHNS đã cấp (kể cả mã vừa cấp qua liên thông)',
      summaryEn: 'Look an issued budget-unit code up (including codes just issued through forwarded dossiers)',
      method: 'GET',
      path: '/msdvqhns/1.0/traCuuMaSo',
      serves: [0],
      example: { query: { maSo: '$seed:donViDaCapMa.0.MaSo' } },
      handler: async (ctx) => {
        const maSo: string = ctx.input.maSo;
        const seeded = indexes(ctx.seed).donVi.get(maSo);
        if (seeded) {
          // The head of the unit is in the register but not in the public lookup.
          const { NguoiDaiDien: _head, ...donVi } = seeded;
          return { ...donVi, TenLoaiHinh: LOAI_HINH[seeded.LoaiHinhDonVi] };
        }
        // Codes issued live live in the province's dossiers (the newest 1000 are searched).
        const { items } = await ctx.dossiers.list(0, 1000);
        const d = found(items.find((x) => x.status === 'DA_CAP_MA' && x.result?.MaSoDVQHNS === maSo), 'maSo', maSo);
        const y = (d.data as unknown as DuLieuHoSo).YeuCau;
        return { MaSo: maSo, ...thongTinDonVi(y), NgayCap: String(d.result!.NgayCap), TrangThai: 'Đang hoạt động', MaHoSo: d.maHoSo };
      },
    },
    danhSachHoSo: {
      summary: 'Danh sách hồ sơ liên thông của tỉnh, mới nhất trước, kèm trạng thái (để đồng bộ, tránh nhập hai lần)',
      summaryEn: 'The province’s forwarded dossiers, newest first, with their status (for sync)',
      method: 'GET',
      path: '/msdvqhns/1.0/danhSachHoSo',
      serves: [0],
      example: { query: { soBanGhi: '20' } },
      handler: async (ctx) => {
        const trang = ctx.input.trang ?? 1;
        const soBanGhi = ctx.input.soBanGhi ?? 20;
        const { total, items } = await ctx.dossiers.list((trang - 1) * soBanGhi, soBanGhi);
        return {
          TongSo: total,
          Trang: trang,
          SoBanGhi: soBanGhi,
          DanhSach: items.map((d) => {
            const v = fromDossier(d);
            return { ...trangThaiChung(v), TenDonVi: v.du.YeuCau.TenDonVi, CapNhatLuc: formatTimestampCompact(new Date(d.updatedAt)) };
          }),
        };
      },
    },
  },
  scenarios: [
    {
      name: 'bo-sung',
      description: 'Sở Tài chính yêu cầu bổ sung hồ sơ khi đang xử lý: hồ sơ dừng ở YEU_CAU_BO_SUNG đến khi tỉnh gửi boSungHoSo',
      descriptionEn: 'Supplementary documents requested during processing; the dossier waits for boSungHoSo',
      effect: { handled: true },
      operations: ['dangKyMaSo'],
      expect: {
        operation: 'dangKyMaSo',
        status: 201,
        then: { operation: 'traCuuTrangThai', input: (b) => ({ maHoSo: b.MaHoSo }), body: { TrangThai: 'YEU_CAU_BO_SUNG', MaTrangThaiDVCQG: '5' }, withinMs: 5000 },
      },
    },
    {
      name: 'tu-choi',
      description: 'Từ chối cấp mã số khi đang xử lý (đơn vị đã có mã), kèm lý do',
      descriptionEn: 'Refused during processing (the unit already has a code), with a reason',
      effect: { handled: true },
      operations: ['dangKyMaSo'],
      expect: {
        operation: 'dangKyMaSo',
        status: 201,
        then: { operation: 'traCuuTrangThai', input: (b) => ({ maHoSo: b.MaHoSo }), body: { TrangThai: 'TU_CHOI', MaTrangThaiDVCQG: '8' }, withinMs: 5000 },
      },
    },
  ],
});
