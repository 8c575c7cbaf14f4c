import { makeCccd } from '../../src/core/identifiers.js';

/** A valid DongBoHoSoMC body (a citizen's dossier received at the counter), fields overridable. */
export function hoSoDongBo(maHoSo: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    MaHoSo: maHoSo,
    MaTTHC: '1.001234',
    TenTTHC: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam',
    MaDonVi: '000.00.14.H01',
    KenhThucHien: '2',
    LoaiDoiTuong: '1',
    ChuHoSo: 'Nguyễn Thị Hồng Nhung',
    SoDienThoai: '0912345678',
    Email: 'nhung@example.vn',
    NgayTiepNhan: '20250312083000',
    NgayHenTra: '20250326170000',
    TrangThaiHoSo: '1',
    TaiLieuNop: [{ TenTaiLieu: 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp' }],
    DinhDanhCHS: [{ LoaiDinhDanh: '1', SoDinhDanh: makeCccd('089', 1990, 'nu', 4321) }],
    ...overrides,
  };
}

export function tienDo(maHoSo: string, trangThai: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    MaHoSo: maHoSo,
    TrangThaiHoSo: trangThai,
    NguoiXuLy: 'Trần Văn Bình',
    ChucDanh: 'Chuyên viên',
    ThoiDiemXuLy: '20250313090000',
    PhongBanXuLy: 'Phòng Hành chính tư pháp',
    NoiDungXuLy: `Chuyển trạng thái ${trangThai}`,
    ...overrides,
  };
}
