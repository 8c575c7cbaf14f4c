/**
 * Quản lý vận tải: the dossier list filters, the status-sync feed (ordered, paged, from a point in time), badges by
 * plate, and the coherence with đăng kiểm (one shared fleet: a badged vehicle is a business vehicle of the same owner).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSim, type TestSim } from '../helpers/sim.js';

const BASE = '/apiQLVT/1.0';
let t: TestSim;
let auth: Record<string, string>;
let seed: any;

beforeAll(async () => {
  t = await startTestSim('quan-ly-van-tai');
  auth = await t.auth();
  seed = t.sim.registry.get('quan-ly-van-tai')!.seed;
});
afterAll(async () => t?.close());

const get = (op: string, params: Record<string, string>) => t.http.get(`${BASE}/${op}`, { params, headers: auth });

describe('quản lý vận tải', () => {
  it('lists the province’s dossiers by status and reception date, newest first', async () => {
    const waiting = (await get('danhSachHoSo', { maTinh: '91', trangThai: '5', soBanGhi: '100' })).data;
    expect(waiting.TongSo).toBe(seed.hoSoTTHC.filter((h: any) => h.TrangThaiHoSo === '5').length);
    expect(waiting.DanhSach.every((h: any) => h.TrangThaiHoSo === '5')).toBe(true);
    const october = (await get('danhSachHoSo', { maTinh: '91', tuNgay: '01/10/2025', denNgay: '31/10/2025', soBanGhi: '100' })).data.DanhSach;
    expect(october.length).toBeGreaterThan(0);
    expect(october.every((h: any) => h.NgayTiepNhan >= '20251001' && h.NgayTiepNhan <= '20251031235959')).toBe(true);
    expect(october.map((h: any) => h.NgayTiepNhan)).toEqual([...october.map((h: any) => h.NgayTiepNhan)].sort().reverse());
    expect((await get('danhSachHoSo', { maTinh: '79' })).data.TongSo).toBe(0);
  });

  it('feeds every processing step since a point in time, oldest first, page by page', async () => {
    const since = '20251020000000';
    const expected = seed.hoSoTTHC.flatMap((h: any) => h.LichSuXuLy).filter((s: any) => s.ThoiDiemXuLy >= since).length;
    const first = (await get('dongBoTrangThai', { tuThoiDiem: since, soBanGhi: '10' })).data;
    expect(first.TongSo).toBe(expected);
    const second = (await get('dongBoTrangThai', { tuThoiDiem: since, soBanGhi: '10', trang: '2' })).data;
    const times = [...first.DanhSach, ...second.DanhSach].map((s: any) => s.ThoiDiemXuLy);
    expect(times.every((x: string) => x >= since)).toBe(true);
    expect(times).toEqual([...times].sort());
    const dossier = (await get('chiTietHoSo', { maHoSo: first.DanhSach[0].MaHoSo })).data;
    expect(dossier.LichSuXuLy.some((s: any) => s.ThoiDiemXuLy === first.DanhSach[0].ThoiDiemXuLy)).toBe(true);
  });

  it('finds a badge by plate in any spelling; a revoked licence’s badges are revoked', async () => {
    const b = seed.phuHieu[4];
    const res = await get('traCuuPhuHieu', { bienSo: b.BienSo.replace(/[-.]/g, '') });
    expect(res.data).toMatchObject({ SoPhuHieu: b.SoPhuHieu, SoGiayPhep: b.SoGiayPhep });
    const revoked = seed.donViKinhDoanh.find((d: any) => d.TrangThai === 'THU_HOI' && d.SoLuongPhuongTien > 0);
    const list = (await get('danhSachPhuHieu', { soGiayPhep: revoked.SoGiayPhep })).data.DanhSach;
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((x: any) => x.TinhTrang === 'THU_HOI')).toBe(true);
  });

  it('finds a household business by its owner’s số định danh', async () => {
    const hkd = seed.donViKinhDoanh.find((d: any) => d.LoaiDonVi === 'HO_KINH_DOANH');
    const res = (await get('danhSachDonVi', { maTinh: '91', maSoThue: hkd.SoDinhDanhChuHo })).data;
    expect(res.DanhSach.map((d: any) => d.SoGiayPhep)).toEqual([hkd.SoGiayPhep]);
  });

  it('shares its fleet with đăng kiểm: every badged vehicle is a business vehicle of the licence holder', () => {
    const vehicles = new Map((t.sim.registry.get('dang-kiem')!.seed.phuongTien as any[]).map((v) => [v.BienSo, v]));
    const units = new Map(seed.donViKinhDoanh.map((d: any) => [d.SoGiayPhep, d]));
    for (const b of seed.phuHieu) {
      const v = vehicles.get(b.BienSo);
      const unit: any = units.get(b.SoGiayPhep);
      expect(v, b.BienSo).toBeDefined();
      expect(v.KinhDoanhVanTai).toBe(true);
      expect(v.ChuPhuongTien.MaSoDoanhNghiep ?? v.ChuPhuongTien.SoDinhDanh).toBe(unit.MaSoDoanhNghiep ?? unit.SoDinhDanhChuHo);
    }
  });
});
