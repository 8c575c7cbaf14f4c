/** Đất đai: parcels owned by people of the shared population, the map feature's geometry, statistics and land catalogs. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../src/config.js';
import { startTestSim, type TestSim } from '../helpers/sim.js';

let t: TestSim;
let auth: Record<string, string>;
let thuaDat: any[];
const get = (p: string, params: Record<string, unknown> = {}) => t.http.get(`/csdldd/1.0${p}`, { params, headers: auth });
const so = (x: any) => ({ maXa: x.MaXa, soTo: x.SoToBanDo, soThua: x.SoThua });

beforeAll(async () => {
  t = await startTestSim('dat-dai');
  auth = await t.auth('dat-dai');
  thuaDat = (t.sim.registry.get('dat-dai')!.seed as any).thuaDat;
});
afterAll(async () => t?.close());

describe('parcels', () => {
  it('a parcel’s land users are people of the shared population, and its uses add up to its area', async () => {
    const people = new Map(JSON.parse(readFileSync(path.join(ROOT_DIR, 'mocks/_population/people.json'), 'utf8')).map((p: any) => [p.soDinhDanh, p]));
    const x = thuaDat.find((p) => p.ChuSuDung.length === 2) ?? thuaDat[0];
    const res = await get('/ThuaDat', so(x));
    expect(res.status).toBe(200);
    for (const c of res.data.ChuSuDung) expect((people.get(c.SoDinhDanh) as any)?.hoVaTen).toBe(c.HoVaTen);
    const sum = res.data.MucDichSuDung.reduce((a: number, m: any) => a + m.DienTich, 0);
    expect(sum).toBeCloseTo(res.data.DienTich, 2);
    expect(res.data.TenNguonGocSuDung).toBeTruthy();
    expect(res.data.HinhHoc).toBeUndefined();
    const missing = await get('/ThuaDat', { ...so(x), soThua: 99_999 });
    expect(missing.data.error).toMatchObject({ code: 'RECORD_NOT_FOUND', field: 'soThua' });
    expect((await get('/ThuaDat', { ...so(x), soTo: 0 })).data.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'soTo' });
  });

  it('finds a parcel by certificate serial (with or without the space) and a person’s parcels by CCCD', async () => {
    const x = thuaDat[2];
    const serial = x.GiayChungNhan.SoPhatHanh;
    expect((await get('/ThuaDat/GiayChungNhan', { soPhatHanh: serial })).data.SoThua).toBe(x.SoThua);
    expect((await get('/ThuaDat/GiayChungNhan', { soPhatHanh: serial.replace(' ', '') })).data.SoThua).toBe(x.SoThua);
    const owner = thuaDat[0].ChuSuDung[0].SoDinhDanh;
    const mine = thuaDat.filter((p) => p.ChuSuDung.some((c: any) => c.SoDinhDanh === owner));
    const res = await get('/ThuaDat/ChuSuDung', { soDinhDanh: owner });
    expect(res.data.TongSo).toBe(mine.length);
    expect(mine.length).toBe(2);
  });

  it('gives planning information and a GeoJSON feature whose ring is closed and about the parcel’s area', async () => {
    const x = thuaDat.find((p) => p.QuyHoach.DienTichQuyHoachGiaoThong) ?? thuaDat[0];
    const qh = await get('/QuyHoach/ThuaDat', so(x));
    expect(qh.data).toMatchObject({ ChucNangQuyHoach: x.QuyHoach.ChucNangQuyHoach, KeHoachSuDungDatNam: 2025 });
    expect(qh.data.TenChucNangQuyHoach).toMatch(/^Đất/);
    const map = await get('/BanDo/ThuaDat', so(x));
    expect(map.data).toMatchObject({ type: 'Feature', geometry: { type: 'Polygon' }, properties: { HeToaDo: 'WGS84 (EPSG:4326)' } });
    const ring: number[][] = map.data.geometry.coordinates[0];
    expect(ring[0]).toEqual(ring.at(-1));
    const [minLon, minLat, maxLon, maxLat] = map.data.bbox;
    for (const [lon, lat] of ring) expect(lon! >= minLon && lon! <= maxLon && lat! >= minLat && lat! <= maxLat).toBe(true);
    // Shoelace area in metres (equirectangular, fine at parcel scale).
    const lat0 = (ring[0]![1]! * Math.PI) / 180;
    const xy = ring.map(([lon, lat]) => [lon! * 111_320 * Math.cos(lat0), lat! * 111_320]);
    let area = 0;
    for (let i = 0; i < xy.length - 1; i++) area += xy[i]![0]! * xy[i + 1]![1]! - xy[i + 1]![0]! * xy[i]![1]!;
    expect(Math.abs(area / 2) / x.DienTich).toBeGreaterThan(0.97);
    expect(Math.abs(area / 2) / x.DienTich).toBeLessThan(1.03);
  });
});

describe('statistics and catalogs', () => {
  it('land groups add up to the commune total, and the province is the sum of its communes', async () => {
    const xa = await get('/ThongKe/HienTrang', { maXa: '30233' });
    expect(xa.data).toMatchObject({ PhamVi: 'Xã Thoại Sơn', MaXa: '30233', DonViTinh: 'ha' });
    const groups = xa.data.TheoNhomDat.reduce((a: number, g: any) => a + g.DienTich, 0);
    expect(groups).toBeCloseTo(xa.data.TongDienTich, 1);
    const stats = (t.sim.registry.get('dat-dai')!.seed as any).thongKeDatDai;
    const tinh = await get('/ThongKe/HienTrang');
    expect(tinh.data.MaTinh).toBe('91');
    expect(tinh.data.TongDienTich).toBeCloseTo(stats.reduce((a: number, s: any) => a + s.TongDienTich, 0), 1);
  });

  it('the land-type catalog changed with the Luật Đất đai 2024', async () => {
    const before = await get('/DanhMuc/DM_LOAI_DAT/Item/NTD', { ngayHieuLuc: '01/01/2020' });
    const after = await get('/DanhMuc/DM_LOAI_DAT/Item/NTD');
    expect(before.data.PhanTu.Ten).toBe('Đất làm nghĩa trang, nghĩa địa, nhà tang lễ, nhà hỏa táng');
    expect(after.data.PhanTu.Ten).toMatch(/tro cốt/);
    expect((await get('/DanhMuc/DM_LOAI_DAT/Item/CNT', { ngayHieuLuc: '01/01/2020' })).status).toBe(404);
    const changes = await get('/DanhMuc/DM_LOAI_DAT/Changes', { tuPhienBan: '2014-07' });
    expect(changes.data.ThemMoi.map((i: any) => i.Ma)).toEqual(['CNT']);
    expect(changes.data.ThayDoi.map((c: any) => c.Ma).sort()).toEqual(['DTS', 'NTD']);
  });
});
