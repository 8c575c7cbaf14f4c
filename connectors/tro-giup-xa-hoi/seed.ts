import { makeMaHoSo } from '../../src/core/identifiers.js';
import { doiTuongBaoTroXaHoi, type DoiTuongBtxh as Chon } from '../_shared/bao-tro-xa-hoi.js';
import { maDinhDanhUbndXa } from '../_shared/don-vi-hanh-chinh.js';
import { hashInt } from '../_shared/hash.js';
import { ts, type LichSuItem, type TaiLieu } from '../_shared/ho-so-lien-thong.js';
import type { Person, SeedBuilder } from '../_shared/population.js';
import { buildReceipt } from '../_shared/push-receipt.js';
import { addWorkingDays, ageOn, isoAt, isoPlusDays } from '../_shared/thoi-gian.js';
import { treEmDuoi6Tuoi } from '../_shared/tre-em.js';
import { toDmy } from '../_shared/wire.js';
import { LOAI_HO_SO, LY_DO_KHONG_DU_DIEU_KIEN, MUC_CHUAN, mucTroCap, NHOM_DOI_TUONG, tenTrangThai, YEU_CAU_BO_SUNG, type Nhom, type TrangThai } from './codes.js';
import type { CapNhatDoiTuong, DoiTuongBtxh } from './csdl.js';
import { buildQuyetDinh, coQuanTiepNhan, maDoiTuong, type DuLieuHoSoTroCap, type YeuCauTroCap } from './ho-so.js';

const HOUR = 3_600_000;

const MAU_TO_KHAI: Record<string, [string, string]> = {
  K2: ['Tờ khai đề nghị trợ giúp xã hội (Mẫu số 1a)', 'Giấy xác nhận đang học của cơ sở giáo dục'],
  K4: ['Tờ khai đề nghị trợ giúp xã hội (Mẫu số 1b)', 'Giấy khai sinh của con đang nuôi'],
  K5A: ['Tờ khai đề nghị trợ giúp xã hội (Mẫu số 1c)', 'Giấy chứng nhận hộ nghèo'],
  K5C: ['Tờ khai đề nghị trợ giúp xã hội (Mẫu số 1c)', 'Bản chụp giấy tờ tùy thân'],
  K6N: ['Tờ khai đề nghị trợ giúp xã hội (Mẫu số 1d)', 'Giấy xác nhận khuyết tật'],
  K6DBN: ['Tờ khai đề nghị trợ giúp xã hội (Mẫu số 1d)', 'Giấy xác nhận khuyết tật'],
};

const taiLieu = (nhom: string, key: string): TaiLieu[] =>
  MAU_TO_KHAI[nhom]!.map((ten, k) => ({ TenTaiLieu: ten, DuongDan: `https://dichvucong.angiang.gov.vn/tep/tro-giup-xa-hoi/${hashInt(key, 'tep').toString(16)}-${k + 1}.pdf` }));

const MUC_DO: Partial<Record<Nhom, 'NANG' | 'DAC_BIET_NANG'>> = { K6N: 'NANG', K6DBN: 'DAC_BIET_NANG' };

function yeuCau(p: Person, nhom: Nhom, soCon?: number): YeuCauTroCap {
  const taiKhoan = hashInt(p.soDinhDanh, 'tai-khoan') % 10 < 3;
  return {
    LoaiHoSo: 'HUONG_MOI',
    MaXa: p.thuongTru.maXa,
    KenhThucHien: taiKhoan ? '2' : '1',
    NguoiDeNghi: { HoVaTen: p.hoVaTen, SoDinhDanh: p.soDinhDanh, NgaySinh: toDmy(p.ngaySinh), QuanHe: 'Bản thân', SoDienThoai: p.soDienThoai, NoiCuTru: p.thuongTru.diaChi },
    DoiTuong: { HoVaTen: p.hoVaTen, SoDinhDanh: p.soDinhDanh, NgaySinh: toDmy(p.ngaySinh), GioiTinh: p.gioiTinh === 'nam' ? '1' : '2', NoiCuTru: p.thuongTru.diaChi },
    NhomDoiTuong: nhom,
    ...(MUC_DO[nhom] ? { MucDoKhuyetTat: MUC_DO[nhom] } : {}),
    ...(soCon ? { SoConDangNuoi: soCon } : {}),
    HinhThucNhanTroCap: taiKhoan ? 'TAI_KHOAN' : 'TIEN_MAT',
    ...(taiKhoan ? { SoTaiKhoan: `${String(hashInt(p.soDinhDanh, 'stk') % 1_000_000_000).padStart(9, '0')}0${p.soDinhDanh.slice(-3)}`, NganHang: 'Ngân hàng Chính sách xã hội, chi nhánh An Giang' } : {}),
    TaiLieuNop: taiLieu(nhom, p.soDinhDanh),
  };
}

