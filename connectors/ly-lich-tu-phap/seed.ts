import { formatTimestampCompact, makeMaHoSo } from '../../src/core/identifiers.js';
import type { Person, SeedBuilder } from '../_shared/population.js';
import { toDmy } from '../_shared/wire.js';
import { addWorkingDays, lePhi, SO_TU_PHAP_AN_GIANG, tenTrangThai, THOI_HAN_NGAY_LAM_VIEC } from './codes.js';
import { buildKetQua, type AnTich, type NguoiYeuCau, type YeuCauCapPhieu } from './phieu.js';

const TOA_AN = [
  'Tòa án nhân dân thành phố Long Xuyên, tỉnh An Giang',
  'Tòa án nhân dân thành phố Châu Đốc, tỉnh An Giang',
  'Tòa án nhân dân huyện Châu Thành, tỉnh An Giang',
  'Tòa án nhân dân thành phố Rạch Giá, tỉnh Kiên Giang',
  'Tòa án nhân dân tỉnh An Giang',
];

/** Offences with their article in the Penal Code in force at judgment time (BLHS 1999 before 1/1/2018, else BLHS 2015). */
const TOI_DANH: Array<{ bl1999: string; bl2015: string; hinhPhat: string[] }> = [
  { bl1999: 'Trộm cắp tài sản (Điều 138 Bộ luật Hình sự 1999)', bl2015: 'Trộm cắp tài sản (Điều 173 Bộ luật Hình sự 2015)', hinhPhat: ['09 tháng tù', '12 tháng tù cho hưởng án treo, thời gian thử thách 24 tháng'] },
  { bl1999: 'Đánh bạc (Điều 248 Bộ luật Hình sự 1999)', bl2015: 'Đánh bạc (Điều 321 Bộ luật Hình sự 2015)', hinhPhat: ['Phạt tiền 20.000.000 đồng', '06 tháng cải tạo không giam giữ'] },
  { bl1999: 'Cố ý gây thương tích (Điều 104 Bộ luật Hình sự 1999)', bl2015: 'Cố ý gây thương tích (Điều 134 Bộ luật Hình sự 2015)', hinhPhat: ['18 tháng tù cho hưởng án treo, thời gian thử thách 36 tháng', '24 tháng tù'] },
  {
    bl1999: 'Vi phạm quy định về điều khiển phương tiện giao thông đường bộ (Điều 202 Bộ luật Hình sự 1999)',
    bl2015: 'Vi phạm quy định về tham gia giao thông đường bộ (Điều 260 Bộ luật Hình sự 2015)',
    hinhPhat: ['12 tháng cải tạo không giam giữ'],
  },
  { bl1999: 'Lừa đảo chiếm đoạt tài sản (Điều 139 Bộ luật Hình sự 1999)', bl2015: 'Lừa đảo chiếm đoạt tài sản (Điều 174 Bộ luật Hình sự 2015)', hinhPhat: ['30 tháng tù'] },
  { bl1999: 'Tàng trữ trái phép chất ma túy (Điều 194 Bộ luật Hình sự 1999)', bl2015: 'Tàng trữ trái phép chất ma túy (Điều 249 Bộ luật Hình sự 2015)', hinhPhat: ['24 tháng tù'] },
];

const MUC_DICH_SU_DUNG = [
  'Bổ sung hồ sơ xin việc',
  'Xuất khẩu lao động',
  'Du học',
  'Bổ sung hồ sơ thành lập doanh nghiệp',
  'Kết hôn với người nước ngoài',
  'Xin cấp giấy phép lao động',
  'Bổ sung hồ sơ đảng viên',
];

export const toNguoiYeuCau = (p: Person): NguoiYeuCau => ({
  HoVaTen: p.hoVaTen,
  SoDinhDanh: p.soDinhDanh,
  NgaySinh: toDmy(p.ngaySinh),
  GioiTinh: p.gioiTinh === 'nam' ? '1' : '2',
  NoiCuTru: p.thuongTru.diaChi,
  SoDienThoai: p.soDienThoai,
  ...(p.email ? { Email: p.email } : {}),
});

const at = (isoDate: string, hour: number, minute: number) =>
  new Date(`${isoDate}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`);

