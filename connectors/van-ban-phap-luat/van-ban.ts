/**
 * The legal documents of the mock database. Central documents are real (number, title, dates of issue and effect as
 * published); the relations say which document is the legal basis of, replaces or amends which. The An Giang
 * documents (HĐND, UBND) are INVENTED: plausible numbers and titles for the province's sandbox, marked in README.md.
 */
import type { CoQuanBanHanh, LinhVuc, LoaiVanBan } from './codes.js';

export interface VanBanNguon {
  so: string;
  loai: LoaiVanBan;
  coQuan: CoQuanBanHanh;
  trichYeu: string;
  /** dd/MM/yyyy. */
  ngayBanHanh: string;
  ngayHieuLuc: string;
  linhVuc: LinhVuc[];
  /** Chủ tịch Quốc hội for laws (public record); other signers are not given. */
  nguoiKy?: string;
  canCu?: string[];
  thayThe?: string[];
  suaDoi?: string[];
}

const luat = (so: string, trichYeu: string, ngayBanHanh: string, ngayHieuLuc: string, linhVuc: LinhVuc[], nguoiKy: string, rel: Partial<VanBanNguon> = {}): VanBanNguon =>
  ({ so, loai: 'LUAT', coQuan: 'QH', trichYeu, ngayBanHanh, ngayHieuLuc, linhVuc, nguoiKy, ...rel });

const vb = (so: string, loai: LoaiVanBan, coQuan: CoQuanBanHanh, trichYeu: string, ngayBanHanh: string, ngayHieuLuc: string, linhVuc: LinhVuc[], rel: Partial<VanBanNguon> = {}): VanBanNguon =>
  ({ so, loai, coQuan, trichYeu, ngayBanHanh, ngayHieuLuc, linhVuc, ...rel });

const NVA = 'Nguyễn Văn An';
const NPT = 'Nguyễn Phú Trọng';
const NSH = 'Nguyễn Sinh Hùng';
const NTKN = 'Nguyễn Thị Kim Ngân';
const VDH = 'Vương Đình Huệ';
const TTM = 'Trần Thanh Mẫn';

