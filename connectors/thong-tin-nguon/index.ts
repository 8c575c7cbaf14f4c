import { defineConnector, reply, type OperationContext } from '../../src/core/connector.js';
import { NdxpError } from '../../src/core/errors.js';
import { formatTimestampCompact } from '../../src/core/identifiers.js';
import { foldVietnamese } from '../../src/core/text.js';
import { contentHash, keyClash } from '../_shared/idempotent.js';
import { invalid } from '../_shared/refusals.js';
import { acceptPush, findByKey, findByReceipt, listPushes, receiptReply, type PushRecord } from '../_shared/push-receipts.js';
import { dmyToIso, found, fromSeed, indexBy, paginate } from '../_shared/wire.js';
import {
  HAN_BAO_CAO_PHUT, LOAI_THIET_BI, LY_DO_THU_HOI, PHAT_THANH, provinceId, TRANG_THAI_THIET_BI, TTN_AGENCY, type LoaiDuLieu, type LoaiNoiDung,
} from './codes.js';

interface Tep {
  TenTep: string;
  DinhDang: string;
  DuongDan: string;
  DungLuong: number;
  ThoiLuongGiay?: number;
  MaHash?: string;
}
interface NoiDung {
  MaNoiDung: string;
  LoaiNoiDung: LoaiNoiDung;
  TieuDe: string;
  TomTat: string;
  NoiDung: string;
  ChuDe: string;
  DonViCungCap: string;
  NgayXuatBan: string;
  HieuLucDen: string;
  MucDoUuTien: 'THUONG' | 'KHAN';
  PhamVi: 'TOAN_QUOC' | 'VUNG';
  DanhSachTinh?: string[];
  TepDinhKem: Tep[];
  PhienBan: number;
  TrangThai: 'DANG_HIEU_LUC' | 'HET_HIEU_LUC' | 'THU_HOI';
  LyDoThuHoi?: string;
}
interface TrangThaiThietBi {
  TrangThai: keyof typeof TRANG_THAI_THIET_BI;
  ThoiDiem: string;
  DangPhat?: boolean;
  MaNoiDungDangPhat?: string;
  AmLuong?: number;
  MaLoi?: string;
  MoTaLoi?: string;
}
interface ThietBi {
  MaThietBi: string;
  LoaiThietBi: keyof typeof LOAI_THIET_BI;
  MaXa: string;
  TenXa?: string;
  ViTri: string;
  NgayLapDat?: string;
  NhaCungCap?: string;
  TrangThaiGanNhat: TrangThaiThietBi;
}
interface SoLieu {
  SoXa: number;
  SoDaiTruyenThanhCapXa: number;
  SoDaiUngDungCNTT: number;
  SoCumLoa: number;
  SoBangTinDienTu: number;
  SoTinBaiDaPhat: number;
  SoGioPhatSong: number;
  SoNguoiLamCongTac: number;
}
interface ThongKeTinh {
  MaTinh: string;
  TenTinh: string;
  KyBaoCao: string;
  LanGui: number;
  MaBienNhan: string;
  ThoiGianTiepNhan: string;
  SoLieu: SoLieu;
}
interface BaoCao {
  KyBaoCao: string;
  LanGui: number;
  MaTinh: string;
  SoLieu: SoLieu;
}
interface Seed {
  noiDung: NoiDung[];
  thietBi: ThietBi[];
  thongKeTinh: ThongKeTinh[];
  daGui: PushRecord[];
}
type Ctx = OperationContext<Seed>;

/** The seeded devices and earlier pushes belong to An Giang: only its clients see them. */
const SEED_PROVINCE = 'an-giang';

const indexes = fromSeed((seed: Seed) => {
  const tinh = new Map<string, { ma: string; ten: string }>();
  for (const r of seed.thongKeTinh) tinh.set(provinceId(r.TenTinh), { ma: r.MaTinh, ten: r.TenTinh });
  return {
    byMaNoiDung: indexBy(seed.noiDung, (n) => n.MaNoiDung),
    newestFirst: [...seed.noiDung].reverse().map((n) => ({ n, key: foldVietnamese(`${n.TieuDe} ${n.TomTat}`) })),
    thietBi: indexBy(seed.thietBi, (t) => t.MaThietBi),
    daGuiByReceipt: indexBy(seed.daGui, (p) => p.BienNhan.MaBienNhan),
    daGuiByKey: indexBy(seed.daGui, (p) => `${p.LoaiDuLieu}|${p.Khoa}`),
    tinhOfProvince: tinh,
    tenTinh: new Map([...tinh.values()].map((t) => [t.ma, t.ten])),
  };
});

