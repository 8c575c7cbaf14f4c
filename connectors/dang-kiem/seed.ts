import type { Population, SeedBuilder, SeedRng } from '../_shared/population.js';
import { assertDataDate } from '../_shared/rolling.js';
import { buildFleet, type Vehicle } from '../_shared/vehicles.js';
import { dmyToIso, toDmy } from '../_shared/wire.js';
import { CANH_BAO_VI_PHAM, chuKyThang, DON_VI_DANG_KIEM, LY_DO_KHONG_DAT, namHetNienHan, TEN_LOAI_PHUONG_TIEN, type MaDonVi } from './codes.js';

const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const addMonths = (iso: string, n: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString().slice(0, 10);
};

/** Centres near the owner's plate (67: former An Giang, 68: former Kiên Giang). */
const centres = (bienSo: string): MaDonVi[] => (bienSo.startsWith('68') ? ['6801S', '6802D'] : ['6701D', '6702D', '6703D']);

interface LanKiemDinh {
  NgayKiemDinh: string;
  DonViKiemDinh: MaDonVi;
  KetQua: 'DAT' | 'KHONG_DAT';
  HanHieuLuc?: string;
  ChuKyThang?: number;
  LyDoKhongDat?: string;
  SoSeriGCN?: string;
  SoTem?: string;
}

/**
 * Inspections from the first registration on: each on time (a few days before the deadline), now and then failed and
 * passed a few days later; every 13th vehicle stopped coming (its inspection lapsed before the data date).
 */
function inspections(v: Vehicle, rng: SeedRng, lapsed: boolean, asOf: string): LanKiemDinh[] {
  const out: LanKiemDinh[] = [];
  let day = v.ngayDangKy;
  let lanDau = true;
  const donVi = centres(v.bienSo);
  while (day <= asOf) {
    const centre = rng.pick(donVi);
    if (!lanDau && rng.bool(0.08)) {
      out.push({ NgayKiemDinh: toDmy(day), DonViKiemDinh: centre, KetQua: 'KHONG_DAT', LyDoKhongDat: rng.pick(LY_DO_KHONG_DAT) });
      day = addDays(day, rng.int(1, 5));
    }
    const tuoi = Number(day.slice(0, 4)) - v.namSanXuat;
    const ky = chuKyThang(v.model.loai, v.kinhDoanhVanTai, tuoi, lanDau);
    const han = addDays(addMonths(day, ky), -1);
    out.push({
      NgayKiemDinh: toDmy(day),
      DonViKiemDinh: centre,
      KetQua: 'DAT',
      HanHieuLuc: toDmy(han),
      ChuKyThang: ky,
      SoSeriGCN: `KC${String(rng.int(0, 9_999_999)).padStart(7, '0')}`,
      SoTem: `KT${String(rng.int(0, 9_999_999)).padStart(7, '0')}`,
    });
    lanDau = false;
    day = addDays(han, -rng.int(0, 15));
  }
  // A lapsed vehicle skipped its latest inspections: its last certificate ran out 10–120 days before the data date.
  const lapsedBy = addDays(asOf, -rng.int(10, 120));
  const validUntil = (l: LanKiemDinh) => (l.HanHieuLuc ? dmyToIso(l.HanHieuLuc) : '');
  while (lapsed && out.length > 1 && out.filter((l) => l.KetQua === 'DAT').length > 1 && validUntil([...out].reverse().find((l) => l.KetQua === 'DAT')!) >= lapsedBy) out.pop();
  return out;
}

function owner(v: Vehicle, population: Population) {
  if (v.chuXe.loai === 'CA_NHAN') {
    const id = v.chuXe.soDinhDanh;
    const p = population.people.find((x) => x.soDinhDanh === id)!;
    return { LoaiChu: 'CA_NHAN', Ten: p.hoVaTen, SoDinhDanh: p.soDinhDanh, DiaChi: p.thuongTru.diaChi };
  }
  const msdn = v.chuXe.msdn;
  const c = population.companies.find((x) => x.msdn === msdn)!;
  return { LoaiChu: 'TO_CHUC', Ten: c.tenTiengViet, MaSoDoanhNghiep: c.msdn, DiaChi: c.diaChiTruSo.diaChi };
}

export const buildSeed: SeedBuilder = (population, rng) => {
  assertDataDate('dang-kiem', population.asOf);
  const phuongTien = buildFleet(population).map((v, i) => {
    const lich = inspections(v, rng, i % 13 === 6, population.asOf);
    const last = [...lich].reverse().find((l) => l.KetQua === 'DAT')!;
    const nienHan = namHetNienHan(v.model.loai, v.namSanXuat);
    const m = v.model;
    return {
      BienSo: v.bienSo,
      MauBien: v.mauBien,
      LoaiPhuongTien: m.loai,
      TenLoaiPhuongTien: TEN_LOAI_PHUONG_TIEN[m.loai],
      ChuPhuongTien: owner(v, population),
      ThongSoKyThuat: {
        NhanHieu: m.nhanHieu,
        SoLoai: m.soLoai,
        NamSanXuat: v.namSanXuat,
        NuocSanXuat: m.nuoc,
        SoKhung: v.soKhung,
        ...(v.soMay ? { SoMay: v.soMay } : {}),
        MauSon: v.mauSon,
        SoNguoiChoPhepCho: m.soCho,
        KhoiLuongBanThan: m.khoiLuongBanThan,
        KhoiLuongHangChuyenChoChoPhep: m.taiTrong,
        KhoiLuongToanBoChoPhep: m.khoiLuongBanThan + m.taiTrong + m.soCho * 65,
        KichThuocBao: { Dai: m.kichThuoc[0], Rong: m.kichThuoc[1], Cao: m.kichThuoc[2] },
      },
      KinhDoanhVanTai: v.kinhDoanhVanTai,
      NgayDangKyLanDau: toDmy(v.ngayDangKy),
      ...(nienHan ? { NamHetNienHan: nienHan } : {}),
      KiemDinhGanNhat: {
        SoSeriGCN: last.SoSeriGCN!,
        SoTem: last.SoTem!,
        NgayKiemDinh: last.NgayKiemDinh,
        HanHieuLuc: last.HanHieuLuc!,
        ChuKyThang: last.ChuKyThang!,
        DonViKiemDinh: { Ma: last.DonViKiemDinh, Ten: DON_VI_DANG_KIEM[last.DonViKiemDinh] },
      },
      // The last six inspections, newest first (older ones are archived).
      LichSuKiemDinh: lich.slice(-6).reverse().map((l) => ({
        NgayKiemDinh: l.NgayKiemDinh,
        DonViKiemDinh: l.DonViKiemDinh,
        KetQua: l.KetQua,
        ...(l.HanHieuLuc ? { HanHieuLuc: l.HanHieuLuc } : {}),
        ...(l.LyDoKhongDat ? { LyDoKhongDat: l.LyDoKhongDat } : {}),
      })),
      CanhBao: i % 17 === 3 ? [{ Ma: 'VI_PHAM_CHUA_XU_LY', NoiDung: CANH_BAO_VI_PHAM, NgayCanhBao: toDmy(addDays(population.asOf, -rng.int(5, 120))) }] : [],
    };
  });
  return { phuongTien };
};
