import { formatTimestampCompact, makeMaHoSo } from '../../src/core/identifiers.js';
import { addWorkingDays } from '../_shared/thoi-gian.js';
import type { Person, SeedBuilder, SeedRng } from '../_shared/population.js';
import { loadAdministrativeUnits, type Commune } from '../_shared/units.js';
import { toDmy } from '../_shared/wire.js';
import {
  CO_QUAN_CAP, LY_DO_TU_CHOI, NOI_DUNG_BO_SUNG, SO_TAI_CHINH_AN_GIANG, tenTrangThai, THOI_HAN_NGAY_LAM_VIEC, type LoaiHinh,
  type TrangThai,
} from './codes.js';

const STREETS = ['Trần Hưng Đạo', 'Nguyễn Trãi', 'Hùng Vương', 'Lê Lợi', 'Tôn Đức Thắng', 'Nguyễn Huệ', 'Hai Bà Trưng', 'Lê Hồng Phong'];
const KHO_BAC = ['1901', '1902', '1903', '1904', '1905'];

interface UnitSpec {
  loai: LoaiHinh;
  ten: string;
  chuong: string;
  cap: 'Tỉnh' | 'Xã';
  chucVu: string;
  capTren?: string;
  xa: Commune;
  duAn?: { TenDuAn: string; ChuDauTu: string; TongMucDauTu: number; NhomDuAn: 'A' | 'B' | 'C' };
}

function yeuCau(u: UnitSpec, head: Person, rng: SeedRng, ngayQuyetDinh: string) {
  return {
    LoaiHinhDonVi: u.loai,
    TenDonVi: u.ten,
    ...(u.capTren ? { MaSoDonViCapTren: u.capTren } : {}),
    MaChuong: u.chuong,
    CapNganSach: u.cap,
    DiaChi: { MaTinh: '91', MaXa: u.xa.ma, DiaChiChiTiet: `Số ${rng.int(1, 250)} đường ${rng.pick(STREETS)}, ${u.xa.ten}, Tỉnh An Giang` },
    VanBanThanhLap: {
      SoVanBan: `${rng.int(100, 3200)}/QĐ-UBND`,
      NgayBanHanh: toDmy(ngayQuyetDinh),
      CoQuanBanHanh: u.cap === 'Tỉnh' ? 'Ủy ban nhân dân tỉnh An Giang' : `Ủy ban nhân dân ${u.xa.ten}`,
    },
    NguoiDaiDien: { HoVaTen: head.hoVaTen, SoDinhDanh: head.soDinhDanh, ChucVu: u.chucVu, SoDienThoai: head.soDienThoai },
    MaKhoBac: rng.pick(KHO_BAC),
    ...(u.duAn ? { DuAn: u.duAn } : {}),
    TaiLieuDinhKem: [
      { TenTaiLieu: 'Tờ khai đăng ký mã số đơn vị có quan hệ với ngân sách', LoaiTaiLieu: 'to-khai' },
      u.duAn
        ? { TenTaiLieu: 'Quyết định phê duyệt dự án đầu tư', LoaiTaiLieu: 'quyet-dinh-dau-tu' }
        : { TenTaiLieu: 'Quyết định thành lập đơn vị', LoaiTaiLieu: 'quyet-dinh-thanh-lap' },
    ],
  };
}

