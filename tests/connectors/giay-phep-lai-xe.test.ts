/**
 * GPLX lookups and verification: one citizen's several cards, validity per class for today, revoked and out-of-points
 * licences, strict name matching in verification, and holders taken from the shared population.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../src/config.js';
import { startTestSim, type TestSim } from '../helpers/sim.js';

const BASE = '/apiGPLX/1.0';
let t: TestSim;
let auth: Record<string, string>;
let seed: any[];

beforeAll(async () => {
  t = await startTestSim('giay-phep-lai-xe');
  auth = await t.auth();
  seed = t.sim.registry.get('giay-phep-lai-xe')!.seed.gplx as any[];
});
afterAll(async () => t?.close());

const get = (op: string, params: Record<string, string>) => t.http.get(`${BASE}/${op}`, { params, headers: auth });
const verify = (body: unknown) => t.http.post(`${BASE}/xacThucGPLX`, body, { headers: auth });
const iso = (dmy: string) => `${dmy.slice(6)}-${dmy.slice(3, 5)}-${dmy.slice(0, 2)}`;
const today = () => new Date().toISOString().slice(0, 10);

describe('giấy phép lái xe', () => {
  it('returns every card of a citizen (motorbike and car licences are separate cards)', async () => {
    const counts = new Map<string, number>();
    for (const g of seed) counts.set(g.SoDinhDanh, (counts.get(g.SoDinhDanh) ?? 0) + 1);
    const [id] = [...counts].find(([, n]) => n === 2)!;
    const res = (await get('traCuuTheoSoDinhDanh', { soDinhDanh: id })).data;
    expect(res.DanhSachGPLX.map((g: any) => g.SoGPLX).sort()).toEqual(seed.filter((g) => g.SoDinhDanh === id).map((g) => g.SoGPLX).sort());
    expect((await get('traCuuTheoSoDinhDanh', { soDinhDanh: '079200000001' })).status).toBe(404);
  });

  it('judges each class against today, and the licence as a whole', async () => {
    for (const g of seed.filter((_, i) => i % 9 === 0)) {
      const res = (await get('traCuuGPLX', { soGPLX: g.SoGPLX })).data;
      res.DanhSachHang.forEach((h: any, k: number) => {
        const han = g.DanhSachHang[k].NgayHetHan;
        expect(h.ConHieuLuc, g.SoGPLX).toBe(!han || iso(han) >= today());
        expect(h.KhongThoiHan).toBe(!han);
      });
      const anyValid = res.DanhSachHang.some((h: any) => h.ConHieuLuc);
      const expected = g.TrangThai === 'THU_HOI' ? 'THU_HOI' : !anyValid ? 'HET_HAN' : g.SoDiemConLai === 0 ? 'HET_DIEM' : 'CON_HIEU_LUC';
      expect(res.TinhTrang.TrangThai, g.SoGPLX).toBe(expected);
    }
  });

  it('shows revoked licences and licences out of points as not valid', async () => {
    const revoked = seed.find((g) => g.TrangThai === 'THU_HOI');
    expect((await get('traCuuGPLX', { soGPLX: revoked.SoGPLX })).data.TinhTrang).toMatchObject({ TrangThai: 'THU_HOI', ConHieuLuc: false });
    const noPoints = seed.find((g) => g.SoDiemConLai === 0 && g.TrangThai === 'HOP_LE' && g.DanhSachHang.every((h: any) => !h.NgayHetHan));
    expect((await get('traCuuGPLX', { soGPLX: noPoints.SoGPLX })).data.TinhTrang).toMatchObject({ TrangThai: 'HET_DIEM', ConHieuLuc: false, SoDiemConLai: 0 });
  });

  it('verifies field by field: case and spacing of the name do not matter, tones and the date do', async () => {
    const g = seed[0];
    const ok = (await verify({ SoGPLX: g.SoGPLX, HoVaTen: `  ${g.HoVaTen.toUpperCase()} `.replace(' ', '  '), NgaySinh: g.NgaySinh, Hang: g.DanhSachHang[0].Hang })).data;
    expect(ok).toMatchObject({ KetQua: 'KHOP', ChiTiet: { HoVaTen: true, NgaySinh: true, Hang: true } });
    const toneless = g.HoVaTen.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
    const bad = (await verify({ SoGPLX: g.SoGPLX, HoVaTen: toneless, NgaySinh: '01/01/1990', Hang: 'E' })).data;
    expect(bad).toMatchObject({ KetQua: 'KHONG_KHOP', ChiTiet: { HoVaTen: toneless === g.HoVaTen, NgaySinh: g.NgaySinh === '01/01/1990', Hang: false } });
    expect((await verify({ SoGPLX: '000000000000', HoVaTen: g.HoVaTen, NgaySinh: g.NgaySinh })).status).toBe(404);
  });

  it('holders are people of the shared population; the number starts with the issuing province’s code', () => {
    const people = new Map(JSON.parse(readFileSync(path.join(ROOT_DIR, 'mocks/_population/people.json'), 'utf8')).map((p: any) => [p.soDinhDanh, p]));
    for (const g of seed) {
      const p: any = people.get(g.SoDinhDanh);
      expect(p, g.SoDinhDanh).toBeDefined();
      expect(g.HoVaTen).toBe(p.hoVaTen);
      expect(iso(g.NgaySinh)).toBe(p.ngaySinh);
      const prefix = g.NoiCap.includes('Kiên Giang') ? '91' : g.NoiCap === 'Phòng Cảnh sát giao thông Công an tỉnh An Giang' && iso(g.NgayCap) >= '2025-07-01' ? '91' : '89';
      expect(g.SoGPLX.slice(0, 2), g.SoGPLX).toBe(prefix);
    }
  });
});
