import type { DossierRecord } from '../../src/core/connector.js';
import { formatTimestampCompact } from '../../src/core/identifiers.js';
import { defineLifecycle } from '../../src/core/lifecycle.js';
import type { WireAddress } from '../_shared/wire.js';
import {
  HUONG_XU_LY, LOAI_DON, LY_DO_PHAT_KHONG_THANH_CONG, TRANG_THAI, TRUNG_TAM_KHAI_THAC, tenTrangThai, type HuongXuLy, type LoaiDon, type TrangThai,
} from './codes.js';

export interface CongDan {
  HoTen: string;
  SoDinhDanh?: string;
  SoDienThoai: string;
  DiaChi: WireAddress;
}

export interface CoQuan {
  MaCoQuan: string;
  TenCoQuan: string;
  SoDienThoai: string;
  DiaChi: WireAddress;
}

export interface YeuCauXuLy {
  MaYeuCau: string;
  HuongXuLy: HuongXuLy;
  ThoiGian: string;
  GhiChu?: string;
}

/** What an order keeps from its creation (the data of a live order, the fixed part of a seeded one). */
export interface DonHang {
  MaVanDon: string;
  LoaiDon: LoaiDon;
  MaHoSo: string;
  MaTTHC: string;
  TenTTHC: string;
  KenhThucHien: '1' | '2' | '3';
  CongDan: CongDan;
  CoQuan: CoQuan;
  KhoiLuong: number;
  SoLuongHoSo: number;
  ThuHo: number;
  CuocChinh: number;
  PhiThuHo: number;
  TongCuoc: number;
  NgayTao: string;
  NgayDuKienPhat: string;
  GhiChu?: string;
  MaThamChieu?: string;
  YeuCauXuLy?: YeuCauXuLy[];
  LyDoHuy?: string;
}

export interface SuKien {
  TrangThai: TrangThai;
  TenTrangThai: string;
  ThoiGian: string;
  BuuCuc: string;
  GhiChu: string;
}

export interface DonHangView extends DonHang {
  TenLoaiDon: string;
  TrangThai: TrangThai;
  TenTrangThai: string;
  HanhTrinh: SuKien[];
  KetQuaPhat?: { ThoiGianPhat: string; NguoiKyNhan: string };
  LyDoPhatKhongThanhCong?: string;
}

/** "Phường Long Xuyên" → "Bưu điện phường Long Xuyên". */
export const tenBuuCuc = (donVi: string) => `Bưu điện ${donVi.charAt(0).toLocaleLowerCase('vi')}${donVi.slice(1)}`;

/** The post office serving an address: the commune's within An Giang, the provincial one elsewhere. */
export const buuCucCua = (a: WireAddress) => tenBuuCuc(a.MaTinh === '91' ? a.TenXa : a.TenTinh);

const diemDi = (d: DonHang) => (d.LoaiDon === 'THU_GOM' ? d.CongDan.DiaChi : d.CoQuan.DiaChi);
const diemDen = (d: DonHang) => (d.LoaiDon === 'THU_GOM' ? d.CoQuan.DiaChi : d.CongDan.DiaChi);
/** The note a province decision leaves on the order's journey. */
export const noteXuLy = (yc: Pick<YeuCauXuLy, 'MaYeuCau' | 'HuongXuLy' | 'GhiChu'>) =>
  `Theo yêu cầu ${yc.MaYeuCau} của cơ quan: ${HUONG_XU_LY[yc.HuongXuLy].toLocaleLowerCase('vi')}${yc.GhiChu ? ` (${yc.GhiChu})` : ''}`;

export const nguoiNhan = (d: DonHang) => (d.LoaiDon === 'THU_GOM' ? d.CoQuan.TenCoQuan : d.CongDan.HoTen);

