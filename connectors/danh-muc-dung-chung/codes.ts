/**
 * The common catalogs the mock holds besides the administrative units. Names follow the published lists; where a
 * numeric code is not public in a stable form the code is this simulator's own (README.md says which).
 */

/** Bộ Thông tin và Truyền thông (since 1/3/2025 part of Bộ Khoa học và Công nghệ). Plausible QĐ 20/2020 value, not verified. */
export const DMDC_AGENCY = '000.00.00.G22';

export const CO_QUAN = {
  chinhPhu: 'Chính phủ',
  quocHoi: 'Quốc hội',
  tcTk: 'Tổng cục Thống kê',
  boCongAn: 'Bộ Công an',
  banTonGiao: 'Ban Tôn giáo Chính phủ',
  boTttt: 'Bộ Thông tin và Truyền thông',
} as const;

/** 54 dân tộc, Quyết định 121-TCTK/PPCĐ ngày 02/3/1979 (codes 01–54 as in that list). */
export const DAN_TOC: Array<[string, string, string?]> = [
  ['01', 'Kinh', 'Việt'], ['02', 'Tày'], ['03', 'Thái'], ['04', 'Hoa', 'Hán'], ['05', 'Khmer', 'Khơ-me, Khmer Krôm'],
  ['06', 'Mường'], ['07', 'Nùng'], ['08', 'Mông', 'HMông, Mèo'], ['09', 'Dao'], ['10', 'Gia Rai'], ['11', 'Ngái'],
  ['12', 'Ê Đê'], ['13', 'Ba Na'], ['14', 'Xơ Đăng'], ['15', 'Sán Chay'], ['16', 'Cơ Ho'], ['17', 'Chăm', 'Chàm'],
  ['18', 'Sán Dìu'], ['19', 'Hrê'], ['20', 'Mnông'], ['21', 'Raglai'], ['22', 'Xtiêng'], ['23', 'Bru Vân Kiều'],
  ['24', 'Thổ'], ['25', 'Giáy'], ['26', 'Cơ Tu'], ['27', 'Gié Triêng'], ['28', 'Mạ'], ['29', 'Khơ Mú'], ['30', 'Co'],
  ['31', 'Tà Ôi'], ['32', 'Chơ Ro'], ['33', 'Kháng'], ['34', 'Xinh Mun'], ['35', 'Hà Nhì'], ['36', 'Chu Ru'],
  ['37', 'Lào'], ['38', 'La Chí'], ['39', 'La Ha'], ['40', 'Phù Lá'], ['41', 'La Hủ'], ['42', 'Lự'], ['43', 'Lô Lô'],
  ['44', 'Chứt'], ['45', 'Mảng'], ['46', 'Pà Thẻn'], ['47', 'Cờ Lao'], ['48', 'Cống'], ['49', 'Bố Y'], ['50', 'Si La'],
  ['51', 'Pu Péo'], ['52', 'Brâu'], ['53', 'Ơ Đu'], ['54', 'Rơ Măm'],
];

/** Religions recognised in Việt Nam (names public; the 2-digit codes are the simulator's own). */
export const TON_GIAO: Array<[string, string]> = [
  ['00', 'Không'], ['01', 'Phật giáo'], ['02', 'Công giáo'], ['03', 'Tin lành'], ['04', 'Cao Đài'],
  ['05', 'Phật giáo Hòa Hảo'], ['06', 'Hồi giáo'], ['07', "Tôn giáo Baha'i"], ['08', 'Tịnh độ Cư sĩ Phật hội Việt Nam'],
  ['09', 'Cơ đốc Phục lâm'], ['10', 'Phật giáo Tứ Ân Hiếu Nghĩa'], ['11', 'Minh Sư đạo'], ['12', 'Minh Lý đạo – Tam Tông Miếu'],
  ['13', 'Giáo hội Các Thánh hữu Ngày sau của Chúa Giê-su Ky-tô (Mặc Môn)'], ['14', 'Phật giáo Hiếu Nghĩa Tà Lơn'],
  ['15', 'Bà-la-môn giáo'], ['16', 'Bửu Sơn Kỳ Hương'],
];

/** A sample of nationalities by ISO 3166-1 alpha-2 code. */
export const QUOC_TICH: Array<[string, string, string]> = [
  ['VN', 'Việt Nam', 'Viet Nam'], ['KH', 'Campuchia', 'Cambodia'], ['LA', 'Lào', "Lao People's Democratic Republic"],
  ['CN', 'Trung Quốc', 'China'], ['TH', 'Thái Lan', 'Thailand'], ['KR', 'Hàn Quốc', 'Republic of Korea'],
  ['JP', 'Nhật Bản', 'Japan'], ['SG', 'Xin-ga-po', 'Singapore'], ['MY', 'Ma-lai-xi-a', 'Malaysia'],
  ['ID', 'In-đô-nê-xi-a', 'Indonesia'], ['PH', 'Phi-líp-pin', 'Philippines'], ['IN', 'Ấn Độ', 'India'],
  ['US', 'Hoa Kỳ', 'United States of America'], ['CA', 'Ca-na-đa', 'Canada'], ['AU', 'Ô-xtrây-li-a', 'Australia'],
  ['GB', 'Vương quốc Anh', 'United Kingdom'], ['FR', 'Pháp', 'France'], ['DE', 'Đức', 'Germany'],
  ['RU', 'Liên bang Nga', 'Russian Federation'], ['TW', 'Đài Loan (Trung Quốc)', 'Taiwan, Province of China'],
];

export const GIOI_TINH: Array<[string, string]> = [['1', 'Nam'], ['2', 'Nữ']];

export const TINH_TRANG_HON_NHAN: Array<[string, string]> = [
  ['1', 'Chưa kết hôn'], ['2', 'Đang có vợ/chồng'], ['3', 'Đã ly hôn'], ['4', 'Góa vợ/chồng'],
];

export const QUAN_HE_CHU_HO: Array<[string, string]> = [
  ['01', 'Chủ hộ'], ['02', 'Vợ'], ['03', 'Chồng'], ['04', 'Con'], ['05', 'Cháu'], ['06', 'Cha'], ['07', 'Mẹ'],
  ['08', 'Anh'], ['09', 'Chị'], ['10', 'Em'], ['11', 'Ông'], ['12', 'Bà'], ['99', 'Khác'],
];

/**
 * Identity documents across three versions: before the Luật Căn cước 2023, from 1/7/2024 (thẻ căn cước, giấy chứng
 * nhận căn cước, căn cước điện tử) and from 1/1/2025 (CMND no longer valid, Điều 46 of that law).
 */
export const LOAI_GIAY_TO_2016: Array<[string, string]> = [
  ['01', 'Chứng minh nhân dân'], ['02', 'Thẻ Căn cước công dân'], ['03', 'Hộ chiếu'], ['04', 'Giấy khai sinh'],
  ['05', 'Giấy chứng minh Quân đội nhân dân'], ['06', 'Giấy chứng minh Công an nhân dân'],
];
export const LOAI_GIAY_TO_2024_THEM: Array<[string, string]> = [
  ['07', 'Thẻ căn cước'], ['08', 'Giấy chứng nhận căn cước'], ['09', 'Căn cước điện tử'],
];
export const GHI_CHU_CCCD_2024 = 'Còn giá trị sử dụng đến hết thời hạn ghi trên thẻ (Luật Căn cước 2023, Điều 46)';
