import { formatTimestampCompact, makeMaHoSo } from '../../src/core/identifiers.js';
import { coQuanVanTai, SO_XAY_DUNG_AN_GIANG } from '../_shared/agencies.js';
import { inFormerKienGiang } from '../_shared/communes.js';
import type { Person, Population, SeedBuilder, SeedRng } from '../_shared/population.js';
import { assertDataDate } from '../_shared/rolling.js';
import { buildFleet, transportCompanies, transportHouseholds, type LoaiPhuongTien, type Vehicle } from '../_shared/vehicles.js';
import { dmyToIso, toDmy } from '../_shared/wire.js';
import { addWorkingDays } from '../_shared/thoi-gian.js';
import {
  CAN_BO, NAM_HIEU_LUC_PHU_HIEU, PHONG_BAN, phuHieuFor, THU_TUC, TRANG_THAI_HO_SO, type LoaiHinh, type MaTTHC,
  type TrangThaiHoSo,
} from './codes.js';

const hours = (d: Date, h: number) => new Date(d.getTime() + h * 3_600_000);
const iso = (d: Date) => d.toISOString().slice(0, 10);

interface DonVi {
  SoGiayPhep: string;
  LoaiDonVi: 'DOANH_NGHIEP' | 'HO_KINH_DOANH';
  TenDonVi: string;
  MaSoDoanhNghiep?: string;
  SoDinhDanhChuHo?: string;
  DiaChi: string;
  MaXa: string;
  SoDienThoai: string;
  NguoiDaiDien: string;
  NguoiDieuHanhVanTai: { HoVaTen: string; SoDinhDanh: string };
  LoaiHinhKinhDoanh: LoaiHinh[];
  NgayCap: string;
  LanCap: number;
  CoQuanCap: string;
  TrangThai: 'CON_HIEU_LUC' | 'TAM_NGUNG' | 'THU_HOI';
  LyDo?: string;
  SoLuongPhuongTien: number;
}

function loaiHinh(vehicles: Vehicle[], rng: SeedRng): LoaiHinh[] {
  const kinds = new Set(vehicles.map((v) => v.model.loai));
  const out: LoaiHinh[] = [];
  if (kinds.has('O_TO_TAI') || kinds.has('O_TO_DAU_KEO')) out.push('HANG_HOA');
  if (kinds.has('O_TO_DAU_KEO') && rng.bool(0.6)) out.push('HANG_HOA_CONTAINER');
  if (kinds.has('O_TO_KHACH')) out.push(rng.bool(0.5) ? 'HANH_KHACH_TUYEN_CO_DINH' : 'HANH_KHACH_HOP_DONG');
  if (kinds.has('O_TO_CON')) out.push(rng.bool(0.5) ? 'TAXI' : 'HANH_KHACH_HOP_DONG');
  return out.length ? [...new Set(out)] : ['HANG_HOA'];
}

