import { catalogSeedBuilder } from '../_shared/catalog.js';
import type { SeedBuilder } from '../_shared/population.js';
import { loadAdministrativeUnits } from '../_shared/units.js';
import { toDmy } from '../_shared/wire.js';
import {
  CO_QUAN, DAN_TOC, GHI_CHU_CCCD_2024, GIOI_TINH, LOAI_GIAY_TO_2016, LOAI_GIAY_TO_2024_THEM, QUAN_HE_CHU_HO, QUOC_TICH,
  TINH_TRANG_HON_NHAN, TON_GIAO,
} from './codes.js';

const LOAI_XA = { phuong: 'Phường', xa: 'Xã', 'dac-khu': 'Đặc khu' } as const;
const loaiTinh = (ten: string) => (ten.startsWith('Thành phố') ? 'Thành phố trực thuộc trung ương' : 'Tỉnh');
const pairs = (list: ReadonlyArray<readonly [string, string]>) => list.map(([Ma, Ten]) => ({ Ma, Ten }));

/** The catalogs are reference data, not drawn from the population: the seed is the same whatever the rng. */
export const buildSeed: SeedBuilder = () => {
  const units = loadAdministrativeUnits();
  const { seed, add } = catalogSeedBuilder();

  const truoc = units.before;
  const sau = units.current;
  add(
    {
      MaDanhMuc: 'DM_DVHC_TINH',
      TenDanhMuc: 'Danh mục đơn vị hành chính cấp tỉnh',
      CoQuanBanHanh: CO_QUAN.chinhPhu,
      MoTa: 'Mã và tên đơn vị hành chính cấp tỉnh; phiên bản 2025-07 có 34 đơn vị (kèm mã các tỉnh hợp nhất), phiên bản 2008-08 có 63 đơn vị (kèm mã tỉnh mới sáp nhập vào)',
    },
    [
      {
        v: {
          PhienBan: truoc.version,
          NgayHieuLuc: toDmy(truoc.validFrom),
          NgayHetHieuLuc: toDmy(truoc.validTo!),
          CanCuPhapLy: 'Quyết định 124/2004/QĐ-TTg ban hành bảng danh mục và mã số các đơn vị hành chính Việt Nam; Nghị quyết 15/2008/QH12',
        },
        items: truoc.provinces.map((p) => ({ Ma: p.ma, Ten: p.ten, LoaiDonVi: loaiTinh(p.ten), CapHanhChinh: 'Tỉnh', SapNhapVao: p.mergedInto })),
      },
      {
        v: {
          PhienBan: sau.version,
          NgayHieuLuc: toDmy(sau.validFrom),
          CanCuPhapLy: 'Nghị quyết 202/2025/QH15 về việc sắp xếp đơn vị hành chính cấp tỉnh',
        },
        items: sau.provinces.map((p) => ({ Ma: p.ma, Ten: p.ten, LoaiDonVi: loaiTinh(p.ten), CapHanhChinh: 'Tỉnh', HinhThanhTu: p.formedFrom })),
      },
    ],
  );
  add(
    {
      MaDanhMuc: 'DM_DVHC_XA',
      TenDanhMuc: 'Danh mục đơn vị hành chính cấp xã',
      CoQuanBanHanh: CO_QUAN.chinhPhu,
      MoTa: 'Mẫu: các phường, xã, đặc khu của tỉnh An Giang từ 01/7/2025 (mã 5 chữ số tự đặt, mã cha là mã tỉnh)',
    },
    [
      {
        v: {
          PhienBan: sau.version,
          NgayHieuLuc: toDmy(sau.validFrom),
          CanCuPhapLy: 'Nghị quyết của Ủy ban Thường vụ Quốc hội về sắp xếp đơn vị hành chính cấp xã của tỉnh An Giang năm 2025',
        },
        items: units.communes.map((c) => ({ Ma: c.ma, Ten: c.ten, MaCha: c.maTinh, LoaiDonVi: LOAI_XA[c.loai], CapHanhChinh: 'Xã' })),
      },
    ],
  );
  add(
    { MaDanhMuc: 'DM_DAN_TOC', TenDanhMuc: 'Danh mục các dân tộc Việt Nam', CoQuanBanHanh: CO_QUAN.tcTk, MoTa: '54 dân tộc, mã 2 chữ số' },
    [
      {
        v: { PhienBan: '1979-03', NgayHieuLuc: '02/03/1979', CanCuPhapLy: 'Quyết định 121-TCTK/PPCĐ ngày 02/3/1979 của Tổng cục Thống kê' },
        items: DAN_TOC.map(([Ma, Ten, TenKhac]) => ({ Ma, Ten, ...(TenKhac ? { TenKhac } : {}) })),
      },
    ],
  );
  add(
    { MaDanhMuc: 'DM_TON_GIAO', TenDanhMuc: 'Danh mục tôn giáo', CoQuanBanHanh: CO_QUAN.banTonGiao, MoTa: 'Các tôn giáo được công nhận; mã 00 là không theo tôn giáo' },
    [{ v: { PhienBan: '2023-01', NgayHieuLuc: '01/01/2023', CanCuPhapLy: 'Luật Tín ngưỡng, tôn giáo 2016; danh sách tổ chức tôn giáo được công nhận' }, items: pairs(TON_GIAO) }],
  );
  add(
    { MaDanhMuc: 'DM_QUOC_TICH', TenDanhMuc: 'Danh mục quốc tịch', CoQuanBanHanh: CO_QUAN.boCongAn, MoTa: 'Mẫu, mã theo ISO 3166-1 alpha-2' },
    [{ v: { PhienBan: '2020-01', NgayHieuLuc: '01/01/2020', CanCuPhapLy: 'ISO 3166-1; Luật Quốc tịch Việt Nam' }, items: QUOC_TICH.map(([Ma, Ten, TenTiengAnh]) => ({ Ma, Ten, TenTiengAnh })) }],
  );
  add(
    { MaDanhMuc: 'DM_GIOI_TINH', TenDanhMuc: 'Danh mục giới tính', CoQuanBanHanh: CO_QUAN.boCongAn, MoTa: '1 nam, 2 nữ' },
    [{ v: { PhienBan: '2016-01', NgayHieuLuc: '01/01/2016', CanCuPhapLy: 'Luật Căn cước công dân 2014' }, items: pairs(GIOI_TINH) }],
  );
  add(
    { MaDanhMuc: 'DM_TINH_TRANG_HON_NHAN', TenDanhMuc: 'Danh mục tình trạng hôn nhân', CoQuanBanHanh: CO_QUAN.boCongAn, MoTa: 'Tình trạng hôn nhân trong Cơ sở dữ liệu quốc gia về dân cư' },
    [{ v: { PhienBan: '2016-01', NgayHieuLuc: '01/01/2016', CanCuPhapLy: 'Luật Căn cước công dân 2014' }, items: pairs(TINH_TRANG_HON_NHAN) }],
  );
  add(
    { MaDanhMuc: 'DM_QUAN_HE_CHU_HO', TenDanhMuc: 'Danh mục quan hệ với chủ hộ', CoQuanBanHanh: CO_QUAN.boCongAn, MoTa: 'Quan hệ của thành viên hộ gia đình với chủ hộ' },
    [{ v: { PhienBan: '2021-07', NgayHieuLuc: '01/07/2021', CanCuPhapLy: 'Luật Cư trú 2020' }, items: pairs(QUAN_HE_CHU_HO) }],
  );
  const giayTo2016 = pairs(LOAI_GIAY_TO_2016);
  const giayTo2024 = [
    ...giayTo2016.map((g) => (g.Ma === '02' ? { ...g, GhiChu: GHI_CHU_CCCD_2024 } : g)),
    ...pairs(LOAI_GIAY_TO_2024_THEM),
  ];
  add(
    { MaDanhMuc: 'DM_LOAI_GIAY_TO', TenDanhMuc: 'Danh mục loại giấy tờ tùy thân', CoQuanBanHanh: CO_QUAN.boCongAn, MoTa: 'Giấy tờ chứng minh nhân thân dùng trong thủ tục hành chính' },
    [
      { v: { PhienBan: '2016-01', NgayHieuLuc: '01/01/2016', NgayHetHieuLuc: '30/06/2024', CanCuPhapLy: 'Luật Căn cước công dân 2014' }, items: giayTo2016 },
      { v: { PhienBan: '2024-07', NgayHieuLuc: '01/07/2024', NgayHetHieuLuc: '31/12/2024', CanCuPhapLy: 'Luật Căn cước 2023' }, items: giayTo2024 },
      {
        v: { PhienBan: '2025-01', NgayHieuLuc: '01/01/2025', CanCuPhapLy: 'Luật Căn cước 2023, Điều 46: Chứng minh nhân dân hết giá trị sử dụng từ 01/01/2025' },
        items: giayTo2024.filter((g) => g.Ma !== '01'),
      },
    ],
  );
  return { ...seed };
};
