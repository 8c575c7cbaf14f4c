import { defineConnector, reply, type DossierRecord, type OperationContext } from '../../src/core/connector.js';
import { NdxpError } from '../../src/core/errors.js';
import { formatDateDmy, formatTimestampCompact, parseCccd } from '../../src/core/identifiers.js';
import { defineLifecycle } from '../../src/core/lifecycle.js';
import { fromSeed, indexBy } from '../_shared/wire.js';
import {
  addWorkingDays, DEC_STATUS, lePhi, LLTP_CENTRAL_AGENCY, LY_DO_TU_CHOI, SO_TU_PHAP_AN_GIANG, tenTrangThai,
  THOI_HAN_NGAY_LAM_VIEC, type DecStatus,
} from './codes.js';
import { buildKetQua, type AnTich, type KetQuaCapPhieu, type YeuCauCapPhieu } from './phieu.js';

interface LichSuItem {
  DEC_STATUS: string;
  TenTrangThai: string;
  ThoiGian: string;
}
interface PhieuDaCap {
  MaHoSo: string;
  DEC_STATUS: '5';
  YeuCau: YeuCauCapPhieu;
  ThoiGianTiepNhan: string;
  NgayHenTra: string;
  LePhi: number;
  LichSu: LichSuItem[];
  KetQua: KetQuaCapPhieu;
}
interface Seed {
  phieuDaCap: PhieuDaCap[];
  anTich: Array<{ SoDinhDanh: string; HoVaTen: string; DanhSachAnTich: AnTich[] }>;
}

/** What a live dossier keeps in its data (everything the central side needs to issue the certificate later). */
interface DuLieuHoSo {
  YeuCau: YeuCauCapPhieu;
  /** The applicant's convictions, read from the criminal-record database at receipt. */
  AnTich: AnTich[];
  ThoiGianTiepNhan: string;
  NgayHenTra: string;
  LePhi: number;
}

const indexes = fromSeed((seed: Seed) => ({
  byMaHoSo: indexBy(seed.phieuDaCap, (p) => p.MaHoSo),
  anTich: indexBy(seed.anTich, (a) => a.SoDinhDanh),
}));

/**
 * The central processing of a request: received (3) → processing (4) → issued (5), or refused (7). Durations are
 * simulated (divided by CLOCK_FACTOR). Scenario `reject` refuses during processing, `stall` never finishes.
 */
export const lltpLifecycle = defineLifecycle<DecStatus>({
  statusField: 'DEC_STATUS',
  initial: '3',
  states: {
    '3': { label: DEC_STATUS['3'].label, labelEn: DEC_STATUS['3'].labelEn },
    '4': { label: DEC_STATUS['4'].label, labelEn: DEC_STATUS['4'].labelEn },
    '5': { label: DEC_STATUS['5'].label, labelEn: DEC_STATUS['5'].labelEn, terminal: true },
    '7': { label: DEC_STATUS['7'].label, labelEn: DEC_STATUS['7'].labelEn, terminal: true },
  },
  moves: { '3': ['4', '7'], '4': ['5', '7'] },
  auto: { '3': { to: '4', afterMs: 120_000 }, '4': { to: '5', afterMs: 600_000 } },
  scenarios: {
    reject: { '4': { to: '7', afterMs: 300_000 } },
    stall: { '4': null },
  },
  onEnter: {
    '5': ({ maHoSo, data, at }) => {
      const d = data as unknown as DuLieuHoSo;
      return { ...buildKetQua({ maHoSo, yeuCau: d.YeuCau, anTich: d.AnTich ?? [], at }) };
    },
    '7': ({ at }) => ({ LyDoTuChoi: LY_DO_TU_CHOI, ThoiGianTuChoi: formatTimestampCompact(at) }),
  },
});

/** One view over a live dossier (Redis) or a seeded historical one. */
interface HoSoView {
  MaHoSo: string;
  status: string;
  du: Pick<DuLieuHoSo, 'YeuCau' | 'ThoiGianTiepNhan' | 'NgayHenTra' | 'LePhi'>;
  LichSu: LichSuItem[];
  ketQua?: KetQuaCapPhieu;
  lyDoTuChoi?: string;
}

function fromDossier(d: DossierRecord): HoSoView {
  const du = d.data as unknown as DuLieuHoSo;
  return {
    MaHoSo: d.maHoSo,
    status: d.status,
    du,
    LichSu: d.history.map((h) => ({ DEC_STATUS: h.to, TenTrangThai: tenTrangThai(h.to), ThoiGian: formatTimestampCompact(new Date(h.at)) })),
    ...(d.status === '5' && d.result ? { ketQua: d.result as unknown as KetQuaCapPhieu } : {}),
    ...(d.status === '7' ? { lyDoTuChoi: String(d.result?.LyDoTuChoi ?? LY_DO_TU_CHOI) } : {}),
  };
}