const ownSeed = (ctx: Ctx) => ctx.client.province === SEED_PROVINCE;
const maTinhOf = (ctx: Ctx) => indexes(ctx.seed).tinhOfProvince.get(ctx.client.province)?.ma;

// ---- central content ---------------------------------------------------------------------------------------------

/** Scenarios bend what the central side says about an item (recalled), never the stored seed. */
function asSeen(ctx: Ctx, n: NoiDung): NoiDung {
  return ctx.scenario === 'thu-hoi-noi-dung' ? { ...n, TrangThai: 'THU_HOI', LyDoThuHoi: LY_DO_THU_HOI } : n;
}

/** An urgent warning published just now for the caller's province (scenario tin-khan-cap). */
function tinKhan(ctx: Ctx): NoiDung {
  const now = ctx.now();
  const ma = `TTN-${formatTimestampCompact(now).slice(2, 6)}-99999`;
  const den = new Date(now.getTime() + 2 * 86_400_000);
  return {
    MaNoiDung: ma, LoaiNoiDung: 'BAN_TIN_PHAT_THANH', TieuDe: 'Khẩn: cảnh báo lũ, triều cường vượt mức báo động 3 (bản tin phát thanh)',
    TomTat: 'Trung tâm Dự báo khí tượng thủy văn quốc gia cảnh báo lũ, triều cường; đề nghị phát ngay, nhắc lại 3 lần trong ngày.',
    NoiDung: 'Kính thưa bà con! Mực nước trên sông Tiền, sông Hậu đang lên nhanh, vượt mức báo động 3. Đề nghị bà con chủ động gia cố bờ bao, di dời tài sản.',
    ChuDe: 'Phòng, chống thiên tai', DonViCungCap: 'Trung tâm Dự báo khí tượng thủy văn quốc gia', NgayXuatBan: formatTimestampCompact(now),
    HieuLucDen: `${String(den.getUTCDate()).padStart(2, '0')}/${String(den.getUTCMonth() + 1).padStart(2, '0')}/${den.getUTCFullYear()}`,
    MucDoUuTien: 'KHAN', PhamVi: 'VUNG', DanhSachTinh: [maTinhOf(ctx) ?? '91'],
    TepDinhKem: [{ TenTep: `${ma}.mp3`, DinhDang: 'audio/mpeg', DuongDan: `https://thongtinnguon.gov.vn/tep/${ma}.mp3`, DungLuong: 120 * 16_000, ThoiLuongGiay: 120 }],
    PhienBan: 1, TrangThai: 'DANG_HIEU_LUC',
  };
}

function danhSachNoiDung(ctx: Ctx) {
  const f = ctx.input as { loai?: string; chuDe?: string; tuNgay?: string; denNgay?: string; q?: string; trangThai?: string; trang?: number; soBanGhi?: number };
  const from = f.tuNgay ? dmyToIso(f.tuNgay).replace(/-/g, '') : '';
  const to = f.denNgay ? `${dmyToIso(f.denNgay).replace(/-/g, '')}235959` : '9';
  const needle = f.q ? foldVietnamese(f.q) : '';
  const all = [...(ctx.scenario === 'tin-khan-cap' ? [tinKhan(ctx)] : []), ...indexes(ctx.seed).newestFirst.filter(({ key }) => key.includes(needle)).map(({ n }) => asSeen(ctx, n))];
  const rows = all.filter(
    (n) => (!f.loai || n.LoaiNoiDung === f.loai) && (!f.chuDe || n.ChuDe === f.chuDe) && (!f.trangThai || n.TrangThai === f.trangThai) && n.NgayXuatBan >= from && n.NgayXuatBan <= to,
  );
  const maTinh = maTinhOf(ctx);
  const khan = all.some((n) => n.MucDoUuTien === 'KHAN' && n.TrangThai === 'DANG_HIEU_LUC' && (n.PhamVi === 'TOAN_QUOC' || (!!maTinh && !!n.DanhSachTinh?.includes(maTinh))));
  const page = paginate(
    rows.map(({ MaNoiDung, LoaiNoiDung, TieuDe, ChuDe, DonViCungCap, NgayXuatBan, HieuLucDen, MucDoUuTien, PhienBan, TrangThai }) => ({
      MaNoiDung, LoaiNoiDung, TieuDe, ChuDe, DonViCungCap, NgayXuatBan, HieuLucDen, MucDoUuTien, PhienBan, TrangThai,
    })),
    f.trang,
    f.soBanGhi,
  );
  return { CoTinKhan: khan, ...page };
}

