import { formatTimestampCompact, makeMaHoSo } from '../../src/core/identifiers.js';
import type { Person, SeedBuilder, SeedRng } from '../_shared/population.js';
import { anGiangCommunes } from '../_shared/communes.js';
import { seedHistory } from '../_shared/dossier-view.js';
import { toDmy } from '../_shared/wire.js';
import { coQuanThue, KENH_NOP, LY_DO_TRA_HO_SO, tenTrangThai, VPDKDD_AN_GIANG, type KenhNop, type LoaiThuTuc, type QuanHeGiaDinh, type TrangThai } from './codes.js';
import { buildKetQua, buildThongBao, chungTuTuKhoBac, giaTheoBangGia, type NguoiSuDungDat, type PhieuChuyen } from './nghia-vu.js';

const CONG_CHUNG = [
  'Phòng Công chứng số 1 tỉnh An Giang',
  'Văn phòng công chứng Long Xuyên',
  'Văn phòng công chứng Châu Đốc',
  'Văn phòng công chứng Rạch Giá',
  'Văn phòng công chứng Phú Quốc',
];
const CAN_BO = ['Trần Thị Mỹ Linh', 'Nguyễn Văn Hậu', 'Lê Hoàng Phúc', 'Phạm Thị Ngọc Hân', 'Võ Minh Trí'];

/** Household ties that exempt a gift or an inheritance, read from the population's "quan hệ với chủ hộ". */
const TIE: Record<string, QuanHeGiaDinh> = { Vợ: 'VO_CHONG', Chồng: 'VO_CHONG', Con: 'CHA_ME_CON', Mẹ: 'CHA_ME_CON', Cháu: 'ONG_BA_CHAU' };

const toNguoi = (p: Person): NguoiSuDungDat => ({ HoVaTen: p.hoVaTen, SoDinhDanh: p.soDinhDanh, DiaChi: p.thuongTru.diaChi, SoDienThoai: p.soDienThoai });

const hours = (d: Date, h: number) => new Date(d.getTime() + h * 3_600_000);

function loaiThuTuc(i: number): LoaiThuTuc {
  const k = i % 10;
  return k < 5 ? 'CHUYEN_NHUONG' : k < 7 ? 'TANG_CHO' : k < 9 ? 'THUA_KE' : 'CAP_LAN_DAU';
}

/** The parties: a household's head passes land to a member (gift, inheritance) or to a stranger (sale). */
function parties(people: Person[], i: number, loai: LoaiThuTuc): { ben?: Person; nhan: Person; quanHe?: QuanHeGiaDinh } {
  const head = people.filter((p) => p.quanHeChuHo === 'Chủ hộ')[(i * 7) % 60]!;
  if (loai === 'CAP_LAN_DAU') return { nhan: head };
  if (loai !== 'CHUYEN_NHUONG') {
    const member = people.find((p) => p.maHoGiaDinh === head.maHoGiaDinh && p !== head && TIE[p.quanHeChuHo]);
    if (member) return { ben: head, nhan: member, quanHe: TIE[member.quanHeChuHo]! };
  }
  const buyer = people[(i * 13 + 101) % people.length]!;
  return { ben: head, nhan: buyer === head ? people[(i * 13 + 102) % people.length]! : buyer, quanHe: 'KHONG' };
}

