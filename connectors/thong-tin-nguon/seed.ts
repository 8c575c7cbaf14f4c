import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { formatTimestampCompact } from '../../src/core/identifiers.js';
import type { SeedBuilder, SeedRng } from '../_shared/population.js';
import { toDmy } from '../_shared/wire.js';
import { CHU_DE, FILE_BASE, LOAI_NOI_DUNG, type LoaiNoiDung } from './codes.js';

interface Units {
  versions: Array<{ version: string; provinces: Array<{ ma: string; ten: string }> }>;
  communes: Record<string, Array<{ ma: string; ten: string }>>;
}

/** Central items: title, topic index, provider, urgent. */
const BAI: Array<[string, number, string, boolean?]> = [
  ['Triển khai thi hành Luật Căn cước năm 2023', 0, 'Cục Thông tin cơ sở'],
  ['Hướng dẫn kích hoạt và sử dụng tài khoản định danh điện tử mức độ 2', 1, 'Bộ Công an'],
  ['Chủ động ứng phó áp thấp nhiệt đới trên Biển Đông', 2, 'Trung tâm Dự báo khí tượng thủy văn quốc gia', true],
  ['Phòng, chống sốt xuất huyết trong mùa mưa', 3, 'Bộ Y tế'],
  ['Kỹ thuật canh tác lúa chất lượng cao, phát thải thấp', 4, 'Bộ Nông nghiệp và Môi trường'],
  ['Cảnh giác thủ đoạn lừa đảo qua mạng giả danh cơ quan công an', 5, 'Bộ Công an'],
  ['Chính quyền địa phương hai cấp: người dân cần biết gì khi làm thủ tục', 6, 'Cục Thông tin cơ sở'],
  ['Quyền lợi khi tham gia bảo hiểm xã hội tự nguyện', 7, 'Bảo hiểm xã hội Việt Nam'],
  ['Kỷ niệm 80 năm Cách mạng Tháng Tám và Quốc khánh 2/9', 8, 'Đài Tiếng nói Việt Nam'],
  ['Phòng, chống xâm nhập mặn mùa khô 2025–2026 vùng Đồng bằng sông Cửu Long', 2, 'Bộ Nông nghiệp và Môi trường'],
  ['Thanh toán trực tuyến phí, lệ phí trên Cổng Dịch vụ công quốc gia', 1, 'Văn phòng Chính phủ'],
  ['Những điểm mới về xử phạt vi phạm hành chính trong lĩnh vực giao thông đường bộ', 0, 'Bộ Công an'],
  ['Phòng, chống tác hại của thuốc lá điện tử trong học đường', 3, 'Bộ Y tế'],
  ['Liên thông đăng ký khai sinh, thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi', 6, 'Bộ Tư pháp'],
  ['Cảnh báo mưa lớn, sạt lở bờ sông khu vực Nam Bộ', 2, 'Trung tâm Dự báo khí tượng thủy văn quốc gia', true],
  ['Chính sách hỗ trợ người lao động mất việc làm', 7, 'Cục Thông tin cơ sở'],
];
const NHA_DAI = ['Đài Truyền thanh', 'Trung tâm Văn hóa, Thông tin và Thể thao'];
/** Local items: title, topic index. */
const BAI_DIA_PHUONG: Array<[string, number]> = [
  ['Ra quân dọn vệ sinh môi trường, khơi thông cống rãnh', 4],
  ['Tiếp nhận hồ sơ, trả kết quả qua dịch vụ bưu chính công ích', 6],
  ['Họp mặt kỷ niệm Ngày truyền thống Mặt trận Tổ quốc Việt Nam', 8],
  ['Tiêm chủng mở rộng cho trẻ em trong tháng', 3],
  ['Tuyên truyền phòng cháy, chữa cháy trong khu dân cư', 5],
  ['Thu hoạch lúa Thu Đông đạt năng suất khá', 4],
  ['Ra mắt mô hình “Khu dân cư không có tội phạm”', 5],
];
/** "Phường Long Xuyên" → "phường Long Xuyên" (inside a sentence). */
const lower1 = (s: string) => `${s.charAt(0).toLocaleLowerCase('vi')}${s.slice(1)}`;

