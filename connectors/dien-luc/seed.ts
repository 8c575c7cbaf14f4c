import { readFileSync } from 'node:fs';
import { formatTimestampCompact, makeMaHoSo } from '../../src/core/identifiers.js';
import { addWorkingDays } from '../_shared/thoi-gian.js';
import type { Company, Person, SeedBuilder, SeedRng } from '../_shared/population.js';
import { toDmy, toWireAddress } from '../_shared/wire.js';
import {
  CAP_DIEN_MOI, GIA_NGOAI_SINH_HOAT, LOAI_YEU_CAU, makeMaKhachHang, PC_AN_GIANG, TEP_MAU, tenDienLuc, tienDienNgoaiSinhHoat,
  tienDienSinhHoat, TINH_TRANG_HOP_DONG, type LoaiYeuCau, type TrangThai,
} from './codes.js';
import { maCongTo, nhanTaiLieu, noteBoSung, NOTE_KY_HOP_DONG, resultOnEntering, soHopDong, toView, type DonVi, type YeuCauData } from './yeu-cau.js';

interface Commune {
  ma: string;
  ten: string;
  loai: 'phuong' | 'xa' | 'dac-khu';
}

const MUA_KHO: Record<number, number> = { 1: 0.95, 3: 1.15, 4: 1.25, 5: 1.2, 6: 1.05, 12: 0.95 };
const thangLabel = (y: number, m: number) => `${String(m).padStart(2, '0')}/${y}`;
/** The 12 billing periods before the population's "today" (11/2024 … 10/2025). */
const KY_HOA_DON = Array.from({ length: 12 }, (_, k) => ({ y: k < 2 ? 2024 : 2025, m: k < 2 ? 11 + k : k - 1 }));

/** Shares of each use in a commune's sales, by kind of commune (tourism dominates the special zones). */
const CO_CAU: Record<Commune['loai'], Record<'SinhHoat' | 'CongNghiepXayDung' | 'NongLamThuySan' | 'ThuongMaiDichVu', number>> = {
  phuong: { SinhHoat: 0.45, CongNghiepXayDung: 0.25, NongLamThuySan: 0.05, ThuongMaiDichVu: 0.2 },
  xa: { SinhHoat: 0.35, CongNghiepXayDung: 0.2, NongLamThuySan: 0.3, ThuongMaiDichVu: 0.08 },
  'dac-khu': { SinhHoat: 0.25, CongNghiepXayDung: 0.1, NongLamThuySan: 0.1, ThuongMaiDichVu: 0.48 },
};

const LY_DO_CAT_DIEN = [
  'Bảo trì, sửa chữa lưới điện trung áp 22 kV',
  'Vệ sinh, bảo dưỡng trạm biến áp',
  'Thi công nâng cấp đường dây hạ áp',
  'Di dời trụ điện phục vụ mở rộng đường giao thông',
  'Thay máy biến áp, nâng công suất trạm',
];
const KHU_VUC = ['khóm Đông Thịnh', 'khóm Bình Khánh', 'ấp Hòa Long', 'ấp Mỹ Phú', 'khóm Châu Long', 'ấp Tân Thạnh', 'khu phố 3', 'ấp Phú Hữu', 'khóm Vĩnh Lạc', 'ấp An Hòa'];

const plusHours = (d: Date, h: number) => new Date(d.getTime() + h * 3_600_000);

