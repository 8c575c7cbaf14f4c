/**
 * The province's motor vehicles, derived from the shared population so that the same licence plate is the same
 * vehicle (same owner, same chassis number) in đăng kiểm and quản lý vận tải. Deterministic: its own seeded stream,
 * independent of any connector's, so adding a connector never changes the fleet.
 */
import { SimpleFaker } from '@faker-js/faker';
import { inFormerKienGiang } from './communes.js';
import type { Company, Person, Population } from './population.js';

export type LoaiPhuongTien = 'O_TO_CON' | 'O_TO_BAN_TAI' | 'O_TO_TAI' | 'O_TO_KHACH' | 'O_TO_DAU_KEO' | 'SO_MI_RO_MOOC';

/** Plate series the simulator gives each kind (a convention in the spirit of Thông tư 24/2023/TT-BCA, not the rule). */
const SERIES: Record<LoaiPhuongTien, string[]> = {
  O_TO_CON: ['A'],
  O_TO_BAN_TAI: ['C'],
  O_TO_TAI: ['C'],
  O_TO_KHACH: ['B'],
  O_TO_DAU_KEO: ['H'],
  SO_MI_RO_MOOC: ['R'],
};

export interface Model {
  loai: LoaiPhuongTien;
  nhanHieu: string;
  soLoai: string;
  nuoc: string;
  wmi: string;
  dongCo: string;
  soCho: number;
  khoiLuongBanThan: number;
  taiTrong: number;
  kichThuoc: [number, number, number];
}

