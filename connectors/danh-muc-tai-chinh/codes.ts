/**
 * Sample content of the Ministry of Finance shared catalogs. The structure follows the state budget index
 * (mục lục ngân sách nhà nước, Thông tư 324/2016/TT-BTC): chương 3 digits, loại/khoản 3 digits, mục/tiểu mục 4 digits.
 * The codes ILLUSTRATE that structure; several match real codes, others may not (README.md). Not for real accounting.
 */

/** Bộ Tài chính (plausible QĐ 20/2020 value, not verified). */
export const BTC_AGENCY = '000.00.00.G09';

export const CAN_CU_MLNS = 'Thông tư 324/2016/TT-BTC quy định hệ thống mục lục ngân sách nhà nước và các văn bản sửa đổi, bổ sung';

/** Chương of the province's agencies before the reorganisation of 1/3/2025 (sample). */
export const CHUONG_2017: Array<[string, string]> = [
  ['401', 'Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh'],
  ['402', 'Văn phòng Ủy ban nhân dân tỉnh'],
  ['412', 'Sở Nông nghiệp và Phát triển nông thôn'],
  ['416', 'Sở Kế hoạch và Đầu tư'],
  ['417', 'Sở Tư pháp'],
  ['418', 'Sở Tài chính'],
  ['421', 'Sở Giao thông vận tải'],
  ['422', 'Sở Giáo dục và Đào tạo'],
  ['423', 'Sở Y tế'],
  ['424', 'Sở Lao động - Thương binh và Xã hội'],
  ['425', 'Sở Văn hóa, Thể thao và Du lịch'],
  ['426', 'Sở Tài nguyên và Môi trường'],
  ['427', 'Sở Thông tin và Truyền thông'],
  ['428', 'Sở Nội vụ'],
  ['429', 'Sở Xây dựng'],
  ['430', 'Sở Công Thương'],
  ['431', 'Sở Khoa học và Công nghệ'],
  ['805', 'Ủy ban nhân dân xã, phường, thị trấn'],
];

/**
 * From 1/3/2025 the provincial departments merged (Kế hoạch và Đầu tư into Tài chính; Giao thông vận tải into Xây
 * dựng; Tài nguyên và Môi trường with Nông nghiệp; Thông tin và Truyền thông into Khoa học và Công nghệ; Lao động -
 * Thương binh và Xã hội into Nội vụ): merged-away chapters retire, surviving ones are renamed.
 */
export const CHUONG_2025_DOI_TEN: Record<string, string> = {
  '412': 'Sở Nông nghiệp và Môi trường',
  '805': 'Ủy ban nhân dân xã, phường, đặc khu',
};
export const CHUONG_2025_BO: readonly string[] = ['416', '421', '424', '426', '427'];

/** Loại (no parent) and khoản (parent = loại), sample. */
export const LOAI_KHOAN: Array<[string, string, string?]> = [
  ['070', 'Giáo dục - đào tạo và dạy nghề'],
  ['071', 'Giáo dục mầm non', '070'],
  ['072', 'Giáo dục tiểu học', '070'],
  ['073', 'Giáo dục trung học cơ sở', '070'],
  ['074', 'Giáo dục trung học phổ thông', '070'],
  ['075', 'Giáo dục thường xuyên', '070'],
  ['130', 'Y tế, dân số và gia đình'],
  ['131', 'Y tế dự phòng', '130'],
  ['132', 'Khám bệnh, chữa bệnh', '130'],
  ['139', 'Hoạt động y tế khác', '130'],
  ['160', 'Văn hóa thông tin'],
  ['161', 'Văn hóa', '160'],
  ['280', 'Các hoạt động kinh tế'],
  ['281', 'Nông nghiệp và dịch vụ nông nghiệp', '280'],
  ['292', 'Giao thông đường bộ', '280'],
  ['340', 'Hoạt động của các cơ quan quản lý nhà nước, tổ chức chính trị và các đoàn thể'],
  ['341', 'Quản lý nhà nước', '340'],
  ['370', 'Bảo đảm xã hội'],
  ['398', 'Bảo đảm xã hội khác', '370'],
];

