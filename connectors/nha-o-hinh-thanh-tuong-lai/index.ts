import { defineConnector, reply, type DossierRecord, type OperationContext } from '../../src/core/connector.js';
import { NdxpError } from '../../src/core/errors.js';
import { formatDateDmy, formatTimestampCompact } from '../../src/core/identifiers.js';
import { defineLifecycle } from '../../src/core/lifecycle.js';
import {
  changedSince, chuaCoKetQua, closedDossierMove, existingByProvinceCode, findDossier, invalidField, lichSuOf, statesOf,
  type FoundDossier, type LichSuXuLy,
} from '../_shared/dossier-view.js';
import { fromSeed, indexBy, paginate } from '../_shared/wire.js';
import {
  BXD_CENTRAL_AGENCY, LY_DO_KHONG_TIEP_NHAN, NOI_DUNG_YEU_CAU_BO_SUNG, SO_XAY_DUNG_AN_GIANG, tenTrangThai, THOI_HAN_NGAY,
  TRANG_THAI, type LoaiDuAn, type LoaiNha, type TrangThai,
} from './codes.js';
import { buildKetQua, tongSoCan, type DuAnHoSo, type HoSoNop, type KetQuaThongBao, type TaiLieu } from './ket-qua.js';

interface DuAn extends Omit<DuAnHoSo, 'DiaDiem'> {
  ChuDauTu: HoSoNop['ChuDauTu'];
  DiaDiem: { MaXa: string; TenXa: string; DiaChi: string };
  QuyMo: { SoCanHo: number; SoNhaRiengLe: number };
  TinhTrangDuAn: string;
  SoCanDaThongBao: number;
  [k: string]: unknown;
}
/** A dossier as every operation sees it (a live one is turned into the seeded shape). */
interface HoSo {
  MaHoSo: string;
  TrangThai: TrangThai;
  HoSo: HoSoNop;
  DuAn: DuAnHoSo;
  ThoiGianNop: string;
  NgayHenTra: string;
  LichSu: LichSuXuLy[];
  KetQua?: KetQuaThongBao;
  LyDo?: string;
}
interface Seed {
  duAn: DuAn[];
  hoSoThongBao: HoSo[];
}
/** A live dossier's data; the central side's answers go to its result. */
interface DuLieuHoSo {
  HoSo: HoSoNop;
  DuAn: DuAnHoSo;
  ThoiGianNop: string;
  NgayHenTra: string;
  LyDo?: string;
}

const indexes = fromSeed((seed: Seed) => ({
  duAn: indexBy(seed.duAn, (d) => d.MaDuAn),
  hoSo: indexBy(seed.hoSoThongBao, (h) => h.MaHoSo),
}));

/**
 * The Sở Xây dựng's handling, as the national system records it: received in 10 min, processing 10 min later, answered
 * 30 min after that (the answer depends on the documents: see ket-qua.ts). The province hands the result over (9 → 10).
 * `yeu-cau-bo-sung`: the reception check asks for more documents (2 → 5) and waits for the province's 5 → 4;
 * `khong-tiep-nhan`: the dossier is not accepted (1 → 3).
 */
export const thongBaoLifecycle = defineLifecycle<TrangThai>({
  statusField: 'TrangThai',
  initial: '1',
  states: statesOf(TRANG_THAI, ['3', '7', '10']),
  moves: { '1': ['2', '3', '7'], '2': ['4', '5', '7'], '4': ['5', '9', '7'], '5': ['4', '7'], '9': ['10'] },
  auto: { '1': { to: '2', afterMs: 600_000 }, '2': { to: '4', afterMs: 600_000 }, '4': { to: '9', afterMs: 1_800_000 } },
  scenarios: {
    'yeu-cau-bo-sung': { '2': { to: '5', afterMs: 600_000 } },
    'khong-tiep-nhan': { '1': { to: '3', afterMs: 600_000 } },
  },
  provinceMoves: ['4', '7', '10'],
  onEnter: {
    '3': () => ({ LyDo: LY_DO_KHONG_TIEP_NHAN }),
    '9': ({ maHoSo, data, at }) => {
      const d = data as unknown as DuLieuHoSo;
      return { KetQua: buildKetQua({ maHoSo, hoSo: d.HoSo, duAn: d.DuAn, at }) };
    },
  },
});