/** The province's units: one UBND per commune, three departments, schools and health stations, a few projects and others. */
function unitSpecs(communes: Commune[], rng: SeedRng, code: (loai: LoaiHinh) => string): Array<UnitSpec & { ma: string }> {
  const out: Array<UnitSpec & { ma: string }> = [];
  const push = (u: UnitSpec) => {
    const ma = code(u.loai);
    out.push({ ...u, ma });
    return ma;
  };
  const soGd = push({ loai: '1', ten: 'Sở Giáo dục và Đào tạo tỉnh An Giang', chuong: '422', cap: 'Tỉnh', chucVu: 'Giám đốc', xa: communes[0]! });
  const soYt = push({ loai: '1', ten: 'Sở Y tế tỉnh An Giang', chuong: '423', cap: 'Tỉnh', chucVu: 'Giám đốc', xa: communes[0]! });
  push({ loai: '1', ten: 'Sở Tài chính tỉnh An Giang', chuong: '418', cap: 'Tỉnh', chucVu: 'Giám đốc', xa: communes[0]! });
  const ubnd = new Map(communes.map((xa) => [xa.ma, push({ loai: '1', ten: `Ủy ban nhân dân ${xa.ten}`, chuong: '805', cap: 'Xã', chucVu: 'Chủ tịch', xa })]));
  const place = (xa: Commune) => xa.ten.replace(/^(Phường|Xã|Đặc khu) /, '');
  for (const [i, xa] of communes.entries()) {
    const kind = i % 4;
    if (kind === 0) push({ loai: '1', ten: `Trường Tiểu học ${place(xa)}`, chuong: '805', cap: 'Xã', chucVu: 'Hiệu trưởng', capTren: ubnd.get(xa.ma)!, xa });
    if (kind === 1) push({ loai: '1', ten: `Trạm Y tế ${xa.ten}`, chuong: '423', cap: 'Tỉnh', chucVu: 'Trạm trưởng', capTren: soYt, xa });
    if (kind === 2) push({ loai: '1', ten: `Trường Trung học phổ thông ${place(xa)}`, chuong: '422', cap: 'Tỉnh', chucVu: 'Hiệu trưởng', capTren: soGd, xa });
    if (kind === 3 && i % 8 === 3) {
      push({
        loai: '8', ten: `Dự án Nâng cấp đường ${rng.pick(STREETS)}, ${xa.ten}`, chuong: '805', cap: 'Xã', chucVu: 'Giám đốc Ban Quản lý dự án', capTren: ubnd.get(xa.ma)!, xa,
        duAn: { TenDuAn: `Nâng cấp đường ${rng.pick(STREETS)}`, ChuDauTu: `Ủy ban nhân dân ${xa.ten}`, TongMucDauTu: rng.int(30, 140) * 100_000_000, NhomDuAn: 'C' },
      });
    }
    if (kind === 3 && i % 8 === 7) push({ loai: '3', ten: `Hội Nông dân ${xa.ten}`, chuong: '805', cap: 'Xã', chucVu: 'Chủ tịch Hội', capTren: ubnd.get(xa.ma)!, xa });
  }
  return out;
}

/** Status of the n-th seeded dossier: mostly issued, some refused, withdrawn, or still open (indexes 1 and 2 are open). */
const STATUS_CYCLE: TrangThai[] = ['DA_CAP_MA', 'YEU_CAU_BO_SUNG', 'DANG_XU_LY', 'DA_CAP_MA', 'DA_CAP_MA', 'TU_CHOI', 'DA_CAP_MA', 'DA_CAP_MA', 'DA_RUT', 'DA_CAP_MA'];
const PATHS: Record<TrangThai, TrangThai[]> = {
  DA_TIEP_NHAN: ['DA_TIEP_NHAN'],
  DANG_XU_LY: ['DA_TIEP_NHAN', 'DANG_XU_LY'],
  YEU_CAU_BO_SUNG: ['DA_TIEP_NHAN', 'DANG_XU_LY', 'YEU_CAU_BO_SUNG'],
  DA_BO_SUNG: ['DA_TIEP_NHAN', 'DANG_XU_LY', 'YEU_CAU_BO_SUNG', 'DA_BO_SUNG'],
  DA_CAP_MA: ['DA_TIEP_NHAN', 'DANG_XU_LY', 'DA_CAP_MA'],
  TU_CHOI: ['DA_TIEP_NHAN', 'DANG_XU_LY', 'TU_CHOI'],
  DA_RUT: ['DA_TIEP_NHAN', 'DANG_XU_LY', 'DA_RUT'],
};