/** A live dossier of the caller's province first, then the seeded history; else RECORD_NOT_FOUND. */
async function findHoSo(ctx: OperationContext<Seed>, maHoSo: string): Promise<HoSoView> {
  const live = await ctx.dossiers.get(maHoSo);
  if (live) return fromDossier(live);
  const p = indexes(ctx.seed).byMaHoSo.get(maHoSo);
  if (!p) throw new NdxpError('RECORD_NOT_FOUND', { field: 'maHoSo', detailVi: `maHoSo=${maHoSo}`, detailEn: `maHoSo=${maHoSo}` });
  return { MaHoSo: p.MaHoSo, status: p.DEC_STATUS, du: p, LichSu: p.LichSu, ketQua: p.KetQua };
}

const bienNhan = (v: HoSoView) => ({
  MaHoSo: v.MaHoSo,
  DEC_STATUS: v.status,
  TenTrangThai: tenTrangThai(v.status),
  ThoiGianTiepNhan: v.du.ThoiGianTiepNhan,
  NgayHenTra: v.du.NgayHenTra,
  LePhi: v.du.LePhi,
});

/** The CCCD encodes the year of birth and the sex: a request whose NgaySinh/GioiTinh contradict it is refused. */
function checkIdentity(y: YeuCauCapPhieu): void {
  const n = y.NguoiYeuCau;
  const parts = parseCccd(n.SoDinhDanh)!;
  if (parts.birthYear !== Number(n.NgaySinh.slice(6, 10))) {
    throw new NdxpError('VALIDATION_FAILED', {
      field: 'NguoiYeuCau.NgaySinh',
      detailVi: `năm sinh ${n.NgaySinh.slice(6, 10)} không khớp số định danh (mã năm sinh ${parts.birthYear})`,
      detailEn: `year of birth ${n.NgaySinh.slice(6, 10)} contradicts the ID number (${parts.birthYear})`,
    });
  }
  if ((parts.sex === 'nam' ? '1' : '2') !== n.GioiTinh) {
    throw new NdxpError('VALIDATION_FAILED', {
      field: 'NguoiYeuCau.GioiTinh',
      detailVi: 'giới tính không khớp số định danh',
      detailEn: 'sex contradicts the ID number',
    });
  }
}

