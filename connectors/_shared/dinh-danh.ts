/** Checks that personal data sent with a số định danh agrees with what the number itself encodes. */
import { NdxpError } from '../../src/core/errors.js';
import { parseCccd } from '../../src/core/identifiers.js';

/** VALIDATION_FAILED naming the field, with both messages. */
export const invalid = (field: string, vi: string, en: string): NdxpError =>
  new NdxpError('VALIDATION_FAILED', { field, detailVi: `${field}: ${vi}`, detailEn: `${field}: ${en}` });

/**
 * A 12-digit CCCD encodes the century, the sex and the year of birth: a NgaySinh (dd/MM/yyyy or ISO) or a
 * GioiTinh ('1' nam, '2' nữ) that contradicts it is refused, naming `<prefix>.NgaySinh` / `<prefix>.GioiTinh`.
 */
export function checkIdentity(prefix: string, p: { SoDinhDanh: string; NgaySinh: string; GioiTinh?: '1' | '2' }): void {
  const parts = parseCccd(p.SoDinhDanh);
  if (!parts) throw invalid(`${prefix}.SoDinhDanh`, 'không phải số định danh cá nhân hợp lệ', 'not a valid personal identification number');
  const year = Number(/^\d{4}/.test(p.NgaySinh) ? p.NgaySinh.slice(0, 4) : p.NgaySinh.slice(6, 10));
  if (parts.birthYear !== year) {
    throw invalid(`${prefix}.NgaySinh`, `năm sinh ${year} không khớp số định danh (mã năm sinh ${parts.birthYear})`, `year of birth ${year} contradicts the ID number (${parts.birthYear})`);
  }
  if (p.GioiTinh && (parts.sex === 'nam' ? '1' : '2') !== p.GioiTinh) {
    throw invalid(`${prefix}.GioiTinh`, 'giới tính không khớp số định danh', 'sex contradicts the ID number');
  }
}
