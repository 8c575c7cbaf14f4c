/**
 * Banks and credit institutions: names are the public ones; every CODE here is invented (README.md): the 3-digit bank
 * number, the 8-digit branch code (province code at issue + bank number + branch number, the structure of the NHNN
 * bank code) and the 6-digit BIN in the 971NNN range, deliberately outside NAPAS's real 9704NN range.
 */

/** Ngân hàng Nhà nước Việt Nam (plausible QĐ 20/2020 value, not verified). */
export const NHNN_AGENCY = '000.00.00.G14';

export const LOAI_TCTD: Array<[string, string]> = [
  ['01', 'Ngân hàng thương mại do Nhà nước nắm giữ 100% vốn điều lệ'],
  ['02', 'Ngân hàng thương mại cổ phần'],
  ['03', 'Ngân hàng thương mại trách nhiệm hữu hạn một thành viên'],
  ['04', 'Ngân hàng 100% vốn nước ngoài'],
  ['05', 'Chi nhánh ngân hàng nước ngoài'],
  ['06', 'Ngân hàng chính sách'],
  ['07', 'Ngân hàng hợp tác xã'],
  ['08', 'Công ty tài chính'],
  ['09', 'Quỹ tín dụng nhân dân'],
];

export interface Bank {
  ma: string;
  ten: string;
  tenVietTat: string;
  loai: string;
  /** Branches the bank has in An Giang: commune codes of the sample (first = the main branch). */
  chiNhanh: string[];
  /** Renamed by the 2025-07 version of the catalog. */
  doiTen2025?: { ten: string; tenVietTat: string; loai: string };
}

const LX = '30100'; // Long Xuyên
const RG = '30156'; // Rạch Giá
const CD = '30121'; // Châu Đốc
const PQ = '30184'; // Phú Quốc
const TC = '30135'; // Tân Châu
const HT = '30170'; // Hà Tiên
const CM = '30205'; // Chợ Mới
const TT = '30240'; // Tri Tôn
const GR = '30268'; // Giồng Riềng
const TH = '30303'; // Tân Hiệp

