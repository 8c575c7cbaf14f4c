/**
 * The one synthetic population every connector's seed is projected from, so that a citizen found in dân cư also has
 * a BHXH number, a driving licence, an electricity contract…, and a company in đăng ký doanh nghiệp has a tax record.
 * Generated deterministically by `npm run seed:generate` into mocks/_population/ (scripts/population.ts).
 */
export interface Address {
  maTinh: string;
  tenTinh: string;
  maXa: string;
  tenXa: string;
  /** Số nhà, đường, khóm/ấp. */
  chiTiet: string;
  /** The full one-line address, as services print it. */
  diaChi: string;
}

export interface Person {
  /** 12-digit CCCD / số định danh cá nhân. */
  soDinhDanh: string;
  /** Old 9-digit CMND, for people old enough to have had one. */
  soCmnd: string | null;
  hoVaTen: string;
  gioiTinh: 'nam' | 'nu';
  /** ISO yyyy-MM-dd; each connector formats it as its service does. */
  ngaySinh: string;
  danToc: string;
  tonGiao: string;
  quocTich: string;
  queQuan: string;
  thuongTru: Address;
  soDienThoai: string;
  email: string | null;
  maSoBhxh: string;
  maHoGiaDinh: string;
  quanHeChuHo: string;
  hoTenCha: string;
  hoTenMe: string;
  tinhTrangHonNhan: 'doc-than' | 'da-ket-hon' | 'ly-hon' | 'goa';
  ngheNghiep: string;
  ngayCapCccd: string;
}

export interface Company {
  msdn: string;
  tenTiengViet: string;
  tenNuocNgoai: string;
  tenVietTat: string;
  loaiHinh: string;
  ngayThanhLap: string;
  tinhTrang: 'dang-hoat-dong' | 'tam-ngung' | 'giai-the' | 'cho-giai-the';
  diaChiTruSo: Address;
  /** soDinhDanh of a Person. */
  nguoiDaiDien: string;
  vonDieuLe: number;
  nganhNghe: Array<{ ma: string; ten: string; chinh: boolean }>;
  chiNhanh: Array<{ maChiNhanh: string; ten: string; diaChi: Address; ngayThanhLap: string }>;
  soDienThoai: string;
  email: string;
}

export interface Population {
  /** The "today" the population was generated for (fixed, so the files are reproducible). */
  asOf: string;
  people: Person[];
  companies: Company[];
}

/** A connector's seed builder: projects the population into the connector's own collections. */
export type SeedBuilder = (population: Population, rng: SeedRng) => Record<string, unknown[]>;

/** A deterministic random source handed to seed builders (seeded per connector). */
export interface SeedRng {
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  bool(probability?: number): boolean;
  /** A date between two ISO dates, as ISO yyyy-MM-dd. */
  date(fromIso: string, toIso: string): string;
}