/** Mục (no parent) and tiểu mục (parent = mục), with Thu (revenue) or Chi (spending), sample. */
export const MUC_TIEU_MUC: Array<[string, string, 'Thu' | 'Chi', string?]> = [
  ['1000', 'Thuế thu nhập cá nhân', 'Thu'],
  ['1001', 'Thuế thu nhập từ tiền lương, tiền công', 'Thu', '1000'],
  ['1003', 'Thuế thu nhập từ hoạt động sản xuất, kinh doanh của cá nhân', 'Thu', '1000'],
  ['1006', 'Thuế thu nhập từ chuyển nhượng bất động sản', 'Thu', '1000'],
  ['1050', 'Thuế thu nhập doanh nghiệp', 'Thu'],
  ['1052', 'Thuế thu nhập doanh nghiệp từ hoạt động sản xuất, kinh doanh', 'Thu', '1050'],
  ['1400', 'Thu tiền sử dụng đất', 'Thu'],
  ['1411', 'Đất được Nhà nước giao đất để xây dựng nhà ở', 'Thu', '1400'],
  ['1600', 'Thuế sử dụng đất phi nông nghiệp', 'Thu'],
  ['1601', 'Thu từ đất ở tại nông thôn', 'Thu', '1600'],
  ['1602', 'Thu từ đất ở tại đô thị', 'Thu', '1600'],
  ['1700', 'Thuế giá trị gia tăng', 'Thu'],
  ['1701', 'Thuế giá trị gia tăng hàng sản xuất, kinh doanh trong nước', 'Thu', '1700'],
  ['2250', 'Phí thuộc lĩnh vực tài nguyên và môi trường', 'Thu'],
  ['2251', 'Phí thẩm định hồ sơ cấp giấy chứng nhận quyền sử dụng đất', 'Thu', '2250'],
  ['2650', 'Lệ phí quản lý nhà nước liên quan đến quyền và nghĩa vụ của công dân', 'Thu'],
  ['2651', 'Lệ phí hộ tịch', 'Thu', '2650'],
  ['2652', 'Lệ phí cấp giấy phép lao động cho người nước ngoài', 'Thu', '2650'],
  ['2800', 'Lệ phí trước bạ', 'Thu'],
  ['2801', 'Lệ phí trước bạ nhà đất', 'Thu', '2800'],
  ['2802', 'Lệ phí trước bạ ô tô', 'Thu', '2800'],
  ['2850', 'Lệ phí quản lý nhà nước liên quan đến sản xuất, kinh doanh', 'Thu'],
  ['2851', 'Lệ phí đăng ký doanh nghiệp', 'Thu', '2850'],
  ['6000', 'Tiền lương', 'Chi'],
  ['6001', 'Lương theo ngạch, bậc', 'Chi', '6000'],
  ['6003', 'Lương hợp đồng theo chế độ', 'Chi', '6000'],
  ['6100', 'Phụ cấp lương', 'Chi'],
  ['6101', 'Phụ cấp chức vụ', 'Chi', '6100'],
  ['6500', 'Thanh toán dịch vụ công cộng', 'Chi'],
  ['6501', 'Thanh toán tiền điện', 'Chi', '6500'],
  ['6502', 'Thanh toán tiền nước', 'Chi', '6500'],
  ['6550', 'Vật tư văn phòng', 'Chi'],
  ['6551', 'Văn phòng phẩm', 'Chi', '6550'],
  ['6600', 'Thông tin, tuyên truyền, liên lạc', 'Chi'],
  ['6601', 'Cước phí điện thoại, thuê bao đường điện thoại', 'Chi', '6600'],
  ['6700', 'Công tác phí', 'Chi'],
  ['6701', 'Tiền vé máy bay, tàu, xe', 'Chi', '6700'],
  ['6702', 'Phụ cấp công tác phí', 'Chi', '6700'],
];

