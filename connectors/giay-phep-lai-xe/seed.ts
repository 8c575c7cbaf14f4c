import { inFormerKienGiang } from '../_shared/communes.js';
import type { Person, SeedBuilder, SeedRng } from '../_shared/population.js';
import { transportHouseholds } from '../_shared/vehicles.js';
import { toDmy } from '../_shared/wire.js';
import { DIEM_TOI_DA, hangInfo, LUAT_2024_TU, LY_DO_THU_HOI, noiCap, type HeThong } from './codes.js';

const addYears = (iso: string, n: number) => `${Number(iso.slice(0, 4)) + n}${iso.slice(4, 10) === '-02-29' ? '-02-28' : iso.slice(4, 10)}`;
const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);
/** A date in [lo, hi], or within a month after lo when the window is empty (an older person licensed late). */
const between = (rng: SeedRng, lo: string, hi: string) => rng.date(lo, hi > lo ? hi : addDays(lo, 30));

/** A 2008-law class reissued from 2025 becomes its 2024-law counterpart (the simulator's summary of the exchange rules). */
const DOI_HANG: Record<string, string> = { A1: 'A1', A2: 'A', B1: 'B', B2: 'B', C: 'C', D: 'D2', E: 'D', FC: 'CE' };

/** Expiry of a class passed/renewed on `iso` by this person (old B1 runs to 55/60, or 10 years past 45/50). */
function hetHan(heThong: HeThong, hang: string, iso: string, p: Person): string | undefined {
  const h = hangInfo(heThong, hang).hieuLuc;
  if (h === null) return undefined;
  if (h !== 'B1_2008') return addYears(iso, h);
  const tuoiNghi = p.gioiTinh === 'nu' ? 55 : 60;
  const atAge = addYears(p.ngaySinh, tuoiNghi);
  return addYears(iso, 10) < atAge ? atAge : addYears(iso, 10);
}

interface Hang {
  Hang: string;
  HeThong: HeThong;
  NgayTrungTuyen: string;
  NgayHetHan?: string;
}

/**
 * One licence card: the class is passed once, then the card is renewed before each expiry (reissued under the 2024
 * law from 2025) up to the data date; a holder who `lapse`s stopped renewing, so the card ran out before that date.
 */
function card(p: Person, rng: SeedRng, hang: string, passedOn: string, asOf: string, lapse: boolean) {
  let heThong: HeThong = passedOn >= LUAT_2024_TU ? 'LUAT_2024' : 'LUAT_2008';
  let cls = heThong === 'LUAT_2024' ? DOI_HANG[hang] ?? hang : hang;
  const cards = [{ ngayCap: passedOn, heThong, cls, han: hetHan(heThong, cls, passedOn, p) }];
  for (let last = cards[0]!; last.han && last.han <= asOf; last = cards[cards.length - 1]!) {
    const ngayCap = addDays(last.han, -rng.int(0, 60));
    if (ngayCap >= LUAT_2024_TU && heThong === 'LUAT_2008') {
      heThong = 'LUAT_2024';
      cls = DOI_HANG[cls] ?? cls;
    }
    cards.push({ ngayCap, heThong, cls, han: hetHan(heThong, cls, ngayCap, p) });
  }
  const c = (lapse && cards.length > 1 ? cards[cards.length - 2] : cards[cards.length - 1])!;
  const hangList: Hang = { Hang: c.cls, HeThong: c.heThong, NgayTrungTuyen: toDmy(passedOn), ...(c.han ? { NgayHetHan: toDmy(c.han) } : {}) };
  return { ngayCap: c.ngayCap, hang: hangList };
}

export const buildSeed: SeedBuilder = (population, rng) => {
  const { asOf } = population;
  const used = new Set<string>();
  const drivers = new Set(transportHouseholds(population).map((p) => p.soDinhDanh));
  const number = (maTinh: string) => {
    for (;;) {
      const n = `${maTinh}${String(rng.int(0, 9_999_999_999)).padStart(10, '0')}`;
      if (used.has(n)) continue;
      used.add(n);
      return n;
    }
  };
  const record = (p: Person, i: number, c: ReturnType<typeof card>) => {
    const where = noiCap(c.ngayCap, inFormerKienGiang(p.thuongTru.maXa));
    const revoked = i % 29 === 5 && c.hang.NgayHetHan !== undefined;
    return {
      SoGPLX: number(where.maTinh),
      SoDinhDanh: p.soDinhDanh,
      HoVaTen: p.hoVaTen,
      NgaySinh: toDmy(p.ngaySinh),
      GioiTinh: p.gioiTinh === 'nam' ? '1' : '2',
      QuocTich: p.quocTich,
      NoiCuTru: p.thuongTru.diaChi,
      DanhSachHang: [c.hang],
      NgayCap: toDmy(c.ngayCap),
      NoiCap: where.ten,
      SoDiemConLai: i % 53 === 9 ? 0 : i % 13 === 4 ? rng.int(4, 10) : DIEM_TOI_DA,
      TrangThai: revoked ? 'THU_HOI' : 'HOP_LE',
      ...(revoked ? { NgayThuHoi: toDmy(rng.date(later(c.ngayCap, '2025-01-02'), asOf)), LyDoThuHoi: LY_DO_THU_HOI } : {}),
    };
  };
  const cars: ReturnType<typeof record>[] = [];
  const bikes: ReturnType<typeof record>[] = [];
  population.people.forEach((p, i) => {
    const age = (n: number) => addYears(p.ngaySinh, n);
    // Car licences: every third person, and every household transport business owner (a truck licence).
    if (i % 3 === 0 || drivers.has(p.soDinhDanh)) {
      const hang = drivers.has(p.soDinhDanh) ? rng.pick(['C', 'C', 'FC']) : rng.pick(['B2', 'B2', 'B2', 'B2', 'B1', 'C', 'D', 'E']);
      const passed = between(rng, later(age(hangInfo('LUAT_2008', hang).tuoiToiThieu), '2000-01-01'), earlier(age(45), '2025-10-15'));
      if (passed <= asOf) cars.push(record(p, i, card(p, rng, hang, passed, asOf, i % 5 === 2)));
    }
    // Motorbike licences: three people in four.
    if (i % 4 !== 3) {
      const passed = between(rng, later(age(18), '1995-01-01'), earlier(age(35), '2025-10-20'));
      if (passed <= asOf) bikes.push(record(p, i, card(p, rng, i % 11 === 0 ? 'A2' : 'A1', passed, asOf, false)));
    }
  });
  return { gplx: [...cars, ...bikes] };
};