function fromLive(d: DossierRecord): HoSo {
  const du = d.data as unknown as DuLieuHoSo;
  const r = (d.result ?? {}) as { KetQua?: KetQuaThongBao; LyDo?: string };
  const lyDo = du.LyDo ?? r.LyDo;
  return {
    MaHoSo: d.maHoSo,
    TrangThai: d.status as TrangThai,
    HoSo: du.HoSo,
    DuAn: du.DuAn,
    ThoiGianNop: du.ThoiGianNop,
    NgayHenTra: du.NgayHenTra,
    LichSu: lichSuOf(d, tenTrangThai),
    ...(r.KetQua ? { KetQua: r.KetQua } : {}),
    ...(lyDo ? { LyDo: lyDo } : {}),
  };
}

const view = (f: FoundDossier<HoSo>): HoSo => (f.live ? fromLive(f.live) : f.seeded);

async function findHoSo(ctx: OperationContext<Seed>, maHoSo: string, field = 'maHoSo') {
  const found = await findDossier(ctx, maHoSo, indexes(ctx.seed).hoSo, field);
  return { found, hoSo: view(found) };
}

const trangThai = (s: string) => ({ TrangThai: s, TenTrangThai: tenTrangThai(s) });
const maHoSoTinh = (h: HoSo) => (h.HoSo.MaHoSoTinh ? { MaHoSoTinh: h.HoSo.MaHoSoTinh } : {});

function findDuAn(seed: Seed, maDuAn: string, field: string): DuAn {
  const d = indexes(seed).duAn.get(maDuAn);
  if (!d) throw new NdxpError('RECORD_NOT_FOUND', { field, detailVi: `${field}=${maDuAn}`, detailEn: `${field}=${maDuAn}` });
  return d;
}

/** Every answer (seeded and this province's live ones) given for a project, oldest first. */
async function ketQuaCuaDuAn(ctx: OperationContext<Seed>, maDuAn: string): Promise<Array<{ maHoSo: string; kq: KetQuaThongBao }>> {
  const { items } = await ctx.dossiers.list(0, 1000);
  const live = items.map(fromLive);
  const liveCodes = new Set(live.map((h) => h.MaHoSo));
  return [...ctx.seed.hoSoThongBao.filter((h) => !liveCodes.has(h.MaHoSo)), ...live]
    .filter((h) => h.DuAn.MaDuAn === maDuAn && h.KetQua)
    .map((h) => ({ maHoSo: h.MaHoSo, kq: h.KetQua! }));
}

const soCanDaThongBao = (list: Array<{ kq: KetQuaThongBao }>) => list.reduce((s, { kq }) => s + kq.TongSoCan, 0);

const NHA_THEO_DU_AN: Record<LoaiDuAn, LoaiNha[]> = {
  NHA_CHUNG_CU: ['CAN_HO'],
  NHA_O_RIENG_LE: ['NHA_LIEN_KE', 'BIET_THU'],
  HON_HOP: ['CAN_HO', 'NHA_LIEN_KE', 'BIET_THU'],
};

