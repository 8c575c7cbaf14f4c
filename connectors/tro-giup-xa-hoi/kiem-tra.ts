/**
 * Eligibility and consistency rules (beyond the JSON Schema) for social-assistance dossiers and review updates:
 * the commune is the province's, identities agree with their numbers, the group's age bounds and evidence hold
 * (Nghị định 20/2021/NĐ-CP), and the person's standing in the database fits the request.
 */
import { NdxpError } from '../../src/core/errors.js';
import { checkIdentity, invalid } from '../_shared/dinh-danh.js';
import { communeOf } from '../_shared/don-vi-hanh-chinh.js';
import { ageOn } from '../_shared/thoi-gian.js';
import { dmyToIso } from '../_shared/wire.js';
import { DO_TUOI, type Nhom } from './codes.js';
import type { DoiTuongBtxh } from './csdl.js';

export function kiemTraXa(field: string, maXa: string): void {
  if (!communeOf(maXa)) throw invalid(field, 'không phải mã xã, phường, đặc khu của tỉnh An Giang (từ 01/7/2025)', 'not a commune of An Giang (since 1 July 2025)');
}

export { checkIdentity };

/** The group's conditions: age bounds on `onIso`, the disability level for K6, the children raised for K4. */
export function kiemTraNhom(a: { nhom: Nhom; ngaySinh: string; onIso: string; mucDo?: string; soCon?: number; ngaySinhField: string }): void {
  const [min, max] = DO_TUOI[a.nhom] ?? [null, null];
  const age = ageOn(dmyToIso(a.ngaySinh), a.onIso);
  if ((min !== null && age < min) || (max !== null && age > max)) {
    const range = `${min ?? 0}–${max ?? '…'}`;
    throw invalid(a.ngaySinhField, `nhóm ${a.nhom} chỉ dành cho người ${range} tuổi (đối tượng ${age} tuổi)`, `group ${a.nhom} is for ages ${range} (the person is ${age})`);
  }
  if (a.nhom === 'K6N' && a.mucDo !== 'NANG') throw invalid('MucDoKhuyetTat', 'nhóm K6N cần mức độ khuyết tật NANG', 'group K6N needs MucDoKhuyetTat NANG');
  if (a.nhom === 'K6DBN' && a.mucDo !== 'DAC_BIET_NANG') throw invalid('MucDoKhuyetTat', 'nhóm K6DBN cần mức độ khuyết tật DAC_BIET_NANG', 'group K6DBN needs MucDoKhuyetTat DAC_BIET_NANG');
  if (a.nhom === 'K4' && !a.soCon) throw invalid('SoConDangNuoi', 'nhóm K4 cần số con đang nuôi', 'group K4 needs the number of children raised');
}

/** The person must not be receiving the allowance already (a new claim). */
export function chuaHuong(field: string, d: DoiTuongBtxh | undefined): void {
  if (d?.TrangThaiHuong === 'DANG_HUONG') {
    throw new NdxpError('CONFLICT', {
      field,
      detailVi: `đối tượng đang hưởng trợ cấp (mã ${d.MaDoiTuong}, nhóm ${d.NhomDoiTuong}); dùng điều chỉnh thay vì đề nghị mới`,
      detailEn: `the person already receives the allowance (${d.MaDoiTuong}); use an adjustment instead`,
      details: { MaDoiTuong: d.MaDoiTuong, NhomDoiTuong: d.NhomDoiTuong },
    });
  }
}

/** The person must be in the database (and, unless `anyState`, currently receiving the allowance). */
export function dangHuong(field: string, soDinhDanh: string, d: DoiTuongBtxh | undefined, anyState = false): DoiTuongBtxh {
  if (!d || (!anyState && d.TrangThaiHuong !== 'DANG_HUONG')) {
    throw new NdxpError('RECORD_NOT_FOUND', {
      field,
      detailVi: `${soDinhDanh} không có trong CSDL trợ giúp xã hội${anyState ? '' : ' với trạng thái đang hưởng'}`,
      detailEn: `${soDinhDanh} is not ${anyState ? 'in the database' : 'a current beneficiary'}`,
    });
  }
  return d;
}