/** Treasuries: per province and district until 28/2/2025, then a regional treasury with transaction offices (sample codes). */
export const KBNN_2019: Array<[string, string, string, string?]> = [
  ['2111', 'Kho bạc Nhà nước An Giang', '89'],
  ['2112', 'Kho bạc Nhà nước Châu Đốc', '89', '2111'],
  ['2113', 'Kho bạc Nhà nước Tân Châu', '89', '2111'],
  ['2114', 'Kho bạc Nhà nước Chợ Mới', '89', '2111'],
  ['2115', 'Kho bạc Nhà nước Tri Tôn', '89', '2111'],
  ['2411', 'Kho bạc Nhà nước Kiên Giang', '91'],
  ['2412', 'Kho bạc Nhà nước Phú Quốc', '91', '2411'],
  ['2413', 'Kho bạc Nhà nước Hà Tiên', '91', '2411'],
  ['2414', 'Kho bạc Nhà nước Giồng Riềng', '91', '2411'],
];
export const KBNN_2025: Array<[string, string, string, string?]> = [
  ['1900', 'Kho bạc Nhà nước khu vực XIX', '91'],
  ['1901', 'Phòng Giao dịch số 1 - Kho bạc Nhà nước khu vực XIX (Long Xuyên)', '91', '1900'],
  ['1902', 'Phòng Giao dịch số 2 - Kho bạc Nhà nước khu vực XIX (Châu Đốc)', '91', '1900'],
  ['1903', 'Phòng Giao dịch số 3 - Kho bạc Nhà nước khu vực XIX (Rạch Giá)', '91', '1900'],
  ['1904', 'Phòng Giao dịch số 4 - Kho bạc Nhà nước khu vực XIX (Phú Quốc)', '91', '1900'],
  ['1905', 'Phòng Giao dịch số 5 - Kho bạc Nhà nước khu vực XIX (Hà Tiên)', '91', '1900'],
];

/** Tax offices (cơ quan quản lý thu) in three versions: before 1/3/2025, 1/3–30/6/2025, from 1/7/2025 (sample codes). */
export const CQ_THU_2019: Array<[string, string, string, string?]> = [
  ['1054010', 'Cục Thuế tỉnh An Giang', '89'],
  ['1054011', 'Chi cục Thuế thành phố Long Xuyên', '89', '1054010'],
  ['1054012', 'Chi cục Thuế khu vực Châu Đốc - Tịnh Biên', '89', '1054010'],
  ['1054013', 'Chi cục Thuế khu vực Tân Châu - Phú Tân', '89', '1054010'],
  ['1056010', 'Cục Thuế tỉnh Kiên Giang', '91'],
  ['1056011', 'Chi cục Thuế khu vực Rạch Giá - Kiên Hải', '91', '1056010'],
  ['1056012', 'Chi cục Thuế thành phố Phú Quốc', '91', '1056010'],
  ['1056013', 'Chi cục Thuế khu vực Hà Tiên - Kiên Lương', '91', '1056010'],
];
export const CQ_THU_2025_03: Array<[string, string, string, string?]> = [
  ['1019000', 'Chi cục Thuế khu vực XIX', '91'],
  ['1019001', 'Đội Thuế liên huyện Long Xuyên - Châu Thành - Thoại Sơn', '91', '1019000'],
  ['1019002', 'Đội Thuế liên huyện Châu Đốc - Tịnh Biên - An Phú', '91', '1019000'],
  ['1019003', 'Đội Thuế liên huyện Rạch Giá - Kiên Hải - Hòn Đất', '91', '1019000'],
  ['1019004', 'Đội Thuế thành phố Phú Quốc', '91', '1019000'],
];
/** From 1/7/2025: Thuế tỉnh An Giang and its Thuế cơ sở, each over a set of communes of the sample. */
export const CQ_THU_2025_07: Array<[string, string, string[]]> = [
  ['1091000', 'Thuế tỉnh An Giang', []],
  ['1091001', 'Thuế cơ sở 1 tỉnh An Giang', ['30100', '30107', '30114', '30219', '30233']],
  ['1091002', 'Thuế cơ sở 2 tỉnh An Giang', ['30121', '30128', '30149', '30240', '30247', '30226']],
  ['1091003', 'Thuế cơ sở 3 tỉnh An Giang', ['30135', '30142', '30205', '30212']],
  ['1091004', 'Thuế cơ sở 4 tỉnh An Giang', ['30156', '30163', '30191', '30254', '30303']],
  ['1091005', 'Thuế cơ sở 5 tỉnh An Giang', ['30184', '30198']],
  ['1091006', 'Thuế cơ sở 6 tỉnh An Giang', ['30170', '30177', '30261']],
  ['1091007', 'Thuế cơ sở 7 tỉnh An Giang', ['30268', '30275', '30282', '30289', '30296']],
];