/** Rules the schema cannot say: the filer is the project's developer, the housing fits the project and what is left. */
async function checkHoSo(ctx: OperationContext<Seed>, h: HoSoNop): Promise<DuAn> {
  const d = indexes(ctx.seed).duAn.get(h.MaDuAn);
  if (!d) throw invalidField('MaDuAn', `dự án ${h.MaDuAn} không có trong cơ sở dữ liệu`, `no project ${h.MaDuAn}`);
  if (d.ChuDauTu.MSDN !== h.ChuDauTu.MSDN) {
    throw invalidField('ChuDauTu.MSDN', `doanh nghiệp ${h.ChuDauTu.MSDN} không phải chủ đầu tư dự án ${d.MaDuAn}`, `not the project's developer`);
  }
  h.DanhSachNhaO.forEach((n, i) => {
    if (!NHA_THEO_DU_AN[d.LoaiDuAn].includes(n.LoaiNha)) {
      throw invalidField(`DanhSachNhaO[${i}].LoaiNha`, `dự án loại ${d.LoaiDuAn} không có ${n.LoaiNha}`, `a ${d.LoaiDuAn} project has no ${n.LoaiNha}`);
    }
    if (n.DienTichSanTu > n.DienTichSanDen) throw invalidField(`DanhSachNhaO[${i}].DienTichSanDen`, 'nhỏ hơn diện tích từ', 'below the lower bound');
  });
  const kinds = h.TaiLieuNop.map((t) => t.LoaiGiayTo);
  const dup = kinds.findIndex((k, i) => kinds.indexOf(k) !== i);
  if (dup >= 0) throw invalidField(`TaiLieuNop[${dup}].LoaiGiayTo`, 'giấy tờ trùng loại', 'duplicate document kind');
  const conLai = d.QuyMo.SoCanHo + d.QuyMo.SoNhaRiengLe - d.SoCanDaThongBao;
  if (tongSoCan(h.DanhSachNhaO) > conLai) {
    throw invalidField('DanhSachNhaO', `đề nghị ${tongSoCan(h.DanhSachNhaO)} căn, dự án chỉ còn ${conLai} căn chưa thông báo`, `only ${conLai} units left`);
  }
  return d;
}

const toDuAnHoSo = (d: DuAn): DuAnHoSo => ({ MaDuAn: d.MaDuAn, TenDuAn: d.TenDuAn, LoaiDuAn: d.LoaiDuAn, DangTheChap: d.DangTheChap, DiaDiem: d.DiaDiem.DiaChi });

/** A supplement replaces documents of the same kind and adds the new kinds. */
const boSung = (nop: TaiLieu[], them: TaiLieu[]) => [...nop.filter((t) => !them.some((x) => x.LoaiGiayTo === t.LoaiGiayTo)), ...them];

const tomTatDuAn = (d: DuAn) => ({
  MaDuAn: d.MaDuAn,
  TenDuAn: d.TenDuAn,
  LoaiDuAn: d.LoaiDuAn,
  ChuDauTu: { MSDN: d.ChuDauTu.MSDN, TenDoanhNghiep: d.ChuDauTu.TenDoanhNghiep },
  DiaDiem: d.DiaDiem.DiaChi,
  TinhTrangDuAn: d.TinhTrangDuAn,
});