export const VAN_BAN: readonly VanBanNguon[] = [
  // Luật, nghị quyết của Quốc hội
  luat('51/2005/QH11', 'Luật Giao dịch điện tử', '29/11/2005', '01/03/2006', ['CHUYEN_DOI_SO'], NVA),
  luat('25/2008/QH12', 'Luật Bảo hiểm y tế', '14/11/2008', '01/07/2009', ['BAO_HIEM'], NPT),
  luat('22/2008/QH12', 'Luật Cán bộ, công chức', '13/11/2008', '01/01/2010', ['CAN_BO'], NPT),
  luat('28/2009/QH12', 'Luật Lý lịch tư pháp', '17/06/2009', '01/07/2010', ['TU_PHAP'], NPT),
  luat('39/2009/QH12', 'Luật Người cao tuổi', '23/11/2009', '01/07/2010', ['TRO_GIUP_XA_HOI'], NPT),
  luat('51/2010/QH12', 'Luật Người khuyết tật', '17/06/2010', '01/01/2011', ['TRO_GIUP_XA_HOI'], NPT),
  luat('58/2010/QH12', 'Luật Viên chức', '15/11/2010', '01/01/2012', ['CAN_BO'], NPT),
  luat('45/2013/QH13', 'Luật Đất đai', '29/11/2013', '01/07/2014', ['DAT_DAI'], NSH),
  luat('52/2014/QH13', 'Luật Hôn nhân và gia đình', '19/06/2014', '01/01/2015', ['HO_TICH'], NSH),
  luat('58/2014/QH13', 'Luật Bảo hiểm xã hội', '20/11/2014', '01/01/2016', ['BAO_HIEM'], NSH),
  luat('59/2014/QH13', 'Luật Căn cước công dân', '20/11/2014', '01/01/2016', ['CAN_CUOC'], NSH),
  luat('60/2014/QH13', 'Luật Hộ tịch', '20/11/2014', '01/01/2016', ['HO_TICH'], NSH),
  luat('80/2015/QH13', 'Luật Ban hành văn bản quy phạm pháp luật', '22/06/2015', '01/07/2016', ['XAY_DUNG_PHAP_LUAT'], NSH),
  luat('86/2015/QH13', 'Luật An toàn thông tin mạng', '19/11/2015', '01/07/2016', ['AN_TOAN_THONG_TIN'], NSH),
  luat('24/2018/QH14', 'Luật An ninh mạng', '12/06/2018', '01/01/2019', ['AN_TOAN_THONG_TIN'], NTKN),
  luat('38/2019/QH14', 'Luật Quản lý thuế', '13/06/2019', '01/07/2020', ['THUE_PHI'], NTKN),
  luat('59/2020/QH14', 'Luật Doanh nghiệp', '17/06/2020', '01/01/2021', ['DOANH_NGHIEP'], NTKN),
  luat('68/2020/QH14', 'Luật Cư trú', '13/11/2020', '01/07/2021', ['CAN_CUOC'], NTKN),
  luat('16/2023/QH15', 'Luật Giá', '19/06/2023', '01/07/2024', ['THUE_PHI'], VDH),
  luat('20/2023/QH15', 'Luật Giao dịch điện tử', '22/06/2023', '01/07/2024', ['CHUYEN_DOI_SO'], VDH, { thayThe: ['51/2005/QH11'] }),
  luat('26/2023/QH15', 'Luật Căn cước', '27/11/2023', '01/07/2024', ['CAN_CUOC'], VDH, { thayThe: ['59/2014/QH13'] }),
  luat('27/2023/QH15', 'Luật Nhà ở', '27/11/2023', '01/08/2024', ['DAT_DAI'], VDH),
  luat('29/2023/QH15', 'Luật Kinh doanh bất động sản', '28/11/2023', '01/08/2024', ['DAT_DAI'], VDH),
  luat('31/2024/QH15', 'Luật Đất đai', '18/01/2024', '01/08/2024', ['DAT_DAI'], VDH, { thayThe: ['45/2013/QH13'] }),
  luat('36/2024/QH15', 'Luật Trật tự, an toàn giao thông đường bộ', '27/06/2024', '01/01/2025', ['GIAO_THONG'], TTM),
  luat('41/2024/QH15', 'Luật Bảo hiểm xã hội', '29/06/2024', '01/07/2025', ['BAO_HIEM'], TTM, { thayThe: ['58/2014/QH13'] }),
  luat('51/2024/QH15', 'Luật sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế', '27/11/2024', '01/07/2025', ['BAO_HIEM'], TTM, { suaDoi: ['25/2008/QH12'] }),
  luat('60/2024/QH15', 'Luật Dữ liệu', '30/11/2024', '01/07/2025', ['CHUYEN_DOI_SO'], TTM),
  luat('64/2025/QH15', 'Luật Ban hành văn bản quy phạm pháp luật', '19/02/2025', '01/04/2025', ['XAY_DUNG_PHAP_LUAT'], TTM, { thayThe: ['80/2015/QH13'] }),
  luat('72/2025/QH15', 'Luật Tổ chức chính quyền địa phương', '16/06/2025', '01/07/2025', ['TO_CHUC_BO_MAY'], TTM),
  luat('80/2025/QH15', 'Luật Cán bộ, công chức', '24/06/2025', '01/07/2025', ['CAN_BO'], TTM, { thayThe: ['22/2008/QH12'] }),
  luat('91/2025/QH15', 'Luật Bảo vệ dữ liệu cá nhân', '26/06/2025', '01/01/2026', ['AN_TOAN_THONG_TIN'], TTM),
  { ...luat('202/2025/QH15', 'Nghị quyết về việc sắp xếp đơn vị hành chính cấp tỉnh', '12/06/2025', '12/06/2025', ['TO_CHUC_BO_MAY'], TTM), loai: 'NGHI_QUYET' },

  // Nghị định của Chính phủ
  vb('123/2015/NĐ-CP', 'NGHI_DINH', 'CP', 'Quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch', '15/11/2015', '01/01/2016', ['HO_TICH'], { canCu: ['60/2014/QH13'] }),
  vb('61/2018/NĐ-CP', 'NGHI_DINH', 'CP', 'Về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính', '23/04/2018', '21/06/2018', ['THU_TUC_HANH_CHINH']),
  vb('146/2018/NĐ-CP', 'NGHI_DINH', 'CP', 'Quy định chi tiết và hướng dẫn biện pháp thi hành một số điều của Luật Bảo hiểm y tế', '17/10/2018', '01/12/2018', ['BAO_HIEM'], { canCu: ['25/2008/QH12'] }),
  vb('73/2019/NĐ-CP', 'NGHI_DINH', 'CP', 'Quy định quản lý đầu tư ứng dụng công nghệ thông tin sử dụng nguồn vốn ngân sách nhà nước', '05/09/2019', '21/10/2019', ['CHUYEN_DOI_SO']),
  vb('30/2020/NĐ-CP', 'NGHI_DINH', 'CP', 'Về công tác văn thư', '05/03/2020', '05/03/2020', ['THU_TUC_HANH_CHINH']),
  vb('45/2020/NĐ-CP', 'NGHI_DINH', 'CP', 'Về thực hiện thủ tục hành chính trên môi trường điện tử', '08/04/2020', '22/05/2020', ['THU_TUC_HANH_CHINH', 'CHUYEN_DOI_SO'], { canCu: ['51/2005/QH11'] }),
  vb('47/2020/NĐ-CP', 'NGHI_DINH', 'CP', 'Về quản lý, kết nối và chia sẻ dữ liệu số của cơ quan nhà nước', '09/04/2020', '25/05/2020', ['CHUYEN_DOI_SO'], { canCu: ['51/2005/QH11'] }),
  vb('87/2020/NĐ-CP', 'NGHI_DINH', 'CP', 'Quy định về Cơ sở dữ liệu hộ tịch điện tử, đăng ký hộ tịch trực tuyến', '28/07/2020', '15/09/2020', ['HO_TICH'], { canCu: ['60/2014/QH13'] }),
  vb('115/2020/NĐ-CP', 'NGHI_DINH', 'CP', 'Quy định về tuyển dụng, sử dụng và quản lý viên chức', '25/09/2020', '15/11/2020', ['CAN_BO'], { canCu: ['58/2010/QH12'] }),
  vb('138/2020/NĐ-CP', 'NGHI_DINH', 'CP', 'Quy định về tuyển dụng, sử dụng và quản lý công chức', '27/11/2020', '27/11/2020', ['CAN_BO'], { canCu: ['22/2008/QH12'] }),
  vb('01/2021/NĐ-CP', 'NGHI_DINH', 'CP', 'Về đăng ký doanh nghiệp', '04/01/2021', '04/01/2021', ['DOANH_NGHIEP'], { canCu: ['59/2020/QH14'] }),
  vb('20/2021/NĐ-CP', 'NGHI_DINH', 'CP', 'Quy định chính sách trợ giúp xã hội đối với đối tượng bảo trợ xã hội', '15/03/2021', '01/07/2021', ['TRO_GIUP_XA_HOI'], { canCu: ['39/2009/QH12', '51/2010/QH12'] }),
  vb('42/2022/NĐ-CP', 'NGHI_DINH', 'CP', 'Quy định về việc cung cấp thông tin và dịch vụ công trực tuyến của cơ quan nhà nước trên môi trường mạng', '24/06/2022', '01/08/2022', ['THU_TUC_HANH_CHINH', 'CHUYEN_DOI_SO']),
  vb('59/2022/NĐ-CP', 'NGHI_DINH', 'CP', 'Quy định về định danh và xác thực điện tử', '05/09/2022', '20/10/2022', ['CAN_CUOC'], { canCu: ['59/2014/QH13', '51/2005/QH11'] }),
  vb('13/2023/NĐ-CP', 'NGHI_DINH', 'CP', 'Bảo vệ dữ liệu cá nhân', '17/04/2023', '01/07/2023', ['AN_TOAN_THONG_TIN'], { canCu: ['24/2018/QH14'] }),
  vb('63/2024/NĐ-CP', 'NGHI_DINH', 'CP', 'Quy định thực hiện liên thông điện tử 02 nhóm thủ tục hành chính: Đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi; Đăng ký khai tử, xóa đăng ký thường trú, giải quyết mai táng phí, tử tuất', '10/06/2024', '10/06/2024', ['HO_TICH', 'BAO_HIEM', 'THU_TUC_HANH_CHINH'], { canCu: ['60/2014/QH13', '68/2020/QH14', '25/2008/QH12'] }),
  vb('69/2024/NĐ-CP', 'NGHI_DINH', 'CP', 'Quy định về định danh và xác thực điện tử', '25/06/2024', '01/07/2024', ['CAN_CUOC'], { canCu: ['26/2023/QH15', '20/2023/QH15'], thayThe: ['59/2022/NĐ-CP'] }),
  vb('73/2024/NĐ-CP', 'NGHI_DINH', 'CP', 'Quy định mức lương cơ sở và chế độ tiền thưởng đối với cán bộ, công chức, viên chức và lực lượng vũ trang', '30/06/2024', '01/07/2024', ['CAN_BO']),
  vb('76/2024/NĐ-CP', 'NGHI_DINH', 'CP', 'Sửa đổi, bổ sung một số điều của Nghị định số 20/2021/NĐ-CP ngày 15 tháng 3 năm 2021 của Chính phủ quy định chính sách trợ giúp xã hội đối với đối tượng bảo trợ xã hội', '01/07/2024', '01/07/2024', ['TRO_GIUP_XA_HOI'], { suaDoi: ['20/2021/NĐ-CP'] }),
  vb('101/2024/NĐ-CP', 'NGHI_DINH', 'CP', 'Quy định về điều tra cơ bản đất đai; đăng ký, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất và Hệ thống thông tin đất đai', '29/07/2024', '01/08/2024', ['DAT_DAI'], { canCu: ['31/2024/QH15'] }),
  vb('102/2024/NĐ-CP', 'NGHI_DINH', 'CP', 'Quy định chi tiết thi hành một số điều của Luật Đất đai', '30/07/2024', '01/08/2024', ['DAT_DAI'], { canCu: ['31/2024/QH15'] }),
  vb('118/2025/NĐ-CP', 'NGHI_DINH', 'CP', 'Về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông tại Bộ phận Một cửa và Cổng Dịch vụ công quốc gia', '09/06/2025', '01/07/2025', ['THU_TUC_HANH_CHINH'], { thayThe: ['61/2018/NĐ-CP'] }),
  vb('168/2025/NĐ-CP', 'NGHI_DINH', 'CP', 'Về đăng ký doanh nghiệp', '30/06/2025', '01/07/2025', ['DOANH_NGHIEP'], { canCu: ['59/2020/QH14'], thayThe: ['01/2021/NĐ-CP'] }),

  // Quyết định của Thủ tướng, thông tư
  vb('20/2020/QĐ-TTg', 'QUYET_DINH', 'TTG', 'Về mã định danh điện tử của các cơ quan, tổ chức phục vụ kết nối, chia sẻ dữ liệu với các bộ, ngành, địa phương', '22/07/2020', '10/09/2020', ['CHUYEN_DOI_SO'], { canCu: ['47/2020/NĐ-CP'] }),
  vb('04/2020/TT-BTP', 'THONG_TU', 'BTP', 'Quy định chi tiết thi hành một số điều của Luật Hộ tịch và Nghị định số 123/2015/NĐ-CP ngày 15 tháng 11 năm 2015 của Chính phủ quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch', '28/05/2020', '16/07/2020', ['HO_TICH'], { canCu: ['60/2014/QH13', '123/2015/NĐ-CP'] }),
  vb('04/2021/TT-BGDĐT', 'THONG_TU', 'BGDDT', 'Quy định mã số, tiêu chuẩn chức danh nghề nghiệp và bổ nhiệm, xếp lương viên chức giảng dạy trong các trường trung học phổ thông công lập', '02/02/2021', '20/03/2021', ['CAN_BO'], { canCu: ['58/2010/QH12', '115/2020/NĐ-CP'] }),
  vb('02/2021/TT-BNV', 'THONG_TU', 'BNV', 'Quy định mã số, tiêu chuẩn chuyên môn, nghiệp vụ và xếp lương đối với các ngạch công chức chuyên ngành hành chính và công chức chuyên ngành văn thư', '11/06/2021', '01/08/2021', ['CAN_BO'], { canCu: ['22/2008/QH12', '138/2020/NĐ-CP'] }),
  vb('01/2023/TT-VPCP', 'THONG_TU', 'VPCP', 'Quy định một số nội dung và biện pháp thi hành trong số hóa hồ sơ, kết quả giải quyết thủ tục hành chính và thực hiện thủ tục hành chính trên môi trường điện tử', '05/04/2023', '20/05/2023', ['THU_TUC_HANH_CHINH', 'CHUYEN_DOI_SO'], { canCu: ['45/2020/NĐ-CP'] }),

  // Văn bản của tỉnh An Giang (TỰ ĐẶT: số, ngày, nội dung mô phỏng)
  vb('05/2024/NQ-HĐND', 'NGHI_QUYET', 'HDND_AG', 'Quy định mức thu, miễn, giảm, chế độ thu, nộp, quản lý và sử dụng lệ phí đăng ký hộ tịch trên địa bàn tỉnh An Giang', '12/07/2024', '22/07/2024', ['HO_TICH', 'THUE_PHI'], { canCu: ['60/2014/QH13'] }),
  vb('11/2024/NQ-HĐND', 'NGHI_QUYET', 'HDND_AG', 'Quy định mức chuẩn trợ giúp xã hội và mức trợ giúp xã hội áp dụng trên địa bàn tỉnh An Giang', '06/12/2024', '01/01/2025', ['TRO_GIUP_XA_HOI'], { canCu: ['20/2021/NĐ-CP', '76/2024/NĐ-CP'] }),
  vb('18/2024/QĐ-UBND', 'QUYET_DINH', 'UBND_AG', 'Ban hành Quy chế quản lý, kết nối và chia sẻ dữ liệu số của các cơ quan nhà nước trên địa bàn tỉnh An Giang', '20/05/2024', '01/06/2024', ['CHUYEN_DOI_SO'], { canCu: ['47/2020/NĐ-CP', '20/2020/QĐ-TTg'] }),
  // The former Kiên Giang (merged into An Giang on 1/7/2025): its documents stay in the database; one shares a number.
  vb('18/2024/QĐ-UBND', 'QUYET_DINH', 'UBND_KG', 'Ban hành Quy chế hoạt động của Cổng dịch vụ công và Hệ thống thông tin một cửa điện tử tỉnh Kiên Giang', '03/06/2024', '15/06/2024', ['THU_TUC_HANH_CHINH'], { canCu: ['61/2018/NĐ-CP', '45/2020/NĐ-CP'] }),
  vb('09/2023/QĐ-UBND', 'QUYET_DINH', 'UBND_KG', 'Quy định về lập, quản lý hồ sơ và số hóa kết quả giải quyết thủ tục hành chính trên địa bàn tỉnh Kiên Giang', '16/03/2023', '01/04/2023', ['THU_TUC_HANH_CHINH'], { canCu: ['30/2020/NĐ-CP'] }),
  vb('27/2024/QĐ-UBND', 'QUYET_DINH', 'UBND_AG', 'Ban hành Quy chế đảm bảo an toàn thông tin mạng trong hoạt động của các cơ quan nhà nước tỉnh An Giang', '15/08/2024', '26/08/2024', ['AN_TOAN_THONG_TIN'], { canCu: ['86/2015/QH13'] }),
  vb('03/2025/NQ-HĐND', 'NGHI_QUYET', 'HDND_AG', 'Quy định chính sách hỗ trợ người dân, doanh nghiệp sử dụng dịch vụ công trực tuyến toàn trình trên địa bàn tỉnh An Giang', '20/03/2025', '01/04/2025', ['THU_TUC_HANH_CHINH'], { canCu: ['42/2022/NĐ-CP'] }),
  vb('12/2025/QĐ-UBND', 'QUYET_DINH', 'UBND_AG', 'Ban hành Danh mục dữ liệu mở của tỉnh An Giang', '14/04/2025', '25/04/2025', ['CHUYEN_DOI_SO'], { canCu: ['47/2020/NĐ-CP'] }),
  vb('01/2025/NQ-HĐND', 'NGHI_QUYET', 'HDND_AG', 'Quy định một số chính sách đặc thù hỗ trợ cán bộ, công chức, viên chức dôi dư do sắp xếp tổ chức bộ máy trên địa bàn tỉnh An Giang', '14/07/2025', '14/07/2025', ['CAN_BO', 'TO_CHUC_BO_MAY'], { canCu: ['72/2025/QH15', '80/2025/QH15'] }),
  vb('21/2025/QĐ-UBND', 'QUYET_DINH', 'UBND_AG', 'Quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Tư pháp tỉnh An Giang', '15/07/2025', '15/07/2025', ['TO_CHUC_BO_MAY', 'TU_PHAP'], { canCu: ['72/2025/QH15'] }),
  vb('25/2025/QĐ-UBND', 'QUYET_DINH', 'UBND_AG', 'Ban hành Quy chế tổ chức và hoạt động của Trung tâm Phục vụ hành chính công tỉnh An Giang', '22/07/2025', '01/08/2025', ['THU_TUC_HANH_CHINH'], { canCu: ['118/2025/NĐ-CP'] }),
  vb('31/2025/QĐ-UBND', 'QUYET_DINH', 'UBND_AG', 'Ban hành Quy chế quản lý, vận hành và khai thác Hệ thống thông tin giải quyết thủ tục hành chính tỉnh An Giang', '12/08/2025', '25/08/2025', ['THU_TUC_HANH_CHINH', 'CHUYEN_DOI_SO'], { canCu: ['118/2025/NĐ-CP', '45/2020/NĐ-CP'] }),
  vb('38/2025/QĐ-UBND', 'QUYET_DINH', 'UBND_AG', 'Ban hành Quy định phân cấp quản lý tổ chức bộ máy, biên chế, cán bộ, công chức, viên chức thuộc phạm vi quản lý của Ủy ban nhân dân tỉnh An Giang', '05/09/2025', '15/09/2025', ['CAN_BO', 'TO_CHUC_BO_MAY'], { canCu: ['80/2025/QH15', '72/2025/QH15'] }),
  vb('44/2025/QĐ-UBND', 'QUYET_DINH', 'UBND_AG', 'Ban hành Bảng giá đất áp dụng trên địa bàn tỉnh An Giang từ ngày 01 tháng 01 năm 2026', '30/10/2025', '01/01/2026', ['DAT_DAI'], { canCu: ['31/2024/QH15', '102/2024/NĐ-CP'] }),
];
