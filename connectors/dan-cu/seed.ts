import type { Person, SeedBuilder } from '../_shared/population.js';
import { toCompactDate, toWireAddress } from '../_shared/wire.js';
import { TINH_TRANG_HON_NHAN } from './codes.js';

/**
 * Every person of the shared population as a full CongDan record (wire names), so a citizen found here is the same
 * one the other connectors know. Responses are projections of these records, cut to what the purpose allows.
 */
export const buildSeed: SeedBuilder = (population, rng) => {
  const heads = new Map<string, Person>();
  for (const p of population.people) if (p.quanHeChuHo === 'Chủ hộ') heads.set(p.maHoGiaDinh, p);
  const congDan = population.people.map((p) => {
    const head = heads.get(p.maHoGiaDinh) ?? p;
    // About one in seven lives (tạm trú) somewhere other than the registered permanent address.
    const elsewhere = rng.bool(0.15) ? rng.pick(population.people.filter((o) => o.maHoGiaDinh !== p.maHoGiaDinh)) : null;
    return {
      SoDinhDanh: p.soDinhDanh,
      ...(p.soCmnd ? { SoCMND: p.soCmnd } : {}),
      HoVaTen: p.hoVaTen,
      NgayThangNamSinh: toCompactDate(p.ngaySinh),
      GioiTinh: p.gioiTinh === 'nam' ? '1' : '2',
      DanToc: p.danToc,
      TonGiao: p.tonGiao,
      QuocTich: p.quocTich,
      QueQuan: p.queQuan,
      NoiThuongTru: toWireAddress(p.thuongTru),
      NoiOHienTai: toWireAddress(elsewhere ? elsewhere.thuongTru : p.thuongTru),
      TinhTrangHonNhan: TINH_TRANG_HON_NHAN[p.tinhTrangHonNhan],
      HoTenCha: p.hoTenCha,
      HoTenMe: p.hoTenMe,
      ChuHo: { HoVaTen: head.hoVaTen, QuanHe: p.quanHeChuHo },
      MaHoGiaDinh: p.maHoGiaDinh,
      NgheNghiep: p.ngheNghiep,
      SoDienThoai: p.soDienThoai,
      NgayCapCCCD: toCompactDate(p.ngayCapCccd),
    };
  });
  return { congDan };
};
