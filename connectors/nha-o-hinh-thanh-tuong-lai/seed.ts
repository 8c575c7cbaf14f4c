import { createHash } from 'node:crypto';
import { formatTimestampCompact, makeMaHoSo } from '../../src/core/identifiers.js';
import { anGiangCommunes, communePlace, inFormerKienGiang } from '../_shared/communes.js';
import { seedHistory } from '../_shared/dossier-view.js';
import type { Company, Person, SeedBuilder, SeedRng } from '../_shared/population.js';
import { toDmy } from '../_shared/wire.js';
import {
  giayToBatBuoc, LY_DO_KHONG_TIEP_NHAN, NOI_DUNG_YEU_CAU_BO_SUNG, SO_XAY_DUNG_AN_GIANG, tenTrangThai, THOI_HAN_NGAY,
  type LoaiDuAn, type LoaiGiayTo, type LoaiNha, type TrangThai,
} from './codes.js';
import { buildKetQua, type DuAnHoSo, type HoSoNop, type NhaODeNghi, type TaiLieu } from './ket-qua.js';

const BRAND = ['Sông Hậu', 'Hòa Bình', 'Thoại Ngọc Hầu', 'Mekong', 'Phú Cường', 'Tây Nam', 'Bình Minh', 'Hoàng Gia', 'An Phú', 'Golden'];
const BANKS = ['Ngân hàng TMCP Ngoại thương Việt Nam — Chi nhánh An Giang', 'Ngân hàng TMCP Đầu tư và Phát triển Việt Nam — Chi nhánh Kiên Giang', 'Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam — Chi nhánh An Giang', 'Ngân hàng TMCP Công Thương Việt Nam — Chi nhánh Rạch Giá'];
const CHU_TRUONG_LOAI: LoaiDuAn[] = ['NHA_CHUNG_CU', 'NHA_O_RIENG_LE', 'HON_HOP'];

const hash = (s: string) => createHash('sha256').update(s).digest('hex');
const hours = (d: Date, h: number) => new Date(d.getTime() + h * 3_600_000);

function tenDuAn(loai: LoaiDuAn, place: string, brand: string, i: number): string {
  if (loai === 'NHA_CHUNG_CU') return i % 2 ? `Chung cư ${brand} ${place}` : `Khu nhà ở chung cư ${place} ${brand}`;
  if (loai === 'NHA_O_RIENG_LE') return `Khu dân cư ${place} ${(i % 7) + 1}`;
  return i % 2 ? `Khu đô thị mới ${place}` : `Tổ hợp thương mại và nhà ở ${brand} ${place}`;
}

function duAn(companies: Company[], people: Map<string, Person>, rng: SeedRng, i: number) {
  const active = companies.filter((c) => c.tinhTrang === 'dang-hoat-dong');
  const c = active[(i * 3) % active.length]!;
  const loai = CHU_TRUONG_LOAI[i % 3]!;
  const xa = rng.pick(anGiangCommunes().filter((x) => (loai === 'NHA_CHUNG_CU' ? x.loai !== 'xa' : true)));
  const ngayChuTruong = rng.date('2019-03-01', '2024-12-31');
  const canHo = loai === 'NHA_O_RIENG_LE' ? 0 : rng.int(12, 60) * 10;
  const rieng = loai === 'NHA_CHUNG_CU' ? 0 : rng.int(4, 30) * 10;
  const nam = Number(ngayChuTruong.slice(0, 4));
  const dien = loai === 'NHA_CHUNG_CU' ? rng.int(5, 30) * 1000 : loai === 'NHA_O_RIENG_LE' ? rng.int(20, 200) * 1000 : rng.int(100, 800) * 1000;
  return {
    MaDuAn: `DA91${String(nam % 100).padStart(2, '0')}${String(i + 1).padStart(4, '0')}`,
    TenDuAn: tenDuAn(loai, communePlace(xa.ten), rng.pick(BRAND), i),
    LoaiDuAn: loai,
    ChuDauTu: {
      MSDN: c.msdn,
      TenDoanhNghiep: c.tenTiengViet,
      NguoiDaiDien: { HoVaTen: people.get(c.nguoiDaiDien)!.hoVaTen, ChucDanh: c.loaiHinh === 'Công ty cổ phần' ? 'Tổng Giám đốc' : 'Giám đốc' },
      SoDienThoai: c.soDienThoai,
      Email: c.email,
    },
    DiaDiem: { MaXa: xa.ma, TenXa: xa.ten, DiaChi: `${xa.ten}, Tỉnh An Giang` },
    DienTichDat: dien,
    QuyMo: { SoCanHo: canHo, SoNhaRiengLe: rieng },
    TongMucDauTu: (canHo * 1_100 + rieng * 2_400 + rng.int(10, 90) * 100) * 1_000_000,
    QuyetDinhChuTruong: {
      SoHieu: `${rng.int(100, 3200)}/QĐ-UBND`,
      NgayBanHanh: toDmy(ngayChuTruong),
      CoQuanBanHanh: `Ủy ban nhân dân tỉnh ${inFormerKienGiang(xa.ma) ? 'Kiên Giang' : 'An Giang'}`,
    },
    ThoiGianThucHien: { TuNam: nam, DenNam: nam + rng.int(3, 6) },
    TinhTrangDuAn: rng.pick(['DANG_XAY_DUNG', 'DANG_XAY_DUNG', 'DA_HOAN_THANH_MONG', 'DA_HOAN_THANH'] as const),
    DangTheChap: i % 5 === 2,
    SoCanDaThongBao: 0,
  };
}

