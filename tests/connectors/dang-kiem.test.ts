/**
 * Đăng kiểm lookups: plate spellings, VIN case, validity computed for today (dates rolled from the seed's date, so
 * the valid/lapsed split does not depend on when the tests run), the expired-inspection scenario and the owners
 * drawn from the shared population.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../src/config.js';
import { startTestSim, type TestSim } from '../helpers/sim.js';

const BASE = '/apiDangKiem/1.0';
let t: TestSim;
let auth: Record<string, string>;
let seed: any[];

beforeAll(async () => {
  t = await startTestSim('dang-kiem');
  auth = await t.auth();
  seed = t.sim.registry.get('dang-kiem')!.seed.phuongTien as any[];
});
afterAll(async () => t?.close());

const get = (op: string, params: Record<string, string>, scenario?: string) =>
  t.http.get(`${BASE}/${op}`, { params, headers: { ...auth, ...(scenario ? { 'X-Mock-Scenario': scenario } : {}) } });
const iso = (dmy: string) => `${dmy.slice(6)}-${dmy.slice(3, 5)}-${dmy.slice(0, 2)}`;

describe('đăng kiểm', () => {
  it('finds a vehicle however the plate is spelt, and refuses what is not a plate', async () => {
    const v = seed[5];
    const compact = v.BienSo.replace(/[-.]/g, '').toLowerCase();
    const res = await get('traCuuTheoBienSo', { bienSo: compact });
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({ BienSo: v.BienSo, ThongSoKyThuat: { SoKhung: v.ThongSoKyThuat.SoKhung } });
    const bad = await get('traCuuTheoBienSo', { bienSo: '67A-ABC.12' });
    expect(bad.status).toBe(400);
    expect(bad.data.error.field).toBe('bienSo');
    expect((await get('traCuuTheoBienSo', { bienSo: '67A-999.99' })).status).toBe(404);
  });

  it('finds a vehicle by VIN in any case', async () => {
    const v = seed[9];
    const res = await get('traCuuTheoSoKhung', { soKhung: v.ThongSoKyThuat.SoKhung.toLowerCase() });
    expect(res.data.BienSo).toBe(v.BienSo);
  });

  it('tells valid from lapsed inspections as the seed intends, whatever today is', async () => {
    const sample = seed.filter((_, i) => i % 7 === 0 || i % 13 === 6);
    for (const v of sample) {
      const res = await get('traCuuTheoBienSo', { bienSo: v.BienSo });
      const lapsed = v.KiemDinhGanNhat.HanHieuLuc && iso(v.KiemDinhGanNhat.HanHieuLuc) < '2025-11-01';
      const tooOld = v.NamHetNienHan !== undefined && new Date().getUTCFullYear() > v.NamHetNienHan;
      const expected = tooOld ? 'HET_NIEN_HAN' : lapsed ? 'HET_HIEU_LUC' : 'CON_HIEU_LUC';
      expect(res.data.TinhTrangKiemDinh.TrangThai, v.BienSo).toBe(expected);
      const daysLeft = Math.round((Date.parse(iso(res.data.KiemDinhGanNhat.HanHieuLuc)) - Date.parse(new Date().toISOString().slice(0, 10))) / 86_400_000);
      expect(res.data.TinhTrangKiemDinh.SoNgayConLai).toBe(daysLeft);
    }
    expect(seed.filter((v) => iso(v.KiemDinhGanNhat.HanHieuLuc) < '2025-11-01').length).toBeGreaterThan(5);
  });

  it('scenario het-han-dang-kiem: the inspection expired yesterday, history moved with it', async () => {
    const v = seed[3];
    const res = await get('lichSuKiemDinh', { bienSo: v.BienSo }, 'het-han-dang-kiem');
    expect(res.data.TinhTrangKiemDinh).toMatchObject({ ConHieuLuc: false, SoNgayConLai: -1 });
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    expect(iso(res.data.DanhSach.find((l: any) => l.KetQua === 'DAT').HanHieuLuc)).toBe(yesterday);
  });

  it('owners come from the shared population; business vehicles carry yellow plates', () => {
    const people = new Set(JSON.parse(readFileSync(path.join(ROOT_DIR, 'mocks/_population/people.json'), 'utf8')).map((p: any) => p.soDinhDanh));
    const companies = new Set(JSON.parse(readFileSync(path.join(ROOT_DIR, 'mocks/_population/companies.json'), 'utf8')).map((c: any) => c.msdn));
    for (const v of seed) {
      const o = v.ChuPhuongTien;
      expect(o.LoaiChu === 'CA_NHAN' ? people.has(o.SoDinhDanh) : companies.has(o.MaSoDoanhNghiep), v.BienSo).toBe(true);
      expect(v.MauBien === 'VANG').toBe(v.KinhDoanhVanTai);
    }
    expect(new Set(seed.map((v) => v.BienSo)).size).toBe(seed.length);
  });
});
