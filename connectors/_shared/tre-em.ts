/**
 * Children under six, derived from the shared population (which holds no one born after 2007): births to the
 * population's women in the six years before the population's "today". Pure and deterministic, so hộ tịch (which
 * registered the births) and bảo hiểm (which issued their BHYT cards) agree on every child.
 */
import { makeCccd } from '../../src/core/identifiers.js';
import { maNoiDangKyKhaiSinh, formerProvince } from './don-vi-hanh-chinh.js';
import { hashInt, pickBy } from './hash.js';
import type { Address, Person, Population } from './population.js';
import { ageOn, daysBetween, isoPlusDays, isoPlusYears } from './thoi-gian.js';

export interface TreEm {
  /** Số định danh cá nhân issued with the birth registration. */
  soDinhDanh: string;
  hoVaTen: string;
  gioiTinh: 'nam' | 'nu';
  /** ISO yyyy-MM-dd. */
  ngaySinh: string;
  /** ISO date the birth was registered (a few days after birth). */
  ngayDangKyKhaiSinh: string;
  noiSinh: string;
  /** soDinhDanh of the mother (a Person of the population). */
  me: string;
  /** soDinhDanh of the father, or null when the father is not registered (cha chưa xác định). */
  cha: string | null;
  danToc: string;
  quocTich: string;
  maHoGiaDinh: string;
  thuongTru: Address;
  /** Mã số BHXH given with the first BHYT card (TE1). */
  maSoBhxh: string;
}

const TEN_NAM = ['Minh Khang', 'Gia Huy', 'Bảo Nam', 'Đức Anh', 'Hoàng Phúc', 'Quốc Bảo', 'Tuấn Kiệt', 'Nhật Minh', 'Thiện Nhân', 'Anh Khoa', 'Trọng Nghĩa', 'Phúc Lâm'];
const TEN_NU = ['Ngọc Hân', 'Bảo Ngọc', 'Khánh Linh', 'Thảo Vy', 'Gia Hân', 'Minh Thư', 'Ngọc Trâm', 'Tường Vy', 'Phương Anh', 'Diệp Chi', 'Quỳnh Như', 'An Nhiên'];

/** Birth hospitals of the former An Giang (89) and Kiên Giang (91) parts of the province. */
const NOI_SINH: Record<'89' | '91', string[]> = {
  '89': ['Bệnh viện Sản - Nhi An Giang', 'Bệnh viện Đa khoa Trung tâm An Giang', 'Bệnh viện Đa khoa khu vực tỉnh An Giang', 'Bệnh viện Đa khoa Hạnh Phúc'],
  '91': ['Bệnh viện Sản - Nhi Kiên Giang', 'Bệnh viện Đa khoa tỉnh Kiên Giang', 'Trung tâm Y tế Phú Quốc', 'Trung tâm Y tế Hòn Đất'],
};


/** The population's children under six on `population.asOf`, oldest first. */
export function treEmDuoi6Tuoi(population: Population): TreEm[] {
  const asOf = population.asOf;
  const earliest = isoPlusDays(isoPlusYears(asOf, -6), 1);
  const span = daysBetween(earliest, isoPlusDays(asOf, -14));
  const used = new Set(population.people.map((p) => p.soDinhDanh));
  const usedBhxh = new Set(population.people.map((p) => p.maSoBhxh));
  const households = new Map<string, Person[]>();
  for (const p of population.people) households.set(p.maHoGiaDinh, [...(households.get(p.maHoGiaDinh) ?? []), p]);
  const out: TreEm[] = [];
  for (const me of population.people) {
    if (me.gioiTinh !== 'nu' || hashInt(me.soDinhDanh, 'co-con') % 5 === 0) continue;
    const ngaySinh = isoPlusDays(earliest, hashInt(me.soDinhDanh, 'ngay-sinh') % span);
    const tuoiMe = ageOn(me.ngaySinh, ngaySinh);
    if (tuoiMe < 20 || tuoiMe > 42) continue;
    const cha = (households.get(me.maHoGiaDinh) ?? []).find((p) => p.gioiTinh === 'nam' && ageOn(p.ngaySinh, ngaySinh) >= 22 && ageOn(p.ngaySinh, ngaySinh) <= 60) ?? null;
    const gioiTinh: 'nam' | 'nu' = hashInt(me.soDinhDanh, 'gioi-tinh') % 2 === 0 ? 'nam' : 'nu';
    const ho = (cha ?? me).hoVaTen.split(' ')[0]!;
    const ngayDangKy = isoPlusDays(ngaySinh, 3 + (hashInt(me.soDinhDanh, 'dang-ky') % 20));
    let serial = hashInt(me.soDinhDanh, 'serial') % 1_000_000;
    let soDinhDanh: string;
    do soDinhDanh = makeCccd(maNoiDangKyKhaiSinh(me.thuongTru.maXa, ngayDangKy), Number(ngaySinh.slice(0, 4)), gioiTinh, serial++ % 1_000_000);
    while (used.has(soDinhDanh));
    used.add(soDinhDanh);
    let bhxh = hashInt(me.soDinhDanh, 'bhxh') % 100_000_000;
    let maSoBhxh: string;
    do maSoBhxh = `${formerProvince(me.thuongTru.maXa)}${String(bhxh++ % 100_000_000).padStart(8, '0')}`;
    while (usedBhxh.has(maSoBhxh));
    usedBhxh.add(maSoBhxh);
    out.push({
      soDinhDanh,
      hoVaTen: `${ho} ${pickBy(gioiTinh === 'nam' ? TEN_NAM : TEN_NU, me.soDinhDanh, 'ten')}`.normalize('NFC'),
      gioiTinh,
      ngaySinh,
      ngayDangKyKhaiSinh: ngayDangKy > asOf ? asOf : ngayDangKy,
      noiSinh: pickBy(NOI_SINH[formerProvince(me.thuongTru.maXa)], me.soDinhDanh, 'noi-sinh'),
      me: me.soDinhDanh,
      cha: cha?.soDinhDanh ?? null,
      danToc: me.danToc,
      quocTich: 'Việt Nam',
      maHoGiaDinh: me.maHoGiaDinh,
      thuongTru: me.thuongTru,
      maSoBhxh,
    });
  }
  return out.sort((a, b) => (a.ngaySinh < b.ngaySinh ? -1 : a.ngaySinh > b.ngaySinh ? 1 : a.soDinhDanh < b.soDinhDanh ? -1 : 1));
}
