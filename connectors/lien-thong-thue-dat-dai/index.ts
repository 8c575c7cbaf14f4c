import { defineConnector, reply, type DossierRecord, type OperationContext } from '../../src/core/connector.js';
import { NdxpError } from '../../src/core/errors.js';
import { formatDateDmy, formatTimestampCompact } from '../../src/core/identifiers.js';
import { defineLifecycle } from '../../src/core/lifecycle.js';
import { communeOf } from '../_shared/communes.js';
import {
  changedSince, chuaCoKetQua, closedDossierMove, existingByProvinceCode, findDossier, invalidField, lichSuOf, statesOf,
  type FoundDossier, type LichSuXuLy,
} from '../_shared/dossier-view.js';
import { dmyToIso, fromSeed, indexBy, paginate } from '../_shared/wire.js';
import { coQuanThue, LY_DO_TRA_HO_SO, tenTrangThai, TNMT_CENTRAL_AGENCY, TRANG_THAI, VPDKDD_AN_GIANG, type TrangThai } from './codes.js';
import {
  buildKetQua, buildThongBao, chungTuTuKhoBac, tenThuTuc, type BoThongBao, type ChungTuNopTien, type KetQuaDat,
  type PhieuChuyen,
} from './nghia-vu.js';

/** A dossier as every operation sees it: a live one (Redis) is turned into the same shape as a seeded one. */
interface HoSo {
  MaHoSo: string;
  TrangThai: TrangThai;
  PhieuChuyen: PhieuChuyen;
  ThoiGianGui: string;
  CoQuanThue: string;
  LichSu: LichSuXuLy[];
  ThongBaoThue?: BoThongBao;
  ChungTuNopTien?: ChungTuNopTien[];
  NgayHoanThanhNghiaVu?: string;
  KetQua?: KetQuaDat;
  LyDoTraHoSo?: string;
  LyDoRut?: string;
}
interface Seed {
  hoSoLienThong: HoSo[];
}
/** What a live dossier keeps in its data; the documents of each step go to its result (onEnter below). */
interface DuLieuHoSo {
  PhieuChuyen: PhieuChuyen;
  ThoiGianGui: string;
  CoQuanThue: string;
  /** Slips the province sent (xacNhanNopTien); absent when the applicant paid online and the treasury reported it. */
  ChungTuNopTien?: ChungTuNopTien[];
  LyDoRut?: string;
}

const indexes = fromSeed((seed: Seed) => ({ byMaHoSo: indexBy(seed.hoSoLienThong, (h) => h.MaHoSo) }));

const phieuOf = (data: Record<string, unknown>) => (data as unknown as DuLieuHoSo).PhieuChuyen;

/**
 * Land registry office → tax office → (payment) → land registry office. Simulated durations: the tax office receives
 * in 5 min and issues the notice 20 min later; the applicant pays online 30 min after (the treasury reports the
 * slip), reconciliation takes 10 min and the registry updates the certificate in 30 min. `cho-nop-tien` waits for
 * the payment (the province records it with xacNhanNopTien); `tra-ho-so` has the tax office return the dossier.
 */
export const lienThongLifecycle = defineLifecycle<TrangThai>({
  statusField: 'TrangThai',
  initial: '01',
  states: statesOf(TRANG_THAI, ['03', '07', '08']),
  moves: { '01': ['02', '08'], '02': ['03', '04', '08'], '04': ['05', '08'], '05': ['06'], '06': ['07'] },
  auto: {
    '01': { to: '02', afterMs: 300_000 },
    '02': { to: '04', afterMs: 1_200_000 },
    '04': { to: '05', afterMs: 1_800_000 },
    '05': { to: '06', afterMs: 600_000 },
    '06': { to: '07', afterMs: 1_800_000 },
  },
  scenarios: {
    'cho-nop-tien': { '04': null },
    'tra-ho-so': { '02': { to: '03', afterMs: 600_000 } },
  },
  provinceMoves: ['05', '08'],
  onEnter: {
    '03': ({ maHoSo }) => ({ LyDoTraHoSo: LY_DO_TRA_HO_SO[Number(maHoSo.slice(-1)) % LY_DO_TRA_HO_SO.length] }),
    '04': ({ maHoSo, data, at }) => ({ ThongBaoThue: buildThongBao(maHoSo, phieuOf(data), at) }),
    '05': ({ maHoSo, data, at }) => ({
      ChungTuNopTien: (data as unknown as DuLieuHoSo).ChungTuNopTien ?? chungTuTuKhoBac(maHoSo, phieuOf(data), at),
    }),
    '06': ({ at }) => ({ NgayHoanThanhNghiaVu: formatDateDmy(at) }),
    '07': ({ maHoSo, data, at }) => ({ KetQua: buildKetQua(maHoSo, phieuOf(data), at) }),
  },
});

