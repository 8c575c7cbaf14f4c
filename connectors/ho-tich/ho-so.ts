/**
 * The hộ tịch dossier: what the province sends, what the central side keeps, and the registration result built when
 * the dossier reaches TrangThai 4. Pure functions: the seeded history and live dossiers are built the same way.
 */
import { formatDateDmy, formatTimestampCompact, makeCccd } from '../../src/core/identifiers.js';
import { coSoKcbTheoMa, type CoSoKcb } from '../_shared/co-so-kcb.js';
import { maNoiDangKyKhaiSinh, tenUbndXa, TEN_TINH_AN_GIANG } from '../_shared/don-vi-hanh-chinh.js';
import { hashInt, pickBy } from '../_shared/hash.js';
import type { DuLieuLienThong, TaiLieu } from '../_shared/ho-so-lien-thong.js';
import { taoTepKetQua, type TepKetQua } from '../_shared/tep-ket-qua.js';
import { addWorkingDays, isoPlusDays, isoPlusYears } from '../_shared/thoi-gian.js';
import { dmyToIso } from '../_shared/wire.js';
import { HAN_BO_SUNG_NGAY_LAM_VIEC, LOAI_HO_SO, NGUOI_KY, YEU_CAU_BO_SUNG, type LoaiHoSo } from './codes.js';

export interface Nguoi {
  HoVaTen: string;
  SoDinhDanh: string;
  NgaySinh: string;
  GioiTinh: '1' | '2';
  DanToc?: string;
  QuocTich: string;
  NoiCuTru: string;
}

export interface NguoiYeuCau {
  HoVaTen: string;
  SoDinhDanh: string;
  NgaySinh: string;
  QuanHe: string;
  SoDienThoai: string;
  Email?: string;
  NoiCuTru: string;
}

export interface KhaiSinh {
  NguoiDuocKhaiSinh: { HoVaTen: string; GioiTinh: '1' | '2'; NgaySinh: string; NoiSinh: string; DanToc: string; QuocTich: string; QueQuan: string };
  Me: Nguoi;
  Cha?: Nguoi;
  SoGiayChungSinh: string;
}

export interface KhaiTu {
  NguoiDaMat: Nguoi;
  NgayMat: string;
  NoiMat: string;
  NguyenNhan: string;
  GiayBaoTu: { So: string; NgayCap: string; CoQuanCap: string };
}

export type TinhTrangHonNhan = 'CHUA_KET_HON' | 'DA_LY_HON' | 'GOA' | 'DANG_CO_VO_CHONG';

/** The body of nhanHoSoHoTich / nhanHoSoKhaiSinhBhyt, as the province sent it. */
export interface YeuCauHoTich {
  MaHoSoTinh?: string;
  LoaiHoSo?: Exclude<LoaiHoSo, 'KSBHYT'>;
  MaXaDangKy: string;
  KenhThucHien: '1' | '2' | '3';
  NguoiYeuCau: NguoiYeuCau;
  KhaiSinh?: KhaiSinh;
  KhaiTu?: KhaiTu;
  KetHon?: { BenNam: Nguoi; BenNu: Nguoi };
  NhanChaMeCon?: { BenNhan: Nguoi; BenDuocNhan: Nguoi; QuanHe: 'CHA_NHAN_CON' | 'ME_NHAN_CON' | 'CON_NHAN_CHA' | 'CON_NHAN_ME' };
  XacNhanTinhTrangHonNhan?: { NguoiDuocXacNhan: Nguoi; TinhTrangHonNhan: TinhTrangHonNhan; MucDichSuDung: string };
  ThayDoiCaiChinh?: { NguoiDuocThayDoi: Nguoi; LoaiViec: 'THAY_DOI' | 'CAI_CHINH' | 'BO_SUNG'; SoDangKyGoc: string; NoiDungTruoc: string; NoiDungSau: string; LyDo: string };
  TheBhyt?: { NoiDangKyKCBBD: string; HinhThucNhanThe: '1' | '2' | '3' };
  TaiLieuNop: TaiLieu[];
}