/** Models sold in Vietnam, with plausible (not homologated) figures. */
export const MODELS: Model[] = [
  { loai: 'O_TO_CON', nhanHieu: 'TOYOTA', soLoai: 'VIOS 1.5E', nuoc: 'Việt Nam', wmi: 'RL4', dongCo: '2NR', soCho: 5, khoiLuongBanThan: 1110, taiTrong: 0, kichThuoc: [4425, 1730, 1475] },
  { loai: 'O_TO_CON', nhanHieu: 'TOYOTA', soLoai: 'INNOVA 2.0E', nuoc: 'Việt Nam', wmi: 'RL4', dongCo: '1TR', soCho: 8, khoiLuongBanThan: 1725, taiTrong: 0, kichThuoc: [4735, 1830, 1795] },
  { loai: 'O_TO_CON', nhanHieu: 'HYUNDAI', soLoai: 'ACCENT 1.4AT', nuoc: 'Việt Nam', wmi: 'RLU', dongCo: 'G4LC', soCho: 5, khoiLuongBanThan: 1120, taiTrong: 0, kichThuoc: [4440, 1729, 1470] },
  { loai: 'O_TO_CON', nhanHieu: 'KIA', soLoai: 'MORNING', nuoc: 'Việt Nam', wmi: 'RNY', dongCo: 'G4LA', soCho: 5, khoiLuongBanThan: 935, taiTrong: 0, kichThuoc: [3595, 1595, 1485] },
  { loai: 'O_TO_CON', nhanHieu: 'MITSUBISHI', soLoai: 'XPANDER', nuoc: 'Indonesia', wmi: 'MK2', dongCo: '4A91', soCho: 7, khoiLuongBanThan: 1240, taiTrong: 0, kichThuoc: [4595, 1750, 1750] },
  { loai: 'O_TO_CON', nhanHieu: 'HONDA', soLoai: 'CITY 1.5', nuoc: 'Thái Lan', wmi: 'MRH', dongCo: 'L15B', soCho: 5, khoiLuongBanThan: 1117, taiTrong: 0, kichThuoc: [4553, 1748, 1467] },
  { loai: 'O_TO_CON', nhanHieu: 'VINFAST', soLoai: 'VF 5 PLUS', nuoc: 'Việt Nam', wmi: 'RLL', dongCo: 'EDU', soCho: 5, khoiLuongBanThan: 1360, taiTrong: 0, kichThuoc: [3967, 1723, 1578] },
  { loai: 'O_TO_CON', nhanHieu: 'MAZDA', soLoai: 'CX-5 2.0', nuoc: 'Việt Nam', wmi: 'RP8', dongCo: 'PE', soCho: 5, khoiLuongBanThan: 1548, taiTrong: 0, kichThuoc: [4590, 1845, 1680] },
  { loai: 'O_TO_BAN_TAI', nhanHieu: 'FORD', soLoai: 'RANGER XLS', nuoc: 'Thái Lan', wmi: 'MNC', dongCo: 'YN2S', soCho: 5, khoiLuongBanThan: 2020, taiTrong: 655, kichThuoc: [5370, 1918, 1884] },
  { loai: 'O_TO_TAI', nhanHieu: 'SUZUKI', soLoai: 'CARRY PRO', nuoc: 'Indonesia', wmi: 'MHY', dongCo: 'G16A', soCho: 2, khoiLuongBanThan: 1015, taiTrong: 705, kichThuoc: [4195, 1765, 1910] },
  { loai: 'O_TO_TAI', nhanHieu: 'ISUZU', soLoai: 'QKR 230', nuoc: 'Việt Nam', wmi: 'RLE', dongCo: '4JH1', soCho: 3, khoiLuongBanThan: 2155, taiTrong: 1990, kichThuoc: [5160, 1860, 2220] },
  { loai: 'O_TO_TAI', nhanHieu: 'THACO', soLoai: 'OLLIN 350', nuoc: 'Việt Nam', wmi: 'RNA', dongCo: '4J28', soCho: 3, khoiLuongBanThan: 2840, taiTrong: 3490, kichThuoc: [6150, 2040, 2870] },
  { loai: 'O_TO_TAI', nhanHieu: 'HYUNDAI', soLoai: 'MIGHTY EX8', nuoc: 'Việt Nam', wmi: 'RLU', dongCo: 'D4GA', soCho: 3, khoiLuongBanThan: 4050, taiTrong: 6950, kichThuoc: [7390, 2200, 3150] },
  { loai: 'O_TO_TAI', nhanHieu: 'HINO', soLoai: 'FL8JW7A', nuoc: 'Việt Nam', wmi: 'RLH', dongCo: 'J08E', soCho: 2, khoiLuongBanThan: 8250, taiTrong: 15_100, kichThuoc: [11_950, 2500, 3850] },
  { loai: 'O_TO_KHACH', nhanHieu: 'FORD', soLoai: 'TRANSIT', nuoc: 'Việt Nam', wmi: 'RL0', dongCo: 'DRFF', soCho: 16, khoiLuongBanThan: 2545, taiTrong: 0, kichThuoc: [5780, 2000, 2360] },
  { loai: 'O_TO_KHACH', nhanHieu: 'HYUNDAI', soLoai: 'SOLATI H350', nuoc: 'Việt Nam', wmi: 'RLU', dongCo: 'D4CB', soCho: 16, khoiLuongBanThan: 2740, taiTrong: 0, kichThuoc: [6195, 2038, 2700] },
  { loai: 'O_TO_KHACH', nhanHieu: 'THACO', soLoai: 'TB120SL', nuoc: 'Việt Nam', wmi: 'RNA', dongCo: 'WP10', soCho: 47, khoiLuongBanThan: 12_300, taiTrong: 0, kichThuoc: [12_000, 2500, 3750] },
  { loai: 'O_TO_KHACH', nhanHieu: 'SAMCO', soLoai: 'FELIX', nuoc: 'Việt Nam', wmi: 'RLS', dongCo: '4HK1', soCho: 29, khoiLuongBanThan: 5850, taiTrong: 0, kichThuoc: [7990, 2240, 2980] },
  { loai: 'O_TO_DAU_KEO', nhanHieu: 'HYUNDAI', soLoai: 'XCIENT GT', nuoc: 'Hàn Quốc', wmi: 'KMF', dongCo: 'D6CC', soCho: 2, khoiLuongBanThan: 9100, taiTrong: 0, kichThuoc: [6925, 2495, 3660] },
  { loai: 'SO_MI_RO_MOOC', nhanHieu: 'CIMC', soLoai: 'ZJV9400', nuoc: 'Trung Quốc', wmi: 'LJR', dongCo: '', soCho: 0, khoiLuongBanThan: 6800, taiTrong: 31_500, kichThuoc: [12_380, 2500, 1560] },
];

