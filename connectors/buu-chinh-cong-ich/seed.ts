import { readFileSync } from 'node:fs';
import { formatTimestampCompact, makeMaHoSo } from '../../src/core/identifiers.js';
import type { SeedBuilder, SeedRng } from '../_shared/population.js';
import { toDmy, toWireAddress } from '../_shared/wire.js';
import {
  AG_MOT_CUA_AGENCY, AG_MOT_CUA_DIA_CHI, AG_MOT_CUA_SDT, AG_MOT_CUA_TEN, cuoc, LY_DO_PHAT_KHONG_THANH_CONG, makeMaVanDon,
  soNgayDuKien, type LoaiDon, type TrangThai,
} from './codes.js';
import { nguoiNhan, noteXuLy, tenBuuCuc, toView, type DonHang, type YeuCauXuLy } from './don-hang.js';

interface Units {
  versions: Array<{ version: string; provinces: Array<{ ma: string; ten: string }> }>;
  communes: Record<string, Array<{ ma: string; ten: string }>>;
}

/** Procedures whose dossiers travel by post most often (mã TTHC as on the national TTHC database; illustrative). */
const THU_TUC = [
  { ma: '2.000488', ten: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam', thuHo: 200_000 },
  { ma: '1.001193', ten: 'Đăng ký khai sinh', thuHo: 0 },
  { ma: '2.000635', ten: 'Cấp bản sao Trích lục hộ tịch', thuHo: 8_000 },
  { ma: '1.002804', ten: 'Cấp đổi giấy phép lái xe do ngành Giao thông vận tải cấp', thuHo: 135_000 },
  { ma: '2.000720', ten: 'Đăng ký thành lập hộ kinh doanh', thuHo: 100_000 },
  { ma: '1.009994', ten: 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ', thuHo: 75_000 },
];
const LY_DO_HUY: Record<LoaiDon, string[]> = {
  THU_GOM: ['Công dân tự mang hồ sơ đến Bộ phận một cửa', 'Công dân rút hồ sơ'],
  TRA_KET_QUA: ['Công dân đến nhận kết quả trực tiếp tại Bộ phận một cửa', 'Tạo trùng đơn, hủy đơn thừa'],
};

const plusHours = (d: Date, h: number) => new Date(d.getTime() + h * 3_600_000);

/** An 11-digit landline 02xx… (post offices answer on fixed lines). */
const landline = (rng: SeedRng) => `02${String(rng.int(0, 999_999_999)).padStart(9, '0')}`;

export const buildSeed: SeedBuilder = (population, rng) => {
  const units = JSON.parse(readFileSync(new URL('../../reference/administrative-units.json', import.meta.url), 'utf8')) as Units;
  const provinces = units.versions.find((v) => v.version === '2025-07')!.provinces;
  // The national network as far as orders need it: one provincial post office per province, one per An Giang commune.
  const buuCuc = [
    ...provinces.map((p) => ({
      MaBuuCuc: `${p.ma}0000`,
      TenBuuCuc: tenBuuCuc(p.ten),
      Cap: 'TINH' as const,
      MaTinh: p.ma,
      TenTinh: p.ten,
      DiaChi: `Trung tâm ${p.ten}`,
      SoDienThoai: landline(rng),
    })),
    ...(units.communes['91'] ?? []).map((x) => ({
      MaBuuCuc: `91${x.ma.slice(1)}`,
      TenBuuCuc: tenBuuCuc(x.ten),
      Cap: 'XA' as const,
      MaTinh: '91',
      TenTinh: 'Tỉnh An Giang',
      MaXa: x.ma,
      TenXa: x.ten,
      DiaChi: `Trung tâm ${x.ten}, Tỉnh An Giang`,
      SoDienThoai: `0296${String(rng.int(0, 9_999_999)).padStart(7, '0')}`,
    })),
  ];

  // 60 finished orders of An Giang's one-stop centre: mostly delivered; of every ten, numbers 3 and 8 cancelled, and
  // two result deliveries failed: number 4 returned at the centre's request, number 6 delivered again.
  const people = population.people;
  const donHang = Array.from({ length: 60 }, (_, i) => {
    const p = people[(i * 7) % people.length]!;
    const loai: LoaiDon = i % 2 === 0 ? 'TRA_KET_QUA' : 'THU_GOM';
    const tt = THU_TUC[i % THU_TUC.length]!;
    const tao = new Date(`${rng.date('2025-07-01', '2025-10-25')}T${String(rng.int(1, 9)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00Z`);
    const khoiLuong = rng.int(100, 1500);
    const thuHo = loai === 'TRA_KET_QUA' ? tt.thuHo : 0;
    const hen = plusHours(tao, 24 * soNgayDuKien(true));
    const don: DonHang = {
      MaVanDon: makeMaVanDon(loai, rng.int(0, 99_999_999)),
      LoaiDon: loai,
      MaHoSo: makeMaHoSo(AG_MOT_CUA_AGENCY, tao, i + 1),
      MaTTHC: tt.ma,
      TenTTHC: tt.ten,
      KenhThucHien: loai === 'THU_GOM' ? '3' : rng.pick(['1', '2', '3'] as const),
      CongDan: { HoTen: p.hoVaTen, SoDinhDanh: p.soDinhDanh, SoDienThoai: p.soDienThoai, DiaChi: toWireAddress(p.thuongTru) },
      CoQuan: { MaCoQuan: AG_MOT_CUA_AGENCY, TenCoQuan: AG_MOT_CUA_TEN, SoDienThoai: AG_MOT_CUA_SDT, DiaChi: AG_MOT_CUA_DIA_CHI },
      KhoiLuong: khoiLuong,
      SoLuongHoSo: rng.int(1, 3),
      ThuHo: thuHo,
      ...cuoc(khoiLuong, true, thuHo),
      NgayTao: formatTimestampCompact(tao),
      NgayDuKienPhat: toDmy(hen.toISOString()),
    };
    const events: Array<{ to: TrangThai; at: Date; note?: string }> = [{ to: '1', at: tao }];
    const step = (to: TrangThai, hours: number, note?: string) => events.push({ to, at: plusHours(tao, hours), ...(note ? { note } : {}) });
    const result: Record<string, unknown> = {};
    let status: TrangThai = '5';
    if (i % 10 === 3 || i % 10 === 8) {
      don.LyDoHuy = rng.pick(LY_DO_HUY[loai]);
      step('9', 2, don.LyDoHuy);
      status = '9';
    } else {
      step('2', 3);
      step('3', 6);
      if (i % 10 === 4 || i % 10 === 6) {
        step('6', 26);
        result.LyDoPhatKhongThanhCong = LY_DO_PHAT_KHONG_THANH_CONG;
        const at = plusHours(tao, 30);
        const yc: YeuCauXuLy = {
          MaYeuCau: `XL-${formatTimestampCompact(at).slice(2, 8)}-${String(i).padStart(4, '0')}`,
          HuongXuLy: i % 10 === 4 ? 'CHUYEN_HOAN' : 'PHAT_LAI',
          ThoiGian: formatTimestampCompact(at),
        };
        don.YeuCauXuLy = [yc];
        if (yc.HuongXuLy === 'CHUYEN_HOAN') {
          step('7', 30, noteXuLy(yc));
          step('8', 72);
          status = '8';
        } else {
          step('3', 30, noteXuLy(yc));
          step('5', 50);
        }
      } else {
        step('5', 22);
      }
    }
    if (status === '5') {
      result.KetQuaPhat = { ThoiGianPhat: formatTimestampCompact(events[events.length - 1]!.at), NguoiKyNhan: nguoiNhan(don) };
    }
    return toView(don, status, events, result);
  });
  return { buuCuc, donHang };
};