export default defineConnector<Seed>({
  id: 'nha-o-hinh-thanh-tuong-lai',
  protocol: 'rest',
  agencyCode: BXD_CENTRAL_AGENCY,
  seedSchemas: { duAn: 'duAn.record', hoSoThongBao: 'hoSoThongBao.record' },
  lifecycles: { thongBao: thongBaoLifecycle },
  operations: {
    // First operation: the built-in scenarios call it and expect 200, so a read comes first.
    traCuuHoSo: {
      summary: 'Tra cứu trạng thái xử lý hồ sơ thông báo nhà ở hình thành trong tương lai đủ điều kiện bán, cho thuê mua',
      summaryEn: 'Processing status and history of a developer’s off-plan housing sale notice',
      method: 'GET',
      path: '/dvcNhaOHTTTL/1.0/traCuuHoSo',
      serves: [0],
      example: { query: { maHoSo: '$seed:hoSoThongBao.0.MaHoSo' } },
      handler: async (ctx) => {
        const { hoSo: h } = await findHoSo(ctx, ctx.input.maHoSo);
        const yeuCau = h.TrangThai === '5' ? [...h.LichSu].reverse().find((l) => l.TrangThai === '5')?.NoiDung ?? NOI_DUNG_YEU_CAU_BO_SUNG : undefined;
        return {
          MaHoSo: h.MaHoSo,
          ...maHoSoTinh(h),
          MaDuAn: h.DuAn.MaDuAn,
          TenDuAn: h.DuAn.TenDuAn,
          ChuDauTu: { MSDN: h.HoSo.ChuDauTu.MSDN, TenDoanhNghiep: h.HoSo.ChuDauTu.TenDoanhNghiep },
          ...trangThai(h.TrangThai),
          ThoiGianNop: h.ThoiGianNop,
          NgayHenTra: h.NgayHenTra,
          TongSoCanDeNghi: tongSoCan(h.HoSo.DanhSachNhaO),
          ...(yeuCau ? { YeuCauBoSung: yeuCau } : {}),
          ...(h.KetQua ? { LoaiKetQua: h.KetQua.LoaiKetQua, SoVanBan: h.KetQua.SoVanBan } : {}),
          ...(h.LyDo ? { LyDo: h.LyDo } : {}),
          LichSu: h.LichSu,
        };
      },
    },
    nopHoSo: {
      summary: 'Liên thông hồ sơ thông báo nhà ở hình thành trong tương lai đủ điều kiện bán, cho thuê mua của chủ đầu tư',
      summaryEn: 'Forward a developer’s notice that off-plan housing may be sold or lease-purchased',
      method: 'POST',
      path: '/dvcNhaOHTTTL/1.0/nopHoSo',
      serves: [0],
      example: { body: '$seed:hoSoThongBao.0.HoSo' },
      handler: async (ctx) => {
        const h = ctx.input as HoSoNop;
        const d = await checkHoSo(ctx, h);
        const same = (x: DossierRecord) => {
          const nop = (x.data as unknown as DuLieuHoSo).HoSo;
          return nop.ChuDauTu.MSDN === h.ChuDauTu.MSDN && nop.MaDuAn === h.MaDuAn;
        };
        const bienNhan = (x: HoSo) => ({ MaHoSo: x.MaHoSo, ...maHoSoTinh(x), ...trangThai(x.TrangThai), ThoiGianNop: x.ThoiGianNop, NgayHenTra: x.NgayHenTra });
        const existing = await existingByProvinceCode(ctx, h.MaHoSoTinh, same);
        if (existing) return bienNhan(fromLive(existing));
        const now = ctx.now();
        const data: DuLieuHoSo = {
          HoSo: h,
          DuAn: toDuAnHoSo(d),
          ThoiGianNop: formatTimestampCompact(now),
          NgayHenTra: formatDateDmy(new Date(now.getTime() + THOI_HAN_NGAY * 86_400_000)),
        };
        const created = await ctx.dossiers.create({
          lifecycle: 'thongBao',
          agencyCode: SO_XAY_DUNG_AN_GIANG,
          data: data as unknown as Record<string, unknown>,
          ...(h.MaHoSoTinh ? { maHoSo: h.MaHoSoTinh } : {}),
        });
        return reply(201, bienNhan(fromLive(created)));
      },
    },
    capNhatTienDo: {
      summary: 'Cập nhật bước xử lý phía tỉnh: đã nộp bổ sung giấy tờ, chủ đầu tư rút hồ sơ, đã trả kết quả',
      summaryEn: 'Province-side progress: supplementary documents filed, withdrawn by the developer, result handed over',
      method: 'POST',
      path: '/dvcNhaOHTTTL/1.0/capNhatTienDo',
      serves: [0],
      example: { body: { MaHoSo: '$seed:hoSoThongBao.0.MaHoSo', TrangThai: '10', NoiDung: 'Đã trả kết quả cho chủ đầu tư' } },
      handler: async (ctx) => {
        const { MaHoSo, TrangThai: to, NoiDung, TaiLieuBoSung } = ctx.input as { MaHoSo: string; TrangThai: TrangThai; NoiDung: string; TaiLieuBoSung?: TaiLieu[] };
        const { found, hoSo: h } = await findHoSo(ctx, MaHoSo, 'MaHoSo');
        const answer = (x: HoSo, moi: boolean) => ({ MaHoSo: x.MaHoSo, ...trangThai(x.TrangThai), ThoiGianCapNhat: x.LichSu[x.LichSu.length - 1]!.ThoiGian, CapNhatMoi: moi });
        // The same step sent again (a retry of the sync) changes nothing.
        if (h.TrangThai === to) return answer(h, false);
        if (!found.live) throw closedDossierMove({ status: h.TrangThai, label: tenTrangThai(h.TrangThai), to, field: 'TrangThai' });
        if (to === '4') {
          // Only a requested supplement lets the province put the dossier back into processing.
          if (h.TrangThai !== '5') {
            throw new NdxpError('ILLEGAL_TRANSITION', {
              field: 'TrangThai',
              detailVi: `chỉ nộp bổ sung khi hồ sơ ở trạng thái 5 (${tenTrangThai('5')}); hiện ở ${h.TrangThai} (${tenTrangThai(h.TrangThai)})`,
              detailEn: `supplements only in status 5; the dossier is in ${h.TrangThai}`,
              details: { from: h.TrangThai, to, allowed: (thongBaoLifecycle.moves[h.TrangThai] ?? []).filter((s) => s !== '4' && thongBaoLifecycle.provinceMoves!.includes(s)) },
            });
          }
          if (!TaiLieuBoSung) throw invalidField('TaiLieuBoSung', 'nộp bổ sung phải kèm giấy tờ', 'a supplement needs documents');
          const moved = await ctx.dossiers.move(MaHoSo, '4', NoiDung, { HoSo: { ...h.HoSo, TaiLieuNop: boSung(h.HoSo.TaiLieuNop, TaiLieuBoSung) } });
          return answer(fromLive(moved), true);
        }
        const moved = await ctx.dossiers.move(MaHoSo, to, NoiDung, to === '7' ? { LyDo: NoiDung } : undefined);
        return answer(fromLive(moved), true);
      },
    },
    layKetQua: {
      summary: 'Lấy kết quả: văn bản thông báo nhà ở đủ điều kiện được bán, cho thuê mua (hoặc văn bản trả lời chưa đủ điều kiện)',
      summaryEn: 'Fetch the result: the eligibility notice (or the reasoned refusal) with its file',
      method: 'GET',
      path: '/dvcNhaOHTTTL/1.0/layKetQua',
      serves: [0],
      example: { query: { maHoSo: '$seed:hoSoThongBao.0.MaHoSo' } },
      handler: async (ctx) => {
        const { hoSo: h } = await findHoSo(ctx, ctx.input.maHoSo);
        if (h.KetQua) return { MaHoSo: h.MaHoSo, ...trangThai(h.TrangThai), KetQua: h.KetQua };
        throw chuaCoKetQua({ status: h.TrangThai, label: tenTrangThai(h.TrangThai), closedReason: h.LyDo, details: { NgayHenTra: h.NgayHenTra } });
      },
    },
    dongBoTrangThai: {
      summary: 'Đồng bộ trạng thái: hồ sơ của tỉnh có thay đổi từ một thời điểm (tránh nhập hồ sơ trên 02 phần mềm)',
      summaryEn: 'Status sync: the province’s dossiers changed since a point in time',
      method: 'GET',
      path: '/dvcNhaOHTTTL/1.0/dongBoTrangThai',
      serves: [0],
      example: { query: { tuThoiDiem: '20250601000000', soBanGhi: '20' } },
      handler: async (ctx) => {
        const changed = await changedSince(ctx, ctx.input.tuThoiDiem, ctx.seed.hoSoThongBao, fromLive);
        const rows = changed.map((h) => ({ MaHoSo: h.MaHoSo, ...maHoSoTinh(h), MaDuAn: h.DuAn.MaDuAn, ...trangThai(h.TrangThai), ThoiGianCapNhat: h.ThoiGianCapNhat }));
        return paginate(rows, ctx.input.trang, ctx.input.soBanGhi);
      },
    },
    traCuuDuAn: {
      summary: 'Tra cứu thông tin dự án nhà ở (chủ đầu tư, địa điểm, quy mô, chủ trương đầu tư) và số căn còn lại chưa thông báo',
      summaryEn: 'A housing project (developer, site, size, investment approval) and the units not yet notified',
      method: 'GET',
      path: '/dvcNhaOHTTTL/1.0/traCuuDuAn',
      serves: [0],
      example: { query: { maDuAn: '$seed:duAn.0.MaDuAn' } },
      handler: async (ctx) => {
        const d = findDuAn(ctx.seed, ctx.input.maDuAn, 'maDuAn');
        const daThongBao = soCanDaThongBao(await ketQuaCuaDuAn(ctx, d.MaDuAn));
        return { DuAn: { ...d, SoCanDaThongBao: daThongBao }, SoCanConLai: Math.max(0, d.QuyMo.SoCanHo + d.QuyMo.SoNhaRiengLe - daThongBao) };
      },
    },
    danhSachDuAn: {
      summary: 'Danh sách dự án nhà ở trên địa bàn tỉnh (lọc theo chủ đầu tư, xã, loại dự án)',
      summaryEn: 'Housing projects in the province (by developer, commune, kind)',
      method: 'GET',
      path: '/dvcNhaOHTTTL/1.0/danhSachDuAn',
      serves: [0],
      example: { query: { maTinh: '91', soBanGhi: '10' } },
      handler: ({ input, seed }) => {
        // Every project of the simulator lies in An Giang (91): another province has none here.
        const hits = (input.maTinh === '91' ? seed.duAn : [])
          .filter((d) => (!input.msdn || d.ChuDauTu.MSDN === input.msdn) && (!input.maXa || d.DiaDiem.MaXa === input.maXa))
          .filter((d) => !input.loaiDuAn || d.LoaiDuAn === input.loaiDuAn)
          .map(tomTatDuAn);
        return paginate(hits, input.trang, input.soBanGhi);
      },
    },
    traCuuThongBao: {
      summary: 'Tra cứu các văn bản thông báo (đủ điều kiện) và văn bản trả lời của Sở Xây dựng về nhà ở của một dự án',
      summaryEn: 'The eligibility notices and refusals issued for a project',
      method: 'GET',
      path: '/dvcNhaOHTTTL/1.0/traCuuThongBao',
      serves: [0],
      example: { query: { maDuAn: '$seed:hoSoThongBao.0.DuAn.MaDuAn' } },
      handler: async (ctx) => {
        const d = findDuAn(ctx.seed, ctx.input.maDuAn, 'maDuAn');
        const all = await ketQuaCuaDuAn(ctx, d.MaDuAn);
        return {
          MaDuAn: d.MaDuAn,
          TenDuAn: d.TenDuAn,
          ChuDauTu: { MSDN: d.ChuDauTu.MSDN, TenDoanhNghiep: d.ChuDauTu.TenDoanhNghiep },
          TongSoCanDaThongBao: soCanDaThongBao(all),
          DanhSachThongBao: all
            .filter(({ kq }) => !ctx.input.loaiKetQua || kq.LoaiKetQua === ctx.input.loaiKetQua)
            .map(({ maHoSo, kq }) => ({
              MaHoSo: maHoSo,
              SoVanBan: kq.SoVanBan,
              NgayBanHanh: kq.NgayBanHanh,
              LoaiKetQua: kq.LoaiKetQua,
              TrichYeu: kq.TrichYeu,
              DanhSachNhaO: kq.DanhSachNhaO,
              TongSoCan: kq.TongSoCan,
              LyDo: kq.LyDo,
            })),
        };
      },
    },
  },
  scenarios: [
    {
      name: 'yeu-cau-bo-sung',
      description: 'Sở Xây dựng yêu cầu bổ sung giấy tờ khi kiểm tra hồ sơ tiếp nhận: hồ sơ đi 1 → 2 → 5 và chờ tỉnh gửi bổ sung (capNhatTienDo 4)',
      descriptionEn: 'Supplementary documents requested at reception: 1 → 2 → 5, waiting for the province’s supplement',
      effect: { handled: true },
      operations: ['nopHoSo'],
      expect: {
        operation: 'nopHoSo',
        status: 201,
        then: { operation: 'traCuuHoSo', input: (b) => ({ maHoSo: b.MaHoSo }), body: { TrangThai: '5' }, withinMs: 5000 },
      },
    },
    {
      name: 'khong-tiep-nhan',
      description: 'Hồ sơ không được tiếp nhận (dự án chưa có trong danh mục được chấp thuận): 1 → 3, kèm lý do',
      descriptionEn: 'The dossier is not accepted: 1 → 3 with a reason',
      effect: { handled: true },
      operations: ['nopHoSo'],
      expect: {
        operation: 'nopHoSo',
        status: 201,
        then: { operation: 'traCuuHoSo', input: (b) => ({ maHoSo: b.MaHoSo }), body: { TrangThai: '3' }, withinMs: 5000 },
      },
    },
  ],
});
