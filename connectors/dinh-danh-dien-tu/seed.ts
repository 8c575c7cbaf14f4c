import type { SeedBuilder, SeedRng } from '../_shared/population.js';
import { toCompactDate, toDmy } from '../_shared/wire.js';
import type { MucDo, TrangThaiTaiKhoan } from './codes.js';

export interface TaiKhoan {
  /** Opaque, stable subject identifier (the OIDC `sub`), never the ID number itself. */
  Sub: string;
  SoDinhDanh: string;
  HoVaTen: string;
  NgayThangNamSinh: string;
  GioiTinh: '1' | '2';
  SoDienThoai: string;
  Email?: string;
  MucDoDinhDanh: MucDo;
  TrangThaiTaiKhoan: TrangThaiTaiKhoan;
  NgayDangKy: string;
  NgayKichHoat?: string;
}

/** A UUID v4 shaped identifier from the seeded random source. */
function uuid(rng: SeedRng): string {
  const hex = Array.from({ length: 32 }, () => rng.int(0, 15).toString(16));
  hex[12] = '4';
  hex[16] = (8 + rng.int(0, 3)).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** VNeID accounts exist from 14 years of age (Luật Căn cước 2023). */
const MIN_AGE = 14;

export const buildSeed: SeedBuilder = (population, rng) => {
  const cutoff = `${Number(population.asOf.slice(0, 4)) - MIN_AGE}${population.asOf.slice(4)}`;
  const taiKhoan: TaiKhoan[] = population.people
    .filter((p) => p.ngaySinh <= cutoff)
    .map((p, i) => {
      // The first ten are active level-2 accounts (examples and tests log in with them); after that a few level-1,
      // locked and never-activated accounts, so every branch of the login can be tried with a real test user.
      const trangThai: TrangThaiTaiKhoan = i < 10 ? 'HOAT_DONG' : i % 19 === 0 ? 'TAM_KHOA' : i % 23 === 0 ? 'CHUA_KICH_HOAT' : 'HOAT_DONG';
      const mucDo: MucDo = i < 10 ? '2' : i % 5 === 0 ? '1' : '2';
      const dangKy = rng.date('2022-07-01', '2025-06-30');
      return {
        Sub: uuid(rng),
        SoDinhDanh: p.soDinhDanh,
        HoVaTen: p.hoVaTen,
        NgayThangNamSinh: toCompactDate(p.ngaySinh),
        GioiTinh: p.gioiTinh === 'nam' ? '1' : '2',
        SoDienThoai: p.soDienThoai,
        ...(p.email ? { Email: p.email } : {}),
        MucDoDinhDanh: mucDo,
        TrangThaiTaiKhoan: trangThai,
        NgayDangKy: toDmy(dangKy),
        ...(trangThai === 'CHUA_KICH_HOAT' ? {} : { NgayKichHoat: toDmy(dangKy) }),
      };
    });
  return { taiKhoan };
};
