import { catalogSeedBuilder } from '../_shared/catalog.js';
import type { SeedBuilder, SeedRng } from '../_shared/population.js';
import { toDmy } from '../_shared/wire.js';
import { HANG_HOA, HANG_HOA_THEO_NGANH, KY_MAU, TINH_MAU, type HangHoa } from './codes.js';

const item = (h: HangHoa) => ({ Ma: h.ma, Ten: h.ten, MaCha: h.ma.slice(0, 2), DonViTinh: h.donViTinh, LoaiGia: h.loaiGia });
const round100 = (n: number) => Math.round(n / 100) * 100;

/** A receipt the national database gave earlier: `BN-yyyyMMddHHmmss-XXXXXX` (connectors/_shared/push.ts). */
function receivedOn(isoDate: string, rng: SeedRng) {
  const ts = `${isoDate.replace(/-/g, '')}${String(rng.int(7, 16)).padStart(2, '0')}${String(rng.int(0, 59)).padStart(2, '0')}${String(rng.int(0, 59)).padStart(2, '0')}`;
  const hex = Array.from({ length: 6 }, () => '0123456789ABCDEF'[rng.int(0, 15)]).join('');
  return { MaBienNhan: `BN-${ts}-${hex}`, ThoiGianTiepNhan: ts };
}

export const buildSeed: SeedBuilder = (population, rng) => {
  const { seed, add } = catalogSeedBuilder();
  add(
    {
      MaDanhMuc: 'DM_HANG_HOA_DICH_VU',
      TenDanhMuc: 'Danh mục hàng hóa, dịch vụ thực hiện báo cáo giá thị trường',
      CoQuanBanHanh: 'Bộ Tài chính',
      MoTa: 'Mẫu: mã hàng hóa, dịch vụ, đơn vị tính và loại giá dùng trong báo cáo giá thị trường; mã cha là nhóm (LT lương thực, TP thực phẩm, RQ rau quả, NL nhiên liệu, VL vật liệu xây dựng, VG vàng, DV dịch vụ)',
    },
    [
      {
        v: { PhienBan: '2019-01', NgayHieuLuc: '01/01/2019', NgayHetHieuLuc: '30/06/2024', CanCuPhapLy: 'Thông tư 116/2018/TT-BTC quy định cơ sở dữ liệu quốc gia về giá' },
        items: HANG_HOA.filter((h) => !h.tu2024).map(item),
      },
      {
        v: { PhienBan: '2024-07', NgayHieuLuc: '01/07/2024', CanCuPhapLy: 'Luật Giá 2023 và các thông tư hướng dẫn về báo cáo giá thị trường' },
        items: HANG_HOA.filter((h) => !h.den2024).map(item),
      },
    ],
  );

  // National data: each good in five provinces over four months, drifting a little month to month.
  const giaThiTruong = HANG_HOA.filter((h) => !h.den2024).flatMap((h) =>
    TINH_MAU.flatMap((t) => {
      let gia = h.gia * t.heSo;
      return KY_MAU.map((ky) => {
        gia *= 1 + rng.int(-30, 40) / 1000;
        return {
          MaHangHoa: h.ma,
          TenHangHoa: h.ten,
          DonViTinh: h.donViTinh,
          LoaiGia: h.loaiGia,
          MaTinh: t.ma,
          TenTinh: t.ten,
          KyBaoCao: ky,
          Gia: round100(gia),
          NguonSoLieu: `Sở Tài chính ${t.ten}`,
        };
      });
    }),
  );

  // An Giang's monthly reports, as the province pushed them earlier (the source of its rows above).
  const baoCaoGia = KY_MAU.map((ky) => {
    const [mm, yyyy] = ky.split('/') as [string, string];
    const nextMonth = new Date(Date.UTC(Number(yyyy), Number(mm), 3)).toISOString().slice(0, 10);
    const rows = giaThiTruong.filter((r) => r.MaTinh === '91' && r.KyBaoCao === ky);
    return {
      ...receivedOn(nextMonth, rng),
      NoiDung: {
        MaBaoCao: `BCGTT-91-${yyyy}${mm}`,
        MaTinh: '91',
        KyBaoCao: ky,
        CoQuanBaoCao: 'Sở Tài chính tỉnh An Giang',
        NgayBaoCao: toDmy(nextMonth),
        DanhSachGia: rows.map((r) => ({ MaHangHoa: r.MaHangHoa, DonViTinh: r.DonViTinh, GiaKyNay: r.Gia })),
      },
    };
  });

  // Price declarations (kê khai giá) of the population's companies whose line of business has declarable goods.
  const declarers = population.companies.filter((c) => c.tinhTrang === 'dang-hoat-dong' && c.nganhNghe.some((n) => HANG_HOA_THEO_NGANH[n.ma]));
  const keKhaiGia = Array.from({ length: 60 }, (_, i) => {
    const c = declarers[i % declarers.length]!;
    const goods = c.nganhNghe.flatMap((n) => HANG_HOA_THEO_NGANH[n.ma] ?? []).map((ma) => HANG_HOA.find((h) => h.ma === ma)!);
    const ngay = rng.date('2025-07-01', '2025-10-20');
    const thucHien = new Date(Date.parse(`${ngay}T00:00:00Z`) + 5 * 86_400_000).toISOString().slice(0, 10);
    const noiDung = {
      SoVanBanKeKhai: `${String(i + 1).padStart(3, '0')}/2025/KKG-${c.tenVietTat.split(' ')[0]}`,
      MSDN: c.msdn,
      TenDoanhNghiep: c.tenTiengViet,
      NgayKeKhai: toDmy(ngay),
      NgayThucHien: toDmy(thucHien),
      CoQuanTiepNhan: 'Sở Tài chính tỉnh An Giang',
      DanhSachMatHang: goods.map((h) => {
        const truoc = round100(h.gia * (1 + rng.int(-50, 50) / 1000));
        const moi = round100(truoc * (1 + rng.int(-20, 60) / 1000));
        return { MaHangHoa: h.ma, TenHangHoa: h.ten, DonViTinh: h.donViTinh, GiaKeKhaiTruoc: truoc, GiaKeKhai: moi };
      }),
    };
    return { ...receivedOn(ngay, rng), NoiDung: noiDung };
  });
  return { ...seed, giaThiTruong, baoCaoGia, keKhaiGia };
};
