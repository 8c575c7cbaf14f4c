/**
 * An Giang's communes (the sample in reference/administrative-units.json, valid from 1/7/2025) and the few facts
 * connectors derive from them: the UBND xã's name and mã định danh, which former province a commune belonged to.
 */
import units from '../../reference/administrative-units.json' with { type: 'json' };

export interface Commune {
  ma: string;
  ten: string;
  loai: string;
  maTinh: string;
}

export const MA_TINH_AN_GIANG = '91';
export const TEN_TINH_AN_GIANG = 'Tỉnh An Giang';

export const COMMUNES_AN_GIANG: readonly Commune[] = units.communes['91'];
const byCode = new Map(COMMUNES_AN_GIANG.map((c) => [c.ma, c]));

export const communeOf = (maXa: string): Commune | undefined => byCode.get(maXa);

/** "UBND Phường Long Xuyên": the commune-level People's Committee (registers civil status, decides social assistance). */
export const tenUbndXa = (maXa: string): string => `Ủy ban nhân dân ${byCode.get(maXa)?.ten ?? `xã ${maXa}`}`;

/**
 * Mã định danh of a UBND xã in the QĐ 20/2020 format (invented values): level 1 H01 (An Giang), level 2 `99` for
 * the block of commune-level committees, level 4 the last three digits of the commune code.
 */
export const maDinhDanhUbndXa = (maXa: string): string => `${maXa.slice(-3)}.00.99.H01`;

/**
 * Communes that were in the former An Giang (code 89) before the merger with Kiên Giang (91) on 1/7/2025: the
 * sample lists the former An Giang's units first (wards up to Tịnh Biên, communes Chợ Mới … An Phú).
 */
export function formerProvince(maXa: string): '89' | '91' {
  const n = Number(maXa);
  return n <= 30149 || (n >= 30205 && n <= 30247) ? '89' : '91';
}

/** The 3-digit place code a new số định danh gets for a birth registered in this commune on that date (ISO). */
export const maNoiDangKyKhaiSinh = (maXa: string, ngayDangKyIso: string): '089' | '091' =>
  ngayDangKyIso >= '2025-07-01' ? '091' : formerProvince(maXa) === '89' ? '089' : '091';