/** What a dossier keeps besides its status (the dossier store's `data`). */
export interface DuLieuHoSo extends DuLieuLienThong {
  YeuCau: YeuCauHoTich;
  LoaiHoSo: LoaiHoSo;
  CoQuanDangKy: string;
}

export interface TheBhytTreEm {
  MaThe: string;
  MaSoBhxh: string;
  HoVaTen: string;
  NgaySinh: string;
  GiaTriTu: string;
  GiaTriDen: string;
  NoiDangKyKCBBD: CoSoKcb;
  MucHuong: 100;
}

export interface KetQuaDangKy {
  So: string;
  QuyenSo: string;
  NgayDangKy: string;
  CoQuanDangKy: string;
  NguoiKy: string;
  ChucVuNguoiKy: string;
  SoDinhDanhCaNhan?: string;
  TheBhyt?: TheBhytTreEm;
  GiaTriDen?: string;
  GiayToKetQua: Array<{ TenGiayTo: string; SoHieu: string; TepDinhKem: TepKetQua }>;
}

const GIOI_TINH = { '1': 'Nam', '2': 'Nữ' } as const;

export const TINH_TRANG_HON_NHAN: Record<TinhTrangHonNhan, string> = {
  CHUA_KET_HON: 'Chưa đăng ký kết hôn với ai',
  DA_LY_HON: 'Đã đăng ký kết hôn nhưng đã ly hôn, hiện tại chưa đăng ký kết hôn với ai',
  GOA: 'Có vợ/chồng đã chết, hiện tại chưa đăng ký kết hôn với ai',
  DANG_CO_VO_CHONG: 'Hiện tại đang có vợ/chồng',
};

const QUAN_HE_CMC = {
  CHA_NHAN_CON: 'Cha nhận con',
  ME_NHAN_CON: 'Mẹ nhận con',
  CON_NHAN_CHA: 'Con nhận cha',
  CON_NHAN_ME: 'Con nhận mẹ',
} as const;

const LOAI_VIEC_TDCC = { THAY_DOI: 'Thay đổi', CAI_CHINH: 'Cải chính', BO_SUNG: 'Bổ sung' } as const;

/** The person the registration is about (for lists and the result file). */
export function nguoiDuocDangKy(y: YeuCauHoTich): { HoVaTen: string; NgaySinh: string } {
  return (
    y.KhaiSinh?.NguoiDuocKhaiSinh ?? y.KhaiTu?.NguoiDaMat ?? y.KetHon?.BenNam ?? y.NhanChaMeCon?.BenDuocNhan ??
    y.XacNhanTinhTrangHonNhan?.NguoiDuocXacNhan ?? y.ThayDoiCaiChinh!.NguoiDuocThayDoi
  );
}

/** "Ủy ban nhân dân Phường Long Xuyên, Tỉnh An Giang": commune-level committees register civil status. */
export const coQuanDangKy = (maXa: string): string => `${tenUbndXa(maXa)}, ${TEN_TINH_AN_GIANG}`;

/** Due date: `thoiHan` working days after receipt (0: the same day). */
export function ngayHenTra(loai: LoaiHoSo, tiepNhan: Date): string {
  return formatDateDmy(addWorkingDays(tiepNhan, LOAI_HO_SO[loai].thoiHan));
}

/** Số định danh cá nhân the dân cư database gives a child at birth registration (derived from the dossier code). */
export function soDinhDanhTreMoi(maHoSo: string, du: DuLieuHoSo, at: Date): string {
  const tre = du.YeuCau.KhaiSinh!.NguoiDuocKhaiSinh;
  const noi = maNoiDangKyKhaiSinh(du.YeuCau.MaXaDangKy, at.toISOString());
  return makeCccd(noi, Number(tre.NgaySinh.slice(6, 10)), tre.GioiTinh === '1' ? 'nam' : 'nu', hashInt(maHoSo, 'so-dinh-danh') % 1_000_000);
}