/** Licensed units: the transport companies, then household businesses, each with its business vehicles. */
function donVi(population: Population, fleet: Vehicle[], rng: SeedRng) {
  const people = new Map(population.people.map((p) => [p.soDinhDanh, p]));
  const adults = population.people.filter((p) => p.ngaySinh < '1998-01-01');
  const units: Array<{ dv: DonVi; vehicles: Vehicle[] }> = [];
  const serials = new Set<string>();
  const soGiayPhep = (maXa: string) => {
    for (;;) {
      const s = `${inFormerKienGiang(maXa) ? '68' : '67'}${String(rng.int(1, 999_999)).padStart(6, '0')}`;
      if (serials.has(s)) continue;
      serials.add(s);
      return s;
    }
  };
  const licence = (owner: { maXa: string; since: string }) => {
    const ngay = rng.date(owner.since > '2016-01-01' ? owner.since : '2016-01-01', '2025-10-15');
    return { SoGiayPhep: soGiayPhep(owner.maXa), NgayCap: toDmy(ngay), CoQuanCap: coQuanVanTai(ngay, inFormerKienGiang(owner.maXa)), LanCap: rng.int(1, 3) };
  };
  for (const c of transportCompanies(population)) {
    const vehicles = fleet.filter((v) => v.chuXe.loai === 'TO_CHUC' && v.chuXe.msdn === c.msdn && v.kinhDoanhVanTai);
    const dieuHanh: Person = adults[(units.length * 17 + 5) % adults.length]!;
    units.push({
      vehicles,
      dv: {
        ...licence({ maXa: c.diaChiTruSo.maXa, since: c.ngayThanhLap }),
        LoaiDonVi: 'DOANH_NGHIEP',
        TenDonVi: c.tenTiengViet,
        MaSoDoanhNghiep: c.msdn,
        DiaChi: c.diaChiTruSo.diaChi,
        MaXa: c.diaChiTruSo.maXa,
        SoDienThoai: c.soDienThoai,
        NguoiDaiDien: people.get(c.nguoiDaiDien)!.hoVaTen,
        NguoiDieuHanhVanTai: { HoVaTen: dieuHanh.hoVaTen, SoDinhDanh: dieuHanh.soDinhDanh },
        LoaiHinhKinhDoanh: loaiHinh(vehicles, rng),
        TrangThai: c.tinhTrang === 'giai-the' || c.tinhTrang === 'cho-giai-the' ? 'THU_HOI' : c.tinhTrang === 'tam-ngung' ? 'TAM_NGUNG' : 'CON_HIEU_LUC',
        ...(c.tinhTrang === 'giai-the' || c.tinhTrang === 'cho-giai-the' ? { LyDo: 'Doanh nghiệp giải thể, chấm dứt hoạt động kinh doanh vận tải' } : {}),
        SoLuongPhuongTien: vehicles.length,
      },
    });
  }
  for (const p of transportHouseholds(population)) {
    const vehicles = fleet.filter((v) => v.chuXe.loai === 'CA_NHAN' && v.chuXe.soDinhDanh === p.soDinhDanh && v.kinhDoanhVanTai);
    units.push({
      vehicles,
      dv: {
        ...licence({ maXa: p.thuongTru.maXa, since: '2016-01-01' }),
        LoaiDonVi: 'HO_KINH_DOANH',
        TenDonVi: `Hộ kinh doanh ${p.hoVaTen}`,
        SoDinhDanhChuHo: p.soDinhDanh,
        DiaChi: p.thuongTru.diaChi,
        MaXa: p.thuongTru.maXa,
        SoDienThoai: p.soDienThoai,
        NguoiDaiDien: p.hoVaTen,
        NguoiDieuHanhVanTai: { HoVaTen: p.hoVaTen, SoDinhDanh: p.soDinhDanh },
        LoaiHinhKinhDoanh: loaiHinh(vehicles, rng),
        TrangThai: 'CON_HIEU_LUC',
        SoLuongPhuongTien: vehicles.length,
      },
    });
  }
  return units;
}

/** Issue date, validity (7 years, within the vehicle's lifetime) and issuer of a badge issued on an ISO date. */
function issued(ngay: string, loai: LoaiPhuongTien, namSanXuat: number, kienGiangCu: boolean) {
  const lifetime = loai === 'O_TO_KHACH' ? 20 : loai === 'O_TO_CON' ? 99 : 25;
  const han = `${Math.min(Number(ngay.slice(0, 4)) + NAM_HIEU_LUC_PHU_HIEU, namSanXuat + lifetime)}${ngay.slice(4)}`;
  return { NgayCap: toDmy(ngay), HanHieuLuc: toDmy(han > ngay ? han : ngay), CoQuanCap: coQuanVanTai(ngay, kienGiangCu) };
}

