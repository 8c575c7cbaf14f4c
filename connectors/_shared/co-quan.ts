/**
 * Agencies and public service units of An Giang (after the 2025 mergers) with mã định danh in the QĐ 20/2020 format,
 * and where each official of the shared population works. Pure and deterministic: cán bộ công chức (the officials'
 * records) and bảo hiểm (their compulsory social insurance employer) name the same unit for the same person.
 * Codes 07 (Sở Tài chính) and 14 (Sở Tư pháp) match the other connectors; the rest are invented.
 */
import { COMMUNES_AN_GIANG, maDinhDanhUbndXa, tenUbndXa } from './don-vi-hanh-chinh.js';
import { hashInt, pickBy } from './hash.js';
import type { Person } from './population.js';
import { isoPlusDays, isoPlusYears } from './thoi-gian.js';

export interface CoQuan {
  maDinhDanh: string;
  ten: string;
  /** Cơ quan hành chính (công chức) or đơn vị sự nghiệp công lập (viên chức). */
  loai: 'hanh-chinh' | 'su-nghiep';
  /** Parent agency's mã định danh (sở chủ quản), when any. */
  capTren?: string;
}

export const SO_NGANH: readonly CoQuan[] = [
  { maDinhDanh: '000.00.01.H01', ten: 'Văn phòng Ủy ban nhân dân tỉnh An Giang', loai: 'hanh-chinh' },
  { maDinhDanh: '000.00.02.H01', ten: 'Sở Nội vụ tỉnh An Giang', loai: 'hanh-chinh' },
  { maDinhDanh: '000.00.05.H01', ten: 'Sở Nông nghiệp và Môi trường tỉnh An Giang', loai: 'hanh-chinh' },
  { maDinhDanh: '000.00.06.H01', ten: 'Sở Khoa học và Công nghệ tỉnh An Giang', loai: 'hanh-chinh' },
  { maDinhDanh: '000.00.07.H01', ten: 'Sở Tài chính tỉnh An Giang', loai: 'hanh-chinh' },
  { maDinhDanh: '000.00.08.H01', ten: 'Sở Công Thương tỉnh An Giang', loai: 'hanh-chinh' },
  { maDinhDanh: '000.00.09.H01', ten: 'Sở Xây dựng tỉnh An Giang', loai: 'hanh-chinh' },
  { maDinhDanh: '000.00.10.H01', ten: 'Sở Giáo dục và Đào tạo tỉnh An Giang', loai: 'hanh-chinh' },
  { maDinhDanh: '000.00.11.H01', ten: 'Sở Y tế tỉnh An Giang', loai: 'hanh-chinh' },
  { maDinhDanh: '000.00.12.H01', ten: 'Sở Văn hóa, Thể thao và Du lịch tỉnh An Giang', loai: 'hanh-chinh' },
  { maDinhDanh: '000.00.14.H01', ten: 'Sở Tư pháp tỉnh An Giang', loai: 'hanh-chinh' },
  { maDinhDanh: '000.00.15.H01', ten: 'Thanh tra tỉnh An Giang', loai: 'hanh-chinh' },
];

export const TRUONG_HOC: readonly CoQuan[] = [
  { maDinhDanh: '000.01.10.H01', ten: 'Trường THPT Long Xuyên', loai: 'su-nghiep', capTren: '000.00.10.H01' },
  { maDinhDanh: '000.02.10.H01', ten: 'Trường THPT chuyên Thoại Ngọc Hầu', loai: 'su-nghiep', capTren: '000.00.10.H01' },
  { maDinhDanh: '000.03.10.H01', ten: 'Trường THPT Thủ Khoa Nghĩa', loai: 'su-nghiep', capTren: '000.00.10.H01' },
  { maDinhDanh: '000.04.10.H01', ten: 'Trường THPT chuyên Huỳnh Mẫn Đạt', loai: 'su-nghiep', capTren: '000.00.10.H01' },
  { maDinhDanh: '000.05.10.H01', ten: 'Trường THPT Nguyễn Trung Trực', loai: 'su-nghiep', capTren: '000.00.10.H01' },
  { maDinhDanh: '000.06.10.H01', ten: 'Trường THPT Phú Quốc', loai: 'su-nghiep', capTren: '000.00.10.H01' },
];