/** One tracking event: where the item was (post office) and what happened, as VNPost's tracking page words it. */
export function suKien(d: DonHang, trangThai: TrangThai, at: Date, note?: string): SuKien {
  const thuGom = d.LoaiDon === 'THU_GOM';
  const where: Record<TrangThai, string> = {
    '1': buuCucCua(diemDi(d)),
    '2': buuCucCua(diemDi(d)),
    '3': TRUNG_TAM_KHAI_THAC,
    '5': buuCucCua(diemDen(d)),
    '6': buuCucCua(diemDen(d)),
    '7': buuCucCua(diemDen(d)),
    '8': buuCucCua(diemDi(d)),
    '9': buuCucCua(diemDi(d)),
  };
  const what: Record<TrangThai, string> = {
    '1': thuGom ? 'Đã tiếp nhận yêu cầu thu gom hồ sơ' : 'Đã tiếp nhận yêu cầu chuyển phát kết quả',
    '2': thuGom ? 'Bưu tá đã nhận hồ sơ từ công dân' : 'Bưu tá đã nhận kết quả tại cơ quan giải quyết',
    '3': 'Đã chuyển đến trung tâm khai thác, đang vận chuyển đến bưu cục phát',
    '5': thuGom ? 'Đã giao hồ sơ cho Bộ phận tiếp nhận và trả kết quả' : 'Đã phát kết quả, người nhận đã ký nhận',
    '6': LY_DO_PHAT_KHONG_THANH_CONG,
    '7': 'Bưu gửi đang được chuyển hoàn về người gửi',
    '8': 'Đã hoàn trả bưu gửi cho người gửi',
    '9': 'Đơn hàng đã hủy theo yêu cầu của cơ quan',
  };
  return { TrangThai: trangThai, TenTrangThai: TRANG_THAI[trangThai].label, ThoiGian: formatTimestampCompact(at), BuuCuc: where[trangThai], GhiChu: note ?? what[trangThai] };
}

/** An order as the tracking service answers it, from its data, its current status and its events. */
export function toView(
  d: DonHang,
  trangThai: TrangThai,
  events: Array<{ to: TrangThai; at: Date; note?: string }>,
  result: Record<string, unknown> = {},
): DonHangView {
  return {
    ...d,
    TenLoaiDon: LOAI_DON[d.LoaiDon].label,
    TrangThai: trangThai,
    TenTrangThai: tenTrangThai(trangThai),
    HanhTrinh: events.map((e) => suKien(d, e.to, e.at, e.note)),
    ...(result.KetQuaPhat ? { KetQuaPhat: result.KetQuaPhat as DonHangView['KetQuaPhat'] } : {}),
    ...(result.LyDoPhatKhongThanhCong ? { LyDoPhatKhongThanhCong: String(result.LyDoPhatKhongThanhCong) } : {}),
  };
}

export const fromDossier = (r: DossierRecord): DonHangView =>
  toView(r.data as unknown as DonHang, r.status as TrangThai, r.history.map((h) => ({ to: h.to as TrangThai, at: new Date(h.at), ...(h.note ? { note: h.note } : {}) })), r.result);

/**
 * The order's journey. The central side (VNPost) picks up, carries and delivers on its own (simulated durations, divided
 * by CLOCK_FACTOR); the province may cancel before pickup (1 → 9) and, after a failed delivery, ask to deliver again
 * (6 → 3) or to return the item (6 → 7). Scenario `phat-khong-thanh-cong` fails the delivery and returns the item
 * when nobody decides; `treo-van-chuyen` leaves it in transit.
 */
export const donHangLifecycle = defineLifecycle<TrangThai>({
  statusField: 'TrangThai',
  initial: '1',
  // An order is the logistics of a dossier (numbered by its waybill); the dossier itself is synchronised by the
  // connector that handles it.
  syncsToDvcqg: false,
  states: {
    '1': TRANG_THAI['1'],
    '2': TRANG_THAI['2'],
    '3': TRANG_THAI['3'],
    '5': { ...TRANG_THAI['5'], terminal: true },
    '6': TRANG_THAI['6'],
    '7': TRANG_THAI['7'],
    '8': { ...TRANG_THAI['8'], terminal: true },
    '9': { ...TRANG_THAI['9'], terminal: true },
  },
  moves: { '1': ['2', '9'], '2': ['3'], '3': ['5', '6'], '6': ['3', '7'], '7': ['8'] },
  auto: {
    '1': { to: '2', afterMs: 30 * 60_000 },
    '2': { to: '3', afterMs: 20 * 60_000 },
    '3': { to: '5', afterMs: 30 * 60_000 },
    '6': { to: '7', afterMs: 30 * 60_000 },
    '7': { to: '8', afterMs: 30 * 60_000 },
  },
  scenarios: {
    'phat-khong-thanh-cong': { '3': { to: '6', afterMs: 30 * 60_000 } },
    'treo-van-chuyen': { '3': null },
  },
  provinceMoves: ['9', '3', '7'],
  onEnter: {
    '5': ({ data, at }) => ({ KetQuaPhat: { ThoiGianPhat: formatTimestampCompact(at), NguoiKyNhan: nguoiNhan(data as unknown as DonHang) } }),
    '6': () => ({ LyDoPhatKhongThanhCong: LY_DO_PHAT_KHONG_THANH_CONG }),
  },
});