/** Thẻ BHYT trẻ em (TE, mức hưởng 1 = 100 %), valid from birth until the day before the 72nd month. */
export function theBhytTreEm(du: DuLieuHoSo, maSoBhxh: string): TheBhytTreEm {
  const tre = du.YeuCau.KhaiSinh!.NguoiDuocKhaiSinh;
  const sinh = dmyToIso(tre.NgaySinh);
  return {
    MaThe: `TE191${maSoBhxh}`,
    MaSoBhxh: maSoBhxh,
    HoVaTen: tre.HoVaTen,
    NgaySinh: tre.NgaySinh,
    GiaTriTu: tre.NgaySinh,
    GiaTriDen: formatDateDmy(new Date(`${isoPlusDays(isoPlusYears(sinh, 6), -1)}T00:00:00Z`)),
    NoiDangKyKCBBD: coSoKcbTheoMa(du.YeuCau.TheBhyt!.NoiDangKyKCBBD)!,
    MucHuong: 100,
  };
}

interface GiayTo {
  ten: string;
  tep: string;
  tieuDe: string;
}

const GIAY_TO: Record<LoaiHoSo, GiayTo[]> = {
  KS: [
    { ten: 'Giấy khai sinh (bản chính)', tep: 'GiayKhaiSinh', tieuDe: 'GIẤY KHAI SINH' },
    { ten: 'Trích lục khai sinh (bản sao)', tep: 'TrichLucKhaiSinh', tieuDe: 'TRÍCH LỤC KHAI SINH' },
  ],
  KSBHYT: [
    { ten: 'Giấy khai sinh (bản chính)', tep: 'GiayKhaiSinh', tieuDe: 'GIẤY KHAI SINH' },
    { ten: 'Trích lục khai sinh (bản sao)', tep: 'TrichLucKhaiSinh', tieuDe: 'TRÍCH LỤC KHAI SINH' },
    { ten: 'Thẻ bảo hiểm y tế (bản điện tử)', tep: 'TheBHYT', tieuDe: 'THẺ BẢO HIỂM Y TẾ' },
  ],
  KT: [
    { ten: 'Trích lục khai tử (bản chính)', tep: 'TrichLucKhaiTu', tieuDe: 'TRÍCH LỤC KHAI TỬ' },
    { ten: 'Trích lục khai tử (bản sao)', tep: 'TrichLucKhaiTuBanSao', tieuDe: 'TRÍCH LỤC KHAI TỬ (BẢN SAO)' },
  ],
  KH: [
    { ten: 'Giấy chứng nhận kết hôn (bản chính, giao bên nam)', tep: 'GiayChungNhanKetHon_BenNam', tieuDe: 'GIẤY CHỨNG NHẬN KẾT HÔN' },
    { ten: 'Giấy chứng nhận kết hôn (bản chính, giao bên nữ)', tep: 'GiayChungNhanKetHon_BenNu', tieuDe: 'GIẤY CHỨNG NHẬN KẾT HÔN' },
  ],
  CMC: [
    { ten: 'Trích lục đăng ký nhận cha, mẹ, con (bản chính)', tep: 'TrichLucNhanChaMeCon', tieuDe: 'TRÍCH LỤC ĐĂNG KÝ NHẬN CHA, MẸ, CON' },
    { ten: 'Trích lục đăng ký nhận cha, mẹ, con (bản sao)', tep: 'TrichLucNhanChaMeConBanSao', tieuDe: 'TRÍCH LỤC ĐĂNG KÝ NHẬN CHA, MẸ, CON (BẢN SAO)' },
  ],
  XNHN: [{ ten: 'Giấy xác nhận tình trạng hôn nhân', tep: 'GiayXacNhanTinhTrangHonNhan', tieuDe: 'GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN' }],
  TDCC: [
    { ten: 'Trích lục thay đổi, cải chính, bổ sung thông tin hộ tịch (bản chính)', tep: 'TrichLucThayDoiCaiChinh', tieuDe: 'TRÍCH LỤC THAY ĐỔI, CẢI CHÍNH, BỔ SUNG THÔNG TIN HỘ TỊCH' },
    { ten: 'Trích lục thay đổi, cải chính, bổ sung thông tin hộ tịch (bản sao)', tep: 'TrichLucThayDoiCaiChinhBanSao', tieuDe: 'TRÍCH LỤC THAY ĐỔI, CẢI CHÍNH (BẢN SAO)' },
  ],
};

