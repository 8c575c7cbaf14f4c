import { doiTuongBaoTroXaHoi } from '../_shared/bao-tro-xa-hoi.js';
import { noiDangKyKcbBanDau } from '../_shared/co-so-kcb.js';
import { laCongVu, ngayVaoLam, pickFromSo, quaTrinhCongTac } from '../_shared/co-quan.js';
import { hashInt, pickBy } from '../_shared/hash.js';
import type { Person, SeedBuilder } from '../_shared/population.js';
import { ageOn, isoPlusDays, isoPlusYears } from '../_shared/thoi-gian.js';
import { treEmDuoi6Tuoi, type TreEm } from '../_shared/tre-em.js';
import { toDmy } from '../_shared/wire.js';
import { DOI_TUONG, LOAI_HINH, MUC_HUONG, type MaDoiTuong } from './codes.js';

type LoaiHinh = keyof typeof LOAI_HINH;

interface QuaTrinh {
  tuThang: string;
  denThang?: string;
  loaiHinh: LoaiHinh;
  tenLoaiHinh: string;
  donVi: string;
  maDonVi?: string;
}

/** MM/yyyy of an ISO date. */
const thang = (iso: string) => `${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const firstOfMonth = (iso: string) => `${iso.slice(0, 7)}-01`;
const monthsBetween = (fromIso: string, toIso: string) =>
  (Number(toIso.slice(0, 4)) - Number(fromIso.slice(0, 4))) * 12 + Number(toIso.slice(5, 7)) - Number(fromIso.slice(5, 7)) + 1;

const NGHE_DN = ['Công nhân', 'Kỹ sư'];

const quaTrinh = (tu: string, den: string | undefined, loaiHinh: LoaiHinh, donVi: string, maDonVi?: string): QuaTrinh => ({
  tuThang: thang(tu),
  ...(den ? { denThang: thang(den) } : {}),
  loaiHinh,
  tenLoaiHinh: LOAI_HINH[loaiHinh],
  donVi,
  ...(maDonVi ? { maDonVi } : {}),
});

export const buildSeed: SeedBuilder = (population) => {
  const asOf = population.asOf;
  const treEm = treEmDuoi6Tuoi(population);
  const btxh = new Map(doiTuongBaoTroXaHoi(population, treEm).map((d) => [d.soDinhDanh, d]));
  const companies = population.companies.filter((c) => c.tinhTrang === 'dang-hoat-dong');
  const byId = new Map(population.people.map((p) => [p.soDinhDanh, p]));
  // Poverty is a household's: about one household in eight is poor, one in ten near-poor.
  const ngheo = (maHo: string): 'HN' | 'CN' | null => (hashInt(maHo, 'ngheo') % 8 === 0 ? 'HN' : hashInt(maHo, 'can-ngheo') % 10 === 0 ? 'CN' : null);
  const cuoiNamSau = `${Number(asOf.slice(0, 4)) + 1}-12-31`;

  function adult(p: Person) {
    const age = ageOn(p.ngaySinh, asOf);
    const h = (s: string) => hashInt(p.soDinhDanh, s);
    const periods: QuaTrinh[] = [];
    let ma: MaDoiTuong | null;
    let gtTu: string;
    let gtDen = cuoiNamSau;
    let trangThai: 'HIEU_LUC' | 'BAO_GIAM' = 'HIEU_LUC';
    // Cards of people still covered are renewed every year; a lapsed household or a stopped worker keeps its old dates.
    let giaHan = true;
    let batDauLienTuc: string | undefined;
    const vaoLam = ngayVaoLam(p, asOf);
    const nghiHuu = firstOfMonth(isoPlusYears(p.ngaySinh, p.gioiTinh === 'nam' ? 60 : 55));
    if (btxh.has(p.soDinhDanh)) {
      ma = 'BT';
      gtTu = btxh.get(p.soDinhDanh)!.ngayHuong;
      periods.push(quaTrinh(gtTu, undefined, 'BHYT_NSNN', 'Ủy ban nhân dân ' + p.thuongTru.tenXa));
    } else if ((p.ngheNghiep === 'Hưu trí' || age >= 62) && nghiHuu <= asOf) {
      ma = 'HT';
      const batDau = vaoLam < nghiHuu ? vaoLam : isoPlusYears(nghiHuu, -20);
      // A retired official worked in the units cán bộ công chức records; anyone else in a provincial department.
      const cacKy = laCongVu(p) && vaoLam < nghiHuu ? quaTrinhCongTac(p, asOf).filter((k) => k.tu < nghiHuu) : [{ tu: batDau, coQuan: pickFromSo(p.soDinhDanh) }];
      cacKy.forEach((k, i) => periods.push(quaTrinh(k.tu, i === cacKy.length - 1 ? isoPlusDays(nghiHuu, -1) : k.den, 'BHXH_BB', k.coQuan.ten, k.coQuan.maDinhDanh)));
      periods.push(quaTrinh(nghiHuu, undefined, 'HUU_TRI', 'Bảo hiểm xã hội tỉnh An Giang'));
      gtTu = nghiHuu;
      batDauLienTuc = batDau;
    } else if (laCongVu(p) && age >= 22) {
      ma = 'HC';
      for (const k of quaTrinhCongTac(p, asOf)) periods.push(quaTrinh(k.tu, k.den, 'BHXH_BB', k.coQuan.ten, k.coQuan.maDinhDanh));
      gtTu = `${asOf.slice(0, 4)}-01-01`;
      batDauLienTuc = vaoLam;
    } else if (NGHE_DN.includes(p.ngheNghiep) && age >= 20) {
      ma = 'DN';
      const cty = pickBy(companies, p.soDinhDanh, 'cong-ty');
      const chuyen = firstOfMonth(isoPlusYears(vaoLam, 1 + (h('chuyen') % 4)));
      const truoc = pickBy(companies, p.soDinhDanh, 'cong-ty-truoc');
      if (chuyen < asOf) periods.push(quaTrinh(vaoLam, isoPlusDays(chuyen, -1), 'BHXH_BB', truoc.tenTiengViet, truoc.msdn));
      const nghiViec = h('bao-giam') % 5 === 0 ? firstOfMonth(isoPlusDays(asOf, -40 - (h('nghi') % 200))) : undefined;
      const tu = chuyen < asOf ? chuyen : vaoLam;
      periods.push(quaTrinh(tu, nghiViec ? isoPlusDays(nghiViec, -1) : undefined, 'BHXH_BB', cty.tenTiengViet, cty.msdn));
      gtTu = `${asOf.slice(0, 4)}-01-01`;
      batDauLienTuc = vaoLam;
      if (nghiViec) [trangThai, gtDen, giaHan] = ['BAO_GIAM', isoPlusDays(nghiViec, -1), false];
    } else if ((p.ngheNghiep === 'Học sinh' && age < 20) || (p.ngheNghiep === 'Sinh viên' && age < 26)) {
      ma = p.ngheNghiep === 'Học sinh' ? 'HS' : 'SV';
      gtTu = `${asOf.slice(0, 4)}-01-01`;
      gtDen = `${asOf.slice(0, 4)}-12-31`;
      periods.push(quaTrinh(`${Number(asOf.slice(0, 4)) - 1}-01-01`, undefined, 'BHYT_HSSV', ma === 'HS' ? 'Trường THPT Long Xuyên' : 'Trường Đại học An Giang'));
    } else if (ngheo(p.maHoGiaDinh)) {
      ma = ngheo(p.maHoGiaDinh)!;
      gtTu = `${asOf.slice(0, 4)}-01-01`;
      periods.push(quaTrinh(`${Number(asOf.slice(0, 4)) - 2}-01-01`, undefined, 'BHYT_NSNN', 'Ủy ban nhân dân ' + p.thuongTru.tenXa));
    } else if (hashInt(p.maHoGiaDinh, 'bhyt-hgd') % 5 !== 0) {
      ma = 'GD';
      // The whole household joins together: one card period for all its members, 12 months from the month it was
      // paid; some households did not renew and their cards have lapsed.
      const dong = firstOfMonth(isoPlusDays('2024-06-01', hashInt(p.maHoGiaDinh, 'ngay-dong') % 490));
      giaHan = hashInt(p.maHoGiaDinh, 'gia-han') % 4 !== 0;
      gtTu = dong;
      gtDen = isoPlusDays(isoPlusYears(dong, 1), -1);
      const namTruoc = isoPlusYears(dong, -1);
      periods.push(quaTrinh(namTruoc, isoPlusDays(dong, -1), 'BHYT_HGD', 'Đại lý thu Bưu điện ' + p.thuongTru.tenXa));
      periods.push(quaTrinh(dong, isoPlusDays(isoPlusYears(dong, 1), -1), 'BHYT_HGD', 'Đại lý thu Bưu điện ' + p.thuongTru.tenXa));
    } else ma = null;
    const bhxhMonths = periods
      .filter((q) => q.loaiHinh === 'BHXH_BB')
      .reduce((n, q) => n + monthsBetween(`${q.tuThang.slice(3)}-${q.tuThang.slice(0, 2)}`, q.denThang ? `${q.denThang.slice(3)}-${q.denThang.slice(0, 2)}` : asOf), 0);
    return { ma, gtTu: gtTu!, gtDen, trangThai, giaHan, periods, bhxhMonths, ngayDu5Nam: batDauLienTuc && isoPlusYears(batDauLienTuc, 5) <= asOf ? isoPlusYears(batDauLienTuc, 5) : undefined };
  }

  const base = (soDinhDanh: string, maSoBhxh: string, hoTen: string, ngaySinh: string, gioiTinh: 'nam' | 'nu', p: Pick<Person, 'thuongTru' | 'maHoGiaDinh'>) => ({
    maSoBhxh,
    soDinhDanh,
    hoTen,
    ngaySinh: toDmy(ngaySinh),
    gioiTinh: gioiTinh === 'nam' ? 1 : 0,
    diaChi: p.thuongTru.diaChi,
    maTinh: p.thuongTru.maTinh,
    maXa: p.thuongTru.maXa,
    maHoGiaDinh: p.maHoGiaDinh,
  });

  const the = (ma: MaDoiTuong, maSoBhxh: string, soDinhDanh: string, maXa: string, tu: string, den: string, trangThai: string, giaHan: boolean, ngayDu5Nam?: string) => {
    const kcb = noiDangKyKcbBanDau(maXa, soDinhDanh);
    return {
      maThe: `${ma}${DOI_TUONG[ma].muc}91${maSoBhxh}`,
      maDoiTuong: ma,
      tenDoiTuong: DOI_TUONG[ma].ten,
      mucHuong: MUC_HUONG[DOI_TUONG[ma].muc]!,
      gtTheTu: toDmy(tu),
      gtTheDen: toDmy(den),
      maDKBD: kcb.MaCoSo,
      tenDKBD: kcb.TenCoSo,
      trangThai,
      giaHanHangNam: giaHan,
      ...(ngayDu5Nam ? { ngayDu5Nam: toDmy(ngayDu5Nam) } : {}),
    };
  };

  const people = population.people.map((p) => {
    const a = adult(p);
    return {
      ...base(p.soDinhDanh, p.maSoBhxh, p.hoVaTen, p.ngaySinh, p.gioiTinh, p),
      soDienThoai: p.soDienThoai,
      quanHeChuHo: p.quanHeChuHo,
      ...(a.ma ? { theBhyt: the(a.ma, p.maSoBhxh, p.soDinhDanh, p.thuongTru.maXa, a.gtTu, a.gtDen, a.trangThai, a.giaHan, a.ngayDu5Nam) } : {}),
      quaTrinhThamGia: a.periods,
      tongSoThangDongBhxh: a.bhxhMonths,
    };
  });
  const children = treEm.map((t: TreEm) => {
    const me = byId.get(t.me)!;
    const cha = t.cha ? byId.get(t.cha) : undefined;
    const den = isoPlusDays(isoPlusYears(t.ngaySinh, 6), -1);
    return {
      ...base(t.soDinhDanh, t.maSoBhxh, t.hoVaTen, t.ngaySinh, t.gioiTinh, t),
      soDienThoai: me.soDienThoai,
      quanHeChuHo: 'Con',
      theBhyt: the('TE', t.maSoBhxh, t.soDinhDanh, t.thuongTru.maXa, t.ngaySinh, den, 'HIEU_LUC', false),
      quaTrinhThamGia: [quaTrinh(t.ngaySinh, undefined, 'BHYT_NSNN', 'Ủy ban nhân dân ' + t.thuongTru.tenXa)],
      tongSoThangDongBhxh: 0,
      treEm: {
        hoTenMe: me.hoVaTen,
        ...(cha ? { hoTenCha: cha.hoVaTen } : {}),
        // Cards issued with the birth registration through the joint procedure (Nghị định 63/2024/NĐ-CP) from 7/2024.
        capQuaLienThong: t.ngayDangKyKhaiSinh >= '2024-07-01',
        ngayCapThe: toDmy(t.ngayDangKyKhaiSinh),
      },
    };
  });
  const nguoiThamGia = [...people, ...children];

  const households = new Map<string, typeof nguoiThamGia>();
  for (const n of nguoiThamGia) households.set(n.maHoGiaDinh, [...(households.get(n.maHoGiaDinh) ?? []), n]);
  const hoGiaDinh = [...households.entries()].map(([maHo, members]) => {
    const chu = members.find((m) => m.quanHeChuHo === 'Chủ hộ') ?? members[0]!;
    return { maHoGiaDinh: maHo, maSoBhxhChuHo: chu.maSoBhxh, hoTenChuHo: chu.hoTen, diaChi: chu.diaChi, maXa: chu.maXa, thanhVien: members.map((m) => m.maSoBhxh) };
  });
  return { nguoiThamGia, hoGiaDinh };
};