export const buildSeed: SeedBuilder = (population, rng) => {
  const units = JSON.parse(readFileSync(new URL('../../reference/administrative-units.json', import.meta.url), 'utf8')) as { communes: Record<string, Commune[]> };
  const communes = units.communes['91']!;
  const donViDienLuc = communes.map((c, k) => ({
    MaDienLuc: String(k + 1).padStart(2, '0'),
    TenDienLuc: tenDienLuc(c.ten),
    MaXa: c.ma,
    TenXa: c.ten,
    DiaChi: `Trung tâm ${c.ten}, Tỉnh An Giang`,
    SoDienThoai: `0296${String(rng.int(0, 9_999_999)).padStart(7, '0')}`,
  }));
  const donViOf = new Map(donViDienLuc.map((d) => [d.MaXa, { Ma: d.MaDienLuc, Ten: d.TenDienLuc } satisfies DonVi]));
  const members = new Map<string, Person[]>();
  for (const p of population.people) members.set(p.maHoGiaDinh, [...(members.get(p.maHoGiaDinh) ?? []), p]);
  let serial = 0;

  const tieuThu = (kwhOf: (m: number) => number, tien: (kwh: number) => number) =>
    KY_HOA_DON.map(({ y, m }, k) => {
      const kwh = kwhOf(m);
      return { KyHoaDon: thangLabel(y, m), DienNang: kwh, TienDien: tien(kwh), TrangThaiThanhToan: k === 11 && rng.bool(0.3) ? 'CHUA_THANH_TOAN' : 'DA_THANH_TOAN' };
    });

  const hoGiaDinh = population.people.filter((p) => p.quanHeChuHo === 'Chủ hộ').map((p, i) => {
    const dv = donViOf.get(p.thuongTru.maXa)!;
    const soNguoi = members.get(p.maHoGiaDinh)!.length;
    const base = 60 + 45 * soNguoi + rng.int(-20, 120);
    const ma = makeMaKhachHang(Number(dv.Ma), 100_000 + ++serial * 37);
    const ky = rng.date('2005-01-01', '2024-06-30');
    const tinhTrang = i % 40 === 17 ? 'TAM_NGUNG' : i % 40 === 29 ? 'THANH_LY' : 'HIEU_LUC';
    return {
      MaKhachHang: ma,
      TenKhachHang: p.hoVaTen,
      LoaiKhachHang: 'SINH_HOAT',
      SoDinhDanhChuHopDong: p.soDinhDanh,
      SoDienThoai: p.soDienThoai,
      ...(p.email ? { Email: p.email } : {}),
      DiaChiSuDungDien: toWireAddress(p.thuongTru),
      MucDichSuDung: 'Sinh hoạt',
      SoHopDong: soHopDong(ma, Number(ky.slice(0, 4))),
      NgayKyHopDong: toDmy(ky),
      SoHoSuDung: soNguoi >= 5 ? 2 : 1,
      MaCongTo: maCongTo(ma),
      LoaiCongTo: 'Điện tử 1 pha',
      MaTram: `T${dv.Ma}-${String(rng.int(1, 180)).padStart(3, '0')}`,
      DonViQuanLy: dv,
      TinhTrangHopDong: tinhTrang,
      TenTinhTrang: TINH_TRANG_HOP_DONG[tinhTrang],
      TieuThu12Thang: tieuThu((m) => (tinhTrang === 'HIEU_LUC' ? Math.round(base * (MUA_KHO[m] ?? 1)) : 0), tienDienSinhHoat),
    };
  });

  const doanhNghiep = population.companies.map((c: Company) => {
    const dv = donViOf.get(c.diaChiTruSo.maXa)!;
    const mucDich = /^[12]/.test(c.nganhNghe.find((n) => n.chinh)?.ma ?? '') ? 'Sản xuất' : 'Kinh doanh';
    const base = rng.int(2_000, 60_000);
    const ma = makeMaKhachHang(Number(dv.Ma), 100_000 + ++serial * 37);
    const ky = c.ngayThanhLap > '2015-01-01' ? c.ngayThanhLap : rng.date('2015-01-01', '2024-06-30');
    const tinhTrang = c.tinhTrang === 'giai-the' ? 'THANH_LY' : c.tinhTrang === 'tam-ngung' ? 'TAM_NGUNG' : 'HIEU_LUC';
    return {
      MaKhachHang: ma,
      TenKhachHang: c.tenTiengViet,
      LoaiKhachHang: 'NGOAI_SINH_HOAT',
      SoDinhDanhChuHopDong: c.nguoiDaiDien,
      MaSoThue: c.msdn,
      SoDienThoai: c.soDienThoai,
      Email: c.email,
      DiaChiSuDungDien: toWireAddress(c.diaChiTruSo),
      MucDichSuDung: mucDich,
      SoHopDong: soHopDong(ma, Number(ky.slice(0, 4))),
      NgayKyHopDong: toDmy(ky),
      SoHoSuDung: 1,
      MaCongTo: maCongTo(ma),
      LoaiCongTo: 'Điện tử 3 pha',
      CongSuatDangKy: rng.pick([15, 22, 40, 75, 110]),
      MaTram: `T${dv.Ma}-${String(rng.int(1, 180)).padStart(3, '0')}`,
      DonViQuanLy: dv,
      TinhTrangHopDong: tinhTrang,
      TenTinhTrang: TINH_TRANG_HOP_DONG[tinhTrang],
      TieuThu12Thang: tieuThu((m) => (tinhTrang === 'HIEU_LUC' ? Math.round(base * (MUA_KHO[m] ?? 1)) : 0), (kwh) => tienDienNgoaiSinhHoat(kwh, mucDich)),
    };
  });
  const khachHang = [...hoGiaDinh, ...doanhNghiep];

  const lichCatDien = Array.from({ length: 60 }, (_, k) => {
    const d = donViDienLuc[(k * 7) % donViDienLuc.length]!;
    const day = rng.date('2025-10-20', '2025-11-30');
    const suCo = k % 12 === 5;
    const start = new Date(`${day}T${String(suCo ? rng.int(0, 22) : rng.pick([7, 8, 13])).padStart(2, '0')}:${suCo ? String(rng.int(0, 59)).padStart(2, '0') : '00'}:00Z`);
    const end = plusHours(start, suCo ? rng.int(1, 3) : rng.int(2, 8));
    const past = day < population.asOf;
    return {
      MaLich: `LCD-${day.slice(2, 4)}${day.slice(5, 7)}-${String(k + 1).padStart(4, '0')}`,
      MaXa: d.MaXa,
      TenXa: d.TenXa,
      DonViQuanLy: { Ma: d.MaDienLuc, Ten: d.TenDienLuc },
      KhuVuc: `${rng.pick(KHU_VUC)}, ${rng.pick(KHU_VUC)} (${d.TenXa})`,
      ThoiGianBatDau: formatTimestampCompact(start),
      ThoiGianKetThuc: formatTimestampCompact(end),
      LyDo: suCo ? 'Sự cố lưới điện, đang khắc phục' : rng.pick(LY_DO_CAT_DIEN),
      LoaiNgungCapDien: suCo ? 'SU_CO' : 'KE_HOACH',
      TrangThai: k % 15 === 7 && !past ? 'HOAN' : past || suCo ? 'DA_THUC_HIEN' : 'DA_THONG_BAO',
    };
  });

  // Monthly sales per commune, 01/2023–10/2025: growth ~7.5 %/year, a dry-season peak, a little noise; the parts add up.
  const tieuThuDiaBan = communes.flatMap((c) => {
    const base = rng.int(6_000_000, 35_000_000);
    const khach = rng.int(15_000, 60_000);
    return Array.from({ length: 34 }, (_, k) => {
      const nam = 2023 + Math.floor(k / 12);
      const thang = (k % 12) + 1;
      const growth = Math.pow(1.075, k / 12);
      const total = Math.round(base * growth * (MUA_KHO[thang] ?? 1) * (0.97 + rng.int(0, 60) / 1000));
      const shares = CO_CAU[c.loai];
      const part = (s: number) => Math.round(total * s);
      const co = { SinhHoat: part(shares.SinhHoat), CongNghiepXayDung: part(shares.CongNghiepXayDung), NongLamThuySan: part(shares.NongLamThuySan), ThuongMaiDichVu: part(shares.ThuongMaiDichVu) };
      const khac = total - co.SinhHoat - co.CongNghiepXayDung - co.NongLamThuySan - co.ThuongMaiDichVu;
      return { Nam: nam, Thang: thang, MaXa: c.ma, TenXa: c.ten, SoKhachHang: Math.round(khach * Math.pow(1.025, k / 12)), DienNangThuongPham: total, CoCau: { ...co, Khac: khac } };
    });
  });

  const yeuCau = buildYeuCau(population.people, hoGiaDinh, doanhNghiep, donViOf, rng);
  return { donViDienLuc, khachHang, lichCatDien, tieuThuDiaBan, yeuCau };
};