export const CO_SO_Y_TE: readonly CoQuan[] = [
  { maDinhDanh: '000.01.11.H01', ten: 'Bệnh viện Đa khoa Trung tâm An Giang', loai: 'su-nghiep', capTren: '000.00.11.H01' },
  { maDinhDanh: '000.02.11.H01', ten: 'Bệnh viện Đa khoa tỉnh Kiên Giang', loai: 'su-nghiep', capTren: '000.00.11.H01' },
  { maDinhDanh: '000.03.11.H01', ten: 'Bệnh viện Sản - Nhi An Giang', loai: 'su-nghiep', capTren: '000.00.11.H01' },
  { maDinhDanh: '000.04.11.H01', ten: 'Bệnh viện Đa khoa khu vực tỉnh An Giang', loai: 'su-nghiep', capTren: '000.00.11.H01' },
  { maDinhDanh: '000.05.11.H01', ten: 'Trung tâm Y tế Phú Quốc', loai: 'su-nghiep', capTren: '000.00.11.H01' },
];

/** Jobs of the population that are public officials (công chức) or public employees (viên chức). */
export const NGHE_CONG_VU = ['Công chức', 'Giáo viên', 'Bác sĩ'] as const;
export const laCongVu = (p: Person): boolean => (NGHE_CONG_VU as readonly string[]).includes(p.ngheNghiep);

/** The commune's People's Committee as an agency. */
export const ubndXa = (maXa: string): CoQuan => ({ maDinhDanh: maDinhDanhUbndXa(maXa), ten: tenUbndXa(maXa), loai: 'hanh-chinh' });

/** Where an official of the population works: teachers in a school, doctors in a hospital, công chức in a sở or their commune. */
export function coQuanCongTac(p: Person): CoQuan {
  if (p.ngheNghiep === 'Giáo viên') return pickBy(TRUONG_HOC, p.soDinhDanh, 'truong');
  if (p.ngheNghiep === 'Bác sĩ') return pickBy(CO_SO_Y_TE, p.soDinhDanh, 'benh-vien');
  return hashInt(p.soDinhDanh, 'cap-xa') % 2 === 0 ? ubndXa(p.thuongTru.maXa) : pickBy(SO_NGANH, p.soDinhDanh, 'so');
}

/** Every agency a record may name (for validating pushed records and filters). */
export function coQuanTheoMa(maDinhDanh: string): CoQuan | undefined {
  const fixed = [...SO_NGANH, ...TRUONG_HOC, ...CO_SO_Y_TE].find((c) => c.maDinhDanh === maDinhDanh);
  if (fixed) return fixed;
  const commune = COMMUNES_AN_GIANG.find((c) => maDinhDanhUbndXa(c.ma) === maDinhDanh);
  return commune ? ubndXa(commune.ma) : undefined;
}

/** A provincial department chosen by a person's number (an official's earlier unit). */
export const pickFromSo = (soDinhDanh: string): CoQuan => pickBy(SO_NGANH, soDinhDanh, 'so-truoc');

const firstOfMonth = (iso: string) => `${iso.slice(0, 7)}-01`;

/** When a person of the population started working: at 22–26, or a few months before `asOf` for the youngest (ISO, 1st of a month). */
export function ngayVaoLam(p: Person, asOf: string): string {
  const moiVao = firstOfMonth(isoPlusDays(asOf, -60 - (hashInt(p.soDinhDanh, 'moi-vao') % 300)));
  return [firstOfMonth(isoPlusYears(p.ngaySinh, 22 + (hashInt(p.soDinhDanh, 'vao-lam') % 5))), moiVao].sort()[0]!;
}

/** The unit before the current one: another school for a teacher, another hospital for a doctor, else a department. */
function donViTruoc(p: Person, hienTai: CoQuan): CoQuan {
  const cung = p.ngheNghiep === 'Giáo viên' ? TRUONG_HOC : p.ngheNghiep === 'Bác sĩ' ? CO_SO_Y_TE : null;
  return cung ? pickBy(cung.filter((c) => c.maDinhDanh !== hienTai.maDinhDanh), p.soDinhDanh, 'don-vi-truoc') : pickFromSo(p.soDinhDanh);
}

export interface KyCongTac {
  /** ISO dates; `den` absent for the current posting. */
  tu: string;
  den?: string;
  coQuan: CoQuan;
}

/**
 * An official's postings: an earlier unit of the same kind, then the current one from 2–7 years after recruitment
 * (one posting only when that is still ahead). Bảo hiểm's compulsory-insurance history and the officials' records
 * are both built from this.
 */
export function quaTrinhCongTac(p: Person, asOf: string): KyCongTac[] {
  const vaoLam = ngayVaoLam(p, asOf);
  const hienTai = coQuanCongTac(p);
  const chuyen = firstOfMonth(isoPlusYears(vaoLam, 2 + (hashInt(p.soDinhDanh, 'chuyen') % 6)));
  if (chuyen >= asOf) return [{ tu: vaoLam, coQuan: hienTai }];
  return [{ tu: vaoLam, den: isoPlusDays(chuyen, -1), coQuan: donViTruoc(p, hienTai) }, { tu: chuyen, coQuan: hienTai }];
}
