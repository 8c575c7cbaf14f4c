import { catalogSeedBuilder } from '../_shared/catalog.js';
import { communeGeo } from '../_shared/geo.js';
import type { SeedBuilder, SeedRng } from '../_shared/population.js';
import { loadAdministrativeUnits } from '../_shared/units.js';
import { toDmy } from '../_shared/wire.js';
import { BANKS, DUONG, LOAI_TCTD, NGOAI_TE, TEN_CHI_NHANH, type Bank } from './codes.js';

const NHNN = 'Ngân hàng Nhà nước Việt Nam';
const CAN_CU_TCTD = 'Luật Các tổ chức tín dụng 2024 (hiệu lực 01/7/2024)';
/** The exchange-rate series cover the population's months after the province merger: 1/7–31/10/2025. */
const TU_NGAY = '2025-07-01';
const DEN_NGAY = '2025-10-31';

const bankItem = (b: Bank, i: number, renamed: boolean) => {
  const n = renamed && b.doiTen2025 ? b.doiTen2025 : b;
  return { Ma: b.ma, Ten: n.ten, TenVietTat: n.tenVietTat, MaBIN: `971${String(i + 1).padStart(3, '0')}`, LoaiHinh: n.loai };
};

function branches(rng: SeedRng) {
  const communes = new Map(loadAdministrativeUnits().communes.map((c) => [c.ma, c.ten]));
  return BANKS.flatMap((b) =>
    b.chiNhanh.map((maXa, i) => {
      const street = rng.pick(DUONG[maXa]!);
      const tenXa = communes.get(maXa)!;
      return {
        // Province part = the province code when the branch code was issued (89 An Giang cũ, 91 Kiên Giang cũ).
        Ma: `${communeGeo(maXa).maTinhCu}${b.ma}${String(i + 1).padStart(3, '0')}`,
        Ten: `${b.doiTen2025?.tenVietTat ?? b.tenVietTat} - Chi nhánh ${TEN_CHI_NHANH[maXa]}`,
        MaCha: b.ma,
        MaTinh: '91',
        MaXa: maXa,
        DiaChi: `Số ${rng.int(1, 320)} đường ${street}, ${tenXa}, Tỉnh An Giang`,
      };
    }),
  );
}

const isoDays = (from: string, to: string) => {
  const out: string[] = [];
  for (let d = Date.parse(`${from}T00:00:00Z`); d <= Date.parse(`${to}T00:00:00Z`); d += 86_400_000) out.push(new Date(d).toISOString().slice(0, 10));
  return out;
};
const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();

/** Central USD rate each working day (a small random walk near the 2025 level), and weekly cross rates from Thursdays. */
function rates(rng: SeedRng) {
  let rate = 25_030;
  const tyGiaTrungTam = isoDays(TU_NGAY, DEN_NGAY)
    .filter((d) => weekday(d) !== 0 && weekday(d) !== 6)
    .map((d) => {
      rate += rng.int(-9, 12);
      return { Ngay: toDmy(d), MaNgoaiTe: 'USD', TyGia: rate };
    });
  const centralOn = new Map(tyGiaTrungTam.map((r) => [r.Ngay, r.TyGia]));
  const tyGiaTinhCheo = isoDays(TU_NGAY, DEN_NGAY)
    .filter((d) => weekday(d) === 4)
    .flatMap((thu) => {
      const den = new Date(Date.parse(`${thu}T00:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10);
      const central = centralOn.get(toDmy(thu))!;
      return NGOAI_TE.filter((c) => c.ma !== 'USD').map((c) => ({
        TuNgay: toDmy(thu),
        DenNgay: toDmy(den),
        MaNgoaiTe: c.ma,
        TenNgoaiTe: c.ten,
        TyGia: Math.round(central * c.usd * (1 + rng.int(-150, 150) / 10_000) * 100) / 100,
      }));
    });
  return { tyGiaTrungTam, tyGiaTinhCheo };
}

export const buildSeed: SeedBuilder = (_population, rng) => {
  const { seed, add } = catalogSeedBuilder();
  add(
    { MaDanhMuc: 'DM_LOAI_TCTD', TenDanhMuc: 'Danh mục loại hình tổ chức tín dụng', CoQuanBanHanh: NHNN, MoTa: 'Loại hình ngân hàng, tổ chức tín dụng phi ngân hàng' },
    [{ v: { PhienBan: '2024-07', NgayHieuLuc: '01/07/2024', CanCuPhapLy: CAN_CU_TCTD }, items: LOAI_TCTD.map(([Ma, Ten]) => ({ Ma, Ten })) }],
  );
  add(
    { MaDanhMuc: 'DM_NGAN_HANG', TenDanhMuc: 'Danh mục ngân hàng', CoQuanBanHanh: NHNN, MoTa: 'Ngân hàng đang hoạt động: mã ngân hàng, tên, tên viết tắt, mã BIN, loại hình' },
    [
      { v: { PhienBan: '2024-07', NgayHieuLuc: '01/07/2024', NgayHetHieuLuc: '30/06/2025', CanCuPhapLy: CAN_CU_TCTD }, items: BANKS.map((b, i) => bankItem(b, i, false)) },
      {
        v: { PhienBan: '2025-07', NgayHieuLuc: '01/07/2025', CanCuPhapLy: `${CAN_CU_TCTD}; đổi tên các ngân hàng được chuyển giao bắt buộc` },
        items: BANKS.map((b, i) => bankItem(b, i, true)),
      },
    ],
  );
  add(
    { MaDanhMuc: 'DM_CHI_NHANH_NH', TenDanhMuc: 'Danh mục chi nhánh ngân hàng trên địa bàn tỉnh An Giang', CoQuanBanHanh: NHNN, MoTa: 'Mã chi nhánh 8 chữ số, mã cha là mã ngân hàng' },
    [{ v: { PhienBan: '2025-07', NgayHieuLuc: '01/07/2025', CanCuPhapLy: 'Quy định về mã ngân hàng dùng trong hoạt động nghiệp vụ ngân hàng' }, items: branches(rng) }],
  );
  add(
    { MaDanhMuc: 'DM_NGOAI_TE', TenDanhMuc: 'Danh mục ngoại tệ', CoQuanBanHanh: NHNN, MoTa: 'Mã ngoại tệ theo ISO 4217' },
    [{ v: { PhienBan: '2015-01', NgayHieuLuc: '01/01/2015', CanCuPhapLy: 'ISO 4217' }, items: NGOAI_TE.map((c) => ({ Ma: c.ma, Ten: c.ten })) }],
  );
  return { ...seed, ...rates(rng) };
};
