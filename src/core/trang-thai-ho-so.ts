/**
 * Dossier status codes (TrangThaiHoSo) as synchronised to the National Public Service Portal, DVCQG (DOMAIN.md).
 * One table for the DVCQG mock's status graph and for connectors that report these codes.
 */
export const TRANG_THAI_HO_SO = {
  '1': { vi: 'Mới đăng ký', en: 'Newly registered' },
  '2': { vi: 'Được tiếp nhận', en: 'Received' },
  '3': { vi: 'Không được tiếp nhận', en: 'Not received' },
  '4': { vi: 'Đang xử lý', en: 'Processing' },
  '5': { vi: 'Yêu cầu bổ sung giấy tờ', en: 'More documents requested' },
  '6': { vi: 'Yêu cầu thực hiện nghĩa vụ tài chính', en: 'Payment requested' },
  '7': { vi: 'Công dân yêu cầu rút hồ sơ', en: 'Withdrawn by the citizen' },
  '8': { vi: 'Dừng xử lý', en: 'Processing stopped' },
  '9': { vi: 'Đã xử lý xong', en: 'Processed' },
  '10': { vi: 'Đã trả kết quả', en: 'Result returned' },
} as const;

export type TrangThaiHoSo = keyof typeof TRANG_THAI_HO_SO;
