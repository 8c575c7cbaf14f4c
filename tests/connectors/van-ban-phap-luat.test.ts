/**
 * Văn bản pháp luật behaviour beyond the conformance suite: lookups tolerant of tones, legal status derived from the
 * relations (replaced, amended), related documents both ways, search filters, paging, sorting and catalog counts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSim, type TestSim } from '../helpers/sim.js';

let t: TestSim;
let auth: Record<string, string>;
let total: number;

beforeAll(async () => {
  t = await startTestSim('van-ban-phap-luat');
  auth = await t.auth('van-ban-phap-luat');
  total = (t.sim.registry.get('van-ban-phap-luat')!.seed.vanBan as unknown[]).length;
});
afterAll(async () => t?.close());

const get = (path: string, params: Record<string, string> = {}) => t.http.get(`/vbpl/1.0/${path}`, { params, headers: auth });
const soKyHieu = (r: any) => r.SoKyHieu;

describe('looking a document up', () => {
  it('finds it by number with or without tones, with its legal bases and the documents based on it', async () => {
    const a = (await get('vanBan', { soKyHieu: '13/2023/NĐ-CP' })).data;
    const b = (await get('vanBan', { soKyHieu: '13/2023/nd-cp' })).data;
    expect(b).toEqual(a);
    expect(a).toMatchObject({ TrichYeu: 'Bảo vệ dữ liệu cá nhân', LoaiVanBan: { Ma: 'NGHI_DINH' }, CoQuanBanHanh: { Ten: 'Chính phủ' }, NgayHieuLuc: '01/07/2023' });
    expect(a.VanBanLienQuan.CanCu.map(soKyHieu)).toEqual(['24/2018/QH14']);
    const luat = (await get(`vanBan/${a.VanBanLienQuan.CanCu[0].ItemID}`)).data;
    expect(luat.VanBanLienQuan.DuocCanCuBoi.map(soKyHieu)).toContain('13/2023/NĐ-CP');
  });

  it('derives the legal status: a replaced law ends when its successor takes effect; an amended one is partly out of force', async () => {
    const cu = (await get('vanBan', { soKyHieu: '59/2014/QH13' })).data;
    expect(cu).toMatchObject({ TinhTrangHieuLuc: { Ma: 'HET_HIEU_LUC_TOAN_BO' }, NgayHetHieuLuc: '01/07/2024' });
    expect(cu.VanBanLienQuan.BiThayTheBoi.map(soKyHieu)).toEqual(['26/2023/QH15']);
    const moi = (await get('vanBan', { soKyHieu: '26/2023/QH15' })).data;
    expect(moi.VanBanLienQuan.ThayThe.map(soKyHieu)).toEqual(['59/2014/QH13']);
    expect(moi.TinhTrangHieuLuc.Ma).toBe('CON_HIEU_LUC');
    const bhyt = (await get('vanBan', { soKyHieu: '25/2008/QH12' })).data;
    expect(bhyt.TinhTrangHieuLuc.Ma).toBe('HET_HIEU_LUC_MOT_PHAN');
    expect(bhyt.VanBanLienQuan.BiSuaDoiBoi.map(soKyHieu)).toEqual(['51/2024/QH15']);
    expect(bhyt).not.toHaveProperty('NgayHetHieuLuc');
    // The scenario where the database lags shows the same replaced law as still in force.
    const gd = (await get('vanBan', { soKyHieu: '51/2005/QH11' })).data;
    expect(gd).toMatchObject({ TinhTrangHieuLuc: { Ma: 'HET_HIEU_LUC_TOAN_BO' }, NgayHetHieuLuc: '01/07/2024' });
    const lag = (await t.http.get('/vbpl/1.0/vanBan', { params: { soKyHieu: '51/2005/QH11' }, headers: { ...auth, 'X-Mock-Scenario': 'hieu-luc-chua-cap-nhat' } })).data;
    expect(lag.TinhTrangHieuLuc.Ma).toBe('CON_HIEU_LUC');
    expect(lag).not.toHaveProperty('NgayHetHieuLuc');
  });

  it('asks for the issuer when two local documents share a number, and finds the one named', async () => {
    const both = await get('vanBan', { soKyHieu: '18/2024/QĐ-UBND' });
    expect(both.status).toBe(409);
    expect(both.data.error).toMatchObject({ code: 'CONFLICT', field: 'coQuanBanHanh' });
    expect(both.data.error.details).toHaveLength(2);
    const ag = (await get('vanBan', { soKyHieu: '18/2024/QĐ-UBND', coQuanBanHanh: 'UBND_AG' })).data;
    expect(ag).toMatchObject({ CoQuanBanHanh: { Ma: 'UBND_AG' }, PhamVi: 'DP' });
    expect(ag.DuongDanToanVan).toMatch(/^https:\/\/vbpl\.vn\/angiang\//);
    expect((await get('vanBan', { soKyHieu: '999/2024/QĐ-UBND' })).status).toBe(404);
  });
});

describe('searching', () => {
  it('matches every keyword without tones and applies the filters', async () => {
    const res = (await get('timKiem', { tuKhoa: 'ho tich', soBanGhi: '100' })).data;
    expect(res.DanhSach.map(soKyHieu)).toEqual(expect.arrayContaining(['60/2014/QH13', '123/2015/NĐ-CP', '87/2020/NĐ-CP', '04/2020/TT-BTP']));
    const nd = (await get('timKiem', { loaiVanBan: 'NGHI_DINH', linhVuc: 'CAN_BO', soBanGhi: '100' })).data.DanhSach;
    expect(nd.length).toBeGreaterThan(0);
    expect(nd.every((v: any) => v.LoaiVanBan === 'NGHI_DINH')).toBe(true);
    const het = (await get('timKiem', { tinhTrangHieuLuc: 'HET_HIEU_LUC_TOAN_BO', soBanGhi: '100' })).data.DanhSach.map(soKyHieu);
    expect(het).toEqual(expect.arrayContaining(['59/2014/QH13', '45/2013/QH13', '61/2018/NĐ-CP', '01/2021/NĐ-CP']));
    const range = (await get('timKiem', { tuNgayBanHanh: '01/01/2025', denNgayBanHanh: '30/06/2025', soBanGhi: '100' })).data.DanhSach;
    expect(range.every((v: any) => v.NgayBanHanh.slice(6) === '2025' && Number(v.NgayBanHanh.slice(3, 5)) <= 6)).toBe(true);
  });

  it('pages without overlap and sorts as asked', async () => {
    const p1 = (await get('timKiem', { soBanGhi: '10', trang: '1', sapXep: 'NGAY_BAN_HANH_TANG' })).data;
    const p2 = (await get('timKiem', { soBanGhi: '10', trang: '2', sapXep: 'NGAY_BAN_HANH_TANG' })).data;
    expect(p1.TongSo).toBe(total);
    expect(p1.DanhSach.map(soKyHieu).filter((s: string) => p2.DanhSach.map(soKyHieu).includes(s))).toEqual([]);
    const iso = (d: string) => `${d.slice(6)}${d.slice(3, 5)}${d.slice(0, 2)}`;
    const dates = [...p1.DanhSach, ...p2.DanhSach].map((v: any) => iso(v.NgayBanHanh));
    expect([...dates].sort()).toEqual(dates);
    expect(p1.DanhSach[0].SoKyHieu).toBe('51/2005/QH11');
  });

  it('counts documents per catalog entry', async () => {
    for (const loai of ['loai-van-ban', 'co-quan-ban-hanh', 'tinh-trang-hieu-luc']) {
      const dm = (await get(`danhMuc/${loai}`)).data;
      expect(dm.DanhSach.reduce((a: number, r: any) => a + r.SoVanBan, 0), loai).toBe(total);
    }
    const qh = (await get('danhMuc/co-quan-ban-hanh')).data.DanhSach.find((r: any) => r.Ma === 'QH');
    const luat = (await get('timKiem', { coQuanBanHanh: 'QH', soBanGhi: '100' })).data.TongSo;
    expect(qh.SoVanBan).toBe(luat);
  });
});