/** One item; its ETag changes with the version and the status, so a cached copy is revalidated cheaply (304). */
function chiTietNoiDung(ctx: Ctx) {
  const n = asSeen(ctx, found(indexes(ctx.seed).byMaNoiDung.get(ctx.input.maNoiDung), 'maNoiDung', ctx.input.maNoiDung));
  const etag = `"${n.MaNoiDung}-v${n.PhienBan}-${n.TrangThai}"`;
  if (ctx.headers['if-none-match'] === etag) return reply(304, undefined, { ETag: etag });
  return reply(200, n, { ETag: etag, 'Cache-Control': 'private, max-age=60' });
}

// ---- pushes ------------------------------------------------------------------------------------------------------

/** Earlier pushes in the seed count for idempotency too: the same content again is answered with their receipt. */
function seededPush(ctx: Ctx, loai: LoaiDuLieu, key: string, keyField: string, data: unknown) {
  const prior = ownSeed(ctx) ? indexes(ctx.seed).daGuiByKey.get(`${loai}|${key}`) : undefined;
  if (!prior) return null;
  if (contentHash(prior.DuLieu) !== contentHash(data)) throw keyClash(keyField, key);
  return reply(200, prior.BienNhan);
}

async function push(ctx: Ctx, loai: LoaiDuLieu, key: string, keyField: string) {
  return seededPush(ctx, loai, key, keyField, ctx.input) ?? receiptReply(await acceptPush(ctx.records, { loai, key, keyField, data: ctx.input, now: ctx.now() }));
}

async function dayBanTinDiaPhuong(ctx: Ctx) {
  const b = ctx.input as { MaBanTin: string; LoaiNoiDung: LoaiNoiDung; TepDinhKem: Tep[] };
  if (PHAT_THANH.includes(b.LoaiNoiDung) && !b.TepDinhKem.some((t) => t.DinhDang === 'audio/mpeg')) {
    throw invalid('TepDinhKem', 'bản tin, chương trình phát thanh cần tệp âm thanh (audio/mpeg)', 'a radio item needs an audio/mpeg file');
  }
  return push(ctx, 'BAN_TIN', b.MaBanTin, 'MaBanTin');
}

interface TrangThaiGui extends TrangThaiThietBi {
  MaThietBi: string;
  LoaiThietBi?: ThietBi['LoaiThietBi'];
  MaXa?: string;
  ViTri?: string;
}

async function knownDevice(ctx: Ctx, maThietBi: string): Promise<ThietBi | null> {
  return (await ctx.records.get<ThietBi>('thietBi', maThietBi)) ?? (ownSeed(ctx) ? indexes(ctx.seed).thietBi.get(maThietBi) ?? null : null);
}