function phuHieu(units: Array<{ dv: DonVi; vehicles: Vehicle[] }>, rng: SeedRng) {
  const out = [];
  for (const { dv, vehicles } of units) {
    for (const v of vehicles) {
      const loai = phuHieuFor(v.model.loai, dv.LoaiHinhKinhDoanh);
      if (!loai) continue;
      const from = [v.ngayDangKy, dmyToIso(dv.NgayCap), '2019-01-01'].sort().pop()!;
      const ngay = rng.date(from, '2025-10-20');
      out.push({
        SoPhuHieu: `${dv.SoGiayPhep.slice(0, 2)}PH${String(rng.int(1, 999_999)).padStart(6, '0')}`,
        BienSo: v.bienSo,
        LoaiPhuHieu: loai,
        SoGiayPhep: dv.SoGiayPhep,
        TenDonVi: dv.TenDonVi,
        NhanHieu: v.model.nhanHieu,
        SucChua: v.model.taiTrong > 0 ? `${v.model.taiTrong} kg` : `${v.model.soCho} chỗ`,
        LoaiPhuongTien: v.model.loai,
        NamSanXuat: v.namSanXuat,
        ...issued(ngay, v.model.loai, v.namSanXuat, dv.SoGiayPhep.startsWith('68')),
        TrangThai: dv.TrangThai === 'THU_HOI' ? ('THU_HOI' as const) : ('CAP' as const),
      });
    }
  }
  return out;
}

type PhuHieu = ReturnType<typeof phuHieu>[number];

/** Where a dossier stands: most are done; the last weeks' ones are still in the pipeline. */
const trangThaiCuoi = (i: number): TrangThaiHoSo =>
  i % 23 === 11 ? '3' : (['10', '10', '10', '10', '10', '10', '9', '4', '5', '2'] as const)[i % 10]!;

