import { makeMaHoSo } from '../../src/core/identifiers.js';
import type { Company, SeedBuilder } from '../_shared/population.js';
import { toDmy, toWireAddress } from '../_shared/wire.js';
import { DKDN_STATUS_LABELS, PROVINCE_DKKD_AGENCY } from './codes.js';

const TINH_TRANG: Record<Company['tinhTrang'], string> = {
  'dang-hoat-dong': 'Đang hoạt động',
  'tam-ngung': 'Tạm ngừng kinh doanh',
  'cho-giai-the': 'Đang làm thủ tục giải thể',
  'giai-the': 'Đã giải thể',
};

export const buildSeed: SeedBuilder = (population, rng) => {
  const byId = new Map(population.people.map((p) => [p.soDinhDanh, p]));
  const doanhNghiep = population.companies.map((c) => ({
    MainInformation: {
      MSDN: c.msdn,
      TenTiengViet: c.tenTiengViet,
      TenNuocNgoai: c.tenNuocNgoai,
      TenVietTat: c.tenVietTat,
      LoaiHinhDoanhNghiep: c.loaiHinh,
      NgayThanhLap: toDmy(c.ngayThanhLap),
      TinhTrangHoatDong: TINH_TRANG[c.tinhTrang],
      DiaChiTruSo: toWireAddress(c.diaChiTruSo),
      NguoiDaiDien: {
        HoTen: byId.get(c.nguoiDaiDien)!.hoVaTen,
        ChucDanh: c.loaiHinh.startsWith('Công ty Cổ phần') || c.loaiHinh === 'Công ty cổ phần' ? 'Tổng Giám đốc' : 'Giám đốc',
        SoDinhDanh: c.nguoiDaiDien,
      },
      VonDieuLe: c.vonDieuLe,
      NganhNghe: c.nganhNghe.map((n) => ({ MaNganh: n.ma, TenNganh: n.ten, LaNganhChinh: n.chinh })),
      SoDienThoai: c.soDienThoai,
      Email: c.email,
      SoChiNhanh: c.chiNhanh.length,
    },
    DanhSachChiNhanh: c.chiNhanh.map((b) => ({
      MaChiNhanh: b.maChiNhanh,
      TenChiNhanh: b.ten,
      DiaChi: toWireAddress(b.diaChi),
      NgayThanhLap: toDmy(b.ngayThanhLap),
    })),
  }));

  // Registration dossiers of the province's companies (the "trạng thái xử lý" purpose), 60 of them.
  const statuses = Object.keys(DKDN_STATUS_LABELS) as Array<keyof typeof DKDN_STATUS_LABELS>;
  const hoSoDangKy = Array.from({ length: 60 }, (_, i) => {
    const c = population.companies[i % population.companies.length]!;
    const nop = rng.date('2025-07-01', '2025-10-31');
    const status = statuses[i % statuses.length]!;
    const hen = new Date(`${nop}T00:00:00Z`);
    hen.setUTCDate(hen.getUTCDate() + 3);
    const henIso = hen.toISOString().slice(0, 10);
    const procedure = i % 4 === 0 ? 'Đăng ký thành lập' : i % 4 === 1 ? 'Đăng ký thay đổi nội dung' : i % 4 === 2 ? 'Tạm ngừng kinh doanh' : 'Giải thể';
    return {
      MaHoSo: makeMaHoSo(PROVINCE_DKKD_AGENCY, new Date(`${nop}T00:00:00Z`), i + 1),
      ...(procedure === 'Đăng ký thành lập' && status !== 'DA_CAP' ? {} : { MSDN: c.msdn }),
      LoaiThuTuc: procedure,
      TenDoanhNghiep: c.tenTiengViet,
      TrangThai: status,
      TenTrangThai: DKDN_STATUS_LABELS[status],
      NgayNop: toDmy(nop),
      NgayHenTra: toDmy(henIso),
      ...(status === 'DA_CAP' || status === 'TU_CHOI' ? { NgayTraKetQua: toDmy(henIso) } : {}),
      MaTinh: '91',
    };
  });
  return { doanhNghiep, hoSoDangKy };
};