export const buildSeed: SeedBuilder = (population, rng) => {
  const communes = loadAdministrativeUnits().communes;
  const heads = population.people.filter((p) => p.ngaySinh < '1990-01-01');
  const used = new Set<string>();
  // Seeded codes use digits 2–7 in 000001–499999; codes issued live use 500000–999999 (index.ts), so they never clash.
  const code = (loai: LoaiHinh) => {
    let ma: string;
    do ma = `${loai}${String(rng.int(1, 499_999)).padStart(6, '0')}`;
    while (used.has(ma));
    used.add(ma);
    return ma;
  };
  const specs = unitSpecs(communes, rng, code);
  const requests = specs.map((u, i) => {
    const head = heads[(i * 7 + 3) % heads.length]!;
    const quyetDinh = rng.date('2015-01-01', '2025-06-30');
    return { u, head, quyetDinh, yc: yeuCau(u, head, rng, quyetDinh) };
  });
  // 60 dossiers received by the Sở Tài chính from 1/7/2025: the issued ones gave units of donViDaCapMa their code;
  // refused, withdrawn and open ones are for new units (not in donViDaCapMa).
  const hoSoDaXuLy = Array.from({ length: 60 }, (_, i) => {
    const status = STATUS_CYCLE[i % STATUS_CYCLE.length]!;
    const base = requests[i % requests.length]!;
    const issued = status === 'DA_CAP_MA';
    const u: UnitSpec = issued ? base.u : { ...base.u, ten: `${base.u.ten} (cơ sở ${2 + (i % 3)})` };
    const nop = rng.date('2025-07-01', '2025-10-24');
    const tiepNhan = new Date(`${nop}T0${rng.int(1, 8)}:${String(rng.int(10, 59))}:00Z`);
    const lichSu = PATHS[status].map((s, k) => ({
      TrangThai: s,
      TenTrangThai: tenTrangThai(s),
      ThoiGian: formatTimestampCompact(new Date(tiepNhan.getTime() + k * 26 * 3_600_000)),
    }));
    const last = lichSu[lichSu.length - 1]!.ThoiGian;
    const lastDmy = `${last.slice(6, 8)}/${last.slice(4, 6)}/${last.slice(0, 4)}`;
    return {
      MaHoSo: makeMaHoSo(SO_TAI_CHINH_AN_GIANG, tiepNhan, i + 1),
      TrangThai: status,
      YeuCau: issued ? base.yc : yeuCau(u, base.head, rng, base.quyetDinh),
      ThoiGianTiepNhan: formatTimestampCompact(tiepNhan),
      NgayHenTra: toDmy(addWorkingDays(tiepNhan, THOI_HAN_NGAY_LAM_VIEC).toISOString()),
      LichSu: lichSu,
      ...(issued ? { KetQua: { MaSoDVQHNS: base.u.ma, NgayCap: lastDmy, CoQuanCap: CO_QUAN_CAP } } : {}),
      ...(status === 'YEU_CAU_BO_SUNG' ? { NoiDungYeuCauBoSung: NOI_DUNG_BO_SUNG } : {}),
      ...(status === 'TU_CHOI' ? { LyDoTuChoi: LY_DO_TU_CHOI } : {}),
    };
  });
  const issuedOn = new Map(hoSoDaXuLy.flatMap((h) => (h.KetQua ? [[h.KetQua.MaSoDVQHNS, h.KetQua.NgayCap] as const] : [])));
  const donViDaCapMa = requests.map(({ u, head, quyetDinh, yc }) => ({
    MaSo: u.ma,
    TenDonVi: u.ten,
    LoaiHinhDonVi: u.loai,
    MaChuong: u.chuong,
    CapNganSach: u.cap,
    ...(u.capTren ? { MaSoDonViCapTren: u.capTren } : {}),
    DiaChi: yc.DiaChi,
    NgayCap: issuedOn.get(u.ma) ?? toDmy(rng.date(quyetDinh, '2025-06-30')),
    TrangThai: rng.bool(0.05) ? 'Đã đóng mã' : 'Đang hoạt động',
    NguoiDaiDien: { HoVaTen: head.hoVaTen, ChucVu: u.chucVu },
  }));
  return { donViDaCapMa, hoSoDaXuLy };
};