const COLOURS = ['Trắng', 'Đen', 'Bạc', 'Xám', 'Đỏ', 'Xanh'];

export interface Vehicle {
  /** Canonical plate, e.g. 67A-123.45. */
  bienSo: string;
  /** Yellow plates for transport businesses (kinh doanh vận tải), white otherwise. */
  mauBien: 'TRANG' | 'VANG';
  model: Model;
  namSanXuat: number;
  soKhung: string;
  soMay: string;
  mauSon: string;
  ngayDangKy: string;
  kinhDoanhVanTai: boolean;
  /** Owner: a person (số định danh) or a company (msdn). */
  chuXe: { loai: 'CA_NHAN'; soDinhDanh: string } | { loai: 'TO_CHUC'; msdn: string };
}

/** ISO 3779 check digit (position 9), as VINs of North-American origin carry it; applied to every VIN here. */
function vinCheckDigit(vin: string): string {
  const values: Record<string, number> = {};
  'ABCDEFGH'.split('').forEach((c, i) => (values[c] = i + 1));
  'JKLMN'.split('').forEach((c, i) => (values[c] = i + 1));
  values.P = 7;
  values.R = 9;
  'STUVWXYZ'.split('').forEach((c, i) => (values[c] = i + 2));
  const weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
  const sum = vin.split('').reduce((s, c, i) => s + (/\d/.test(c) ? Number(c) : values[c]!) * weights[i]!, 0);
  const r = sum % 11;
  return r === 10 ? 'X' : String(r);
}

/** Model-year letters of the VIN's 10th position (2010 = A … 2030 = Y, no I/O/Q/U/Z). */
const YEAR_CODES = 'ABCDEFGHJKLMNPRSTVWXY';

export const isVin = (v: string): boolean => /^[A-HJ-NPR-Z0-9]{17}$/.test(v) && vinCheckDigit(v) === v[8];

function makeVin(f: SimpleFaker, wmi: string, year: number): string {
  const vds = f.string.fromCharacters('ABCDEFGHJKLMNPRSTUVWXYZ0123456789', 5);
  const yearCode = year >= 2010 ? YEAR_CODES[(year - 2010) % YEAR_CODES.length]! : String(year % 10);
  const tail = `${yearCode}${f.string.fromCharacters('ABCDEFGHJKLMNPRSTUVWXYZ', 1)}${f.string.numeric(6)}`;
  const draft = `${wmi}${vds}0${tail}`;
  return `${draft.slice(0, 8)}${vinCheckDigit(draft)}${draft.slice(9)}`;
}

/** "67A12345" / "67a-123.45" → "67A-123.45"; null when it is not a plate. */
export function canonicalPlate(input: string): string | null {
  const m = /^(\d{2})([A-Z]{1,2}\d?)(\d{3})(\d{2})$/.exec(input.toUpperCase().replace(/[-.\s]/g, ''));
  return m ? `${m[1]}${m[2]}-${m[3]}.${m[4]}` : null;
}

/** Transport operators: companies in road transport (VSIC 4932/4933), then household businesses. */
export function transportCompanies(population: Population): Company[] {
  return population.companies.filter((c) => c.nganhNghe.some((n) => n.ma === '4933' || n.ma === '4932'));
}

/** Household transport businesses (hộ kinh doanh): working-age adults of the population. */
export function transportHouseholds(population: Population): Person[] {
  return population.people.filter((p, i) => i % 9 === 4 && p.ngaySinh < '1995-01-01' && p.ngaySinh > '1965-01-01');
}