function duLieu(y: YeuCauTroCap, tiepNhan: Date): DuLieuHoSoTroCap {
  const info = LOAI_HO_SO[y.LoaiHoSo];
  return {
    YeuCau: y,
    LoaiHoSo: y.LoaiHoSo,
    MaCoQuan: maDinhDanhUbndXa(y.MaXa),
    CoQuanTiepNhan: coQuanTiepNhan(y.MaXa),
    ThoiGianTiepNhan: ts(tiepNhan),
    NgayHenTra: toDmy(addWorkingDays(tiepNhan, info.thoiHan).toISOString()),
    BoSung: [],
  };
}

const entry = (s: TrangThai, d: Date, GhiChu?: string): LichSuItem => ({ TrangThai: s, TenTrangThai: tenTrangThai(s), ThoiGian: ts(d), ...(GhiChu ? { GhiChu } : {}) });

const LY_DO_DIA_CHI = 'Cập nhật nơi cư trú theo đơn vị hành chính cấp xã mới từ ngày 01/7/2025 (Nghị quyết 202/2025/QH15 và các nghị quyết sắp xếp đơn vị hành chính cấp xã)';

export const buildSeed: SeedBuilder = (population, rng) => {
  const byId = new Map(population.people.map((p) => [p.soDinhDanh, p]));
  const treEm = treEmDuoi6Tuoi(population);
  const chon = doiTuongBaoTroXaHoi(population, treEm);
  const soCon = (me: string) => treEm.filter((t) => t.me === me && t.cha === null).length;
  let seq = 0;

  // Every beneficiary came through an approved claim: 1 → 2 → 3 → 5, the decision in the month the allowance starts.
  // A person with a severe disability (K6N) first: the catalog examples adjust their allowance (repeatably).
  const k6n = chon.findIndex((c) => c.nhom === 'K6N');
  const ordered = k6n > 0 ? [chon[k6n]!, ...chon.slice(0, k6n), ...chon.slice(k6n + 1)] : chon;
  const approved = ordered.map((c: Chon) => {
    const p = byId.get(c.soDinhDanh)!;
    const ky = isoAt(isoPlusDays(c.ngayHuong, hashInt(p.soDinhDanh, 'ngay-ky') % 20), 9, 30);
    const tiepNhan = new Date(ky.getTime() - (12 + (hashInt(p.soDinhDanh, 'xet') % 8)) * 24 * HOUR);
    const y = yeuCau(p, c.nhom, c.nhom === 'K4' ? Math.max(1, soCon(p.soDinhDanh)) : undefined);
    const du = duLieu(y, tiepNhan);
    const maHoSo = makeMaHoSo(du.MaCoQuan, tiepNhan, ++seq);
    const qd = buildQuyetDinh({ maHoSo, du, at: ky });
    const lichSu = [entry('1', tiepNhan), entry('2', new Date(tiepNhan.getTime() + 2 * HOUR)), entry('3', new Date(ky.getTime() - 72 * HOUR), 'Niêm yết công khai tại trụ sở UBND và nhà văn hóa ấp, khóm trong 02 ngày làm việc'), entry('5', ky)];
    return { p, c, hoSo: { MaHoSo: maHoSo, TrangThai: '5' as const, DuLieu: du, LichSu: lichSu, QuyetDinh: qd }, qd };
  });

  // The 2025 review: after the commune merger, each earlier beneficiary's address was updated (pushed, with a receipt).
  const lichSuCapNhat = approved
    .filter(({ c }) => c.ngayHuong < '2025-07-01')
    .map(({ p }, k) => {
      const noiDung: CapNhatDoiTuong = {
        MaGiaoDich: `RS2025-${p.thuongTru.maXa}-${String(k + 1).padStart(4, '0')}`,
        NamRaSoat: 2025,
        LoaiCapNhat: 'CAP_NHAT_THONG_TIN',
        DoiTuong: { HoVaTen: p.hoVaTen, SoDinhDanh: p.soDinhDanh, NgaySinh: toDmy(p.ngaySinh), GioiTinh: p.gioiTinh === 'nam' ? '1' : '2', NoiCuTru: p.thuongTru.diaChi, MaXa: p.thuongTru.maXa },
        ThoiDiemApDung: '01/07/2025',
        LyDo: LY_DO_DIA_CHI,
        MaCanBo: `CB.XA.${p.thuongTru.maXa}`,
      };
      return buildReceipt({ key: noiDung.MaGiaoDich, content: noiDung, now: isoAt(rng.date('2025-07-15', '2025-08-29'), rng.int(1, 9), rng.int(0, 59)), receiptPrefix: 'TGXH-BN' });
    });
  const capNhatBy = new Map(lichSuCapNhat.map((r) => [r.NoiDung.DoiTuong.SoDinhDanh, r]));

  const doiTuong: DoiTuongBtxh[] = approved.map(({ p, c, hoSo, qd }) => {
    const y = hoSo.DuLieu.YeuCau;
    const push = capNhatBy.get(p.soDinhDanh);
    return {
      MaDoiTuong: maDoiTuong(p.soDinhDanh),
      SoDinhDanh: p.soDinhDanh,
      HoVaTen: p.hoVaTen,
      NgaySinh: toDmy(p.ngaySinh),
      GioiTinh: p.gioiTinh === 'nam' ? '1' : '2',
      NoiCuTru: p.thuongTru.diaChi,
      MaXa: p.thuongTru.maXa,
      NhomDoiTuong: c.nhom,
      TenNhomDoiTuong: NHOM_DOI_TUONG[c.nhom],
      HeSo: qd.HeSo!,
      // Amounts follow the standard in force today, whatever it was at the decision.
      MucChuan: MUC_CHUAN,
      MucTroCap: mucTroCap(qd.HeSo!),
      ...(y.SoConDangNuoi ? { SoConDangNuoi: y.SoConDangNuoi } : {}),
      ...(y.MucDoKhuyetTat ? { MucDoKhuyetTat: y.MucDoKhuyetTat } : {}),
      NgayHuong: qd.ThoiDiemHuong!,
      SoQuyetDinh: qd.SoQuyetDinh,
      NgayQuyetDinh: qd.NgayKy,
      HinhThucNhanTroCap: y.HinhThucNhanTroCap!,
      TrangThaiHuong: 'DANG_HUONG',
      MaTheBhyt: `BT291${p.maSoBhxh}`,
      LichSuCapNhat: [
        { Nguon: 'HO_SO', Ma: hoSo.MaHoSo, Loai: 'HUONG_MOI', ThoiGian: hoSo.LichSu.at(-1)!.ThoiGian },
        ...(push ? [{ Nguon: 'DONG_BO' as const, Ma: push.MaBienNhan, Loai: 'CAP_NHAT_THONG_TIN', ThoiGian: push.ThoiGianTiepNhan }] : []),
      ],
    };
  });

  // Claims of other people that did not (or not yet) lead to an allowance: refused, withdrawn, sent back, in progress.
  const chosen = new Set(chon.map((c) => c.soDinhDanh));
  const candidates = population.people.filter((p) => !chosen.has(p.soDinhDanh) && ageOn(p.ngaySinh, population.asOf) >= 62);
  const others: Array<[TrangThai, string]> = [['6', ''], ['6', ''], ['6', 'co-khieu-nai'], ['6', ''], ['7', ''], ['7', ''], ['4', ''], ['4', ''], ['1', ''], ['2', ''], ['3', '']];
  const khac = others.map(([status, variant], k) => {
    const p = candidates[(k * 5 + 1) % candidates.length]!;
    const open = status === '1' || status === '2' || status === '3' || status === '4';
    const tiepNhan = isoAt(open ? rng.date('2025-10-20', '2025-10-30') : rng.date('2025-01-06', '2025-09-30'), rng.int(1, 9), rng.int(0, 59));
    const y = yeuCau(p, 'K5A');
    const du = duLieu(y, tiepNhan);
    const maHoSo = makeMaHoSo(du.MaCoQuan, tiepNhan, ++seq);
    const at = (h: number) => new Date(tiepNhan.getTime() + h * HOUR);
    const lichSu = [entry('1', tiepNhan)];
    if (status !== '1') lichSu.push(entry('2', at(2)));
    if (status === '3' || variant) lichSu.push(entry('3', at(50)));
    if (status === '4') lichSu.push(entry('4', at(26)));
    if (status === '6') lichSu.push(entry('6', at(variant ? 98 : 30)));
    if (status === '7') lichSu.push(entry('7', at(8), 'Công dân rút hồ sơ để bổ sung giấy tờ, sẽ nộp lại'));
    return {
      MaHoSo: maHoSo,
      TrangThai: status,
      DuLieu: du,
      LichSu: lichSu,
      ...(status === '4' ? { YeuCauBoSung: { NoiDung: YEU_CAU_BO_SUNG.HUONG_MOI, ThoiGianYeuCau: ts(at(26)), HanBoSung: toDmy(addWorkingDays(at(26), 5).toISOString()) } } : {}),
      ...(status === '6' ? { ThongBaoKhongDuDieuKien: { LyDo: LY_DO_KHONG_DU_DIEU_KIEN[variant ? 2 : k % 2]!, ThoiGian: lichSu.at(-1)!.ThoiGian } } : {}),
    };
  });

    // The other claims first (fixed count and order), then the approved ones.
  return { hoSoTroCap: [...khac, ...approved.map((a) => a.hoSo)], doiTuong, lichSuCapNhat };
};