type DuAn = ReturnType<typeof duAn>;

const toDuAnHoSo = (d: DuAn): DuAnHoSo => ({ MaDuAn: d.MaDuAn, TenDuAn: d.TenDuAn, LoaiDuAn: d.LoaiDuAn, DangTheChap: d.DangTheChap, DiaDiem: d.DiaDiem.DiaChi });

function taiLieu(d: DuAn, loai: LoaiGiayTo, rng: SeedRng, ngay: string): TaiLieu {
  const so: Record<LoaiGiayTo, [string, string]> = {
    GIAY_TO_DAT: [`${rng.int(100, 2999)}/QĐ-UBND`, d.QuyetDinhChuTruong.CoQuanBanHanh],
    QD_CHU_TRUONG: [d.QuyetDinhChuTruong.SoHieu, d.QuyetDinhChuTruong.CoQuanBanHanh],
    GIAY_PHEP_XAY_DUNG: [`${rng.int(10, 499)}/GPXD`, 'Sở Xây dựng tỉnh An Giang'],
    NGHIEM_THU_HTKT: [`${rng.int(1, 99)}/BB-NTHT`, d.ChuDauTu.TenDoanhNghiep],
    NGHIEM_THU_MONG: [`${rng.int(1, 99)}/BB-NTM`, d.ChuDauTu.TenDoanhNghiep],
    BAO_LANH_NGAN_HANG: [`${rng.int(1000, 9999)}/CV-BL`, rng.pick(BANKS)],
    GIAI_CHAP: [`${rng.int(1000, 9999)}/CV-GC`, rng.pick(BANKS)],
  };
  const [soHieu, coQuan] = so[loai];
  return {
    LoaiGiayTo: loai,
    SoHieu: soHieu,
    NgayBanHanh: toDmy(ngay),
    CoQuanBanHanh: coQuan,
    TepDinhKem: { TenTep: `${loai}_${d.MaDuAn}.pdf`, MaHash: hash(`${d.MaDuAn}|${loai}|${soHieu}`) },
  };
}

/** The first phase offered for sale: at most 45 % of the project's units, so later phases remain. */
function dotMoBan(d: DuAn, rng: SeedRng): NhaODeNghi[] {
  const list: NhaODeNghi[] = [];
  const add = (loai: LoaiNha, tong: number, tu: number, den: number, khu: string) =>
    tong > 0 && list.push({ LoaiNha: loai, KhuBlock: khu, SoLuong: Math.max(1, Math.floor((tong * rng.int(20, 45)) / 100)), DienTichSanTu: tu, DienTichSanDen: den, HinhThuc: rng.pick(['BAN', 'BAN', 'BAN_VA_CHO_THUE_MUA'] as const) });
  add('CAN_HO', d.QuyMo.SoCanHo, rng.int(45, 60), rng.int(70, 110), `Block ${rng.pick(['A', 'B', 'C'])}`);
  add(d.LoaiDuAn === 'HON_HOP' && rng.bool() ? 'BIET_THU' : 'NHA_LIEN_KE', d.QuyMo.SoNhaRiengLe, rng.int(80, 120), rng.int(140, 320), `Lô ${rng.pick(['A', 'B', 'C', 'D'])}${rng.int(1, 9)}`);
  return list;
}

