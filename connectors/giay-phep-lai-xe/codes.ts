/**
 * Driving-licence classes and their validity: the classes of Luật Giao thông đường bộ 2008 (licences issued before
 * 1/1/2025 stay valid until their expiry) and of Luật Trật tự, an toàn giao thông đường bộ 2024 (Điều 57). Class names
 * overlap (A1, B1, C, D exist in both with different meanings), so each class carries its system.
 */
export type HeThong = 'LUAT_2008' | 'LUAT_2024';

interface HangInfo {
  moTa: string;
  /** Years of validity; null = no expiry; 'B1_2008' = until 55 (women) / 60 (men), or 10 years if older at issue. */
  hieuLuc: number | null | 'B1_2008';
  tuoiToiThieu: number;
}

export const HANG_2008: Record<string, HangInfo> = {
  A1: { moTa: 'Mô tô hai bánh dung tích xi-lanh từ 50 cm³ đến dưới 175 cm³', hieuLuc: null, tuoiToiThieu: 18 },
  A2: { moTa: 'Mô tô hai bánh dung tích xi-lanh từ 175 cm³ trở lên', hieuLuc: null, tuoiToiThieu: 18 },
  B1: { moTa: 'Ô tô chở người đến 9 chỗ, ô tô tải dưới 3.500 kg, không hành nghề lái xe', hieuLuc: 'B1_2008', tuoiToiThieu: 18 },
  B2: { moTa: 'Ô tô chở người đến 9 chỗ, ô tô tải dưới 3.500 kg, được hành nghề lái xe', hieuLuc: 10, tuoiToiThieu: 18 },
  C: { moTa: 'Ô tô tải từ 3.500 kg trở lên và các loại xe hạng B1, B2', hieuLuc: 5, tuoiToiThieu: 21 },
  D: { moTa: 'Ô tô chở người từ 10 đến 30 chỗ và các loại xe hạng B1, B2, C', hieuLuc: 5, tuoiToiThieu: 24 },
  E: { moTa: 'Ô tô chở người trên 30 chỗ và các loại xe hạng B1, B2, C, D', hieuLuc: 5, tuoiToiThieu: 27 },
  FC: { moTa: 'Ô tô hạng C kéo rơ moóc, ô tô đầu kéo kéo sơ mi rơ moóc', hieuLuc: 5, tuoiToiThieu: 24 },
};

export const HANG_2024: Record<string, HangInfo> = {
  A1: { moTa: 'Xe mô tô hai bánh dung tích xi-lanh đến 125 cm³ hoặc công suất đến 11 kW', hieuLuc: null, tuoiToiThieu: 18 },
  A: { moTa: 'Xe mô tô hai bánh dung tích xi-lanh trên 125 cm³ hoặc công suất trên 11 kW', hieuLuc: null, tuoiToiThieu: 18 },
  B: { moTa: 'Xe ô tô chở người đến 8 chỗ (không kể chỗ người lái), xe ô tô tải đến 3.500 kg', hieuLuc: 10, tuoiToiThieu: 18 },
  C1: { moTa: 'Xe ô tô tải trên 3.500 kg đến 7.500 kg', hieuLuc: 10, tuoiToiThieu: 18 },
  C: { moTa: 'Xe ô tô tải trên 7.500 kg', hieuLuc: 5, tuoiToiThieu: 21 },
  D2: { moTa: 'Xe ô tô chở người trên 16 chỗ đến 29 chỗ (không kể chỗ người lái)', hieuLuc: 5, tuoiToiThieu: 24 },
  D: { moTa: 'Xe ô tô chở người trên 29 chỗ (không kể chỗ người lái)', hieuLuc: 5, tuoiToiThieu: 27 },
  CE: { moTa: 'Xe ô tô hạng C kéo rơ moóc trên 750 kg, xe ô tô đầu kéo kéo sơ mi rơ moóc', hieuLuc: 5, tuoiToiThieu: 24 },
};

export const hangInfo = (heThong: HeThong, hang: string): HangInfo => (heThong === 'LUAT_2008' ? HANG_2008 : HANG_2024)[hang]!;

/** Licences issued from 1/1/2025 follow the 2024 law. */
export const LUAT_2024_TU = '2025-01-01';

/**
 * Who issued a licence: the provincial transport department until 28/2/2025, the traffic police from 1/3/2025
 * (licensing moved to Bộ Công an); 2-digit province codes of the issuing province (89 An Giang, 91 Kiên Giang before
 * 1/7/2025; 91 the merged An Giang after).
 */
export function noiCap(isoDate: string, kienGiangCu: boolean): { ten: string; maTinh: string } {
  const cu = kienGiangCu ? { ten: 'Kiên Giang', ma: '91' } : { ten: 'An Giang', ma: '89' };
  if (isoDate >= '2025-07-01') return { ten: 'Phòng Cảnh sát giao thông Công an tỉnh An Giang', maTinh: '91' };
  if (isoDate >= '2025-03-01') return { ten: `Phòng Cảnh sát giao thông Công an tỉnh ${cu.ten}`, maTinh: cu.ma };
  return { ten: `Sở Giao thông vận tải ${cu.ten}`, maTinh: cu.ma };
}

export const LY_DO_THU_HOI = 'Thu hồi do gian dối để được cấp giấy phép lái xe (Luật Trật tự, an toàn giao thông đường bộ 2024, Điều 62)';

/** A licence holds 12 points a year; at 0 the holder may not drive until passing the knowledge test again (Điều 58). */
export const DIEM_TOI_DA = 12;
