import { createHash } from 'node:crypto';
import type { DossierRecord } from '../../src/core/connector.js';
import { NdxpError } from '../../src/core/errors.js';
import { formatDateDmy, formatTimestampCompact } from '../../src/core/identifiers.js';
import { defineLifecycle, type LifecycleDefinition } from '../../src/core/lifecycle.js';
import type { WireAddress } from '../_shared/wire.js';
import {
  CAP_DIEN_MOI, LOAI_YEU_CAU, LY_DO_TU_CHOI, makeMaKhachHang, NOI_DUNG_BO_SUNG, TRANG_THAI, tenTrangThai,
  type LoaiYeuCau, type TrangThai,
} from './codes.js';

export interface NguoiYeuCau {
  HoTen: string;
  SoDinhDanh: string;
  SoDienThoai: string;
  Email?: string;
}

/** An attachment as kept: the metadata and the SHA-256 of the file, never the file itself. */
export interface TaiLieu {
  TenTaiLieu: string;
  LoaiTaiLieu: string;
  DinhDang: 'image/jpeg' | 'image/png' | 'application/pdf';
  DungLuong: number;
  MaHash?: string;
  DuongDan?: string;
}

/** An attachment as sent: the file inline (base64) or a link to the province's storage with its size. */
export type TaiLieuGui = Omit<TaiLieu, 'MaHash' | 'DungLuong'> & { NoiDungBase64?: string; DungLuong?: number };

export interface DonVi {
  Ma: string;
  Ten: string;
}

/** What a service request keeps from its submission and from the province's later steps. */
export interface YeuCauData {
  LoaiYeuCau: LoaiYeuCau;
  KhachHang: NguoiYeuCau;
  MaKhachHang?: string;
  ChuTheMoi?: NguoiYeuCau;
  DiaChiSuDungDien?: WireAddress;
  MucDichSuDung?: string;
  SoHoSuDung?: number;
  CongSuatDangKy?: number;
  GhiChu?: string;
  MaHoSoTinh?: string;
  TaiLieuDinhKem: TaiLieu[];
  NgayTiepNhan: string;
  NgayHenHoanThanh: string;
  DonViQuanLy: DonVi;
  BoSung?: Array<{ MaBoSung: string; ThoiGian: string; TaiLieuDinhKem: TaiLieu[]; GhiChu?: string }>;
  KyHopDong?: { SoHopDong: string; HinhThucKy: 'KY_SO' | 'OTP'; ThoiGianKy: string };
  LyDoHuy?: string;
}

export interface YeuCauView extends YeuCauData {
  MaHoSo: string;
  TenLoaiYeuCau: string;
  TrangThai: TrangThai;
  TenTrangThai: string;
  LichSu: Array<{ TrangThai: TrangThai; TenTrangThai: string; ThoiGian: string; GhiChu?: string }>;
  NoiDungYeuCauBoSung?: string;
  HopDongDuThao?: { SoHopDong: string; NgayGui: string };
  KetQua?: { NoiDung: string; NgayHoanThanh: string; MaKhachHang?: string; SoHopDong?: string; MaCongTo?: string };
  LyDoTuChoi?: string;
}

const hashInt = (s: string, mod: number) => parseInt(createHash('sha256').update(s).digest('hex').slice(0, 12), 16) % mod;

/** Contract number in EVN An Giang's style: <5 digits>/<year>/HĐMBĐ-PCAG. */
export const soHopDong = (maKhachHang: string, year: number) => `${maKhachHang.slice(-5)}/${year}/HĐMBĐ-PCAG`;
export const maCongTo = (seedText: string) => String(10_000_000 + hashInt(`cong-to:${seedText}`, 90_000_000));

/** The customer code a new connection gets, stable per request (derived from its code). */
export const maKhachHangMoi = (maHoSo: string, data: YeuCauData) => data.MaKhachHang ?? makeMaKhachHang(Number(data.DonViQuanLy.Ma), hashInt(maHoSo, 10_000_000));

