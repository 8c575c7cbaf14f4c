/** Small helpers connectors share to put population data on the wire the way the services print it. */
import { NdxpError } from '../../src/core/errors.js';
import type { Address } from './population.js';

/** ISO yyyy-MM-dd → dd/MM/yyyy. */
export const toDmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
/** ISO yyyy-MM-dd → yyyyMMdd. */
export const toCompactDate = (iso: string) => iso.slice(0, 10).replace(/-/g, '');
/** dd/MM/yyyy → ISO yyyy-MM-dd (for comparing dates). */
export const dmyToIso = (dmy: string) => `${dmy.slice(6, 10)}-${dmy.slice(3, 5)}-${dmy.slice(0, 2)}`;

export interface WireAddress {
  MaTinh: string;
  TenTinh: string;
  MaXa: string;
  TenXa: string;
  ChiTiet: string;
  DiaChiDayDu: string;
}

export const toWireAddress = (a: Address): WireAddress => ({
  MaTinh: a.maTinh,
  TenTinh: a.tenTinh,
  MaXa: a.maXa,
  TenXa: a.tenXa,
  ChiTiet: a.chiTiet,
  DiaChiDayDu: a.diaChi,
});

export interface Page<T> {
  TongSo: number;
  Trang: number;
  SoBanGhi: number;
  DanhSach: T[];
}

/** Page `trang` (1-based) of `soBanGhi` items. */
export function paginate<T>(items: T[], trang = 1, soBanGhi = 20): Page<T> {
  const start = (trang - 1) * soBanGhi;
  return { TongSo: items.length, Trang: trang, SoBanGhi: soBanGhi, DanhSach: items.slice(start, start + soBanGhi) };
}

/** The record, or RECORD_NOT_FOUND naming the field that was looked up. */
export function found<T>(value: T | undefined | null, field: string, key: string): T {
  if (value === undefined || value === null) {
    throw new NdxpError('RECORD_NOT_FOUND', { field, detailVi: `${field}=${key}`, detailEn: `${field}=${key}` });
  }
  return value;
}

/** Indexes seed records by a key once (at first use), for O(1) lookups on the hot path. */
export function indexBy<T>(items: T[] | undefined, key: (item: T) => string): Map<string, T> {
  return new Map((items ?? []).map((i) => [key(i), i]));
}

/** Derives something from a connector's seed once (indexes), however many requests ask. */
export function fromSeed<S extends object, R>(build: (seed: S) => R): (seed: S) => R {
  const cache = new WeakMap<S, R>();
  return (seed) => {
    let r = cache.get(seed);
    if (r === undefined) {
      r = build(seed);
      cache.set(seed, r);
    }
    return r;
  };
}