export const buildSeed: SeedBuilder = (population, rng) => {
  const people = population.people;
  // Convictions: a few adults (born before 1996), one or two judgments each; older sentences served long ago are
  // expunged (xóa án tích), so phiếu số 1 and số 2 differ for them.
  const adults = people.filter((p) => p.ngaySinh < '1996-01-01');
  const convicted: Person[] = [];
  for (let k = 0; convicted.length < 8; k++) {
    const p = adults[(k * 23 + 5) % adults.length]!;
    if (!convicted.includes(p)) convicted.push(p);
  }
  const anTich = convicted.map((p, k) => {
    const count = k % 3 === 2 ? 2 : 1;
    const born = Number(p.ngaySinh.slice(0, 4));
    const list: AnTich[] = Array.from({ length: count }, (_, j) => {
      const kind = TOI_DANH[(k + j * 2) % TOI_DANH.length]!;
      // The first person's only conviction is recent (shows on phiếu số 1); others are older.
      const year = k === 0 ? 2023 : Math.max(born + 19, 2008 + ((k * 3 + j * 5) % 14));
      const tuyenAn = rng.date(`${year}-01-10`, `${year}-11-30`);
      const xong = new Date(`${tuyenAn}T00:00:00Z`);
      xong.setUTCMonth(xong.getUTCMonth() + rng.int(8, 30));
      const xongIso = xong.toISOString().slice(0, 10);
      return {
        SoBanAn: `${rng.int(12, 180)}/${year}/HS-ST`,
        NgayTuyenAn: toDmy(tuyenAn),
        ToaAnTuyen: rng.pick(TOA_AN),
        ToiDanh: year < 2018 ? kind.bl1999 : kind.bl2015,
        HinhPhat: rng.pick(kind.hinhPhat),
        ...(xongIso < population.asOf ? { NgayChapHanhXong: toDmy(xongIso) } : {}),
        // Expunged when the sentence was served more than 3 years before the population's "today".
        DaXoaAnTich: xongIso < `${Number(population.asOf.slice(0, 4)) - 3}${population.asOf.slice(4)}`,
      };
    });
    return { SoDinhDanh: p.soDinhDanh, HoVaTen: p.hoVaTen, DanhSachAnTich: list };
  });
  const anTichBy = new Map(anTich.map((a) => [a.SoDinhDanh, a.DanhSachAnTich]));

  // 60 certificates issued by Sở Tư pháp An Giang in 2025; every fifth applicant has a criminal record.
  const phieuDaCap = Array.from({ length: 60 }, (_, i) => {
    const p = i % 5 === 2 ? convicted[Math.floor(i / 5) % convicted.length]! : people[(i * 11 + 3) % people.length]!;
    const ngayNop = rng.date('2025-02-03', '2025-10-15');
    const tiepNhan = at(ngayNop, rng.int(7, 16), rng.int(0, 59));
    const xuLy = new Date(tiepNhan.getTime() + rng.int(1, 20) * 3_600_000);
    const cap = addWorkingDays(tiepNhan, rng.int(3, THOI_HAN_NGAY_LAM_VIEC - 1));
    cap.setUTCHours(rng.int(8, 16), rng.int(0, 59));
    const maHoSo = makeMaHoSo(SO_TU_PHAP_AN_GIANG, tiepNhan, i + 1);
    const yeuCau: YeuCauCapPhieu = {
      LoaiPhieu: i % 4 === 3 ? '2' : '1',
      MucDichSuDung: i % 4 === 3 ? 'Để cá nhân biết nội dung lý lịch tư pháp của mình' : rng.pick(MUC_DICH_SU_DUNG),
      NguoiYeuCau: toNguoiYeuCau(p),
      SoLuongBanSao: rng.int(0, 3),
      HinhThucNhan: rng.bool(0.3) ? '2' : '1',
    };
    return {
      MaHoSo: maHoSo,
      DEC_STATUS: '5',
      TenTrangThai: tenTrangThai('5'),
      YeuCau: yeuCau,
      ThoiGianTiepNhan: formatTimestampCompact(tiepNhan),
      NgayHenTra: toDmy(addWorkingDays(tiepNhan, THOI_HAN_NGAY_LAM_VIEC).toISOString()),
      LePhi: lePhi(yeuCau.SoLuongBanSao),
      LichSu: [
        { DEC_STATUS: '3', TenTrangThai: tenTrangThai('3'), ThoiGian: formatTimestampCompact(tiepNhan) },
        { DEC_STATUS: '4', TenTrangThai: tenTrangThai('4'), ThoiGian: formatTimestampCompact(xuLy) },
        { DEC_STATUS: '5', TenTrangThai: tenTrangThai('5'), ThoiGian: formatTimestampCompact(cap) },
      ],
      KetQua: buildKetQua({ maHoSo, yeuCau, anTich: anTichBy.get(p.soDinhDanh) ?? [], at: cap }),
    };
  });
  return { phieuDaCap, anTich };
};