function ketQua(maHoSo: string, d: YeuCauData, at: Date): NonNullable<YeuCauView['KetQua']> {
  const ngay = formatDateDmy(at);
  const mkh = maKhachHangMoi(maHoSo, d);
  switch (d.LoaiYeuCau) {
    case 'CAP_DIEN_MOI_SINH_HOAT':
    case 'CAP_DIEN_MOI_NGOAI_SINH_HOAT':
      return { NoiDung: 'Đã lắp đặt công tơ, nghiệm thu và đóng điện', NgayHoanThanh: ngay, MaKhachHang: mkh, SoHopDong: d.KyHopDong?.SoHopDong ?? soHopDong(mkh, at.getUTCFullYear()), MaCongTo: maCongTo(maHoSo) };
    case 'THAY_DOI_CHU_THE':
      return { NoiDung: `Hợp đồng mua bán điện mới đứng tên ${d.ChuTheMoi?.HoTen ?? ''}`.trim(), NgayHoanThanh: ngay, MaKhachHang: mkh, SoHopDong: d.KyHopDong?.SoHopDong ?? soHopDong(mkh, at.getUTCFullYear()) };
    case 'THAY_DOI_DINH_MUC':
      return { NoiDung: `Áp dụng định mức ${d.SoHoSuDung ?? 1} hộ dùng chung từ kỳ hóa đơn tiếp theo`, NgayHoanThanh: ngay, MaKhachHang: mkh };
    case 'DI_DOI_CONG_TO':
      return { NoiDung: 'Đã di dời công tơ, niêm phong và chốt chỉ số', NgayHoanThanh: ngay, MaKhachHang: mkh, MaCongTo: maCongTo(maHoSo) };
  }
}

const ON_ENTER: LifecycleDefinition<TrangThai>['onEnter'] = {
  '3': ({ data }) => ({
    NoiDungYeuCauBoSung: CAP_DIEN_MOI.includes((data as unknown as YeuCauData).LoaiYeuCau)
      ? NOI_DUNG_BO_SUNG
      : 'Thiếu giấy tờ chứng minh nhân thân của người yêu cầu hoặc văn bản ủy quyền; đề nghị bổ sung',
  }),
  '4': ({ maHoSo, data, at }) => ({
    HopDongDuThao: { SoHopDong: soHopDong(maKhachHangMoi(maHoSo, data as unknown as YeuCauData), at.getUTCFullYear()), NgayGui: formatTimestampCompact(at) },
  }),
  '6': ({ maHoSo, data, at }) => ({ KetQua: ketQua(maHoSo, data as unknown as YeuCauData, at) }),
  '7': () => ({ LyDoTuChoi: LY_DO_TU_CHOI }),
};

/** The result a state brings (the same builders for live requests and the seeded history). */
export const resultOnEntering = (to: TrangThai, args: { maHoSo: string; data: YeuCauData; at: Date }): Record<string, unknown> =>
  ON_ENTER?.[to]?.({ ...args, data: args.data as unknown as Record<string, unknown> }) ?? {};

/** Notes the province's steps leave in the history. */
export const noteBoSung = (maBoSung: string) => `Đã nhận hồ sơ bổ sung ${maBoSung}`;
export const NOTE_KY_HOP_DONG = 'Khách hàng đã ký hợp đồng điện tử';

const HOUR = 3_600_000;
const state = (s: TrangThai, terminal = false) => ({ ...TRANG_THAI[s], ...(terminal ? { terminal } : {}) });

/**
 * Requests that end in a contract (cấp điện mới, thay đổi chủ thể) wait in 4 for the customer's signature (a province
 * move); the others go from the survey straight to the works. The central side (Điện lực) moves on its own with
 * simulated durations; scenario `thieu-ho-so` sends the request back for documents at receipt, `tu-choi` refuses it
 * after the survey.
 */
export const hopDongLifecycle = defineLifecycle<TrangThai>({
  statusField: 'TrangThai',
  initial: '1',
  states: { '1': state('1'), '2': state('2'), '3': state('3'), '4': state('4'), '5': state('5'), '6': state('6', true), '7': state('7', true), '8': state('8', true) },
  moves: { '1': ['2', '3', '8'], '2': ['4', '7', '8'], '3': ['2', '8'], '4': ['5', '8'], '5': ['6'] },
  auto: { '1': { to: '2', afterMs: HOUR }, '2': { to: '4', afterMs: 4 * HOUR }, '5': { to: '6', afterMs: 8 * HOUR } },
  scenarios: { 'thieu-ho-so': { '1': { to: '3', afterMs: HOUR } }, 'tu-choi': { '2': { to: '7', afterMs: 4 * HOUR } } },
  provinceMoves: ['2', '5', '8'],
  onEnter: ON_ENTER,
});

