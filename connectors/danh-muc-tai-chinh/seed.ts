import { catalogSeedBuilder } from '../_shared/catalog.js';
import type { SeedBuilder } from '../_shared/population.js';
import {
  CAN_CU_MLNS, CHUONG_2017, CHUONG_2025_BO, CHUONG_2025_DOI_TEN, CQ_THU_2019, CQ_THU_2025_03, CQ_THU_2025_07, KBNN_2019,
  KBNN_2025, LOAI_KHOAN, MUC_TIEU_MUC,
} from './codes.js';

const BTC = 'Bộ Tài chính';
const unit = ([Ma, Ten, MaTinh, MaCha]: [string, string, string, string?]) => ({ Ma, Ten, MaTinh, ...(MaCha ? { MaCha } : {}) });

/** Reference data, not drawn from the population. */
export const buildSeed: SeedBuilder = () => {
  const { seed, add } = catalogSeedBuilder();
  const chuong2017 = CHUONG_2017.map(([Ma, Ten]) => ({ Ma, Ten, CapMuc: 'Chương', CapNganSach: Ma.startsWith('8') ? 'Xã' : 'Tỉnh' }));
  add(
    { MaDanhMuc: 'DM_CHUONG', TenDanhMuc: 'Danh mục mã chương', CoQuanBanHanh: BTC, MoTa: 'Mẫu: chương của các cơ quan cấp tỉnh và cấp xã (An Giang)' },
    [
      { v: { PhienBan: '2017-01', NgayHieuLuc: '01/01/2017', NgayHetHieuLuc: '28/02/2025', CanCuPhapLy: CAN_CU_MLNS }, items: chuong2017 },
      {
        v: { PhienBan: '2025-03', NgayHieuLuc: '01/03/2025', CanCuPhapLy: `${CAN_CU_MLNS}; sắp xếp các sở từ 01/3/2025` },
        items: chuong2017.filter((c) => !CHUONG_2025_BO.includes(c.Ma)).map((c) => ({ ...c, Ten: CHUONG_2025_DOI_TEN[c.Ma] ?? c.Ten })),
      },
    ],
  );
  add(
    { MaDanhMuc: 'DM_LOAI_KHOAN', TenDanhMuc: 'Danh mục loại, khoản', CoQuanBanHanh: BTC, MoTa: 'Phân loại theo chức năng: loại (không có mã cha) và khoản (mã cha là loại)' },
    [{ v: { PhienBan: '2017-01', NgayHieuLuc: '01/01/2017', CanCuPhapLy: CAN_CU_MLNS }, items: LOAI_KHOAN.map(([Ma, Ten, MaCha]) => ({ Ma, Ten, CapMuc: MaCha ? 'Khoản' : 'Loại', ...(MaCha ? { MaCha } : {}) })) }],
  );
  add(
    { MaDanhMuc: 'DM_MUC_TIEU_MUC', TenDanhMuc: 'Danh mục mục, tiểu mục', CoQuanBanHanh: BTC, MoTa: 'Phân loại theo nội dung kinh tế: mục và tiểu mục thu, chi ngân sách' },
    [
      {
        v: { PhienBan: '2017-01', NgayHieuLuc: '01/01/2017', CanCuPhapLy: CAN_CU_MLNS },
        items: MUC_TIEU_MUC.map(([Ma, Ten, TinhChat, MaCha]) => ({ Ma, Ten, CapMuc: MaCha ? 'Tiểu mục' : 'Mục', TinhChat, ...(MaCha ? { MaCha } : {}) })),
      },
    ],
  );
  add(
    { MaDanhMuc: 'DM_KHO_BAC', TenDanhMuc: 'Danh mục Kho bạc Nhà nước', CoQuanBanHanh: BTC, MoTa: 'Mẫu: Kho bạc Nhà nước trên địa bàn An Giang (mã 4 chữ số)' },
    [
      { v: { PhienBan: '2019-01', NgayHieuLuc: '01/01/2019', NgayHetHieuLuc: '28/02/2025', CanCuPhapLy: 'Quyết định về tổ chức Kho bạc Nhà nước ở tỉnh, huyện' }, items: KBNN_2019.map(unit) },
      { v: { PhienBan: '2025-03', NgayHieuLuc: '01/03/2025', CanCuPhapLy: 'Tổ chức Kho bạc Nhà nước theo khu vực từ 01/3/2025' }, items: KBNN_2025.map(unit) },
    ],
  );
  add(
    { MaDanhMuc: 'DM_CQ_THU', TenDanhMuc: 'Danh mục cơ quan quản lý thu', CoQuanBanHanh: BTC, MoTa: 'Mẫu: cơ quan thuế quản lý thu trên địa bàn An Giang (mã 7 chữ số)' },
    [
      { v: { PhienBan: '2019-01', NgayHieuLuc: '01/01/2019', NgayHetHieuLuc: '28/02/2025', CanCuPhapLy: 'Tổ chức Cục Thuế, Chi cục Thuế ở địa phương' }, items: CQ_THU_2019.map(unit) },
      { v: { PhienBan: '2025-03', NgayHieuLuc: '01/03/2025', NgayHetHieuLuc: '30/06/2025', CanCuPhapLy: 'Tổ chức Chi cục Thuế khu vực từ 01/3/2025' }, items: CQ_THU_2025_03.map(unit) },
      {
        v: { PhienBan: '2025-07', NgayHieuLuc: '01/07/2025', CanCuPhapLy: 'Tổ chức Thuế tỉnh, Thuế cơ sở từ 01/7/2025 (theo đơn vị hành chính hai cấp)' },
        items: CQ_THU_2025_07.map(([Ma, Ten, DiaBan], i) => ({ Ma, Ten, MaTinh: '91', ...(i > 0 ? { MaCha: '1091000', DiaBanQuanLy: DiaBan } : {}) })),
      },
    ],
  );
  return { ...seed };
};