function fromLive(d: DossierRecord): HoSo {
  const du = d.data as unknown as DuLieuHoSo;
  const r = (d.result ?? {}) as Partial<HoSo>;
  return {
    MaHoSo: d.maHoSo,
    TrangThai: d.status as TrangThai,
    PhieuChuyen: du.PhieuChuyen,
    ThoiGianGui: du.ThoiGianGui,
    CoQuanThue: du.CoQuanThue,
    LichSu: lichSuOf(d, tenTrangThai),
    ...(r.ThongBaoThue ? { ThongBaoThue: r.ThongBaoThue } : {}),
    ...(r.ChungTuNopTien ? { ChungTuNopTien: r.ChungTuNopTien } : {}),
    ...(r.NgayHoanThanhNghiaVu ? { NgayHoanThanhNghiaVu: r.NgayHoanThanhNghiaVu } : {}),
    ...(r.KetQua ? { KetQua: r.KetQua } : {}),
    ...(r.LyDoTraHoSo ? { LyDoTraHoSo: r.LyDoTraHoSo } : {}),
    ...(du.LyDoRut ? { LyDoRut: du.LyDoRut } : {}),
  };
}

const view = (f: FoundDossier<HoSo>): HoSo => (f.live ? fromLive(f.live) : f.seeded);

async function findHoSo(ctx: OperationContext<Seed>, maHoSo: string, field = 'maHoSo') {
  const found = await findDossier(ctx, maHoSo, indexes(ctx.seed).byMaHoSo, field);
  return { found, hoSo: view(found) };
}

const trangThai = (h: HoSo) => ({ TrangThai: h.TrangThai, TenTrangThai: tenTrangThai(h.TrangThai) });
const maHoSoTinh = (h: HoSo) => (h.PhieuChuyen.MaHoSoTinh ? { MaHoSoTinh: h.PhieuChuyen.MaHoSoTinh } : {});
const closedReason = (h: HoSo) => h.LyDoTraHoSo ?? h.LyDoRut;

const bienNhan = (h: HoSo) => ({ MaHoSo: h.MaHoSo, ...maHoSoTinh(h), ...trangThai(h), ThoiGianGui: h.ThoiGianGui, CoQuanThue: h.CoQuanThue });


/** Parts each procedure needs (transfers: both parties, the tie, the contract, the old certificate) or must not have. */
const CAN_CO: Record<PhieuChuyen['LoaiThuTuc'], { can: Array<keyof PhieuChuyen>; khong: Array<keyof PhieuChuyen> }> = {
  CHUYEN_NHUONG: { can: ['BenChuyenQuyen', 'QuanHeGiaDinh', 'HopDong', 'GiayChungNhanDaCap', 'GiaChuyenNhuong'], khong: [] },
  TANG_CHO: { can: ['BenChuyenQuyen', 'QuanHeGiaDinh', 'HopDong', 'GiayChungNhanDaCap'], khong: ['GiaChuyenNhuong'] },
  THUA_KE: { can: ['BenChuyenQuyen', 'QuanHeGiaDinh', 'HopDong', 'GiayChungNhanDaCap'], khong: ['GiaChuyenNhuong'] },
  CAP_LAN_DAU: { can: [], khong: ['BenChuyenQuyen', 'QuanHeGiaDinh', 'HopDong', 'GiayChungNhanDaCap', 'GiaChuyenNhuong'] },
};

