import { catalogSeedBuilder } from '../_shared/catalog.js';
import { communeGeo, metresToDegrees } from '../_shared/geo.js';
import type { Address, Population, SeedBuilder, SeedRng } from '../_shared/population.js';
import { loadAdministrativeUnits, type Commune } from '../_shared/units.js';
import { toDmy, toWireAddress } from '../_shared/wire.js';
import { ALPHABET, MA_BUU_CHINH_TINH } from './codes.js';

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

/** 90NNN / 91NNN by the commune's former province, in steps of 50 in the order of the sample. */
function communePostcodes(communes: Commune[]): Map<string, string> {
  const next: Record<string, number> = { '89': 0, '91': 0 };
  return new Map(
    communes.map((c) => {
      const cu = communeGeo(c.ma).maTinhCu;
      const code = `${MA_BUU_CHINH_TINH[cu].slice(0, 2)}${100 + 50 * next[cu]!++}`;
      return [c.ma, code];
    }),
  );
}

/** One digital address per household home and per company head office (people of a household share one). */
function digitalAddresses(population: Population, postcodes: Map<string, string>, rng: SeedRng) {
  const places = new Map<string, { address: Address; loai: string; ten?: string }>();
  for (const p of population.people) if (!places.has(p.maHoGiaDinh)) places.set(p.maHoGiaDinh, { address: p.thuongTru, loai: 'Nhà ở' });
  for (const c of population.companies) places.set(c.msdn, { address: c.diaChiTruSo, loai: 'Trụ sở doanh nghiệp', ten: c.tenTiengViet });
  const used = new Set<string>();
  return [...places.values()].map(({ address, loai, ten }) => {
    const postcode = postcodes.get(address.maXa)!;
    let code: string;
    do code = `${postcode}-${Array.from({ length: 4 }, () => ALPHABET[rng.int(0, ALPHABET.length - 1)]).join('')}`;
    while (used.has(code));
    used.add(code);
    const g = communeGeo(address.maXa);
    // Within about 1.5 km of the commune centre (the islands of Phú Quốc spread wider).
    const spread = address.maXa === '30184' ? 6000 : 1500;
    const { dLat, dLon } = metresToDegrees(g.viDo, rng.int(-spread, spread), rng.int(-spread, spread));
    return {
      MaVpostcode: code,
      MaBuuChinh: postcode,
      LoaiDiaDiem: loai,
      ...(ten ? { TenDiaDiem: ten } : {}),
      DiaChi: toWireAddress(address),
      ViDo: round6(g.viDo + dLat),
      KinhDo: round6(g.kinhDo + dLon),
      NgayCapNhat: toDmy(rng.date('2025-07-01', '2025-10-31')),
    };
  });
}

export const buildSeed: SeedBuilder = (population, rng) => {
  const units = loadAdministrativeUnits();
  const postcodes = communePostcodes(units.communes);
  const { seed, add } = catalogSeedBuilder();
  const tinh = (ma: '89' | '91', ten: string, maTinh: string) => ({ Ma: MA_BUU_CHINH_TINH[ma], Ten: ten, MaTinh: maTinh, CapHanhChinh: 'Tỉnh' });
  add(
    {
      MaDanhMuc: 'DM_MA_BUU_CHINH',
      TenDanhMuc: 'Mã bưu chính quốc gia',
      CoQuanBanHanh: 'Bộ Thông tin và Truyền thông',
      MoTa: 'Mã bưu chính 5 chữ số của tỉnh và các xã (mẫu: tỉnh An Giang); phiên bản trước 01/7/2025 chỉ có mã cấp tỉnh của hai tỉnh cũ',
    },
    [
      {
        v: { PhienBan: '2018-01', NgayHieuLuc: '01/01/2018', NgayHetHieuLuc: '30/06/2025', CanCuPhapLy: 'Quyết định 2475/QĐ-BTTTT năm 2017 ban hành Mã bưu chính quốc gia' },
        items: [tinh('89', 'Tỉnh An Giang', '89'), tinh('91', 'Tỉnh Kiên Giang', '91')],
      },
      {
        v: { PhienBan: '2025-07', NgayHieuLuc: '01/07/2025', CanCuPhapLy: 'Mã bưu chính quốc gia cập nhật theo đơn vị hành chính từ 01/7/2025' },
        items: [
          tinh('89', 'Tỉnh An Giang', '91'),
          ...units.communes.map((c) => {
            const g = communeGeo(c.ma);
            return {
              Ma: postcodes.get(c.ma)!,
              Ten: c.ten,
              MaCha: MA_BUU_CHINH_TINH['89'],
              MaTinh: '91',
              MaXa: c.ma,
              CapHanhChinh: 'Xã',
              BuuCucTrungTam: `Bưu cục ${c.ten.replace(/^(Phường|Xã|Đặc khu) /, '')}`,
              ViDo: g.viDo,
              KinhDo: g.kinhDo,
            };
          }),
        ],
      },
    ],
  );
  return { ...seed, diaChiSo: digitalAddresses(population, postcodes, rng) };
};
