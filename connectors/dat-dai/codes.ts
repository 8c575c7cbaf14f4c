/**
 * Land codes of the mock. Land-use type codes are those of the land statistics (Thông tư 28/2014/TT-BTNMT) as far as the
 * sample goes; the 2024-08 version's differences are an ILLUSTRATION (README.md). Land-origin codes follow the
 * certificate practice (Thông tư 23/2014/TT-BTNMT).
 */

/** Bộ Tài nguyên và Môi trường (since 1/3/2025 Bộ Nông nghiệp và Môi trường); plausible QĐ 20/2020 value, not verified. */
export const BTNMT_AGENCY = '000.00.00.G16';

export const NHOM_DAT: Array<[string, string]> = [
  ['NNP', 'Nhóm đất nông nghiệp'],
  ['PNN', 'Nhóm đất phi nông nghiệp'],
  ['CSD', 'Nhóm đất chưa sử dụng'],
];

/** [code, name, group] as of 2014. */
export const LOAI_DAT_2014: Array<[string, string, string]> = [
  ['LUC', 'Đất chuyên trồng lúa nước', 'NNP'],
  ['LUK', 'Đất trồng lúa nước còn lại', 'NNP'],
  ['BHK', 'Đất bằng trồng cây hàng năm khác', 'NNP'],
  ['CLN', 'Đất trồng cây lâu năm', 'NNP'],
  ['RSX', 'Đất rừng sản xuất', 'NNP'],
  ['RPH', 'Đất rừng phòng hộ', 'NNP'],
  ['RDD', 'Đất rừng đặc dụng', 'NNP'],
  ['NTS', 'Đất nuôi trồng thủy sản', 'NNP'],
  ['LMU', 'Đất làm muối', 'NNP'],
  ['NKH', 'Đất nông nghiệp khác', 'NNP'],
  ['ONT', 'Đất ở tại nông thôn', 'PNN'],
  ['ODT', 'Đất ở tại đô thị', 'PNN'],
  ['TSC', 'Đất xây dựng trụ sở cơ quan', 'PNN'],
  ['DTS', 'Đất xây dựng trụ sở của tổ chức sự nghiệp', 'PNN'],
  ['CQP', 'Đất quốc phòng', 'PNN'],
  ['CAN', 'Đất an ninh', 'PNN'],
  ['DGD', 'Đất xây dựng cơ sở giáo dục và đào tạo', 'PNN'],
  ['DYT', 'Đất xây dựng cơ sở y tế', 'PNN'],
  ['SKC', 'Đất cơ sở sản xuất phi nông nghiệp', 'PNN'],
  ['TMD', 'Đất thương mại, dịch vụ', 'PNN'],
  ['DGT', 'Đất giao thông', 'PNN'],
  ['DTL', 'Đất thủy lợi', 'PNN'],
  ['TON', 'Đất cơ sở tôn giáo', 'PNN'],
  ['TIN', 'Đất cơ sở tín ngưỡng', 'PNN'],
  ['NTD', 'Đất làm nghĩa trang, nghĩa địa, nhà tang lễ, nhà hỏa táng', 'PNN'],
  ['SON', 'Đất sông, ngòi, kênh, rạch, suối', 'PNN'],
  ['MNC', 'Đất có mặt nước chuyên dùng', 'PNN'],
  ['BCS', 'Đất bằng chưa sử dụng', 'CSD'],
  ['DCS', 'Đất đồi núi chưa sử dụng', 'CSD'],
  ['NCS', 'Núi đá không có rừng cây', 'CSD'],
];

/** The 2024-08 version (Luật Đất đai 2024): renamed codes and an added one (illustrative). */
export const LOAI_DAT_2024_DOI_TEN: Record<string, string> = {
  NTD: 'Đất nghĩa trang, nhà tang lễ, cơ sở hỏa táng; đất cơ sở lưu giữ tro cốt',
  DTS: 'Đất xây dựng cơ sở của tổ chức sự nghiệp',
};
export const LOAI_DAT_2024_THEM: Array<[string, string, string]> = [['CNT', 'Đất chăn nuôi tập trung', 'NNP']];

export const NGUON_GOC: Array<[string, string]> = [
  ['DG-KTT', 'Nhà nước giao đất không thu tiền sử dụng đất'],
  ['DG-CTT', 'Nhà nước giao đất có thu tiền sử dụng đất'],
  ['DT-THN', 'Nhà nước cho thuê đất trả tiền hàng năm'],
  ['DT-TML', 'Nhà nước cho thuê đất trả tiền một lần cho cả thời gian thuê'],
  ['CN-KTT', 'Công nhận quyền sử dụng đất như giao đất không thu tiền sử dụng đất'],
  ['CN-CTT', 'Công nhận quyền sử dụng đất như giao đất có thu tiền sử dụng đất'],
];

export const QUY_HOACH_TINH = 'Quy hoạch tỉnh An Giang thời kỳ 2021–2030, tầm nhìn đến năm 2050 (phần quy hoạch sử dụng đất)';

/** Who issued a certificate on a date: the agency's name changed with the 2025 reorganisation. */
export function coQuanCap(ngayIso: string): string {
  return ngayIso < '2025-03-01' ? 'Sở Tài nguyên và Môi trường tỉnh An Giang' : 'Sở Nông nghiệp và Môi trường tỉnh An Giang';
}