/** Rules the schema cannot say: parts by procedure, the parcel lies in the province, the parties differ, no post-dating. */
function checkPhieu(p: PhieuChuyen, now: Date): void {
  const rule = CAN_CO[p.LoaiThuTuc];
  const missing = rule.can.find((k) => p[k] === undefined);
  if (missing) throw invalidField(missing, `thủ tục ${p.LoaiThuTuc} phải có trường này`, `required for ${p.LoaiThuTuc}`);
  const extra = rule.khong.find((k) => p[k] !== undefined);
  if (extra) throw invalidField(extra, `thủ tục ${p.LoaiThuTuc} không có trường này`, `not allowed for ${p.LoaiThuTuc}`);
  if (!communeOf(p.ThuaDat.MaXa)) {
    throw invalidField('ThuaDat.MaXa', `mã xã ${p.ThuaDat.MaXa} không thuộc tỉnh An Giang`, `commune ${p.ThuaDat.MaXa} is not in An Giang`);
  }
  if (p.BenChuyenQuyen && p.BenChuyenQuyen.SoDinhDanh === p.BenNhanQuyen.SoDinhDanh) {
    throw invalidField('BenNhanQuyen.SoDinhDanh', 'bên nhận trùng bên chuyển quyền', 'the receiving party equals the transferring party');
  }
  if (dmyToIso(p.NgayLapPhieu) > now.toISOString().slice(0, 10)) {
    throw invalidField('NgayLapPhieu', 'ngày lập phiếu sau ngày hiện tại', 'the slip is dated in the future');
  }
}

/** Every notice with an amount due has exactly one slip of that amount; no slip for anything else. */
function checkChungTu(tb: BoThongBao, list: ChungTuNopTien[]): void {
  const due = new Map(tb.DanhSachThongBao.map((t) => [t.SoThongBao, t]));
  list.forEach((c, i) => {
    const t = due.get(c.SoThongBao);
    if (!t || t.SoTienPhaiNop === 0) {
      throw invalidField(`DanhSachChungTu[${i}].SoThongBao`, `không có thông báo phải nộp số ${c.SoThongBao}`, `no payable notice ${c.SoThongBao}`);
    }
    if (c.SoTien !== t.SoTienPhaiNop) {
      throw invalidField(`DanhSachChungTu[${i}].SoTien`, `số tiền ${c.SoTien} khác số phải nộp ${t.SoTienPhaiNop}`, `amount ${c.SoTien} differs from ${t.SoTienPhaiNop} due`);
    }
    if (dmyToIso(c.NgayNop) < dmyToIso(tb.NgayThongBao)) {
      throw invalidField(`DanhSachChungTu[${i}].NgayNop`, 'ngày nộp trước ngày thông báo', 'paid before the notice date');
    }
  });
  for (const t of tb.DanhSachThongBao) {
    if (t.SoTienPhaiNop > 0 && list.filter((c) => c.SoThongBao === t.SoThongBao).length !== 1) {
      throw invalidField('DanhSachChungTu', `cần đúng một chứng từ cho thông báo ${t.SoThongBao}`, `exactly one slip is needed for notice ${t.SoThongBao}`);
    }
  }
}

const sameSlips = (a: ChungTuNopTien[], b: ChungTuNopTien[]) =>
  a.map((c) => c.SoChungTu).sort().join() === b.map((c) => c.SoChungTu).sort().join();