export function buildFleet(population: Population): Vehicle[] {
  const f = new SimpleFaker({ seed: 6768 });
  const used = new Set<string>();
  const asOfYear = Number(population.asOf.slice(0, 4));
  const fleet: Vehicle[] = [];
  const plate = (maXa: string, loai: LoaiPhuongTien) => {
    const tinh = inFormerKienGiang(maXa) ? '68' : '67';
    for (;;) {
      const p = `${tinh}${f.helpers.arrayElement(SERIES[loai])}-${f.string.numeric(3)}.${f.string.numeric(2)}`;
      if (!used.has(p) && !/-000\./.test(p)) {
        used.add(p);
        return p;
      }
    }
  };
  const add = (chuXe: Vehicle['chuXe'], maXa: string, loai: LoaiPhuongTien, kinhDoanh: boolean, maxAge = 15) => {
    const model = f.helpers.arrayElement(MODELS.filter((m) => m.loai === loai));
    const namSanXuat = asOfYear - f.number.int({ min: 0, max: maxAge });
    const dangKy = `${Math.min(asOfYear, namSanXuat + f.number.int({ min: 0, max: 1 }))}-${String(f.number.int({ min: 1, max: 12 })).padStart(2, '0')}-${String(f.number.int({ min: 1, max: 28 })).padStart(2, '0')}`;
    fleet.push({
      bienSo: plate(maXa, loai),
      mauBien: kinhDoanh ? 'VANG' : 'TRANG',
      model,
      namSanXuat,
      soKhung: makeVin(f, model.wmi, namSanXuat),
      soMay: model.dongCo ? `${model.dongCo}${f.string.numeric(6)}` : '',
      mauSon: f.helpers.arrayElement(COLOURS),
      ngayDangKy: dangKy < population.asOf ? dangKy : population.asOf,
      kinhDoanhVanTai: kinhDoanh,
      chuXe,
    });
  };
  for (const c of transportCompanies(population)) {
    const passenger = c.nganhNghe.some((n) => n.ma === '4932' && n.chinh) || c.nganhNghe[0]!.ma === '7911';
    const n = f.number.int({ min: 1, max: 6 });
    for (let k = 0; k < n; k++) {
      const loai: LoaiPhuongTien = passenger ? f.helpers.arrayElement(['O_TO_KHACH', 'O_TO_KHACH', 'O_TO_CON'] as const) : f.helpers.arrayElement(['O_TO_TAI', 'O_TO_TAI', 'O_TO_TAI', 'O_TO_DAU_KEO', 'SO_MI_RO_MOOC'] as const);
      add({ loai: 'TO_CHUC', msdn: c.msdn }, c.diaChiTruSo.maXa, loai, true, loai === 'O_TO_KHACH' ? 12 : 22);
    }
  }
  for (const p of transportHouseholds(population)) {
    add({ loai: 'CA_NHAN', soDinhDanh: p.soDinhDanh }, p.thuongTru.maXa, f.helpers.arrayElement(['O_TO_TAI', 'O_TO_CON'] as const), true, 12);
  }
  // Private cars of adults, and company cars of the other companies (not for hire).
  population.people.filter((p, i) => i % 3 === 1 && p.ngaySinh < '2002-01-01').forEach((p) => {
    add({ loai: 'CA_NHAN', soDinhDanh: p.soDinhDanh }, p.thuongTru.maXa, f.helpers.weightedArrayElement([{ weight: 6, value: 'O_TO_CON' as const }, { weight: 1, value: 'O_TO_BAN_TAI' as const }]), false, 24);
  });
  const transport = new Set(transportCompanies(population).map((c) => c.msdn));
  population.companies.filter((c) => !transport.has(c.msdn) && c.tinhTrang === 'dang-hoat-dong').forEach((c, i) => {
    if (i % 2 === 0) add({ loai: 'TO_CHUC', msdn: c.msdn }, c.diaChiTruSo.maXa, f.helpers.arrayElement(['O_TO_CON', 'O_TO_BAN_TAI', 'O_TO_TAI'] as const), false, 12);
  });
  return fleet;
}
