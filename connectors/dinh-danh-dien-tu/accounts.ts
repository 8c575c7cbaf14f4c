import { foldVietnamese } from '../../src/core/text.js';
import { fromSeed, indexBy } from '../_shared/wire.js';
import { MUC_DO, TRANG_THAI_TAI_KHOAN, type MucDo } from './codes.js';
import type { TaiKhoan } from './seed.js';

export interface Seed {
  taiKhoan: TaiKhoan[];
}

/** The seeded accounts by ID number, and their names folded once for diacritic-insensitive search. */
export const accounts = fromSeed((seed: Seed) => ({
  all: seed.taiKhoan,
  bySoDinhDanh: indexBy(seed.taiKhoan, (t) => t.SoDinhDanh),
  folded: seed.taiKhoan.map((t) => ({ t, key: foldVietnamese(t.HoVaTen) })),
}));

export function searchAccounts(seed: Seed, f: { ten?: string; mucDo?: MucDo; trangThai?: TaiKhoan['TrangThaiTaiKhoan'] }): TaiKhoan[] {
  const needle = f.ten ? foldVietnamese(f.ten) : '';
  return accounts(seed)
    .folded.filter(({ t, key }) => key.includes(needle) && (!f.mucDo || t.MucDoDinhDanh === f.mucDo) && (!f.trangThai || t.TrangThaiTaiKhoan === f.trangThai))
    .map(({ t }) => t);
}

export const canLogIn = (t: TaiKhoan) => t.TrangThaiTaiKhoan === 'HOAT_DONG';
export const tenTrangThai = (t: TaiKhoan) => TRANG_THAI_TAI_KHOAN[t.TrangThaiTaiKhoan];
export const tenMucDo = (m: MucDo) => MUC_DO[m].label;