/** Device heartbeats: unknown devices must bring what registers them; a late report never overwrites a newer one. */
async function dayTrangThaiThietBi(ctx: Ctx) {
  const g = ctx.input as { MaGoiTin: string; DanhSach: TrangThaiGui[] };
  const devices = await Promise.all(g.DanhSach.map((s) => knownDevice(ctx, s.MaThietBi)));
  g.DanhSach.forEach((s, i) => {
    if (!devices[i] && !(s.LoaiThietBi && s.MaXa && s.ViTri)) {
      throw invalid(`DanhSach[${i}].LoaiThietBi`, `thiết bị ${s.MaThietBi} chưa đăng ký: gửi kèm LoaiThietBi, MaXa, ViTri`, `device ${s.MaThietBi} is unknown: send LoaiThietBi, MaXa, ViTri`);
    }
    if (s.MaNoiDungDangPhat && !indexes(ctx.seed).byMaNoiDung.has(s.MaNoiDungDangPhat)) {
      throw invalid(`DanhSach[${i}].MaNoiDungDangPhat`, 'không phải nội dung của hệ thống thông tin nguồn', 'not a central content item');
    }
  });
  const result = seededPush(ctx, 'TRANG_THAI_THIET_BI', g.MaGoiTin, 'MaGoiTin', g) ?? receiptReply(await acceptPush(ctx.records, { loai: 'TRANG_THAI_THIET_BI', key: g.MaGoiTin, keyField: 'MaGoiTin', data: g, now: ctx.now() }));
  if (result.status === 201) {
    for (const [i, s] of g.DanhSach.entries()) {
      const current = (await knownDevice(ctx, s.MaThietBi)) ?? devices[i];
      if (current && current.TrangThaiGanNhat.ThoiDiem > s.ThoiDiem) continue;
      const { MaThietBi, LoaiThietBi, MaXa, ViTri, ...trangThai } = s;
      const base: ThietBi = current ?? { MaThietBi, LoaiThietBi: LoaiThietBi!, MaXa: MaXa!, ViTri: ViTri!, TrangThaiGanNhat: trangThai };
      await ctx.records.put('thietBi', MaThietBi, { ...base, TrangThaiGanNhat: trangThai });
    }
  }
  return result;
}

async function dayBaoCaoThongKe(ctx: Ctx) {
  const r = ctx.input as BaoCao;
  const own = maTinhOf(ctx);
  if (r.MaTinh !== own) {
    throw invalid('MaTinh', `ứng dụng của ${ctx.client.province} chỉ gửi báo cáo của tỉnh mình (${own ?? 'không rõ'})`, 'a province reports for itself only');
  }
  const s = r.SoLieu;
  if (s.SoDaiTruyenThanhCapXa > s.SoXa) throw invalid('SoLieu.SoDaiTruyenThanhCapXa', 'không lớn hơn số xã', 'cannot exceed the number of communes');
  if (s.SoDaiUngDungCNTT > s.SoDaiTruyenThanhCapXa) throw invalid('SoLieu.SoDaiUngDungCNTT', 'không lớn hơn số đài truyền thanh cấp xã', 'cannot exceed the number of stations');
  const [nam, quy] = [Number(r.KyBaoCao.slice(0, 4)), Number(r.KyBaoCao.slice(6))];
  if (Date.UTC(nam, (quy - 1) * 3, 1) > ctx.now().getTime()) throw invalid('KyBaoCao', 'quý chưa bắt đầu', 'the quarter has not started');
  // Corrections go up one by one: LanGui is the next number after the latest report of the quarter.
  const latest = await latestReport(ctx, r.KyBaoCao);
  const key = `${r.KyBaoCao}#${r.LanGui}`;
  if (latest && r.LanGui <= latest.LanGui) return push(ctx, 'BAO_CAO_THONG_KE', key, 'LanGui'); // a retry (or a clash) of a sent one
  const next = (latest?.LanGui ?? 0) + 1;
  if (r.LanGui !== next) throw invalid('LanGui', `lần gửi tiếp theo của ${r.KyBaoCao} là ${next}`, `the next report of ${r.KyBaoCao} is number ${next}`);
  const res = await push(ctx, 'BAO_CAO_THONG_KE', key, 'LanGui');
  await ctx.records.put('baoCaoMoiNhat', r.KyBaoCao, r.LanGui);
  return res;
}

/** The province's newest report of a quarter: sent through the simulator, else from the seeded history. */
async function latestReport(ctx: Ctx, ky: string): Promise<(BaoCao & { MaBienNhan: string; ThoiGianTiepNhan: string }) | null> {
  const lan = await ctx.records.get<number>('baoCaoMoiNhat', ky);
  const live = lan ? await findByKey<BaoCao>(ctx.records, 'BAO_CAO_THONG_KE', `${ky}#${lan}`) : null;
  const seeded = ownSeed(ctx) ? ctx.seed.daGui.filter((p) => p.LoaiDuLieu === 'BAO_CAO_THONG_KE' && (p.DuLieu as BaoCao).KyBaoCao === ky).at(-1) : undefined;
  const p = (live ?? seeded) as PushRecord<BaoCao> | undefined;
  return p ? { ...p.DuLieu, MaBienNhan: p.BienNhan.MaBienNhan, ThoiGianTiepNhan: p.BienNhan.ThoiGianTiepNhan } : null;
}

