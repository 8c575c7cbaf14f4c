/**
 * Goods and services of the market-price reports (sample). Names and units follow the kind of list the Ministry of
 * Finance asks provinces to report on; the codes (LT.001…) and the base prices are the simulator's own (README.md).
 */

/** Bộ Tài chính (plausible QĐ 20/2020 value, not verified). */
export const BTC_AGENCY = '000.00.00.G09';

export interface HangHoa {
  ma: string;
  ten: string;
  donViTinh: string;
  loaiGia: 'Giá bán lẻ' | 'Giá bán buôn' | 'Giá dịch vụ';
  /** A plausible 2025 price in An Giang (đồng), the seed's starting point. */
  gia: number;
  /** Only in the 2024-07 version of the catalog. */
  tu2024?: boolean;
  /** Dropped by the 2024-07 version. */
  den2024?: boolean;
}

export const HANG_HOA: HangHoa[] = [
  { ma: 'LT.001', ten: 'Thóc tẻ thường', donViTinh: 'kg', loaiGia: 'Giá bán buôn', gia: 6_900 },
  { ma: 'LT.002', ten: 'Gạo tẻ thường', donViTinh: 'kg', loaiGia: 'Giá bán lẻ', gia: 14_500 },
  { ma: 'LT.003', ten: 'Gạo tẻ ngon', donViTinh: 'kg', loaiGia: 'Giá bán lẻ', gia: 20_000 },
  { ma: 'LT.004', ten: 'Gạo nếp', donViTinh: 'kg', loaiGia: 'Giá bán lẻ', gia: 24_000, den2024: true },
  { ma: 'TP.001', ten: 'Thịt lợn hơi', donViTinh: 'kg', loaiGia: 'Giá bán buôn', gia: 64_000 },
  { ma: 'TP.002', ten: 'Thịt lợn nạc thăn', donViTinh: 'kg', loaiGia: 'Giá bán lẻ', gia: 125_000 },
  { ma: 'TP.003', ten: 'Thịt bò thăn', donViTinh: 'kg', loaiGia: 'Giá bán lẻ', gia: 280_000 },
  { ma: 'TP.004', ten: 'Gà ta còn sống', donViTinh: 'kg', loaiGia: 'Giá bán lẻ', gia: 105_000 },
  { ma: 'TP.005', ten: 'Cá tra thịt trắng', donViTinh: 'kg', loaiGia: 'Giá bán buôn', gia: 28_500 },
  { ma: 'TP.006', ten: 'Tôm thẻ chân trắng loại 100 con/kg', donViTinh: 'kg', loaiGia: 'Giá bán buôn', gia: 110_000 },
  { ma: 'TP.007', ten: 'Trứng gà công nghiệp', donViTinh: 'chục quả', loaiGia: 'Giá bán lẻ', gia: 32_000 },
  { ma: 'TP.008', ten: 'Đường kính trắng', donViTinh: 'kg', loaiGia: 'Giá bán lẻ', gia: 24_000 },
  { ma: 'TP.009', ten: 'Dầu ăn thực vật', donViTinh: 'lít', loaiGia: 'Giá bán lẻ', gia: 48_000 },
  { ma: 'TP.010', ten: 'Sữa bột cho trẻ em dưới 6 tuổi', donViTinh: 'hộp 900 g', loaiGia: 'Giá bán lẻ', gia: 520_000 },
  { ma: 'TP.011', ten: 'Thịt lợn ba chỉ', donViTinh: 'kg', loaiGia: 'Giá bán lẻ', gia: 135_000, tu2024: true },
  { ma: 'RQ.001', ten: 'Bắp cải trắng', donViTinh: 'kg', loaiGia: 'Giá bán lẻ', gia: 15_000 },
  { ma: 'RQ.002', ten: 'Cà chua', donViTinh: 'kg', loaiGia: 'Giá bán lẻ', gia: 22_000 },
  { ma: 'RQ.003', ten: 'Xoài cát Hòa Lộc', donViTinh: 'kg', loaiGia: 'Giá bán lẻ', gia: 60_000 },
  { ma: 'NL.001', ten: 'Xăng RON 95-III', donViTinh: 'lít', loaiGia: 'Giá bán lẻ', gia: 20_300 },
  { ma: 'NL.002', ten: 'Xăng E5 RON 92-II', donViTinh: 'lít', loaiGia: 'Giá bán lẻ', gia: 19_700 },
  { ma: 'NL.003', ten: 'Dầu diesel 0,05S-II', donViTinh: 'lít', loaiGia: 'Giá bán lẻ', gia: 18_800 },
  { ma: 'NL.004', ten: 'Khí dầu mỏ hóa lỏng (LPG)', donViTinh: 'bình 12 kg', loaiGia: 'Giá bán lẻ', gia: 450_000 },
  { ma: 'VL.001', ten: 'Xi măng PCB40', donViTinh: 'tấn', loaiGia: 'Giá bán lẻ', gia: 1_650_000 },
  { ma: 'VL.002', ten: 'Thép xây dựng thanh vằn D10', donViTinh: 'kg', loaiGia: 'Giá bán lẻ', gia: 15_200 },
  { ma: 'VL.003', ten: 'Cát xây dựng', donViTinh: 'm3', loaiGia: 'Giá bán lẻ', gia: 380_000 },
  { ma: 'VL.004', ten: 'Đá 1x2', donViTinh: 'm3', loaiGia: 'Giá bán lẻ', gia: 420_000 },
  { ma: 'VG.001', ten: 'Vàng miếng SJC', donViTinh: 'lượng', loaiGia: 'Giá bán lẻ', gia: 120_000_000 },
  { ma: 'DV.001', ten: 'Nước sạch sinh hoạt', donViTinh: 'm3', loaiGia: 'Giá dịch vụ', gia: 9_500 },
  { ma: 'DV.002', ten: 'Cước taxi xe 4 chỗ (km tiếp theo)', donViTinh: 'km', loaiGia: 'Giá dịch vụ', gia: 15_500 },
  { ma: 'DV.003', ten: 'Khám bệnh tại bệnh viện hạng II', donViTinh: 'lượt', loaiGia: 'Giá dịch vụ', gia: 42_100 },
  { ma: 'DV.004', ten: 'Trông giữ xe máy ban ngày', donViTinh: 'lượt', loaiGia: 'Giá dịch vụ', gia: 4_000, tu2024: true },
];

/** Provinces in the national sample (post-1/7/2025 codes) and how their prices sit against An Giang's. */
export const TINH_MAU: Array<{ ma: string; ten: string; heSo: number }> = [
  { ma: '91', ten: 'Tỉnh An Giang', heSo: 1 },
  { ma: '92', ten: 'Thành phố Cần Thơ', heSo: 1.02 },
  { ma: '79', ten: 'Thành phố Hồ Chí Minh', heSo: 1.1 },
  { ma: '01', ten: 'Thành phố Hà Nội', heSo: 1.12 },
  { ma: '48', ten: 'Thành phố Đà Nẵng', heSo: 1.06 },
];

export const KY_MAU = ['07/2025', '08/2025', '09/2025', '10/2025'];

/** Which goods a company of a line of business (VSIC) declares prices for. */
export const HANG_HOA_THEO_NGANH: Record<string, string[]> = {
  '4631': ['LT.002', 'LT.003'],
  '0111': ['LT.001'],
  '1020': ['TP.005', 'TP.006'],
  '4100': ['VL.001', 'VL.002'],
  '4933': ['DV.002'],
  '2100': ['TP.010'],
  '4690': ['TP.008', 'TP.009'],
};
