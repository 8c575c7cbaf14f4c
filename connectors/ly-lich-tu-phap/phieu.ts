/**
 * The issued certificate (phiếu lý lịch tư pháp), built the same way for the seeded history and for live dossiers
 * when the central side enters DEC_STATUS 5. Pure: everything it needs travels in the dossier's data.
 */
import { createHash } from 'node:crypto';
import { formatDateDmy } from '../../src/core/identifiers.js';
import { LOAI_PHIEU, NOI_DUNG_KHONG_AN_TICH, TEN_CO_QUAN_CAP } from './codes.js';

export interface NguoiYeuCau {
  HoVaTen: string;
  SoDinhDanh: string;
  NgaySinh: string;
  GioiTinh: '1' | '2';
  NoiCuTru: string;
  SoDienThoai: string;
  Email?: string;
}

/** The request as the province sent it (kept in the dossier's data). */
export interface YeuCauCapPhieu {
  LoaiPhieu: '1' | '2';
  MucDichSuDung: string;
  NguoiYeuCau: NguoiYeuCau;
  SoLuongBanSao: number;
  HinhThucNhan: '1' | '2';
  MaHoSoTinh?: string;
}

/** One conviction as the criminal-record database holds it. */
export interface AnTich {
  SoBanAn: string;
  NgayTuyenAn: string;
  ToaAnTuyen: string;
  ToiDanh: string;
  HinhPhat: string;
  NgayChapHanhXong?: string;
  DaXoaAnTich: boolean;
}

export interface KetQuaCapPhieu {
  SoPhieu: string;
  LoaiPhieu: '1' | '2';
  TenLoaiPhieu: string;
  NgayCap: string;
  CoQuanCap: string;
  NguoiDuocCapPhieu: Omit<NguoiYeuCau, 'SoDienThoai' | 'Email'>;
  MucDichSuDung: string;
  TinhTrangAnTich: 'Không có án tích' | 'Có án tích';
  NoiDung: string;
  DanhSachAnTich: AnTich[];
  SoBanSao: number;
  HinhThucNhan: '1' | '2';
  TepKetQua: { TenTep: string; DinhDang: 'application/pdf'; NoiDungBase64: string; MaHash: string };
}

/**
 * Phiếu số 1 shows only convictions not yet expunged (an expunged one reads "Không có án tích", Luật LLTP Điều 42);
 * phiếu số 2 shows every conviction, expunged ones marked (Điều 43).
 */
export function anTichTrenPhieu(loaiPhieu: '1' | '2', anTich: AnTich[]): AnTich[] {
  return loaiPhieu === '1' ? anTich.filter((a) => !a.DaXoaAnTich) : anTich;
}

const moTa = (a: AnTich) =>
  `${a.ToiDanh}; ${a.HinhPhat} (Bản án số ${a.SoBanAn} ngày ${a.NgayTuyenAn} của ${a.ToaAnTuyen})` +
  (a.DaXoaAnTich ? ', đã được xóa án tích' : '');

/** Số phiếu: the dossier's date and sequence, e.g. 2511050001/STP-LLTP. */
export const soPhieu = (maHoSo: string) => `${maHoSo.slice(-11).replace('-', '')}/STP-LLTP`;

export function buildKetQua(args: { maHoSo: string; yeuCau: YeuCauCapPhieu; anTich: AnTich[]; at: Date }): KetQuaCapPhieu {
  const { maHoSo, yeuCau, at } = args;
  const nguoi = yeuCau.NguoiYeuCau;
  const list = anTichTrenPhieu(yeuCau.LoaiPhieu, args.anTich);
  const noiDung = list.length === 0 ? NOI_DUNG_KHONG_AN_TICH : `Có án tích: ${list.map(moTa).join('; ')}`;
  const so = soPhieu(maHoSo);
  const ngayCap = formatDateDmy(at);
  const text = [
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    LOAI_PHIEU[yeuCau.LoaiPhieu].toUpperCase(),
    `Số: ${so}`,
    `Họ và tên: ${nguoi.HoVaTen}`,
    `Ngày sinh: ${nguoi.NgaySinh}`,
    `Số định danh cá nhân: ${nguoi.SoDinhDanh}`,
    `Nơi cư trú: ${nguoi.NoiCuTru}`,
    `Tình trạng án tích: ${noiDung}`,
    `${TEN_CO_QUAN_CAP}, ngày ${ngayCap}`,
    '(Bản mô phỏng của NDXP Gateway Simulator, không có giá trị pháp lý)',
  ].join('\n');
  const bytes = Buffer.from(text.normalize('NFC'), 'utf8');
  return {
    SoPhieu: so,
    LoaiPhieu: yeuCau.LoaiPhieu,
    TenLoaiPhieu: LOAI_PHIEU[yeuCau.LoaiPhieu],
    NgayCap: ngayCap,
    CoQuanCap: TEN_CO_QUAN_CAP,
    NguoiDuocCapPhieu: {
      HoVaTen: nguoi.HoVaTen,
      SoDinhDanh: nguoi.SoDinhDanh,
      NgaySinh: nguoi.NgaySinh,
      GioiTinh: nguoi.GioiTinh,
      NoiCuTru: nguoi.NoiCuTru,
    },
    MucDichSuDung: yeuCau.MucDichSuDung,
    TinhTrangAnTich: list.length === 0 ? NOI_DUNG_KHONG_AN_TICH : 'Có án tích',
    NoiDung: noiDung,
    DanhSachAnTich: list,
    SoBanSao: yeuCau.SoLuongBanSao,
    HinhThucNhan: yeuCau.HinhThucNhan,
    TepKetQua: {
      TenTep: `PhieuLLTP_${maHoSo}.pdf`,
      DinhDang: 'application/pdf',
      NoiDungBase64: bytes.toString('base64'),
      MaHash: createHash('sha256').update(bytes).digest('hex'),
    },
  };
}