// ---- read back, monitoring, statistics ----------------------------------------------------------------------------

async function traCuuBienNhan(ctx: Ctx) {
  const ma = ctx.input.maBienNhan as string;
  const live = await findByReceipt(ctx.records, ma);
  return found(live ?? (ownSeed(ctx) ? indexes(ctx.seed).daGuiByReceipt.get(ma) : undefined), 'maBienNhan', ma);
}

/** Pushes of one kind, newest first: the live ones, then the seeded history. */
async function danhSachDaGui(ctx: Ctx) {
  const { loaiDuLieu, trang = 1, soBanGhi = 20 } = ctx.input as { loaiDuLieu: LoaiDuLieu; trang?: number; soBanGhi?: number };
  const offset = (trang - 1) * soBanGhi;
  const live = await listPushes(ctx.records, loaiDuLieu, offset, soBanGhi);
  const history = ownSeed(ctx) ? ctx.seed.daGui.filter((p) => p.LoaiDuLieu === loaiDuLieu).reverse() : [];
  const fromHistory = history.slice(Math.max(0, offset - live.total), Math.max(0, offset - live.total) + soBanGhi - live.items.length);
  return { TongSo: live.total + history.length, Trang: trang, SoBanGhi: soBanGhi, DanhSach: [...live.items, ...fromHistory] };
}

async function giamSatThietBi(ctx: Ctx) {
  const f = ctx.input as { loai?: string; trangThai?: string; maXa?: string; chiQuaHan?: boolean; trang?: number; soBanGhi?: number };
  const live = (await ctx.records.list<ThietBi>('thietBi', 0, 100_000)).items;
  const byId = new Map((ownSeed(ctx) ? ctx.seed.thietBi : []).map((t) => [t.MaThietBi, t]));
  for (const t of live) byId.set(t.MaThietBi, t);
  const han = formatTimestampCompact(new Date(ctx.now().getTime() - HAN_BAO_CAO_PHUT * 60_000));
  const all = [...byId.values()]
    .sort((a, b) => (a.MaThietBi < b.MaThietBi ? -1 : 1))
    .map((t) => ({ ...t, TenLoaiThietBi: LOAI_THIET_BI[t.LoaiThietBi], TenTrangThai: TRANG_THAI_THIET_BI[t.TrangThaiGanNhat.TrangThai], QuaHanBaoCao: t.TrangThaiGanNhat.ThoiDiem < han }));
  const count = (s: keyof typeof TRANG_THAI_THIET_BI) => all.filter((t) => t.TrangThaiGanNhat.TrangThai === s).length;
  const rows = all.filter((t) => (!f.loai || t.LoaiThietBi === f.loai) && (!f.trangThai || t.TrangThaiGanNhat.TrangThai === f.trangThai) && (!f.maXa || t.MaXa === f.maXa) && (!f.chiQuaHan || t.QuaHanBaoCao));
  return {
    TongHop: { Tong: all.length, HoatDong: count('HOAT_DONG'), MatKetNoi: count('MAT_KET_NOI'), Loi: count('LOI'), Tat: count('TAT'), QuaHanBaoCao: all.filter((t) => t.QuaHanBaoCao).length },
    ...paginate(rows, f.trang, f.soBanGhi),
  };
}

const tyLe = (s: Pick<SoLieu, 'SoDaiUngDungCNTT' | 'SoDaiTruyenThanhCapXa'>) =>
  s.SoDaiTruyenThanhCapXa ? Math.round((s.SoDaiUngDungCNTT / s.SoDaiTruyenThanhCapXa) * 1000) / 10 : 0;