type HopDong = { MaKhachHang: string; SoDinhDanhChuHopDong: string; TinhTrangHopDong: string; DonViQuanLy: DonVi; DiaChiSuDungDien: ReturnType<typeof toWireAddress>; SoHoSuDung: number };

/**
 * 60 finished service requests of 07–10/2025. Of every ten: 0 new household connection, 1 quota change, 2 new
 * connection sent back for documents first, 3 cancelled by the customer, 4 meter relocation, 5 change of holder,
 * 6 new business connection, 7 refused, 8 quota change, 9 meter relocation.
 */
function buildYeuCau(people: Person[], ho: HopDong[], dn: Array<HopDong & { TenKhachHang: string }>, donViOf: Map<string, DonVi>, rng: SeedRng) {
  const PLAN: Array<[LoaiYeuCau, 'xong' | 'bo-sung' | 'huy' | 'tu-choi']> = [
    ['CAP_DIEN_MOI_SINH_HOAT', 'xong'], ['THAY_DOI_DINH_MUC', 'xong'], ['CAP_DIEN_MOI_SINH_HOAT', 'bo-sung'], ['DI_DOI_CONG_TO', 'huy'],
    ['DI_DOI_CONG_TO', 'xong'], ['THAY_DOI_CHU_THE', 'xong'], ['CAP_DIEN_MOI_NGOAI_SINH_HOAT', 'xong'], ['CAP_DIEN_MOI_SINH_HOAT', 'tu-choi'],
    ['THAY_DOI_DINH_MUC', 'xong'], ['DI_DOI_CONG_TO', 'xong'],
  ];
  const byId = new Map(people.map((p) => [p.soDinhDanh, p]));
  const nguoi = (p: Person) => ({ HoTen: p.hoVaTen, SoDinhDanh: p.soDinhDanh, SoDienThoai: p.soDienThoai, ...(p.email ? { Email: p.email } : {}) });
  const dependants = people.filter((p) => p.quanHeChuHo === 'Con' || p.quanHeChuHo === 'Cháu');
  const active = ho.filter((h) => h.TinhTrangHopDong === 'HIEU_LUC');
  const cccd = { TenTaiLieu: 'Căn cước công dân (mặt trước)', LoaiTaiLieu: 'CCCD', DinhDang: 'image/jpeg' as const, NoiDungBase64: TEP_MAU.jpeg };
  const nhaDat = { TenTaiLieu: 'Giấy chứng nhận quyền sử dụng đất', LoaiTaiLieu: 'GIAY_TO_NHA_DAT', DinhDang: 'application/pdf' as const, NoiDungBase64: TEP_MAU.pdf };

  return Array.from({ length: 60 }, (_, i) => {
    const [loai, ket] = PLAN[i % PLAN.length]!;
    const t0 = new Date(`${rng.date('2025-07-01', '2025-10-25')}T0${rng.int(1, 8)}:${String(rng.int(0, 59)).padStart(2, '0')}:00Z`);
    const maHoSoTinh = i % 4 === 1 ? makeMaHoSo('000.00.01.H01', t0, 500 + i) : undefined;
    const maHoSo = maHoSoTinh ?? makeMaHoSo(PC_AN_GIANG, t0, i + 1);
    const base = {
      LoaiYeuCau: loai,
      TaiLieuDinhKem: nhanTaiLieu(ket === 'bo-sung' ? [cccd] : [cccd, nhaDat], 'TaiLieuDinhKem'),
      NgayTiepNhan: formatTimestampCompact(t0),
      NgayHenHoanThanh: toDmy(addWorkingDays(t0, LOAI_YEU_CAU[loai].ngayLamViec).toISOString()),
      ...(maHoSoTinh ? { MaHoSoTinh: maHoSoTinh } : {}),
    };
    let data: YeuCauData;
    if (CAP_DIEN_MOI.includes(loai)) {
      if (loai === 'CAP_DIEN_MOI_SINH_HOAT') {
        const p = dependants[(i * 5) % dependants.length]!;
        data = { ...base, KhachHang: nguoi(p), DiaChiSuDungDien: toWireAddress(p.thuongTru), MucDichSuDung: 'Sinh hoạt', DonViQuanLy: donViOf.get(p.thuongTru.maXa)! };
      } else {
        const c = dn[(i * 3) % dn.length]!;
        data = { ...base, KhachHang: nguoi(byId.get(c.SoDinhDanhChuHopDong)!), DiaChiSuDungDien: c.DiaChiSuDungDien, MucDichSuDung: rng.pick(Object.keys(GIA_NGOAI_SINH_HOAT)), CongSuatDangKy: rng.pick([10, 15, 22, 40]), DonViQuanLy: c.DonViQuanLy };
      }
    } else {
      const h = active[(i * 11) % active.length]!;
      const holder = byId.get(h.SoDinhDanhChuHopDong)!;
      data = { ...base, KhachHang: nguoi(holder), MaKhachHang: h.MaKhachHang, DonViQuanLy: h.DonViQuanLy };
      if (loai === 'THAY_DOI_CHU_THE') data.ChuTheMoi = nguoi(people.find((p) => p.maHoGiaDinh === holder.maHoGiaDinh && p !== holder) ?? dependants[i % dependants.length]!);
      if (loai === 'THAY_DOI_DINH_MUC') data.SoHoSuDung = h.SoHoSuDung + 1;
    }

    // Walk the request through its lifecycle as the live system would, with the same result builders.
    const withContract = LOAI_YEU_CAU[loai].lifecycle === 'hopDong';
    const events: Array<{ to: TrangThai; at: Date; note?: string }> = [{ to: '1', at: t0 }];
    let result: Record<string, unknown> = {};
    const step = (to: TrangThai, hours: number, note?: string) => {
      const at = plusHours(t0, hours);
      events.push({ to, at, ...(note ? { note } : {}) });
      result = { ...result, ...resultOnEntering(to, { maHoSo, data, at }) };
    };
    if (ket === 'huy') {
      data.LyDoHuy = 'Khách hàng không còn nhu cầu';
      step('2', 1);
      step('8', 3, data.LyDoHuy);
    } else if (ket === 'tu-choi') {
      step('2', 1);
      step('7', 5);
    } else {
      if (ket === 'bo-sung') {
        step('3', 1);
        const maBoSung = `BS-${formatTimestampCompact(plusHours(t0, 26)).slice(2, 8)}-${String(i).padStart(4, '0')}`;
        data.BoSung = [{ MaBoSung: maBoSung, ThoiGian: formatTimestampCompact(plusHours(t0, 26)), TaiLieuDinhKem: nhanTaiLieu([nhaDat], 'TaiLieuDinhKem') }];
        data.TaiLieuDinhKem = [...data.TaiLieuDinhKem, ...data.BoSung[0]!.TaiLieuDinhKem];
        step('2', 26, noteBoSung(maBoSung));
      } else {
        step('2', 1);
      }
      if (withContract) {
        step('4', 6);
        const duThao = result.HopDongDuThao as { SoHopDong: string };
        data.KyHopDong = { SoHopDong: duThao.SoHopDong, HinhThucKy: i % 2 ? 'KY_SO' : 'OTP', ThoiGianKy: formatTimestampCompact(plusHours(t0, 20)) };
        step('5', 20, NOTE_KY_HOP_DONG);
        step('6', 44);
      } else {
        step('5', 3);
        step('6', 7);
      }
    }
    return toView(maHoSo, data, events[events.length - 1]!.to, events, result);
  });
}