/** How a historical dossier ended: most answered eligible and handed over; some not accepted, withdrawn or lacking papers. */
const ketThuc = (i: number): { end: TrangThai; thieu?: LoaiGiayTo; boSung?: boolean } =>
  i % 11 === 4 ? { end: '3' } : i % 11 === 8 ? { end: '7' } : i % 9 === 5 ? { end: '10', thieu: 'BAO_LANH_NGAN_HANG' } : { end: '10', boSung: i % 4 === 1 };

export const buildSeed: SeedBuilder = (population, rng) => {
  const people = new Map(population.people.map((p) => [p.soDinhDanh, p]));
  const duAnList = Array.from({ length: 56 }, (_, i) => duAn(population.companies, people, rng, i));
  // 44 filed notices, one per project (the first 44 projects).
  const hoSoThongBao = duAnList.slice(0, 44).map((d, i) => {
    const nop = hours(new Date(`${rng.date('2025-01-06', '2025-10-10')}T00:00:00Z`), rng.int(8, 16));
    const maHoSo = makeMaHoSo(SO_XAY_DUNG_AN_GIANG, nop, i + 1);
    const { end, thieu, boSung } = ketThuc(i);
    const needed = giayToBatBuoc(d.LoaiDuAn, d.DangTheChap).filter((k) => k !== thieu);
    const hoSo: HoSoNop = {
      MaDuAn: d.MaDuAn,
      ChuDauTu: d.ChuDauTu,
      DanhSachNhaO: dotMoBan(d, rng),
      TaiLieuNop: needed.map((k) => taiLieu(d, k, rng, rng.date('2024-01-10', nop.toISOString().slice(0, 10)))),
    };
    const { step, at, lichSu } = seedHistory(nop, '1', tenTrangThai);
    if (end === '3') step('3', rng.int(4, 30), LY_DO_KHONG_TIEP_NHAN);
    else {
      step('2', rng.int(2, 20));
      if (boSung) {
        step('5', rng.int(20, 48), NOI_DUNG_YEU_CAU_BO_SUNG);
        step('4', rng.int(48, 160), 'Chủ đầu tư đã nộp bổ sung giấy tờ');
      } else step('4', rng.int(4, 24));
      if (end === '7') step('7', rng.int(24, 120), 'Chủ đầu tư đề nghị rút hồ sơ để điều chỉnh thiết kế');
      else {
        step('9', rng.int(150, 300));
        step('10', rng.int(4, 48), 'Đã trả kết quả cho chủ đầu tư');
      }
    }
    const at9 = at('9');
    const ketQua = at9 ? buildKetQua({ maHoSo, hoSo, duAn: toDuAnHoSo(d), at: at9 }) : undefined;
    if (ketQua?.LoaiKetQua === 'DU_DIEU_KIEN') d.SoCanDaThongBao += ketQua.TongSoCan;
    const hen = new Date(nop.getTime() + THOI_HAN_NGAY * 86_400_000);
    return {
      MaHoSo: maHoSo,
      TrangThai: end,
      HoSo: hoSo,
      DuAn: toDuAnHoSo(d),
      ThoiGianNop: formatTimestampCompact(nop),
      NgayHenTra: toDmy(hen.toISOString()),
      LichSu: lichSu(),
      ...(ketQua ? { KetQua: ketQua } : {}),
      ...(end === '3' ? { LyDo: LY_DO_KHONG_TIEP_NHAN } : end === '7' ? { LyDo: 'Chủ đầu tư đề nghị rút hồ sơ để điều chỉnh thiết kế' } : {}),
    };
  });
  return { duAn: duAnList, hoSoThongBao };
};