async function thongKeToanQuoc(ctx: Ctx) {
  const { kyBaoCao, trang, soBanGhi } = ctx.input as { kyBaoCao: string; trang?: number; soBanGhi?: number };
  const rows = new Map(ctx.seed.thongKeTinh.filter((r) => r.KyBaoCao === kyBaoCao).map((r) => [r.MaTinh, r]));
  // The caller's own latest report of the quarter replaces the central copy of its row.
  const own = await latestReport(ctx, kyBaoCao);
  if (own) {
    rows.set(own.MaTinh, {
      MaTinh: own.MaTinh, TenTinh: indexes(ctx.seed).tenTinh.get(own.MaTinh) ?? own.MaTinh, KyBaoCao: kyBaoCao, LanGui: own.LanGui,
      MaBienNhan: own.MaBienNhan, ThoiGianTiepNhan: own.ThoiGianTiepNhan, SoLieu: own.SoLieu,
    });
  }
  if (rows.size === 0) throw new NdxpError('RECORD_NOT_FOUND', { field: 'kyBaoCao', detailVi: `chưa có báo cáo ${kyBaoCao}`, detailEn: `no reports for ${kyBaoCao}` });
  const list = [...rows.values()].sort((a, b) => (a.MaTinh < b.MaTinh ? -1 : 1));
  const keys = Object.keys(list[0]!.SoLieu) as Array<keyof SoLieu>;
  const tong = Object.fromEntries(keys.map((k) => [k, list.reduce((a, r) => a + r.SoLieu[k], 0)])) as unknown as SoLieu;
  return {
    KyBaoCao: kyBaoCao,
    SoTinhDaBaoCao: list.length,
    TongHop: { ...tong, TyLeXaCoDaiIP: tyLe(tong) },
    ...paginate(list.map(({ KyBaoCao: _k, ...r }) => ({ ...r, TyLeXaCoDaiIP: tyLe(r.SoLieu) })), trang, soBanGhi),
  };
}