function phieuChuyen(people: Person[], rng: SeedRng, i: number, ngayLap: string): PhieuChuyen {
  const loai = loaiThuTuc(i);
  const { ben, nhan, quanHe } = parties(people, i, loai);
  const xa = rng.pick(anGiangCommunes());
  const agricultural = i % 7 === 5;
  const loaiDat = agricultural ? rng.pick(['CLN', 'LUC', 'NTS'] as const) : xa.loai === 'xa' ? 'ONT' : 'ODT';
  const p: PhieuChuyen = {
    LoaiThuTuc: loai,
    ...(ben ? { BenChuyenQuyen: toNguoi(ben) } : {}),
    BenNhanQuyen: toNguoi(nhan),
    ...(quanHe ? { QuanHeGiaDinh: quanHe } : {}),
    ThuaDat: {
      SoThuTuThua: rng.int(1, 980),
      SoToBanDo: rng.int(1, 60),
      MaXa: xa.ma,
      DiaChiThuaDat: `${agricultural ? `Ấp ${rng.pick(['Hòa Long', 'Mỹ Phú', 'Tân Thạnh', 'Phú Hữu'])}` : `Đường ${rng.pick(['Trần Hưng Đạo', 'Nguyễn Trãi', 'Hùng Vương', 'Lê Lợi', 'Tôn Đức Thắng'])}`}, ${xa.ten}, Tỉnh An Giang`,
      DienTich: agricultural ? rng.int(500, 5000) : rng.int(60, 320) + rng.int(0, 9) / 10,
      LoaiDat: loaiDat,
      ThoiHanSuDung: agricultural ? `Đến ngày 15/10/${rng.int(2043, 2064)}` : 'Lâu dài',
    },
    ...(!agricultural && rng.bool(0.6)
      ? { NhaO: { CapNha: rng.pick(['CAP_IV', 'CAP_IV', 'CAP_III', 'BIET_THU'] as const), DienTichSan: rng.int(60, 260), NamHoanThanh: rng.int(1998, 2023) } }
      : {}),
    ...(loai !== 'CAP_LAN_DAU'
      ? {
          HopDong: { SoCongChung: `${rng.int(100, 9999)}/${ngayLap.slice(0, 4)}`, NgayCongChung: toDmy(ngayLap), ToChucCongChung: rng.pick(CONG_CHUNG) },
          GiayChungNhanDaCap: { SoPhatHanh: `${rng.pick(['BC', 'BX', 'CH', 'CS'])} ${String(rng.int(1, 999_999)).padStart(6, '0')}`, SoVaoSo: `CH${String(rng.int(1, 99_999)).padStart(5, '0')}` },
        }
      : {}),
    CanBoLapPhieu: rng.pick(CAN_BO),
    NgayLapPhieu: toDmy(ngayLap),
  };
  // A sale's contract price: usually above the price table, sometimes declared below it (the table then counts).
  if (loai === 'CHUYEN_NHUONG') p.GiaChuyenNhuong = Math.round((giaTheoBangGia(p) * rng.int(80, 250)) / 100 / 1_000_000) * 1_000_000;
  return p;
}

/** The path a closed dossier took: most got their result, some were returned by the tax office, a few withdrawn. */
const finalStatus = (i: number): TrangThai => (i === 1 || i % 12 === 7 ? '08' : i % 12 === 3 ? '03' : '07');

export const buildSeed: SeedBuilder = (population, rng) => {
  const hoSoLienThong = Array.from({ length: 60 }, (_, i) => {
    const ngayLap = rng.date('2025-02-03', '2025-09-30');
    const p = phieuChuyen(population.people, rng, i, ngayLap);
    const gui = hours(new Date(`${ngayLap}T00:00:00Z`), rng.int(8, 16) + rng.int(0, 59) / 60);
    const maHoSo = makeMaHoSo(VPDKDD_AN_GIANG, gui, i + 1);
    const end = finalStatus(i);
    const { step, at: atOf, lichSu } = seedHistory(gui, '01', tenTrangThai);
    step('02', rng.int(2, 6));
    const lyDoTra = LY_DO_TRA_HO_SO[i % LY_DO_TRA_HO_SO.length]!;
    const lyDoRut = 'Người sử dụng đất đề nghị rút hồ sơ do các bên thỏa thuận hủy hợp đồng';
    if (end === '03') step('03', rng.int(20, 44), lyDoTra);
    else {
      step('04', rng.int(40, 90));
      if (end === '08') step('08', rng.int(240, 600), lyDoRut);
      else {
        step('05', rng.int(24, 360));
        step('06', rng.int(20, 30));
        step('07', rng.int(72, 160));
      }
    }
    const kenh = rng.pick(Object.keys(KENH_NOP) as KenhNop[]);
    return {
      MaHoSo: maHoSo,
      TrangThai: end,
      PhieuChuyen: p,
      ThoiGianGui: formatTimestampCompact(gui),
      CoQuanThue: coQuanThue(p.ThuaDat.MaXa),
      LichSu: lichSu(),
      ...(atOf('04') ? { ThongBaoThue: buildThongBao(maHoSo, p, atOf('04')!) } : {}),
      ...(atOf('05') ? { ChungTuNopTien: chungTuTuKhoBac(maHoSo, p, atOf('05')!).map((c) => ({ ...c, KenhNop: kenh })) } : {}),
      ...(atOf('06') ? { NgayHoanThanhNghiaVu: toDmy(atOf('06')!.toISOString()) } : {}),
      ...(atOf('07') ? { KetQua: buildKetQua(maHoSo, p, atOf('07')!) } : {}),
      ...(end === '03' ? { LyDoTraHoSo: lyDoTra } : {}),
      ...(end === '08' ? { LyDoRut: lyDoRut } : {}),
    };
  });
  return { hoSoLienThong };
};
