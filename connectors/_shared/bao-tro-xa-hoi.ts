/**
 * Who in the shared population receives monthly social assistance (trợ cấp xã hội hằng tháng, Nghị định
 * 20/2021/NĐ-CP Điều 5). Pure and deterministic: trợ giúp xã hội holds their records and bảo hiểm gives them the
 * BHYT card of the group "BT" (đối tượng bảo trợ xã hội), so both connectors must pick the same people.
 */
import { hashInt } from './hash.js';
import type { Population } from './population.js';
import type { TreEm } from './tre-em.js';
import { ageOn, daysBetween, isoPlusDays, isoPlusYears } from './thoi-gian.js';

/**
 * Groups of beneficiaries (codes invented; the clause of NĐ 20/2021 Điều 5 in brackets):
 * K2 người 16–22 tuổi mồ côi đang đi học (khoản 2), K4 người đơn thân nghèo đang nuôi con (khoản 4),
 * K5A người cao tuổi thuộc hộ nghèo không có người phụng dưỡng (khoản 5 điểm a), K5C người từ đủ 80 tuổi không có
 * lương hưu, trợ cấp BHXH (khoản 5 điểm c), K6N / K6DBN người khuyết tật nặng / đặc biệt nặng (khoản 6).
 */
export type NhomDoiTuong = 'K2' | 'K4' | 'K5A' | 'K5C' | 'K6N' | 'K6DBN';

export interface DoiTuongBtxh {
  soDinhDanh: string;
  nhom: NhomDoiTuong;
  /** ISO date the monthly allowance started. */
  ngayHuong: string;
}


/** A first-of-month date between `fromIso` and `toIso`, chosen by the person's number. */
function startDate(soDinhDanh: string, fromIso: string, toIso: string): string {
  const from = fromIso < '2018-01-01' ? '2018-01-01' : fromIso;
  const span = Math.max(1, daysBetween(from, toIso));
  const d = new Date(`${isoPlusDays(from, hashInt(soDinhDanh, 'ngay-huong') % span)}T00:00:00Z`);
  // The allowance counts from the month the decision is signed: the first day of a month.
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
}

export function doiTuongBaoTroXaHoi(population: Population, treEm: readonly TreEm[]): DoiTuongBtxh[] {
  const asOf = population.asOf;
  const lastStart = '2025-08-31';
  const householdSize = new Map<string, number>();
  for (const p of population.people) householdSize.set(p.maHoGiaDinh, (householdSize.get(p.maHoGiaDinh) ?? 0) + 1);
  const singleMothers = new Map(treEm.filter((c) => c.cha === null).map((c) => [c.me, c.ngaySinh]));
  const out: DoiTuongBtxh[] = [];
  for (const p of population.people) {
    const age = ageOn(p.ngaySinh, asOf);
    const h = (salt: string) => hashInt(p.soDinhDanh, salt);
    let nhom: NhomDoiTuong | undefined;
    let from = '2018-01-01';
    if (age >= 80 && p.ngheNghiep !== 'Hưu trí') [nhom, from] = ['K5C', isoPlusYears(p.ngaySinh, 80)];
    else if (age >= 60 && householdSize.get(p.maHoGiaDinh) === 1 && h('ho-ngheo') % 3 !== 0) [nhom, from] = ['K5A', isoPlusYears(p.ngaySinh, 60)];
    else if (h('khuyet-tat') % 9 === 0) nhom = h('muc-do') % 3 === 0 ? 'K6DBN' : 'K6N';
    else if (singleMothers.has(p.soDinhDanh) && h('don-than') % 3 !== 0) [nhom, from] = ['K4', singleMothers.get(p.soDinhDanh)!];
    else if (age >= 16 && age <= 22 && h('mo-coi') % 3 === 0) [nhom, from] = ['K2', isoPlusYears(p.ngaySinh, 16)];
    if (nhom) out.push({ soDinhDanh: p.soDinhDanh, nhom, ngayHuong: startDate(p.soDinhDanh, from, lastStart) });
  }
  return out;
}