export default defineConnector<Seed>({
  id: 'thong-tin-nguon',
  protocol: 'rest',
  agencyCode: TTN_AGENCY,
  seedSchemas: { noiDung: 'noiDung.record', thietBi: 'thietBi.record', thongKeTinh: 'thongKeTinh.record', daGui: 'daGui.record' },
  operations: {
    danhSachNoiDung: {
      summary: 'Danh sách thông tin nguồn Trung ương cung cấp cho đài truyền thanh, bảng tin điện tử cơ sở (lọc loại, chủ đề, ngày, từ khóa không dấu)',
      summaryEn: 'Central source content for grassroots radio and public e-boards, newest first',
      method: 'GET',
      path: '/ttn/1.0/danhSachNoiDung',
      serves: [0, 1],
      example: { query: { loai: 'BAN_TIN_PHAT_THANH', soBanGhi: '10' } },
      handler: danhSachNoiDung,
    },
    chiTietNoiDung: {
      summary: 'Chi tiết một nội dung: văn bản, tệp âm thanh/hình ảnh (đường dẫn, dung lượng, thời lượng, mã băm), phiên bản; hỗ trợ ETag/If-None-Match',
      summaryEn: 'One content item with its files and version; ETag / If-None-Match',
      method: 'GET',
      path: '/ttn/1.0/chiTietNoiDung',
      serves: [0, 1],
      example: { query: { maNoiDung: '$seed:noiDung.0.MaNoiDung' } },
      handler: chiTietNoiDung,
    },
    dayBanTinDiaPhuong: {
      summary: 'Gửi bản tin, chương trình phát thanh, bản tin điện tử của địa phương lên lưu trữ Trung ương; gửi lại cùng MaBanTin là an toàn',
      summaryEn: 'Push a local bulletin or programme to the central archive; idempotent per MaBanTin',
      method: 'POST',
      path: '/ttn/1.0/dayBanTinDiaPhuong',
      responseSchema: 'bienNhan.response',
      serves: [1],
      example: { body: '$seed:daGui.3.DuLieu' },
      handler: dayBanTinDiaPhuong,
    },
    dayTrangThaiThietBi: {
      summary: 'Gửi trạng thái trực tuyến của cụm loa truyền thanh IP, bảng tin điện tử (gói tối đa 500 thiết bị); gửi lại cùng MaGoiTin là an toàn',
      summaryEn: 'Push the live status of IP loudspeakers and e-boards; idempotent per MaGoiTin',
      method: 'POST',
      path: '/ttn/1.0/dayTrangThaiThietBi',
      responseSchema: 'bienNhan.response',
      serves: [2],
      example: {
        body: {
          MaGoiTin: 'AG-GS-20251101-0800',
          ThoiDiemGui: '20251101080100',
          DanhSach: [
            { MaThietBi: '$seed:thietBi.0.MaThietBi', TrangThai: 'HOAT_DONG', ThoiDiem: '20251101080000', DangPhat: true, MaNoiDungDangPhat: '$seed:noiDung.0.MaNoiDung', AmLuong: 70 },
            { MaThietBi: '$seed:thietBi.1.MaThietBi', TrangThai: 'LOI', ThoiDiem: '20251101080000', MaLoi: 'E-AMP', MoTaLoi: 'Bộ khuếch đại công suất không phản hồi' },
          ],
        },
      },
      handler: dayTrangThaiThietBi,
    },
    giamSatThietBi: {
      summary: 'Giám sát trực tuyến cụm loa, bảng tin điện tử của tỉnh: tổng hợp theo trạng thái, thiết bị quá hạn báo cáo, danh sách lọc theo loại, xã',
      summaryEn: 'Live monitoring of the province’s loudspeakers and e-boards',
      method: 'GET',
      path: '/ttn/1.0/giamSatThietBi',
      serves: [2],
      example: { query: { loai: 'CUM_LOA_IP', soBanGhi: '20' } },
      handler: giamSatThietBi,
    },
    dayBaoCaoThongKe: {
      summary: 'Gửi báo cáo thống kê hoạt động thông tin cơ sở theo quý (bản sửa gửi LanGui tiếp theo); gửi lại cùng kỳ, cùng lần là an toàn',
      summaryEn: 'Push the quarterly grassroots-information statistics (corrections as the next LanGui)',
      method: 'POST',
      path: '/ttn/1.0/dayBaoCaoThongKe',
      responseSchema: 'bienNhan.response',
      serves: [3],
      example: { body: '$seed:daGui.2.DuLieu' },
      handler: dayBaoCaoThongKe,
    },
    thongKeToanQuoc: {
      summary: 'Thống kê hoạt động thông tin cơ sở của 34 tỉnh, thành phố theo quý và tổng hợp toàn quốc',
      summaryEn: 'Nationwide grassroots-information statistics per province and quarter',
      method: 'GET',
      path: '/ttn/1.0/thongKeToanQuoc',
      serves: [3],
      example: { query: { kyBaoCao: '2025-Q3', soBanGhi: '34' } },
      handler: thongKeToanQuoc,
    },
    traCuuBienNhan: {
      summary: 'Đọc lại dữ liệu tỉnh đã gửi (bản tin, trạng thái thiết bị, báo cáo) theo mã biên nhận',
      summaryEn: 'Read back any push by its receipt id',
      method: 'GET',
      path: '/ttn/1.0/traCuuBienNhan',
      serves: [1, 2, 3],
      example: { query: { maBienNhan: '$seed:daGui.0.BienNhan.MaBienNhan' } },
      handler: traCuuBienNhan,
    },
    danhSachDaGui: {
      summary: 'Danh sách dữ liệu tỉnh đã gửi theo loại, mới nhất trước, có phân trang',
      summaryEn: 'The province’s pushes of one kind, newest first, paged',
      method: 'GET',
      path: '/ttn/1.0/danhSachDaGui',
      serves: [1, 2, 3],
      example: { query: { loaiDuLieu: 'BAN_TIN', soBanGhi: '10' } },
      handler: danhSachDaGui,
    },
  },
  scenarios: [
    {
      name: 'thu-hoi-noi-dung',
      description: 'Trung ương thu hồi nội dung (sai sót, đã có phiên bản thay thế): nội dung trả TrangThai THU_HOI kèm lý do, địa phương phải dừng phát',
      descriptionEn: 'The centre recalls an item: it answers TrangThai THU_HOI with the reason; stations must stop playing it',
      effect: { handled: true },
      operations: ['chiTietNoiDung', 'danhSachNoiDung'],
      expect: { operation: 'chiTietNoiDung', status: 200, body: { TrangThai: 'THU_HOI', LyDoThuHoi: LY_DO_THU_HOI } },
    },
    {
      name: 'tin-khan-cap',
      description: 'Có bản tin khẩn (cảnh báo lũ, triều cường) vừa phát hành cho tỉnh: danh sách đưa tin khẩn lên đầu, CoTinKhan = true',
      descriptionEn: 'An urgent warning was just issued for the province: it tops the list and CoTinKhan is true',
      effect: { handled: true },
      operations: ['danhSachNoiDung'],
      expect: { operation: 'danhSachNoiDung', status: 200, body: { CoTinKhan: true } },
    },
  ],
});