export const buildSeed: SeedBuilder = (population, rng) => {
  assertDataDate('quan-ly-van-tai', population.asOf);
  const units = donVi(population, buildFleet(population), rng);
  const badges = phuHieu(units, rng);
  const active = units.filter((u) => u.dv.TrangThai === 'CON_HIEU_LUC' && u.vehicles.length);
  const procedures = Object.keys(THU_TUC) as MaTTHC[];
  const hoSoTTHC = Array.from({ length: 80 }, (_, i) => {
    const { dv } = active[(i * 7) % active.length]!;
    let ma = procedures[i % procedures.length]!;
    if (ma === '1.002852' && !dv.LoaiHinhKinhDoanh.includes('HANH_KHACH_TUYEN_CO_DINH')) ma = '1.002856';
    const end = trangThaiCuoi(i);
    const open = !['3', '9', '10'].includes(end);
    const tiepNhan = hours(new Date(`${rng.date(open ? '2025-10-22' : '2025-07-01', open ? '2025-10-30' : '2025-10-20')}T00:00:00Z`), rng.int(1, 9));
    const han = addWorkingDays(tiepNhan, THU_TUC[ma].soNgayLamViec);
    const own = badges.filter((b) => b.SoGiayPhep === dv.SoGiayPhep && b.TrangThai === 'CAP');
    const xe = THU_TUC[ma].ketQua === 'PHU_HIEU' ? own.slice(0, rng.int(1, Math.max(1, Math.min(3, own.length)))) : [];
    const steps: Array<{ s: TrangThaiHoSo; at: Date; by: { ten: string; chucDanh: string }; phong: string; noiDung: string }> = [];
    const step = (s: TrangThaiHoSo, h: number, who: keyof typeof CAN_BO, noiDung: string) => {
      const prev = steps[steps.length - 1]?.at ?? tiepNhan;
      steps.push({ s, at: hours(prev, h), by: rng.pick(CAN_BO[who]), phong: PHONG_BAN[who], noiDung });
    };
    step('1', 0, 'TIEP_NHAN', 'Tổ chức, cá nhân nộp hồ sơ');
    if (end === '3') step('3', rng.int(1, 6), 'TIEP_NHAN', 'Không tiếp nhận: hồ sơ không thuộc thẩm quyền giải quyết của Sở (đơn vị đặt trụ sở ngoài tỉnh)');
    else {
      step('2', rng.int(1, 4), 'TIEP_NHAN', 'Tiếp nhận hồ sơ, chuyển phòng chuyên môn');
      if (end !== '2') step('4', rng.int(1, 8), 'XU_LY', 'Thẩm định hồ sơ');
      if (end === '5') step('5', rng.int(4, 20), 'XU_LY', 'Đề nghị bổ sung bản sao giấy chứng nhận kiểm định còn hiệu lực của phương tiện');
      if (end === '9' || end === '10') step('9', rng.int(8, 30), 'LANH_DAO', 'Ký duyệt kết quả');
      if (end === '10') step('10', rng.int(2, 24), 'TIEP_NHAN', 'Trả kết quả cho tổ chức, cá nhân');
    }
    const xong = steps.find((s) => s.s === '9')?.at;
    const maHoSo = makeMaHoSo(SO_XAY_DUNG_AN_GIANG.ma, tiepNhan, i + 1);
    // A finished licence/badge dossier is where the unit's licence or the vehicles' badges come from.
    if (xong && THU_TUC[ma].ketQua === 'GIAY_PHEP') {
      Object.assign(dv, { NgayCap: toDmy(iso(xong)), CoQuanCap: coQuanVanTai(iso(xong), false), LanCap: ma === '1.002861' ? 1 : Math.max(2, dv.LanCap) });
    }
    if (xong) for (const b of xe) Object.assign(b as PhuHieu, issued(iso(xong), b.LoaiPhuongTien, b.NamSanXuat, false));
    const ketQua = !xong
      ? undefined
      : THU_TUC[ma].ketQua === 'GIAY_PHEP'
        ? { LoaiKetQua: 'GIAY_PHEP', SoGiayTo: [dv.SoGiayPhep], NgayCap: toDmy(iso(xong)) }
        : THU_TUC[ma].ketQua === 'PHU_HIEU'
          ? { LoaiKetQua: 'PHU_HIEU', SoGiayTo: xe.map((b) => b.SoPhuHieu), NgayCap: toDmy(iso(xong)) }
          : { LoaiKetQua: 'VAN_BAN', SoGiayTo: [`${rng.int(100, 4999)}/SXD-QLVT`], NgayCap: toDmy(iso(xong)) };
    return {
      MaHoSo: maHoSo,
      MaTTHC: ma,
      TenTTHC: THU_TUC[ma].ten,
      ChuHoSo: {
        LoaiDoiTuong: dv.LoaiDonVi === 'DOANH_NGHIEP' ? '2' : '1',
        Ten: dv.TenDonVi,
        MaDinhDanh: dv.MaSoDoanhNghiep ?? dv.SoDinhDanhChuHo!,
        DiaChi: dv.DiaChi,
        SoDienThoai: dv.SoDienThoai,
      },
      KenhThucHien: rng.pick(['1', '2', '2', '2', '3'] as const),
      SoGiayPhep: dv.SoGiayPhep,
      ...(xe.length ? { DanhSachXe: xe.map((b) => ({ BienSo: b.BienSo, LoaiPhuHieu: b.LoaiPhuHieu })) } : {}),
      NgayTiepNhan: formatTimestampCompact(tiepNhan),
      NgayHenTra: toDmy(iso(han)),
      TrangThaiHoSo: end,
      TenTrangThai: TRANG_THAI_HO_SO[end],
      LichSuXuLy: steps.map((s) => ({
        TrangThai: s.s,
        ThoiDiemXuLy: formatTimestampCompact(s.at),
        NguoiXuLy: s.by.ten,
        ChucDanh: s.by.chucDanh,
        PhongBanXuLy: s.phong,
        NoiDungXuLy: s.noiDung,
      })),
      ...(ketQua ? { KetQua: ketQua } : {}),
    };
  });
  return { donViKinhDoanh: units.map((u) => u.dv), phuHieu: badges, hoSoTTHC };
};