export default defineConnector<Seed>({
  id: 'lien-thong-thue-dat-dai',
  protocol: 'rest',
  agencyCode: TNMT_CENTRAL_AGENCY,
  seedSchemas: { hoSoLienThong: 'hoSoLienThong.record' },
  lifecycles: { lienThong: lienThongLifecycle },
  operations: {
    // First operation: the built-in scenarios call it and expect 200, so a read comes first.
    traCuuTrangThaiHoSo: {
      summary: 'Tra cứu trạng thái hồ sơ liên thông giữa Văn phòng Đăng ký đất đai và cơ quan thuế, kèm lịch sử xử lý',
      summaryEn: 'Status and history of a land dossier exchanged between the land registry office and the tax office',
      method: 'GET',
      path: '/apiLienThongTNMTThue/1.0/traCuuTrangThaiHoSo',
      serves: [0],
      example: { query: { maHoSo: '$seed:hoSoLienThong.0.MaHoSo' } },
      handler: async (ctx) => {
        const { hoSo: h } = await findHoSo(ctx, ctx.input.maHoSo);
        return {
          MaHoSo: h.MaHoSo,
          ...maHoSoTinh(h),
          LoaiThuTuc: h.PhieuChuyen.LoaiThuTuc,
          TenThuTuc: tenThuTuc(h.PhieuChuyen),
          ...trangThai(h),
          ThoiGianGui: h.ThoiGianGui,
          CoQuanThue: h.CoQuanThue,
          NguoiSuDungDat: { HoVaTen: h.PhieuChuyen.BenNhanQuyen.HoVaTen, SoDinhDanh: h.PhieuChuyen.BenNhanQuyen.SoDinhDanh },
          ...(h.ThongBaoThue ? { TongSoTienPhaiNop: h.ThongBaoThue.TongSoTienPhaiNop, HanNop: h.ThongBaoThue.HanNop } : {}),
          ...(h.LyDoTraHoSo ? { LyDoTraHoSo: h.LyDoTraHoSo } : {}),
          ...(h.LyDoRut ? { LyDoRut: h.LyDoRut } : {}),
          LichSu: h.LichSu,
        };
      },
    },
    guiPhieuChuyenThongTin: {
      summary: 'Gửi phiếu chuyển thông tin để xác định nghĩa vụ tài chính về đất đai sang cơ quan thuế (liên thông hồ sơ)',
      summaryEn: 'Send the transfer slip that fixes the land-related financial obligations to the tax office',
      method: 'POST',
      path: '/apiLienThongTNMTThue/1.0/guiPhieuChuyenThongTin',
      serves: [0],
      example: { body: '$seed:hoSoLienThong.0.PhieuChuyen' },
      handler: async (ctx) => {
        const p = ctx.input as PhieuChuyen;
        checkPhieu(p, ctx.now());
        const same = (d: DossierRecord) => phieuOf(d.data).BenNhanQuyen.SoDinhDanh === p.BenNhanQuyen.SoDinhDanh;
        const existing = await existingByProvinceCode(ctx, p.MaHoSoTinh, same);
        if (existing) return bienNhan(fromLive(existing));
        const data: DuLieuHoSo = { PhieuChuyen: p, ThoiGianGui: formatTimestampCompact(ctx.now()), CoQuanThue: coQuanThue(p.ThuaDat.MaXa) };
        const d = await ctx.dossiers.create({
          lifecycle: 'lienThong',
          agencyCode: VPDKDD_AN_GIANG,
          data: data as unknown as Record<string, unknown>,
          ...(p.MaHoSoTinh ? { maHoSo: p.MaHoSoTinh } : {}),
        });
        return reply(201, bienNhan(fromLive(d)));
      },
    },
    traCuuThongBaoThue: {
      summary: 'Tra cứu thông báo nộp tiền của cơ quan thuế (lệ phí trước bạ, thuế TNCN: số thông báo, số tiền, hạn nộp) và tình trạng nộp',
      summaryEn: 'The tax notices of a dossier (registration fee, personal income tax: number, amount, deadline) and payment status',
      method: 'GET',
      path: '/apiLienThongTNMTThue/1.0/traCuuThongBaoThue',
      serves: [0],
      example: { query: { maHoSo: '$seed:hoSoLienThong.0.MaHoSo' } },
      handler: async (ctx) => {
        const { hoSo: h } = await findHoSo(ctx, ctx.input.maHoSo);
        const tb = h.ThongBaoThue;
        if (!tb) throw chuaCoKetQua({ status: h.TrangThai, label: tenTrangThai(h.TrangThai), closedReason: closedReason(h) });
        const today = ctx.now().toISOString().slice(0, 10);
        return {
          MaHoSo: h.MaHoSo,
          ...trangThai(h),
          ...tb,
          TinhTrangNop: tb.TongSoTienPhaiNop === 0 ? 'KHONG_PHAI_NOP' : h.ChungTuNopTien ? 'DA_NOP' : 'CHUA_NOP',
          QuaHanNop: h.TrangThai === '04' && tb.TongSoTienPhaiNop > 0 && today > dmyToIso(tb.HanNop),
          ...(h.ChungTuNopTien ? { DanhSachChungTu: h.ChungTuNopTien } : {}),
        };
      },
    },
    xacNhanNopTien: {
      summary: 'Ghi nhận chứng từ nộp tiền (người sử dụng đất đã nộp theo thông báo thuế), chuyển hồ sơ sang đối soát',
      summaryEn: 'Record the payment slips for the tax notices; the dossier moves on to reconciliation',
      method: 'POST',
      path: '/apiLienThongTNMTThue/1.0/xacNhanNopTien',
      serves: [0],
      example: { body: { MaHoSo: '$seed:hoSoLienThong.0.MaHoSo', DanhSachChungTu: '$seed:hoSoLienThong.0.ChungTuNopTien' } },
      handler: async (ctx) => {
        const list = ctx.input.DanhSachChungTu as ChungTuNopTien[];
        const { found, hoSo: h } = await findHoSo(ctx, ctx.input.MaHoSo, 'MaHoSo');
        const answer = (x: HoSo, moi: boolean) => ({
          MaHoSo: x.MaHoSo,
          ...trangThai(x),
          DanhSachChungTu: x.ChungTuNopTien ?? [],
          TongSoTienDaNop: (x.ChungTuNopTien ?? []).reduce((s, c) => s + c.SoTien, 0),
          GhiNhanMoi: moi,
        });
        if (h.ChungTuNopTien) {
          // Already paid: the same slips again is a safe retry; other slips would pay twice.
          if (sameSlips(h.ChungTuNopTien, list)) return answer(h, false);
          throw new NdxpError('CONFLICT', {
            field: 'DanhSachChungTu',
            detailVi: `hồ sơ đã ghi nhận nộp tiền với chứng từ ${h.ChungTuNopTien.map((c) => c.SoChungTu).join(', ') || '(không phải nộp)'}`,
            detailEn: 'the dossier already has its payment recorded with other slips',
          });
        }
        if (!found.live) throw closedDossierMove({ status: h.TrangThai, label: tenTrangThai(h.TrangThai), to: '05', field: 'TrangThai' });
        if (h.TrangThai === '04' && h.ThongBaoThue) checkChungTu(h.ThongBaoThue, list);
        const moved = await ctx.dossiers.move(h.MaHoSo, '05', 'Ghi nhận chứng từ nộp tiền do Hệ thống TTHC tỉnh chuyển', { ChungTuNopTien: list });
        return answer(fromLive(moved), true);
      },
    },
    layKetQua: {
      summary: 'Lấy kết quả: Giấy chứng nhận đã cập nhật biến động (sau khi hoàn thành nghĩa vụ tài chính)',
      summaryEn: 'Fetch the result: the updated land-use certificate (after the financial obligations are met)',
      method: 'GET',
      path: '/apiLienThongTNMTThue/1.0/layKetQua',
      serves: [0],
      example: { query: { maHoSo: '$seed:hoSoLienThong.0.MaHoSo' } },
      handler: async (ctx) => {
        const { hoSo: h } = await findHoSo(ctx, ctx.input.maHoSo);
        if (h.TrangThai === '07' && h.KetQua) return { MaHoSo: h.MaHoSo, ...trangThai(h), KetQua: h.KetQua };
        throw chuaCoKetQua({
          status: h.TrangThai,
          label: tenTrangThai(h.TrangThai),
          closedReason: closedReason(h),
          ...(h.ThongBaoThue && !h.ChungTuNopTien ? { details: { HanNop: h.ThongBaoThue.HanNop, TongSoTienPhaiNop: h.ThongBaoThue.TongSoTienPhaiNop } } : {}),
        });
      },
    },
    rutHoSo: {
      summary: 'Dừng liên thông khi người sử dụng đất rút hồ sơ (trước khi nộp tiền)',
      summaryEn: 'Stop the exchange when the applicant withdraws (before paying)',
      method: 'POST',
      path: '/apiLienThongTNMTThue/1.0/rutHoSo',
      serves: [0],
      example: { body: { MaHoSo: '$seed:hoSoLienThong.1.MaHoSo', LyDo: '$seed:hoSoLienThong.1.LyDoRut' } },
      handler: async (ctx) => {
        const { found, hoSo: h } = await findHoSo(ctx, ctx.input.MaHoSo, 'MaHoSo');
        const answer = (x: HoSo) => ({ MaHoSo: x.MaHoSo, TrangThai: '08', TenTrangThai: tenTrangThai('08'), LyDoRut: x.LyDoRut ?? '' });
        if (h.TrangThai === '08') return answer(h);
        if (!found.live) throw closedDossierMove({ status: h.TrangThai, label: tenTrangThai(h.TrangThai), to: '08', field: 'TrangThai' });
        const moved = await ctx.dossiers.move(h.MaHoSo, '08', ctx.input.LyDo, { LyDoRut: ctx.input.LyDo });
        return answer(fromLive(moved));
      },
    },
    dongBoTrangThai: {
      summary: 'Đồng bộ trạng thái: các hồ sơ liên thông của tỉnh có thay đổi từ một thời điểm (để cập nhật Hệ thống TTHC)',
      summaryEn: 'Status sync: the province’s exchanged dossiers changed since a point in time',
      method: 'GET',
      path: '/apiLienThongTNMTThue/1.0/dongBoTrangThai',
      serves: [0],
      example: { query: { tuThoiDiem: '20250901000000', soBanGhi: '20' } },
      handler: async (ctx) => {
        const changed = await changedSince(ctx, ctx.input.tuThoiDiem, ctx.seed.hoSoLienThong, fromLive);
        const rows = changed.map((h) => ({ MaHoSo: h.MaHoSo, ...maHoSoTinh(h), LoaiThuTuc: h.PhieuChuyen.LoaiThuTuc, ...trangThai(h), ThoiGianCapNhat: h.ThoiGianCapNhat }));
        return paginate(rows, ctx.input.trang, ctx.input.soBanGhi);
      },
    },
  },
  scenarios: [
    {
      name: 'cho-nop-tien',
      description: 'Cơ quan thuế đã ra thông báo, người sử dụng đất chưa nộp tiền: hồ sơ dừng ở 04 cho đến khi tỉnh gửi chứng từ (xacNhanNopTien)',
      descriptionEn: 'Tax notice issued, not paid: the dossier waits in 04 until the province sends the payment slips',
      effect: { handled: true },
      operations: ['guiPhieuChuyenThongTin'],
      expect: {
        operation: 'guiPhieuChuyenThongTin',
        status: 201,
        then: {
          operation: 'traCuuThongBaoThue',
          input: (b) => ({ maHoSo: b.MaHoSo }),
          body: { TrangThai: '04', TinhTrangNop: 'CHUA_NOP' },
          withinMs: 5000,
        },
      },
    },
    {
      name: 'tra-ho-so',
      description: 'Cơ quan thuế trả hồ sơ (phiếu chuyển thiếu/sai thông tin): hồ sơ đi 01 → 02 → 03, kèm lý do',
      descriptionEn: 'The tax office returns the dossier (incomplete or wrong slip): 01 → 02 → 03 with a reason',
      effect: { handled: true },
      operations: ['guiPhieuChuyenThongTin'],
      expect: {
        operation: 'guiPhieuChuyenThongTin',
        status: 201,
        then: { operation: 'traCuuTrangThaiHoSo', input: (b) => ({ maHoSo: b.MaHoSo }), body: { TrangThai: '03' }, withinMs: 5000 },
      },
    },
  ],
});