export const BANKS: Bank[] = [
  { ma: '201', ten: 'Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam', tenVietTat: 'Agribank', loai: '01', chiNhanh: [LX, RG, CD, PQ, TC, CM, TT, GR, TH] },
  { ma: '301', ten: 'Ngân hàng TMCP Ngoại thương Việt Nam', tenVietTat: 'Vietcombank', loai: '02', chiNhanh: [LX, RG, CD, PQ] },
  { ma: '302', ten: 'Ngân hàng TMCP Công Thương Việt Nam', tenVietTat: 'VietinBank', loai: '02', chiNhanh: [LX, RG, PQ] },
  { ma: '303', ten: 'Ngân hàng TMCP Đầu tư và Phát triển Việt Nam', tenVietTat: 'BIDV', loai: '02', chiNhanh: [LX, RG, CD, PQ, HT] },
  { ma: '304', ten: 'Ngân hàng TMCP Kỹ Thương Việt Nam', tenVietTat: 'Techcombank', loai: '02', chiNhanh: [LX, RG] },
  { ma: '305', ten: 'Ngân hàng TMCP Quân đội', tenVietTat: 'MB', loai: '02', chiNhanh: [LX, RG] },
  { ma: '306', ten: 'Ngân hàng TMCP Á Châu', tenVietTat: 'ACB', loai: '02', chiNhanh: [LX, RG] },
  { ma: '307', ten: 'Ngân hàng TMCP Việt Nam Thịnh Vượng', tenVietTat: 'VPBank', loai: '02', chiNhanh: [LX, RG] },
  { ma: '308', ten: 'Ngân hàng TMCP Sài Gòn Thương Tín', tenVietTat: 'Sacombank', loai: '02', chiNhanh: [LX, RG, CD, PQ] },
  { ma: '309', ten: 'Ngân hàng TMCP Phát triển Thành phố Hồ Chí Minh', tenVietTat: 'HDBank', loai: '02', chiNhanh: [LX, RG] },
  { ma: '310', ten: 'Ngân hàng TMCP Tiên Phong', tenVietTat: 'TPBank', loai: '02', chiNhanh: [LX] },
  { ma: '311', ten: 'Ngân hàng TMCP Quốc tế Việt Nam', tenVietTat: 'VIB', loai: '02', chiNhanh: [LX, RG] },
  { ma: '312', ten: 'Ngân hàng TMCP Sài Gòn - Hà Nội', tenVietTat: 'SHB', loai: '02', chiNhanh: [LX, RG] },
  { ma: '313', ten: 'Ngân hàng TMCP Xuất Nhập khẩu Việt Nam', tenVietTat: 'Eximbank', loai: '02', chiNhanh: [LX, RG] },
  { ma: '314', ten: 'Ngân hàng TMCP Hàng Hải Việt Nam', tenVietTat: 'MSB', loai: '02', chiNhanh: [RG] },
  { ma: '315', ten: 'Ngân hàng TMCP Phương Đông', tenVietTat: 'OCB', loai: '02', chiNhanh: [LX, RG] },
  { ma: '316', ten: 'Ngân hàng TMCP Đông Nam Á', tenVietTat: 'SeABank', loai: '02', chiNhanh: [LX] },
  { ma: '317', ten: 'Ngân hàng TMCP Lộc Phát Việt Nam', tenVietTat: 'LPBank', loai: '02', chiNhanh: [LX, RG, CD] },
  { ma: '318', ten: 'Ngân hàng TMCP Kiên Long', tenVietTat: 'KienlongBank', loai: '02', chiNhanh: [RG, LX, PQ, HT, GR, TH] },
  { ma: '319', ten: 'Ngân hàng TMCP Nam Á', tenVietTat: 'Nam A Bank', loai: '02', chiNhanh: [LX, RG] },
  { ma: '320', ten: 'Ngân hàng TMCP Bắc Á', tenVietTat: 'BAC A BANK', loai: '02', chiNhanh: [LX] },
  { ma: '321', ten: 'Ngân hàng TMCP An Bình', tenVietTat: 'ABBANK', loai: '02', chiNhanh: [RG] },
  { ma: '322', ten: 'Ngân hàng TMCP Việt Á', tenVietTat: 'VietABank', loai: '02', chiNhanh: [LX] },
  { ma: '323', ten: 'Ngân hàng TMCP Đại Chúng Việt Nam', tenVietTat: 'PVcomBank', loai: '02', chiNhanh: [RG] },
  { ma: '324', ten: 'Ngân hàng TMCP Quốc Dân', tenVietTat: 'NCB', loai: '02', chiNhanh: [LX] },
  { ma: '325', ten: 'Ngân hàng TMCP Sài Gòn Công Thương', tenVietTat: 'Saigonbank', loai: '02', chiNhanh: [RG] },
  { ma: '326', ten: 'Ngân hàng TMCP Bảo Việt', tenVietTat: 'BAOVIET Bank', loai: '02', chiNhanh: [LX] },
  { ma: '327', ten: 'Ngân hàng TMCP Việt Nam Thương Tín', tenVietTat: 'Vietbank', loai: '02', chiNhanh: [RG] },
  { ma: '328', ten: 'Ngân hàng TMCP Bản Việt', tenVietTat: 'BVBank', loai: '02', chiNhanh: [LX, RG] },
  { ma: '329', ten: 'Ngân hàng TMCP Thịnh vượng và Phát triển', tenVietTat: 'PGBank', loai: '02', chiNhanh: [LX] },
  {
    ma: '330', ten: 'Ngân hàng TMCP Đông Á', tenVietTat: 'DongA Bank', loai: '02', chiNhanh: [LX],
    doiTen2025: { ten: 'Ngân hàng TNHH MTV Số Vikki', tenVietTat: 'Vikki Bank', loai: '03' },
  },
  {
    ma: '401', ten: 'Ngân hàng TM TNHH MTV Đại Dương', tenVietTat: 'OceanBank', loai: '03', chiNhanh: [RG],
    doiTen2025: { ten: 'Ngân hàng TNHH MTV Việt Nam Hiện Đại', tenVietTat: 'MBV', loai: '03' },
  },
  {
    ma: '402', ten: 'Ngân hàng TM TNHH MTV Xây dựng Việt Nam', tenVietTat: 'CBBank', loai: '03', chiNhanh: [RG],
    doiTen2025: { ten: 'Ngân hàng TNHH MTV Ngoại thương Công nghệ số', tenVietTat: 'Vietcombank Neo', loai: '03' },
  },
  { ma: '403', ten: 'Ngân hàng TM TNHH MTV Dầu khí Toàn cầu', tenVietTat: 'GPBank', loai: '03', chiNhanh: [] },
  { ma: '601', ten: 'Ngân hàng TNHH MTV Shinhan Việt Nam', tenVietTat: 'Shinhan Bank', loai: '04', chiNhanh: [] },
  { ma: '602', ten: 'Ngân hàng TNHH MTV HSBC (Việt Nam)', tenVietTat: 'HSBC', loai: '04', chiNhanh: [] },
  { ma: '603', ten: 'Ngân hàng TNHH MTV Woori Việt Nam', tenVietTat: 'Woori Bank', loai: '04', chiNhanh: [] },
  { ma: '701', ten: 'Ngân hàng Chính sách xã hội', tenVietTat: 'NHCSXH', loai: '06', chiNhanh: [LX, RG] },
  { ma: '702', ten: 'Ngân hàng Phát triển Việt Nam', tenVietTat: 'VDB', loai: '06', chiNhanh: [RG] },
  { ma: '801', ten: 'Ngân hàng Hợp tác xã Việt Nam', tenVietTat: 'Co-opBank', loai: '07', chiNhanh: [LX, RG] },
];