const dongNguoi = (vaiTro: string, n: Nguoi) => [
  `${vaiTro}: ${n.HoVaTen}`,
  `  Ngày sinh: ${n.NgaySinh}; Giới tính: ${GIOI_TINH[n.GioiTinh]}; Số định danh cá nhân: ${n.SoDinhDanh}`,
  `  Nơi cư trú: ${n.NoiCuTru}`,
];

/** The registered facts printed on the result documents. */
function noiDung(du: DuLieuHoSo, kq: Pick<KetQuaDangKy, 'SoDinhDanhCaNhan' | 'TheBhyt' | 'GiaTriDen'>): string[] {
  const y = du.YeuCau;
  if (y.KhaiSinh) {
    const t = y.KhaiSinh.NguoiDuocKhaiSinh;
    return [
      `Họ, chữ đệm, tên: ${t.HoVaTen}`,
      `Ngày, tháng, năm sinh: ${t.NgaySinh}; Giới tính: ${GIOI_TINH[t.GioiTinh]}; Dân tộc: ${t.DanToc}; Quốc tịch: ${t.QuocTich}`,
      `Số định danh cá nhân: ${kq.SoDinhDanhCaNhan}`,
      `Nơi sinh: ${t.NoiSinh}; Quê quán: ${t.QueQuan}`,
      ...dongNguoi('Họ, chữ đệm, tên người mẹ', y.KhaiSinh.Me),
      ...(y.KhaiSinh.Cha ? dongNguoi('Họ, chữ đệm, tên người cha', y.KhaiSinh.Cha) : ['Họ, chữ đệm, tên người cha: (chưa xác định)']),
      ...(kq.TheBhyt
        ? [`Thẻ BHYT: ${kq.TheBhyt.MaThe}, giá trị sử dụng từ ${kq.TheBhyt.GiaTriTu} đến ${kq.TheBhyt.GiaTriDen}`,
          `Nơi đăng ký KCB ban đầu: ${kq.TheBhyt.NoiDangKyKCBBD.TenCoSo} (${kq.TheBhyt.NoiDangKyKCBBD.MaCoSo})`]
        : []),
    ];
  }
  if (y.KhaiTu) {
    const k = y.KhaiTu;
    return [...dongNguoi('Họ, chữ đệm, tên người đã chết', k.NguoiDaMat), `Đã chết vào ngày: ${k.NgayMat}; Nơi chết: ${k.NoiMat}`,
      `Nguyên nhân chết: ${k.NguyenNhan}`, `Giấy báo tử số ${k.GiayBaoTu.So} ngày ${k.GiayBaoTu.NgayCap} của ${k.GiayBaoTu.CoQuanCap}`];
  }
  if (y.KetHon) return [...dongNguoi('Họ, chữ đệm, tên người chồng', y.KetHon.BenNam), ...dongNguoi('Họ, chữ đệm, tên người vợ', y.KetHon.BenNu)];
  if (y.NhanChaMeCon) {
    const c = y.NhanChaMeCon;
    return [`Việc đăng ký: ${QUAN_HE_CMC[c.QuanHe]}`, ...dongNguoi('Bên nhận', c.BenNhan), ...dongNguoi('Bên được nhận', c.BenDuocNhan)];
  }
  if (y.XacNhanTinhTrangHonNhan) {
    const x = y.XacNhanTinhTrangHonNhan;
    return [...dongNguoi('Họ, chữ đệm, tên', x.NguoiDuocXacNhan), `Tình trạng hôn nhân: ${TINH_TRANG_HON_NHAN[x.TinhTrangHonNhan]}`,
      `Giấy này được cấp để: ${x.MucDichSuDung}`, `Giấy này có giá trị sử dụng đến ngày ${kq.GiaTriDen}`];
  }
  const d = y.ThayDoiCaiChinh!;
  return [...dongNguoi('Người được thay đổi, cải chính, bổ sung', d.NguoiDuocThayDoi), `Nội dung: ${LOAI_VIEC_TDCC[d.LoaiViec]} thông tin hộ tịch`,
    `Thông tin trước: ${d.NoiDungTruoc}`, `Thông tin sau: ${d.NoiDungSau}`, `Lý do: ${d.LyDo}`, `Theo việc hộ tịch đã đăng ký số: ${d.SoDangKyGoc}`];
}

