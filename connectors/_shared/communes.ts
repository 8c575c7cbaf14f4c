/**
 * The post-1/7/2025 communes of the province (reference/administrative-units.json), read once, so handlers can check
 * that a parcel or a project lies in An Giang and print the commune's name as the registry would.
 */
import { readFileSync } from 'node:fs';

export interface Commune {
  ma: string;
  ten: string;
  loai: 'phuong' | 'xa' | 'dac-khu';
  maTinh: string;
}

const units = JSON.parse(readFileSync(new URL('../../reference/administrative-units.json', import.meta.url), 'utf8')) as {
  communes: Record<string, Commune[]>;
};

export const TINH_AN_GIANG = { ma: '91', ten: 'Tỉnh An Giang' } as const;

const byCode = new Map((units.communes[TINH_AN_GIANG.ma] ?? []).map((c) => [c.ma, c]));

/** The An Giang commune with this 5-digit code, or undefined. */
export const communeOf = (maXa: string): Commune | undefined => byCode.get(maXa);

export const anGiangCommunes = (): Commune[] => [...byCode.values()];

/** Communes that belonged to Kiên Giang before the 1/7/2025 merger: older papers there carry Kiên Giang's name and codes. */
const FORMER_KIEN_GIANG = new Set([
  'Rạch Giá', 'Vĩnh Thông', 'Hà Tiên', 'Tô Châu', 'Phú Quốc', 'Kiên Hải', 'Thổ Châu', 'Hòn Đất', 'Kiên Lương', 'Giồng Riềng',
  'Gò Quao', 'An Biên', 'U Minh Thượng', 'Vĩnh Thuận', 'Tân Hiệp',
]);

/** "Phường Rạch Giá" → "Rạch Giá". */
export const communePlace = (ten: string): string => ten.replace(/^(Phường|Xã|Đặc khu) /, '');

export const inFormerKienGiang = (maXa: string): boolean => {
  const c = byCode.get(maXa);
  return !!c && FORMER_KIEN_GIANG.has(communePlace(c.ten));
};
