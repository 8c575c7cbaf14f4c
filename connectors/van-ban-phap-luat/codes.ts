/** Catalogs of the văn bản pháp luật connector (codes invented; names as the national database prints them). */
export const LOAI_VAN_BAN = {
  LUAT: 'Luật',
  NGHI_QUYET: 'Nghị quyết',
  NGHI_DINH: 'Nghị định',
  QUYET_DINH: 'Quyết định',
  THONG_TU: 'Thông tư',
} as const;

export const CO_QUAN_BAN_HANH = {
  QH: 'Quốc hội',
  CP: 'Chính phủ',
  TTG: 'Thủ tướng Chính phủ',
  BTP: 'Bộ Tư pháp',
  BNV: 'Bộ Nội vụ',
  BGDDT: 'Bộ Giáo dục và Đào tạo',
  VPCP: 'Văn phòng Chính phủ',
  HDND_AG: 'Hội đồng nhân dân tỉnh An Giang',
  UBND_AG: 'Ủy ban nhân dân tỉnh An Giang',
  UBND_KG: 'Ủy ban nhân dân tỉnh Kiên Giang (trước ngày 01/7/2025)',
} as const;

export const LINH_VUC = {
  HO_TICH: 'Hộ tịch, hôn nhân và gia đình',
  CAN_CUOC: 'Dân cư, căn cước, cư trú, định danh điện tử',
  BAO_HIEM: 'Bảo hiểm xã hội, bảo hiểm y tế',
  DOANH_NGHIEP: 'Doanh nghiệp',
  DAT_DAI: 'Đất đai, nhà ở, kinh doanh bất động sản',
  CAN_BO: 'Cán bộ, công chức, viên chức, tiền lương',
  TRO_GIUP_XA_HOI: 'Trợ giúp xã hội, người cao tuổi, người khuyết tật',
  CHUYEN_DOI_SO: 'Giao dịch điện tử, chuyển đổi số, dữ liệu',
  AN_TOAN_THONG_TIN: 'An toàn thông tin, an ninh mạng, bảo vệ dữ liệu cá nhân',
  THU_TUC_HANH_CHINH: 'Thủ tục hành chính, một cửa, dịch vụ công',
  TO_CHUC_BO_MAY: 'Tổ chức bộ máy, đơn vị hành chính',
  XAY_DUNG_PHAP_LUAT: 'Xây dựng, ban hành văn bản quy phạm pháp luật',
  TU_PHAP: 'Lý lịch tư pháp',
  THUE_PHI: 'Thuế, phí, lệ phí, giá',
  GIAO_THONG: 'Giao thông vận tải',
} as const;

export const TINH_TRANG_HIEU_LUC = {
  CHUA_CO_HIEU_LUC: 'Chưa có hiệu lực',
  CON_HIEU_LUC: 'Còn hiệu lực',
  HET_HIEU_LUC_MOT_PHAN: 'Hết hiệu lực một phần',
  HET_HIEU_LUC_TOAN_BO: 'Hết hiệu lực toàn bộ',
} as const;

export type LoaiVanBan = keyof typeof LOAI_VAN_BAN;
export type CoQuanBanHanh = keyof typeof CO_QUAN_BAN_HANH;
export type LinhVuc = keyof typeof LINH_VUC;
export type TinhTrangHieuLuc = keyof typeof TINH_TRANG_HIEU_LUC;

/** Mã định danh of Bộ Tư pháp (the same value as the hộ tịch and lý lịch tư pháp connectors). */
export const VBPL_AGENCY = '000.00.00.G12';