/**
 * The registration result (TrangThai 4). For a birth, the child's số định danh and BHXH number come from the seed
 * when known (the shared population's children), otherwise they are derived from the dossier code.
 */
export function buildKetQua(args: { maHoSo: string; du: DuLieuHoSo; at: Date; soDinhDanh?: string; maSoBhxh?: string }): KetQuaDangKy {
  const { maHoSo, du, at } = args;
  const nam = at.getUTCFullYear();
  const nguoiKy = pickBy(NGUOI_KY, du.YeuCau.MaXaDangKy, 'nguoi-ky');
  const so = String(Number(maHoSo.slice(-4)));
  const quyenSo = `01/${nam}`;
  const khaiSinh = du.LoaiHoSo === 'KS' || du.LoaiHoSo === 'KSBHYT';
  const extra: Pick<KetQuaDangKy, 'SoDinhDanhCaNhan' | 'TheBhyt' | 'GiaTriDen'> = {
    ...(khaiSinh ? { SoDinhDanhCaNhan: args.soDinhDanh ?? soDinhDanhTreMoi(maHoSo, du, at) } : {}),
    ...(du.LoaiHoSo === 'KSBHYT'
      ? { TheBhyt: theBhytTreEm(du, args.maSoBhxh ?? `91${String(hashInt(maHoSo, 'bhxh') % 100_000_000).padStart(8, '0')}`) }
      : {}),
    ...(du.LoaiHoSo === 'XNHN' ? { GiaTriDen: formatDateDmy(new Date(Date.UTC(nam, at.getUTCMonth() + 6, at.getUTCDate()))) } : {}),
  };
  const ngay = formatDateDmy(at);
  const lines = noiDung(du, extra);
  return {
    So: so,
    QuyenSo: quyenSo,
    NgayDangKy: ngay,
    CoQuanDangKy: du.CoQuanDangKy,
    NguoiKy: nguoiKy.HoVaTen,
    ChucVuNguoiKy: nguoiKy.ChucVu,
    ...extra,
    GiayToKetQua: GIAY_TO[du.LoaiHoSo].map((g) => ({
      TenGiayTo: g.ten,
      SoHieu: `Số ${so}, Quyển số ${quyenSo}`,
      TepDinhKem: taoTepKetQua(`${g.tep}_${maHoSo}.pdf`, [
        du.CoQuanDangKy.toUpperCase(),
        g.tieuDe,
        `Số: ${so}; Quyển số: ${quyenSo}`,
        ...lines,
        `Nơi đăng ký: ${du.CoQuanDangKy}; Ngày đăng ký: ${ngay}`,
        `${nguoiKy.ChucVu}: ${nguoiKy.HoVaTen}`,
      ]),
    })),
  };
}

export function buildYeuCauBoSung(loai: LoaiHoSo, at: Date) {
  return {
    NoiDung: YEU_CAU_BO_SUNG[loai],
    ThoiGianYeuCau: formatTimestampCompact(at),
    HanBoSung: formatDateDmy(addWorkingDays(at, HAN_BO_SUNG_NGAY_LAM_VIEC)),
  };
}
