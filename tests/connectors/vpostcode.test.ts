/** Vpostcode: postcode lookups by commune and by free-text address across versions, reverse lookup, nearest addresses. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSim, type TestSim } from '../helpers/sim.js';

let t: TestSim;
let auth: Record<string, string>;
let diaChiSo: any[];
const get = (path: string, params: Record<string, unknown> = {}) => t.http.get(`/vpostcode/1.0${path}`, { params, headers: auth });

beforeAll(async () => {
  t = await startTestSim('vpostcode');
  auth = await t.auth('vpostcode');
  diaChiSo = (t.sim.registry.get('vpostcode')!.seed as any).diaChiSo;
});
afterAll(async () => t?.close());

describe('postcodes', () => {
  it('finds a commune postcode by code or by an address typed without diacritics; former Kiên Giang communes keep 91NNN', async () => {
    const byCode = await get('/MaBuuChinh', { maXa: '30121' });
    expect(byCode.data).toMatchObject({ CapHanhChinh: 'Xã', TenDonVi: 'Phường Châu Đốc', MaTinh: '91', PhienBan: '2025-07' });
    expect(byCode.data.MaBuuChinh).toMatch(/^90\d{3}$/);
    const byText = await get('/MaBuuChinh', { diaChi: 'so 5 duong le loi, phuong chau doc, tinh an giang' });
    expect(byText.data.MaBuuChinh).toBe(byCode.data.MaBuuChinh);
    expect((await get('/MaBuuChinh', { maXa: '30156' })).data.MaBuuChinh).toMatch(/^91\d{3}$/);
    const provinceOnly = await get('/MaBuuChinh', { diaChi: 'Tỉnh An Giang' });
    expect(provinceOnly.data).toMatchObject({ MaBuuChinh: '90000', CapHanhChinh: 'Tỉnh' });
  });

  it('before 1/7/2025 only the two former provinces have codes', async () => {
    const old = await get('/MaBuuChinh', { diaChi: 'Thành phố Rạch Giá, Tỉnh Kiên Giang', ngayHieuLuc: '15/06/2025' });
    expect(old.data).toMatchObject({ MaBuuChinh: '91000', TenDonVi: 'Tỉnh Kiên Giang', MaTinh: '91', PhienBan: '2018-01' });
    const commune = await get('/MaBuuChinh', { maXa: '30121', ngayHieuLuc: '15/06/2025' });
    expect(commune.status).toBe(404);
    expect(commune.data.error).toMatchObject({ code: 'RECORD_NOT_FOUND', field: 'maXa' });
    expect((await get('/MaBuuChinh/91000')).data.error.code).toBe('RECORD_NOT_FOUND');
  });

  it('wants exactly one of maXa and diaChi, and says when an address names no known unit', async () => {
    expect((await get('/MaBuuChinh')).data.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'maXa' });
    expect((await get('/MaBuuChinh', { diaChi: 'Quận 1, Thành phố Hồ Chí Minh' })).data.error).toMatchObject({ code: 'RECORD_NOT_FOUND', field: 'diaChi' });
  });

  it('reverse lookup gives the unit, its centre and how many digital addresses carry the code', async () => {
    const code = diaChiSo[0].MaBuuChinh;
    const res = await get(`/MaBuuChinh/${code}`);
    expect(res.data).toMatchObject({ MaBuuChinh: code, CapHanhChinh: 'Xã', MaXa: diaChiSo[0].DiaChi.MaXa });
    expect(res.data.TrungTam.ViDo).toBeGreaterThan(9);
    expect(res.data.SoDiaChiSo).toBe(diaChiSo.filter((d) => d.MaBuuChinh === code).length);
    expect((await get('/MaBuuChinh/90000')).data.SoDiaChiSo).toBe(diaChiSo.length);
  });
});

describe('digital addresses', () => {
  it('gives a share link and a geo URI for a Vpostcode', async () => {
    const d = diaChiSo[3];
    const res = await get(`/DiaChiSo/${d.MaVpostcode}`);
    expect(res.data).toMatchObject({ MaVpostcode: d.MaVpostcode, DuongDanChiaSe: `https://vpostcode.vn/${d.MaVpostcode}`, GeoURI: `geo:${d.ViDo},${d.KinhDo}` });
    expect((await get('/DiaChiSo/90100-ZZZZ')).data.error).toMatchObject({ code: 'RECORD_NOT_FOUND', field: 'maVpostcode' });
    expect((await get('/DiaChiSo/90100-O0I1')).data.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'maVpostcode' });
  });

  it('lists addresses nearest first within the radius', async () => {
    const d = diaChiSo[5];
    const res = await get('/ViTri', { viDo: d.ViDo, kinhDo: d.KinhDo, banKinh: 2000, soBanGhi: 50 });
    expect(res.data.DanhSach[0]).toMatchObject({ MaVpostcode: d.MaVpostcode, KhoangCach: 0 });
    const distances = res.data.DanhSach.map((x: any) => x.KhoangCach);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(Math.max(...distances)).toBeLessThanOrEqual(2000);
    expect((await get('/ViTri', { viDo: 30, kinhDo: 105 })).data.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'viDo' });
  });

  it('searches addresses without diacritics, within a commune', async () => {
    const d = diaChiSo.find((x) => x.DiaChi.ChiTiet.includes('Trần Hưng Đạo'));
    const res = await get('/DiaChiSo', { tuKhoa: 'tran hung dao', maXa: d.DiaChi.MaXa, soBanGhi: 100 });
    expect(res.data.DanhSach.map((x: any) => x.MaVpostcode)).toContain(d.MaVpostcode);
    for (const x of res.data.DanhSach) expect(x.DiaChi.MaXa).toBe(d.DiaChi.MaXa);
  });
});