const hex = (s: string) => createHash('sha256').update(s).digest('hex');
const at = (iso: string, h: number, m: number) => new Date(`${iso}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00Z`);

function tep(ma: string, loai: LoaiNoiDung, rng: SeedRng) {
  if (loai === 'BAN_TIN_DIEN_TU') {
    return [{ TenTep: `${ma}.jpg`, DinhDang: 'image/jpeg', DuongDan: `${FILE_BASE}/${ma}.jpg`, DungLuong: rng.int(80_000, 400_000), MaHash: hex(`${ma}.jpg`) }];
  }
  const giay = loai === 'BAN_TIN_PHAT_THANH' ? rng.int(180, 600) : rng.int(900, 1800);
  // 128 kbit/s MP3: 16 000 bytes a second.
  return [{ TenTep: `${ma}.mp3`, DinhDang: 'audio/mpeg', DuongDan: `${FILE_BASE}/${ma}.mp3`, DungLuong: giay * 16_000, ThoiLuongGiay: giay, MaHash: hex(`${ma}.mp3`) }];
}

export const buildSeed: SeedBuilder = (population, rng) => {
  const units = JSON.parse(readFileSync(new URL('../../reference/administrative-units.json', import.meta.url), 'utf8')) as Units;
  const provinces = units.versions.find((v) => v.version === '2025-07')!.provinces;
  const communes = units.communes['91']!;
  const loaiList = Object.keys(LOAI_NOI_DUNG) as LoaiNoiDung[];

  // 80 central items, 08–11/2025, newest last; a few expired or urgent.
  const noiDung = Array.from({ length: 80 }, (_, i) => {
    const [tieuDe, chuDe, donVi, khan] = BAI[i % BAI.length]!;
    const loai = loaiList[i % loaiList.length]!;
    const day = rng.date('2025-08-01', '2025-11-20');
    const xuatBan = at(day, rng.int(6, 17), rng.int(0, 59));
    const ma = `TTN-${day.slice(2, 4)}${day.slice(5, 7)}-${String(i + 1).padStart(5, '0')}`;
    const hieuLuc = new Date(xuatBan.getTime() + (khan ? 3 : 30) * 86_400_000);
    return {
      MaNoiDung: ma,
      LoaiNoiDung: loai,
      TieuDe: loai === 'BAN_TIN_DIEN_TU' ? tieuDe : `${tieuDe} (${LOAI_NOI_DUNG[loai].toLowerCase()})`,
      TomTat: `${donVi} cung cấp nội dung “${tieuDe}” để các đài truyền thanh, bảng tin cơ sở phát lại.`,
      NoiDung: `Kính thưa bà con! ${tieuDe}. Đề nghị các địa phương phát ${khan ? 'ngay, nhắc lại 3 lần trong ngày' : 'trong các buổi phát sóng thường kỳ'}.`,
      ChuDe: CHU_DE[chuDe]!,
      DonViCungCap: donVi,
      NgayXuatBan: formatTimestampCompact(xuatBan),
      HieuLucDen: toDmy(hieuLuc.toISOString()),
      MucDoUuTien: khan ? 'KHAN' : 'THUONG',
      PhamVi: khan ? 'VUNG' : 'TOAN_QUOC',
      ...(khan ? { DanhSachTinh: ['91', '92', '96', '86', '82'].filter((m) => provinces.some((p) => p.ma === m)) } : {}),
      TepDinhKem: tep(ma, loai, rng),
      PhienBan: i % 9 === 4 ? 2 : 1,
      TrangThai: hieuLuc.toISOString().slice(0, 10) < population.asOf ? 'HET_HIEU_LUC' : 'DANG_HIEU_LUC',
    };
  }).sort((a, b) => (a.NgayXuatBan < b.NgayXuatBan ? -1 : 1));

  // The province's devices known to the central monitoring: two IP loudspeaker clusters per sample commune, an
  // e-board in every third one; their last reports are from the population's "today".
  const thietBi = communes.flatMap((c, k) => {
    const one = (loai: 'CUM_LOA_IP' | 'BANG_TIN_DIEN_TU', n: number) => {
      const r = rng.int(0, 99);
      const trangThai = r < 80 ? 'HOAT_DONG' : r < 90 ? 'MAT_KET_NOI' : r < 96 ? 'LOI' : 'TAT';
      return {
        MaThietBi: `AG-${loai === 'CUM_LOA_IP' ? 'LOA' : 'BTDT'}-${c.ma}-${String(n).padStart(2, '0')}`,
        LoaiThietBi: loai,
        MaXa: c.ma,
        TenXa: c.ten,
        ViTri: loai === 'CUM_LOA_IP' ? `Trụ loa ấp/khóm số ${n}, ${c.ten}` : `Trụ sở Ủy ban nhân dân ${c.ten}`,
        NgayLapDat: toDmy(rng.date('2021-01-01', '2025-06-30')),
        NhaCungCap: rng.pick(['VNPT', 'Viettel', 'MobiFone']),
        TrangThaiGanNhat: {
          TrangThai: trangThai,
          ThoiDiem: formatTimestampCompact(at('2025-10-31', 23, rng.int(0, 59))),
          ...(trangThai === 'LOI' ? { MaLoi: 'E-AMP', MoTaLoi: 'Bộ khuếch đại công suất không phản hồi' } : {}),
        },
      };
    };
    return [one('CUM_LOA_IP', 1), one('CUM_LOA_IP', 2), ...(k % 3 === 0 ? [one('BANG_TIN_DIEN_TU', 1)] : [])];
  });

  // Quarterly statistics of all 34 provinces as the central system holds them; An Giang's came from its pushes.
  const KY = [['2025-Q1', '2025-04-10'], ['2025-Q2', '2025-07-10'], ['2025-Q3', '2025-10-10']] as const;
  const thongKeTinh = provinces.flatMap((p) => {
    const soXa = p.ma === '91' ? 102 : rng.int(60, 170);
    const base = { soCumLoa: rng.int(300, 1500), soBang: rng.int(5, 60), dai: soXa - rng.int(0, 5), cntt: rng.int(30, 95) };
    return KY.map(([ky, nop], q) => {
      const dai = Math.max(1, base.dai);
      const soLieu = {
        SoXa: soXa,
        SoDaiTruyenThanhCapXa: dai,
        SoDaiUngDungCNTT: Math.min(dai, Math.round((dai * (base.cntt + q * 3)) / 100)),
        SoCumLoa: base.soCumLoa + q * rng.int(0, 40),
        SoBangTinDienTu: base.soBang + q,
        SoTinBaiDaPhat: rng.int(2_000, 15_000),
        SoGioPhatSong: rng.int(3_000, 20_000),
        SoNguoiLamCongTac: soXa * 2 + rng.int(0, 40),
      };
      const tiepNhan = at(nop, rng.int(7, 16), rng.int(0, 59));
      return {
        MaTinh: p.ma,
        TenTinh: p.ten,
        KyBaoCao: ky,
        LanGui: 1,
        MaBienNhan: `BN-${formatTimestampCompact(tiepNhan).slice(2, 8)}-${hex(`${p.ma}${ky}`).slice(0, 10).toUpperCase()}`,
        ThoiGianTiepNhan: formatTimestampCompact(tiepNhan),
        SoLieu: soLieu,
      };
    });
  });

  // What An Giang pushed before: its three quarterly reports and 60 local bulletins, with their receipts.
  const baoCao = thongKeTinh.filter((r) => r.MaTinh === '91').map((r) => ({
    LoaiDuLieu: 'BAO_CAO_THONG_KE',
    Khoa: `${r.KyBaoCao}#${r.LanGui}`,
    BienNhan: { MaBienNhan: r.MaBienNhan, ThoiGianTiepNhan: r.ThoiGianTiepNhan, LoaiDuLieu: 'BAO_CAO_THONG_KE', Khoa: `${r.KyBaoCao}#${r.LanGui}`, TrangThai: 'DA_TIEP_NHAN' },
    DuLieu: {
      KyBaoCao: r.KyBaoCao,
      LanGui: r.LanGui,
      MaTinh: '91',
      CoQuanBaoCao: { MaCoQuan: '000.00.06.H01', TenCoQuan: 'Sở Văn hóa, Thể thao và Du lịch tỉnh An Giang' },
      NguoiBaoCao: { HoTen: population.people[7]!.hoVaTen, ChucVu: 'Chuyên viên phòng Thông tin cơ sở' },
      SoLieu: r.SoLieu,
    },
  }));
  const banTin = Array.from({ length: 60 }, (_, i) => {
    const c = communes[(i * 7) % communes.length]!;
    const loai = (['BAN_TIN_PHAT_THANH', 'BAN_TIN_PHAT_THANH', 'BAN_TIN_DIEN_TU'] as const)[i % 3]!;
    const phat = at(rng.date('2025-07-01', '2025-10-31'), rng.pick([6, 11, 17]), 0);
    const tiepNhan = new Date(phat.getTime() + rng.int(5, 90) * 60_000);
    const khoa = `AG-BT-${formatTimestampCompact(phat).slice(0, 8)}-${String(i + 1).padStart(3, '0')}`;
    const maTep = khoa.toLowerCase();
    const [bai, chuDe] = BAI_DIA_PHUONG[i % BAI_DIA_PHUONG.length]!;
    const tieuDe = `${c.ten}: ${bai}`;
    const donVi = `${NHA_DAI[i % 2]} ${lower1(c.ten)}`;
    return {
      LoaiDuLieu: 'BAN_TIN',
      Khoa: khoa,
      BienNhan: {
        MaBienNhan: `BN-${formatTimestampCompact(tiepNhan).slice(2, 8)}-${hex(khoa).slice(0, 10).toUpperCase()}`,
        ThoiGianTiepNhan: formatTimestampCompact(tiepNhan),
        LoaiDuLieu: 'BAN_TIN',
        Khoa: khoa,
        TrangThai: 'DA_TIEP_NHAN',
      },
      DuLieu: {
        MaBanTin: khoa,
        LoaiNoiDung: loai,
        TieuDe: tieuDe,
        NoiDung: `${tieuDe}. ${donVi} thông tin đến bà con.`,
        ChuDe: CHU_DE[chuDe]!,
        DonViSanXuat: { TenDonVi: donVi, MaXa: c.ma },
        NgayPhat: formatTimestampCompact(phat),
        TepDinhKem:
          loai === 'BAN_TIN_DIEN_TU'
            ? [{ TenTep: `${maTep}.jpg`, DinhDang: 'image/jpeg', DuongDan: `https://thongtinnguon.angiang.gov.vn/tep/${maTep}.jpg`, DungLuong: rng.int(80_000, 300_000) }]
            : [{ TenTep: `${maTep}.mp3`, DinhDang: 'audio/mpeg', DuongDan: `https://thongtinnguon.angiang.gov.vn/tep/${maTep}.mp3`, DungLuong: 300 * 16_000, ThoiLuongGiay: 300 }],
      },
    };
  });
  banTin.sort((a, b) => (a.BienNhan.ThoiGianTiepNhan < b.BienNhan.ThoiGianTiepNhan ? -1 : 1));
  return { noiDung, thietBi, thongKeTinh, daGui: [...baoCao, ...banTin] };
};