export const dichVuLifecycle = defineLifecycle<Exclude<TrangThai, '4'>>({
  statusField: 'TrangThai',
  initial: '1',
  states: { '1': state('1'), '2': state('2'), '3': state('3'), '5': state('5'), '6': state('6', true), '7': state('7', true), '8': state('8', true) },
  moves: { '1': ['2', '3', '8'], '2': ['5', '7', '8'], '3': ['2', '8'], '5': ['6'] },
  auto: { '1': { to: '2', afterMs: HOUR }, '2': { to: '5', afterMs: 2 * HOUR }, '5': { to: '6', afterMs: 4 * HOUR } },
  scenarios: { 'thieu-ho-so': { '1': { to: '3', afterMs: HOUR } }, 'tu-choi': { '2': { to: '7', afterMs: 2 * HOUR } } },
  provinceMoves: ['2', '8'],
  onEnter: ON_ENTER,
});

export function toView(maHoSo: string, d: YeuCauData, trangThai: TrangThai, events: Array<{ to: TrangThai; at: Date; note?: string }>, result: Record<string, unknown> = {}): YeuCauView {
  return {
    MaHoSo: maHoSo,
    ...d,
    TenLoaiYeuCau: LOAI_YEU_CAU[d.LoaiYeuCau].label,
    TrangThai: trangThai,
    TenTrangThai: tenTrangThai(trangThai),
    LichSu: events.map((e) => ({ TrangThai: e.to, TenTrangThai: tenTrangThai(e.to), ThoiGian: formatTimestampCompact(e.at), ...(e.note ? { GhiChu: e.note } : {}) })),
    ...(result as Partial<YeuCauView>),
  };
}

/** A live request as answered; the content hash kept for idempotent retries stays inside. */
export function fromDossier(r: DossierRecord): YeuCauView {
  const { MaHash: _hash, ...data } = r.data as unknown as YeuCauData & { MaHash?: string };
  return toView(r.maHoSo, data, r.status as TrangThai, r.history.map((h) => ({ to: h.to as TrangThai, at: new Date(h.at), ...(h.note ? { note: h.note } : {}) })), r.result);
}

const MAGIC: Record<TaiLieu['DinhDang'], number[]> = {
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47],
  'application/pdf': [0x25, 0x50, 0x44, 0x46],
};

/**
 * Uploaded files are checked against the type they claim (magic bytes) and kept as metadata + SHA-256; a linked file
 * keeps its link and declared size.
 */
export function nhanTaiLieu(files: TaiLieuGui[], field: string): TaiLieu[] {
  return files.map((f, i) => {
    const where = `${field}[${i}]`;
    const base = { TenTaiLieu: f.TenTaiLieu, LoaiTaiLieu: f.LoaiTaiLieu, DinhDang: f.DinhDang };
    if (f.NoiDungBase64 === undefined) {
      if (!f.DuongDan || f.DungLuong === undefined) {
        throw new NdxpError('VALIDATION_FAILED', { field: where, detailVi: `${where}: cần NoiDungBase64, hoặc DuongDan kèm DungLuong`, detailEn: `${where}: NoiDungBase64, or DuongDan with DungLuong, is required` });
      }
      return { ...base, DungLuong: f.DungLuong, DuongDan: f.DuongDan };
    }
    const bytes = Buffer.from(f.NoiDungBase64, 'base64');
    const magic = MAGIC[f.DinhDang];
    if (bytes.length < magic.length || magic.some((b, k) => bytes[k] !== b)) {
      throw new NdxpError('VALIDATION_FAILED', {
        field: `${where}.NoiDungBase64`,
        detailVi: `${where}: nội dung tệp không phải ${f.DinhDang}`,
        detailEn: `${where}: the file content is not ${f.DinhDang}`,
      });
    }
    return { ...base, DungLuong: bytes.length, MaHash: createHash('sha256').update(bytes).digest('hex'), ...(f.DuongDan ? { DuongDan: f.DuongDan } : {}) };
  });
}