export default defineConnector<Seed>({
  id: 'ly-lich-tu-phap',
  protocol: 'rest',
  agencyCode: LLTP_CENTRAL_AGENCY,
  seedSchemas: { phieuDaCap: 'phieuDaCap.record', anTich: 'anTich.record' },
  lifecycles: { lltp: lltpLifecycle },
  operations: {
    // First operation: the built-in scenarios (slow, malformed…) call it and expect 200, so a read comes first.
    traCuuTrangThai: {
      summary: 'Tra cứu trạng thái xử lý hồ sơ cấp phiếu lý lịch tư pháp (DEC_STATUS) và lịch sử xử lý',
      summaryEn: 'Processing status (DEC_STATUS) and history of a criminal-record certificate request',
      method: 'GET',
      path: '/lltp/1.0/traCuuTrangThai',
      serves: [1],
      example: { query: { maHoSo: '$seed:phieuDaCap.0.MaHoSo' } },
      handler: async (ctx) => {
        const v = await findHoSo(ctx, ctx.input.maHoSo);
        return {
          MaHoSo: v.MaHoSo,
          DEC_STATUS: v.status,
          TenTrangThai: tenTrangThai(v.status),
          LoaiPhieu: v.du.YeuCau.LoaiPhieu,
          ThoiGianTiepNhan: v.du.ThoiGianTiepNhan,
          NgayHenTra: v.du.NgayHenTra,
          LichSu: v.LichSu,
          ...(v.ketQua ? { SoPhieu: v.ketQua.SoPhieu, NgayCap: v.ketQua.NgayCap } : {}),
          ...(v.lyDoTuChoi ? { LyDoTuChoi: v.lyDoTuChoi } : {}),
        };
      },
    },
    nopHoSoLLTP: {
      summary: 'Liên thông hồ sơ yêu cầu cấp phiếu lý lịch tư pháp từ Hệ thống giải quyết TTHC của tỉnh',
      summaryEn: 'Submit a criminal-record certificate request from the province’s TTHC system',
      method: 'POST',
      path: '/lltp/1.0/nopHoSoLLTP',
      serves: [0],
      example: {
        body: {
          LoaiPhieu: '1',
          MucDichSuDung: 'Bổ sung hồ sơ xin việc',
          NguoiYeuCau: '$seed:phieuDaCap.0.YeuCau.NguoiYeuCau',
          SoLuongBanSao: 1,
          HinhThucNhan: '1',
        },
      },
      handler: async (ctx) => {
        const yeuCau = ctx.input as YeuCauCapPhieu;
        checkIdentity(yeuCau);
        if (yeuCau.MaHoSoTinh) {
          // Liên thông keeps the province's dossier code; sending the same dossier again is an idempotent retry.
          const existing = await ctx.dossiers.get(yeuCau.MaHoSoTinh);
          if (existing) {
            const same = (existing.data as unknown as DuLieuHoSo).YeuCau?.NguoiYeuCau?.SoDinhDanh === yeuCau.NguoiYeuCau.SoDinhDanh;
            if (!same) {
              throw new NdxpError('CONFLICT', {
                field: 'MaHoSoTinh',
                detailVi: `mã hồ sơ ${yeuCau.MaHoSoTinh} đã được dùng cho người yêu cầu khác`,
                detailEn: `dossier code ${yeuCau.MaHoSoTinh} is already used for another applicant`,
              });
            }
            return bienNhan(fromDossier(existing));
          }
        }
        const now = ctx.now();
        const data: DuLieuHoSo = {
          YeuCau: yeuCau,
          AnTich: indexes(ctx.seed).anTich.get(yeuCau.NguoiYeuCau.SoDinhDanh)?.DanhSachAnTich ?? [],
          ThoiGianTiepNhan: formatTimestampCompact(now),
          NgayHenTra: formatDateDmy(addWorkingDays(now, THOI_HAN_NGAY_LAM_VIEC)),
          LePhi: lePhi(yeuCau.SoLuongBanSao),
        };
        const d = await ctx.dossiers.create({
          lifecycle: 'lltp',
          agencyCode: SO_TU_PHAP_AN_GIANG,
          data: data as unknown as Record<string, unknown>,
          ...(yeuCau.MaHoSoTinh ? { maHoSo: yeuCau.MaHoSoTinh } : {}),
        });
        return reply(201, bienNhan(fromDossier(d)));
      },
    },
    layKetQua: {
      summary: 'Lấy kết quả giải quyết: phiếu lý lịch tư pháp đã cấp (nội dung và tệp kết quả)',
      summaryEn: 'Fetch the issued criminal-record certificate (content and result file)',
      method: 'GET',
      path: '/lltp/1.0/layKetQua',
      serves: [1],
      example: { query: { maHoSo: '$seed:phieuDaCap.0.MaHoSo' } },
      handler: async (ctx) => {
        const v = await findHoSo(ctx, ctx.input.maHoSo);
        if (v.status === '5' && v.ketQua) return { MaHoSo: v.MaHoSo, DEC_STATUS: '5', ...v.ketQua };
        const tuChoi = v.status === '7';
        throw new NdxpError('CONFLICT', {
          field: 'maHoSo',
          detailVi: tuChoi
            ? `hồ sơ bị từ chối cấp phiếu, không có kết quả: ${v.lyDoTuChoi}`
            : `chưa có kết quả, hồ sơ đang ở trạng thái ${v.status} (${tenTrangThai(v.status)}), hẹn trả ${v.du.NgayHenTra}`,
          detailEn: tuChoi
            ? 'the request was refused, there is no certificate'
            : `no result yet: the dossier is in DEC_STATUS ${v.status}, due ${v.du.NgayHenTra}`,
          details: { DEC_STATUS: v.status, NgayHenTra: v.du.NgayHenTra, ...(tuChoi ? { LyDoTuChoi: v.lyDoTuChoi } : {}) },
        });
      },
    },
  },
  scenarios: [
    {
      name: 'reject',
      description: 'Bộ Tư pháp từ chối cấp phiếu khi đang xử lý: hồ sơ đi 3 → 4 → 7, kèm lý do từ chối',
      descriptionEn: 'The ministry refuses during processing: the dossier goes 3 → 4 → 7 with a reason',
      effect: { handled: true },
      operations: ['nopHoSoLLTP'],
      expect: {
        operation: 'nopHoSoLLTP',
        status: 201,
        then: { operation: 'traCuuTrangThai', input: (b) => ({ maHoSo: b.MaHoSo }), body: { DEC_STATUS: '7' }, withinMs: 5000 },
      },
    },
    {
      name: 'stall',
      description: 'Hồ sơ bị treo ở trạng thái Đang xử lý (4), không bao giờ có kết quả (để kiểm thử cảnh báo quá hạn)',
      descriptionEn: 'The dossier stalls in processing (4) and never completes (to test overdue alerts)',
      effect: { handled: true },
      operations: ['nopHoSoLLTP'],
      expect: {
        operation: 'nopHoSoLLTP',
        status: 201,
        then: { operation: 'traCuuTrangThai', input: (b) => ({ maHoSo: b.MaHoSo }), body: { DEC_STATUS: '4' }, withinMs: 5000 },
      },
    },
  ],
});
