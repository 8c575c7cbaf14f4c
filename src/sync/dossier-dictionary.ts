/**
 * The preset deflate dictionary of stored dossiers, format 1 (dossier-store.ts). NEVER EDIT: every dossier stored in
 * format 1 needs exactly these bytes to be read again (tests/unit/packed-json.test.ts pins their digest). A better
 * dictionary is a new constant with a new format byte, the old one kept for reading.
 *
 * Built from what a dossier record holds (newDossierRecord / movedDossierRecord): its own field names, status
 * history entries, and the data and results of the busiest connector (ly-lich-tu-phap: the request, the issued
 * certificate, whose PDF text starts and ends the same way, and the refusal). Deflate finds recent bytes at the
 * cheapest distances, so the most common shapes come last. Sample people and addresses are invented.
 */
const json = (v: unknown) => JSON.stringify(v);
const b64 = (s: string) => Buffer.from(s.normalize('NFC'), 'utf8').toString('base64');

/** Field names and words of the other stateful connectors (less common than the record's own shape). */
const OTHER_CONNECTORS = json({
  MaHoSoTinh: '', MaCoQuan: '', TenCoQuan: '', LichSuTruoc: [{ TrangThai: '', TenTrangThai: '', ThoiGian: '', GhiChu: '' }],
  BoSung: [], NoiDungYeuCauBoSung: '', LyDoRut: '', LyDo: '', ThoiGianNop: '', ThoiGianGui: '', CoQuanThue: '', PhieuChuyen: {},
  ChungTuNopTien: [], HoSo: {}, DuAn: {}, KetQua: {}, HoTen: '', DiaChi: '', SoTien: 0, GhiChu: '',
  words: 'Đã tiếp nhận; Đang xử lý; Chờ bổ sung hồ sơ; Đã trả kết quả; Từ chối; Công dân rút hồ sơ; Ủy ban nhân dân xã; Sở Tài chính; Sở Xây dựng; Công an tỉnh An Giang',
});

/** ly-lich-tu-phap: the certificate's PDF text (kept base64 in TepKetQua) has a fixed head and a fixed tail. */
const PHIEU_HEAD = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nPHIẾU LÝ LỊCH TƯ PHÁP SỐ 1\nSố: ';
const PHIEU_TAIL = '\nTình trạng án tích: Không có án tích\nSở Tư pháp tỉnh An Giang, ngày 01/01/2025\n(Bản mô phỏng của NDXP Gateway Simulator, không có giá trị pháp lý)';
// The tail's base64 depends on where it falls in a 3-byte group: all three alignments.
const LLTP_PDF = [b64(PHIEU_HEAD), b64(PHIEU_TAIL), b64(`.${PHIEU_TAIL}`), b64(`..${PHIEU_TAIL}`)].join(' ');

const LLTP_WORDS = json({
  MucDichSuDung: [
    'Xuất khẩu lao động', 'Du học', 'Bổ sung hồ sơ thành lập doanh nghiệp', 'Kết hôn với người nước ngoài', 'Xin cấp giấy phép lao động',
    'Bổ sung hồ sơ đảng viên', 'Để cá nhân biết nội dung lý lịch tư pháp của mình', 'Bổ sung hồ sơ xin việc',
  ],
  NoiCuTru: 'Số 25 đường Nguyễn Trãi, khóm Bình Long, ấp Hòa Thạnh, Phường Long Xuyên, Xã Châu Thành, Tỉnh An Giang',
  Email: '@gmail.com @example.vn',
  HoVaTen: 'Nguyễn Trần Lê Phạm Huỳnh Hoàng Võ Phan Trương Bùi Đặng Đỗ Ngô Hồ Dương Lý Thị Văn Hữu Minh Ngọc Thanh Hồng Quốc',
  LyDoTuChoi: 'Thông tin nhân thân kê khai chưa khớp với Cơ sở dữ liệu quốc gia về dân cư; đề nghị người yêu cầu kiểm tra, nộp lại hồ sơ kèm giấy tờ chứng minh',
  ThoiGianTuChoi: '20250101000000',
  AnTich: [{ SoBanAn: '12/2020/HS-ST', NgayTuyenAn: '01/01/2020', ToaAnTuyen: 'Tòa án nhân dân thành phố Long Xuyên, tỉnh An Giang', ToiDanh: 'Trộm cắp tài sản (Điều 173 Bộ luật Hình sự 2015)', HinhPhat: '12 tháng tù cho hưởng án treo, thời gian thử thách 24 tháng', NgayChapHanhXong: '01/01/2021', DaXoaAnTich: false }],
});

const AT = '2025-01-01T00:00:00.000Z';
const NGUOI = { HoVaTen: 'Nguyễn Văn An', SoDinhDanh: '089090001234', NgaySinh: '01/01/1990', GioiTinh: '1', NoiCuTru: 'Số 12 đường Trần Hưng Đạo, khu phố 1, Xã Mỹ Hòa, Tỉnh An Giang' };

/** The record itself, as a ly-lich-tu-phap dossier that reached its certificate (the most common shape: last). */
const RECORD = json({
  maHoSo: '000.00.14.H01-250101-0001', connectorId: 'ly-lich-tu-phap', lifecycle: 'lltp', status: '5', seq: 3, clientId: 'tthc-an-giang',
  province: 'an-giang', scenario: 'reject', createdAt: AT, updatedAt: AT,
  data: {
    YeuCau: { LoaiPhieu: '1', MucDichSuDung: 'Bổ sung hồ sơ xin việc', NguoiYeuCau: { ...NGUOI, SoDienThoai: '0912345678', Email: '@gmail.com' }, SoLuongBanSao: 1, HinhThucNhan: '1' },
    AnTich: [], ThoiGianTiepNhan: '20250101080000', NgayHenTra: '15/01/2025', LePhi: 200000,
  },
  history: [
    { seq: 1, from: null, to: '3', at: AT, by: 'province' },
    { seq: 2, from: '3', to: '4', at: AT, by: 'central' },
    { seq: 3, from: '4', to: '5', at: AT, by: 'central', note: '' },
  ],
  result: {
    SoPhieu: '2501010001/STP-LLTP', LoaiPhieu: '1', TenLoaiPhieu: 'Phiếu lý lịch tư pháp số 1', NgayCap: '01/01/2025', CoQuanCap: 'Sở Tư pháp tỉnh An Giang',
    NguoiDuocCapPhieu: NGUOI, MucDichSuDung: 'Bổ sung hồ sơ xin việc', TinhTrangAnTich: 'Không có án tích', NoiDung: 'Không có án tích',
    DanhSachAnTich: [], SoBanSao: 1, HinhThucNhan: '1',
    TepKetQua: { TenTep: 'PhieuLLTP_000.00.14.H01-250101-0001.pdf', DinhDang: 'application/pdf', NoiDungBase64: '', MaHash: '' },
  },
});

export const DOSSIER_DICTIONARY_V1 = Buffer.from([OTHER_CONNECTORS, LLTP_PDF, LLTP_WORDS, RECORD].join('\n').normalize('NFC'), 'utf8');
