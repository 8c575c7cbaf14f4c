import { catalogSeedBuilder } from '../_shared/catalog.js';
import { communeGeo, metresToDegrees } from '../_shared/geo.js';
import type { Person, SeedBuilder, SeedRng } from '../_shared/population.js';
import { loadAdministrativeUnits } from '../_shared/units.js';
import { toDmy } from '../_shared/wire.js';
import { coQuanCap, LOAI_DAT_2014, LOAI_DAT_2024_DOI_TEN, LOAI_DAT_2024_THEM, NGUON_GOC, NHOM_DAT, QUY_HOACH_TINH } from './codes.js';

const BTNMT = 'Bộ Tài nguyên và Môi trường';
const TEN_LOAI = new Map(LOAI_DAT_2014.map(([ma, ten]) => [ma, ten]));
const round2 = (n: number) => Math.round(n * 100) / 100;
const round7 = (n: number) => Math.round(n * 1e7) / 1e7;
const NGAN_HANG = ['Agribank - Chi nhánh An Giang', 'Vietcombank - Chi nhánh Kiên Giang', 'BIDV - Chi nhánh An Giang', 'KienlongBank - Chi nhánh An Giang'];

function catalogs() {
  const { seed, add } = catalogSeedBuilder();
  const groups = NHOM_DAT.map(([Ma, Ten]) => ({ Ma, Ten }));
  const types2014 = LOAI_DAT_2014.map(([Ma, Ten, MaCha]) => ({ Ma, Ten, MaCha }));
  add(
    { MaDanhMuc: 'DM_LOAI_DAT', TenDanhMuc: 'Danh mục loại đất (mục đích sử dụng đất)', CoQuanBanHanh: BTNMT, MoTa: 'Mã loại đất dùng trong hồ sơ địa chính, thống kê, kiểm kê; mã cha là nhóm đất' },
    [
      { v: { PhienBan: '2014-07', NgayHieuLuc: '01/07/2014', NgayHetHieuLuc: '31/07/2024', CanCuPhapLy: 'Luật Đất đai 2013; Thông tư 28/2014/TT-BTNMT về thống kê, kiểm kê đất đai' }, items: [...groups, ...types2014] },
      {
        v: { PhienBan: '2024-08', NgayHieuLuc: '01/08/2024', CanCuPhapLy: 'Luật Đất đai 2024 (hiệu lực 01/8/2024) và các thông tư hướng dẫn' },
        items: [...groups, ...types2014.map((t) => ({ ...t, Ten: LOAI_DAT_2024_DOI_TEN[t.Ma] ?? t.Ten })), ...LOAI_DAT_2024_THEM.map(([Ma, Ten, MaCha]) => ({ Ma, Ten, MaCha }))],
      },
    ],
  );
  add(
    { MaDanhMuc: 'DM_NGUON_GOC_SD', TenDanhMuc: 'Danh mục nguồn gốc sử dụng đất', CoQuanBanHanh: BTNMT, MoTa: 'Nguồn gốc sử dụng ghi trên Giấy chứng nhận' },
    [{ v: { PhienBan: '2014-07', NgayHieuLuc: '01/07/2014', CanCuPhapLy: 'Thông tư 23/2014/TT-BTNMT về Giấy chứng nhận quyền sử dụng đất' }, items: NGUON_GOC.map(([Ma, Ten]) => ({ Ma, Ten })) }],
  );
  return seed;
}

/** A rectangle of `area` m² (ratio 1:2.5, turned by `angle`) around a centre, as a closed GeoJSON ring in WGS84. */
function footprint(lat: number, lon: number, area: number, angle: number): number[][] {
  const w = Math.sqrt(area / 2.5);
  const l = w * 2.5;
  const corners = [[-w / 2, -l / 2], [w / 2, -l / 2], [w / 2, l / 2], [-w / 2, l / 2]].map(([x, y]) => {
    const east = x! * Math.cos(angle) - y! * Math.sin(angle);
    const north = x! * Math.sin(angle) + y! * Math.cos(angle);
    const { dLat, dLon } = metresToDegrees(lat, north, east);
    return [round7(lon + dLon), round7(lat + dLat)];
  });
  return [...corners, corners[0]!];
}