/** Where branches are named after (the old province names survive in branch names after the merger). */
export const TEN_CHI_NHANH: Record<string, string> = {
  [LX]: 'An Giang', [RG]: 'Kiên Giang', [CD]: 'Châu Đốc', [PQ]: 'Phú Quốc', [TC]: 'Tân Châu', [HT]: 'Hà Tiên',
  [CM]: 'Chợ Mới', [TT]: 'Tri Tôn', [GR]: 'Giồng Riềng', [TH]: 'Tân Hiệp',
};

export const DUONG: Record<string, string[]> = {
  [LX]: ['Trần Hưng Đạo', 'Nguyễn Huệ', 'Hai Bà Trưng', 'Lý Thái Tổ'],
  [RG]: ['Nguyễn Trung Trực', 'Trần Phú', 'Lạc Hồng', '3 Tháng 2'],
  [CD]: ['Lê Lợi', 'Tôn Đức Thắng', 'Thủ Khoa Nghĩa'],
  [PQ]: ['30 Tháng 4', 'Nguyễn Trung Trực', 'Trần Hưng Đạo'],
  [TC]: ['Tôn Đức Thắng', 'Nguyễn Tri Phương'],
  [HT]: ['Mạc Thiên Tích', 'Chi Lăng'],
  [CM]: ['Tỉnh lộ 942'],
  [TT]: ['Quốc lộ N1'],
  [GR]: ['Quốc lộ 61'],
  [TH]: ['Quốc lộ 80'],
};

/** Foreign currencies of the exchange-rate services (ISO 4217), with a plausible 2025 value in US dollars. */
export const NGOAI_TE: Array<{ ma: string; ten: string; usd: number }> = [
  { ma: 'USD', ten: 'Đô la Mỹ', usd: 1 },
  { ma: 'EUR', ten: 'Đồng Euro', usd: 1.16 },
  { ma: 'JPY', ten: 'Yên Nhật', usd: 0.0067 },
  { ma: 'GBP', ten: 'Bảng Anh', usd: 1.34 },
  { ma: 'CHF', ten: 'Phơ răng Thụy Sĩ', usd: 1.25 },
  { ma: 'AUD', ten: 'Đô la Úc', usd: 0.655 },
  { ma: 'CAD', ten: 'Đô la Canada', usd: 0.725 },
  { ma: 'SGD', ten: 'Đô la Singapore', usd: 0.775 },
  { ma: 'THB', ten: 'Bạt Thái Lan', usd: 0.0307 },
  { ma: 'CNY', ten: 'Nhân dân tệ', usd: 0.1395 },
  { ma: 'KRW', ten: 'Won Hàn Quốc', usd: 0.00072 },
  { ma: 'HKD', ten: 'Đô la Hồng Kông', usd: 0.1282 },
  { ma: 'KHR', ten: 'Riên Campuchia', usd: 0.000249 },
  { ma: 'LAK', ten: 'Kíp Lào', usd: 0.0000463 },
];

/** Currencies the SBV Transaction Office quotes reference buy/sell rates for. */
export const NGOAI_TE_THAM_KHAO = ['USD', 'EUR', 'JPY', 'GBP', 'CHF', 'AUD', 'CAD'];

/** The Transaction Office's band around the central rate: ±5 % (buy = central × 0.95, sell = central × 1.05). */
export const BIEN_DO = 0.05;
