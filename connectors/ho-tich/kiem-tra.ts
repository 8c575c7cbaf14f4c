/**
 * Rules a civil-status registration must meet before the central side receives it (beyond the JSON Schema):
 * the commune is one of the province's, only the section of the dossier type is sent, identities agree with their
 * numbers, and the law's conditions hold (marriage ages, a birth before its registration, a child under six).
 */
import { communeOf } from '../_shared/don-vi-hanh-chinh.js';
import { checkIdentity, invalid } from '../_shared/dinh-danh.js';
import { coSoKcbTheoMa } from '../_shared/co-so-kcb.js';
import { ageOn } from '../_shared/thoi-gian.js';
import { dmyToIso } from '../_shared/wire.js';
import { LOAI_HO_SO, type LoaiHoSo } from './codes.js';
import type { Nguoi, YeuCauHoTich } from './ho-so.js';

const SECTIONS = [...new Set(Object.values(LOAI_HO_SO).map((l) => l.section))];

function notAfter(field: string, dmy: string, todayIso: string, vi: string, en: string) {
  if (dmyToIso(dmy) > todayIso) throw invalid(field, vi, en);
}

function nguoi(prefix: string, n: Nguoi, gioiTinh?: '1' | '2') {
  checkIdentity(prefix, n);
  if (gioiTinh && n.GioiTinh !== gioiTinh) {
    throw invalid(`${prefix}.GioiTinh`, `phải là ${gioiTinh === '1' ? 'nam (1)' : 'nữ (2)'}`, `must be ${gioiTinh === '1' ? 'male (1)' : 'female (2)'}`);
  }
}

export function kiemTraYeuCau(y: YeuCauHoTich, loai: LoaiHoSo, now: Date): void {
  const today = now.toISOString().slice(0, 10);
  if (!communeOf(y.MaXaDangKy)) {
    throw invalid('MaXaDangKy', 'không phải mã xã, phường, đặc khu của tỉnh An Giang (từ 01/7/2025)', 'not a commune of An Giang (since 1 July 2025)');
  }
  const own = LOAI_HO_SO[loai].section;
  const stray = SECTIONS.find((s) => s !== own && (y as unknown as Record<string, unknown>)[s] !== undefined);
  if (stray) throw invalid(stray, `hồ sơ loại ${loai} chỉ gửi phần ${own}`, `a ${loai} dossier carries only ${own}`);
  checkIdentity('NguoiYeuCau', y.NguoiYeuCau);

  if (y.KhaiSinh) {
    const k = y.KhaiSinh;
    const sinh = dmyToIso(k.NguoiDuocKhaiSinh.NgaySinh);
    notAfter('KhaiSinh.NguoiDuocKhaiSinh.NgaySinh', k.NguoiDuocKhaiSinh.NgaySinh, today, 'ngày sinh sau ngày đăng ký', 'birth date is after the registration date');
    nguoi('KhaiSinh.Me', k.Me, '2');
    if (k.Cha) nguoi('KhaiSinh.Cha', k.Cha, '1');
    if (ageOn(dmyToIso(k.Me.NgaySinh), sinh) < 12) throw invalid('KhaiSinh.Me.NgaySinh', 'người mẹ chưa đủ tuổi sinh con', 'the mother is too young');
    if (loai === 'KSBHYT') {
      if (ageOn(sinh, today) >= 6) {
        throw invalid('KhaiSinh.NguoiDuocKhaiSinh.NgaySinh', 'trẻ từ đủ 6 tuổi không thuộc diện liên thông cấp thẻ BHYT trẻ em', 'a child aged six or more is not covered by the child BHYT card');
      }
      if (!coSoKcbTheoMa(y.TheBhyt!.NoiDangKyKCBBD)) {
        throw invalid('TheBhyt.NoiDangKyKCBBD', 'không phải cơ sở khám chữa bệnh ban đầu trên địa bàn tỉnh', 'not a primary-care facility of the province');
      }
    }
  }
  if (y.KhaiTu) {
    const k = y.KhaiTu;
    nguoi('KhaiTu.NguoiDaMat', k.NguoiDaMat);
    notAfter('KhaiTu.NgayMat', k.NgayMat, today, 'ngày chết sau ngày đăng ký', 'date of death is after the registration date');
    if (dmyToIso(k.NgayMat) < dmyToIso(k.NguoiDaMat.NgaySinh)) throw invalid('KhaiTu.NgayMat', 'ngày chết trước ngày sinh', 'date of death precedes the birth date');
    if (dmyToIso(k.GiayBaoTu.NgayCap) < dmyToIso(k.NgayMat)) throw invalid('KhaiTu.GiayBaoTu.NgayCap', 'giấy báo tử cấp trước ngày chết', 'death notice issued before the death');
  }
  if (y.KetHon) {
    const { BenNam, BenNu } = y.KetHon;
    nguoi('KetHon.BenNam', BenNam, '1');
    nguoi('KetHon.BenNu', BenNu, '2');
    // Luật Hôn nhân và gia đình 2014, Điều 8: nam từ đủ 20 tuổi, nữ từ đủ 18 tuổi.
    if (ageOn(dmyToIso(BenNam.NgaySinh), today) < 20) throw invalid('KetHon.BenNam.NgaySinh', 'bên nam chưa đủ 20 tuổi', 'the man is under 20');
    if (ageOn(dmyToIso(BenNu.NgaySinh), today) < 18) throw invalid('KetHon.BenNu.NgaySinh', 'bên nữ chưa đủ 18 tuổi', 'the woman is under 18');
  }
  if (y.NhanChaMeCon) {
    const c = y.NhanChaMeCon;
    const parentIsNhan = c.QuanHe === 'CHA_NHAN_CON' || c.QuanHe === 'ME_NHAN_CON';
    const sex = c.QuanHe === 'CHA_NHAN_CON' || c.QuanHe === 'CON_NHAN_CHA' ? '1' : '2';
    nguoi('NhanChaMeCon.BenNhan', c.BenNhan, parentIsNhan ? sex : undefined);
    nguoi('NhanChaMeCon.BenDuocNhan', c.BenDuocNhan, parentIsNhan ? undefined : sex);
    const [cha, con] = parentIsNhan ? [c.BenNhan, c.BenDuocNhan] : [c.BenDuocNhan, c.BenNhan];
    if (dmyToIso(cha.NgaySinh) >= dmyToIso(con.NgaySinh)) {
      throw invalid('NhanChaMeCon', 'cha/mẹ phải sinh trước con', 'the parent must be born before the child');
    }
  }
  if (y.XacNhanTinhTrangHonNhan) nguoi('XacNhanTinhTrangHonNhan.NguoiDuocXacNhan', y.XacNhanTinhTrangHonNhan.NguoiDuocXacNhan);
  if (y.ThayDoiCaiChinh) {
    const t = y.ThayDoiCaiChinh;
    nguoi('ThayDoiCaiChinh.NguoiDuocThayDoi', t.NguoiDuocThayDoi);
    if (t.NoiDungTruoc === t.NoiDungSau) throw invalid('ThayDoiCaiChinh.NoiDungSau', 'không khác thông tin trước', 'equals the previous information');
  }
}