/** What a parcel is used for, by where it lies: town plots are house land, villages house land with orchard, fields rice. */
function uses(urban: boolean, rng: SeedRng): Array<{ ma: string; m2: number }> {
  const kind = rng.int(0, 9);
  if (urban) return kind < 8 ? [{ ma: 'ODT', m2: rng.int(60, 280) }] : [{ ma: 'ODT', m2: rng.int(80, 150) }, { ma: 'CLN', m2: rng.int(100, 600) }];
  if (kind < 5) return [{ ma: 'ONT', m2: rng.int(100, 300) }, { ma: 'CLN', m2: rng.int(200, 1800) }];
  if (kind < 8) return [{ ma: 'LUC', m2: rng.int(1500, 15000) }];
  return [{ ma: 'NTS', m2: rng.int(800, 6000) }];
}

export const buildSeed: SeedBuilder = (population, rng) => {
  const units = loadAdministrativeUnits();
  const tenXa = new Map(units.communes.map((c) => [c.ma, c]));
  const byHousehold = new Map<string, Person[]>();
  for (const p of population.people) byHousehold.set(p.maHoGiaDinh, [...(byHousehold.get(p.maHoGiaDinh) ?? []), p]);
  const owners = population.people.filter((p) => p.quanHeChuHo === 'Chủ hộ' && p.ngaySinh < '2000-01-01');
  const usedNumbers = new Set<string>();
  const usedSerials = new Set<string>();

  const thuaDat = owners.flatMap((owner, k) =>
    Array.from({ length: k % 4 === 0 ? 2 : 1 }, (_, j) => {
      const commune = tenXa.get(owner.thuongTru.maXa)!;
      const urban = commune.loai === 'phuong';
      let soTo: number;
      let soThua: number;
      do {
        soTo = rng.int(1, 45);
        soThua = rng.int(1, 650);
      } while (usedNumbers.has(`${commune.ma}|${soTo}|${soThua}`));
      usedNumbers.add(`${commune.ma}|${soTo}|${soThua}`);
      const mucDich = uses(urban && j === 0, rng);
      mucDich[0]!.m2 = round2(mucDich[0]!.m2 + rng.int(0, 99) / 100);
      // The parcel's area is the sum of its uses.
      const dienTich = round2(mucDich.reduce((a, u) => a + u.m2, 0));
      const spouse = (byHousehold.get(owner.maHoGiaDinh) ?? []).find((p) => p.quanHeChuHo === 'Vợ' || p.quanHeChuHo === 'Chồng');
      const ngayCap = rng.date('2005-01-01', '2025-10-15');
      // Serials: 2 letters + 6 digits on the pre-2024 form, 2 letters + 8 digits on the form in use from 1/8/2024.
      let soPhatHanh: string;
      do soPhatHanh = ngayCap < '2024-08-01' ? `${rng.pick(['BA', 'BD', 'BK', 'CH', 'CS', 'CT', 'DA', 'DB'])} ${String(rng.int(1, 999_999)).padStart(6, '0')}` : `AA ${String(rng.int(1, 99_999_999)).padStart(8, '0')}`;
      while (usedSerials.has(soPhatHanh));
      usedSerials.add(soPhatHanh);
      const g = communeGeo(commune.ma);
      const { dLat, dLon } = metresToDegrees(g.viDo, rng.int(-2500, 2500), rng.int(-2500, 2500));
      const theChap = rng.bool(0.2);
      const mainUse = mucDich[0]!.ma;
      const road = urban && rng.bool(0.25) ? round2(Math.min(dienTich * 0.15, rng.int(5, 40))) : 0;
      const nguonGoc = mainUse === 'LUC' || mainUse === 'NTS' ? 'CN-KTT' : rng.pick(['CN-CTT', 'DG-CTT', 'CN-CTT']);
      return {
        MaXa: commune.ma,
        TenXa: commune.ten,
        SoToBanDo: soTo,
        SoThua: soThua,
        DienTich: dienTich,
        DiaChiThuaDat: `${owner.thuongTru.chiTiet.split(', ').at(-1)}, ${commune.ten}, Tỉnh An Giang`,
        MucDichSuDung: mucDich.map((u) => ({
          MaLoaiDat: u.ma,
          TenLoaiDat: TEN_LOAI.get(u.ma)!,
          DienTich: u.m2,
          ThoiHanSuDung: u.ma === 'ODT' || u.ma === 'ONT' ? 'Lâu dài' : `Đến ngày ${toDmy(`${Number(ngayCap.slice(0, 4)) + 50}${ngayCap.slice(4).replace('-02-29', '-02-28')}`)}`,
        })),
        NguonGocSuDung: nguonGoc,
        ChuSuDung: [owner, ...(spouse && j === 0 ? [spouse] : [])].map((p) => ({
          HoVaTen: p.hoVaTen,
          SoDinhDanh: p.soDinhDanh,
          NamSinh: Number(p.ngaySinh.slice(0, 4)),
          DiaChiThuongTru: p.thuongTru.diaChi,
        })),
        GiayChungNhan: {
          SoPhatHanh: soPhatHanh,
          SoVaoSo: `CS${String(rng.int(1, 99_999)).padStart(5, '0')}`,
          NgayCap: toDmy(ngayCap),
          CoQuanCap: coQuanCap(ngayCap),
        },
        TinhTrangPhapLy: {
          DangTheChap: theChap,
          ...(theChap ? { BenNhanTheChap: rng.pick(NGAN_HANG) } : {}),
          DangTranhChap: rng.bool(0.04),
          DangKeBien: false,
        },
        QuyHoach: {
          QuyHoachSuDungDat: QUY_HOACH_TINH,
          ChucNangQuyHoach: mainUse,
          KeHoachSuDungDatNam: 2025,
          ThuocDienThuHoi: road > 0 && rng.bool(0.3),
          ...(road > 0 ? { DienTichQuyHoachGiaoThong: road } : {}),
        },
        HinhHoc: { type: 'Polygon', coordinates: [footprint(g.viDo + dLat, g.kinhDo + dLon, dienTich, rng.int(0, 89) * (Math.PI / 180))] },
      };
    }),
  );

  // Land statistics 2024 by commune (ha): a commune's area split over its main uses, summing to the total.
  const thongKeDatDai = units.communes.map((c) => {
    const urban = c.loai === 'phuong';
    const total = rng.int(urban ? 800 : 3000, urban ? 3500 : 22000);
    const weights: Array<[string, number]> = urban
      ? [['ODT', 30], ['CLN', 10], ['LUC', 15], ['NTS', 5], ['DGT', 12], ['DTL', 6], ['SON', 10], ['TMD', 5], ['SKC', 4], ['BCS', 3]]
      : [['LUC', 55], ['CLN', 10], ['NTS', 8], ['ONT', 6], ['DGT', 4], ['DTL', 6], ['SON', 6], ['RPH', 2], ['BCS', 3]];
    const jittered = weights.map(([ma, w]) => [ma, w * (0.8 + rng.int(0, 40) / 100)] as const);
    const sum = jittered.reduce((a, [, w]) => a + w, 0);
    const parts = jittered.map(([ma, w]) => ({ MaLoaiDat: ma, DienTich: round2((total * w) / sum) }));
    // Rounding remainder goes to the largest use, so the parts add up exactly.
    const diff = round2(total - parts.reduce((a, p) => a + p.DienTich, 0));
    parts[0]!.DienTich = round2(parts[0]!.DienTich + diff);
    return { MaXa: c.ma, TenXa: c.ten, NamThongKe: 2024, TongDienTich: total, ChiTiet: parts };
  });

  return { ...catalogs(), thuaDat, thongKeDatDai };
};
