/**
 * Danh mục dùng chung: what the conformance suite cannot express: ETag / If-None-Match → 304, versions by date and by
 * number (the 63 → 34 provinces), the catalog-version-change scenario against a cached ETag, incremental changes.
 * These also cover connectors/_shared/catalog.ts, which every catalog connector uses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSim, type TestSim } from '../helpers/sim.js';

let t: TestSim;
let auth: Record<string, string>;
const BASE = '/dmdc/1.0/Category';
const get = (path: string, params: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  t.http.get(path, { params, headers: { ...auth, ...headers } });

beforeAll(async () => {
  t = await startTestSim('dmdc');
  auth = await t.auth('danh-muc-dung-chung');
});
afterAll(async () => t?.close());

describe('ETag and If-None-Match', () => {
  it('sends a strong ETag on 200 and answers 304 without a body when the caller holds it', async () => {
    const first = await get(`${BASE}/DM_DAN_TOC`);
    expect(first.status).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{20,}"$/);
    expect(first.data.TongSo).toBe(54);
    const again = await get(`${BASE}/DM_DAN_TOC`, {}, { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.data).toBe('');
    expect(again.headers.etag).toBe(etag);
    // Weak comparison and lists, as RFC 9110 wants for If-None-Match.
    expect((await get(`${BASE}/DM_DAN_TOC`, {}, { 'If-None-Match': `"khac", W/${etag}` })).status).toBe(304);
    expect((await get(`${BASE}/DM_DAN_TOC`, {}, { 'If-None-Match': '"khac"' })).status).toBe(200);
  });

  it('gives each page its own ETag', async () => {
    const p1 = await get(`${BASE}/DM_DAN_TOC`, { soBanGhi: 20, trang: 1 });
    const p2 = await get(`${BASE}/DM_DAN_TOC`, { soBanGhi: 20, trang: 2 });
    expect(p1.data.DanhSach[0].Ma).toBe('01');
    expect(p2.data.DanhSach[0].Ma).toBe('21');
    expect(p1.headers.etag).not.toBe(p2.headers.etag);
    expect((await get(`${BASE}/DM_DAN_TOC`, { soBanGhi: 20, trang: 2 }, { 'If-None-Match': p1.headers.etag })).status).toBe(200);
  });
});

describe('versions', () => {
  it('holds the 34 provinces in force and the 63 before 1/7/2025, with the merge mapping', async () => {
    const now = await get(`${BASE}/DM_DVHC_TINH`);
    expect(now.data).toMatchObject({ PhienBan: '2025-07', NgayHieuLuc: '01/07/2025', TongSo: 34 });
    expect(now.data.NgayHetHieuLuc).toBeUndefined();
    expect(now.data.DanhSach.find((p: any) => p.Ma === '91')).toMatchObject({ Ten: 'Tỉnh An Giang', HinhThanhTu: ['89', '91'] });
    const before = await get(`${BASE}/DM_DVHC_TINH`, { ngayHieuLuc: '30/06/2025' });
    expect(before.data).toMatchObject({ PhienBan: '2008-08', NgayHetHieuLuc: '30/06/2025', TongSo: 63 });
    expect(before.data.DanhSach.find((p: any) => p.Ma === '91')).toMatchObject({ Ten: 'Tỉnh Kiên Giang', SapNhapVao: '91' });
    const byNumber = await get(`${BASE}/DM_DVHC_TINH`, { phienBan: '2008-08', soBanGhi: 100 });
    expect(byNumber.data.DanhSach).toHaveLength(63);
    expect(byNumber.headers.etag).not.toBe(now.headers.etag);
  });

  it('refuses a date before any version, an unknown version, and both selectors at once', async () => {
    const early = await get(`${BASE}/DM_DVHC_TINH`, { ngayHieuLuc: '01/01/2000' });
    expect(early.status).toBe(404);
    expect(early.data.error).toMatchObject({ code: 'RECORD_NOT_FOUND', field: 'ngayHieuLuc' });
    const unknown = await get(`${BASE}/DM_DVHC_TINH`, { phienBan: '1999-01' });
    expect(unknown.data.error).toMatchObject({ code: 'RECORD_NOT_FOUND', field: 'phienBan' });
    const both = await get(`${BASE}/DM_DVHC_TINH`, { phienBan: '2025-07', ngayHieuLuc: '01/07/2025' });
    expect(both.status).toBe(400);
    expect(both.data.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'ngayHieuLuc' });
    const badDate = await get(`${BASE}/DM_DVHC_TINH`, { ngayHieuLuc: '31/02/2025' });
    expect(badDate.data.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'ngayHieuLuc' });
    const noCatalog = await get(`${BASE}/DM_KHONG_CO`);
    expect(noCatalog.data.error).toMatchObject({ code: 'RECORD_NOT_FOUND', field: 'maDanhMuc' });
  });

  it('an identity-document list changes with the Luật Căn cước 2023: new cards from 1/7/2024, no CMND from 1/1/2025', async () => {
    const codes = async (ngay: string) => (await get(`${BASE}/DM_LOAI_GIAY_TO`, { ngayHieuLuc: ngay })).data.DanhSach.map((g: any) => g.Ma);
    expect(await codes('15/03/2024')).toEqual(['01', '02', '03', '04', '05', '06']);
    expect(await codes('15/10/2024')).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09']);
    expect(await codes('15/03/2025')).not.toContain('01');
    const history = await get(`${BASE}/DM_LOAI_GIAY_TO/Version`);
    expect(history.data.DanhSachPhienBan.map((v: any) => [v.PhienBan, v.TrangThai])).toEqual([
      ['2016-01', 'Hết hiệu lực'],
      ['2024-07', 'Hết hiệu lực'],
      ['2025-01', 'Đang hiệu lực'],
    ]);
  });

  it('lists the changes between two versions for an incremental sync', async () => {
    const res = await get(`${BASE}/DM_DVHC_TINH/Changes`, { tuPhienBan: '2008-08', denPhienBan: '2025-07' });
    expect(res.status).toBe(200);
    // 63 codes before, 34 after, every code kept is one of the old ones: 29 retired, none added.
    expect(res.data.ThemMoi).toEqual([]);
    expect(res.data.NgungSuDung).toHaveLength(29);
    expect(res.data.NgungSuDung.map((p: any) => p.Ma)).toContain('89');
    const kienGiang = res.data.ThayDoi.find((c: any) => c.Ma === '91');
    expect(kienGiang.Truoc.Ten).toBe('Tỉnh Kiên Giang');
    expect(kienGiang.Sau.Ten).toBe('Tỉnh An Giang');
    const toCurrent = await get(`${BASE}/DM_LOAI_GIAY_TO/Changes`, { tuPhienBan: '2024-07' });
    expect(toCurrent.data).toMatchObject({ DenPhienBan: '2025-01', ThemMoi: [], ThayDoi: [] });
    expect(toCurrent.data.NgungSuDung.map((g: any) => g.Ma)).toEqual(['01']);
  });
});

describe('the catalog-version-change scenario', () => {
  it('publishes a revision in force today: a cached ETag gets 200 with the new version, the old one ends yesterday', async () => {
    const cached = await get(`${BASE}/DM_DVHC_XA`, { maCha: '91' });
    expect(cached.data.PhienBan).toBe('2025-07');
    const dmy = (d: Date) => d.toISOString().slice(0, 10).split('-').reverse().join('/');
    const before = dmy(new Date());
    const changed = await get(`${BASE}/DM_DVHC_XA`, { maCha: '91' }, { 'If-None-Match': cached.headers.etag, 'X-Mock-Scenario': 'catalog-version-change' });
    const after = dmy(new Date());
    expect(changed.status).toBe(200);
    expect(changed.data.PhienBan).toBe('2025-07.1');
    expect(changed.data.DanhSach).toEqual(cached.data.DanhSach);
    expect(changed.headers.etag).not.toBe(cached.headers.etag);
    expect([before, after]).toContain(changed.data.NgayHieuLuc);
    const history = await get(`${BASE}/DM_DVHC_XA/Version`, {}, { 'X-Mock-Scenario': 'catalog-version-change' });
    expect(history.data.DanhSachPhienBan.map((v: any) => v.TrangThai)).toEqual(['Hết hiệu lực', 'Đang hiệu lực']);
    // Without the scenario the cached copy is still current.
    expect((await get(`${BASE}/DM_DVHC_XA`, { maCha: '91' }, { 'If-None-Match': cached.headers.etag })).status).toBe(304);
  });
});

describe('items and searches', () => {
  it('finds communes of An Giang by parent code and by a keyword without diacritics', async () => {
    const all = await get(`${BASE}/DM_DVHC_XA`, { maCha: '91', soBanGhi: 1000 });
    expect(all.data.TongSo).toBe(30);
    const search = await get(`${BASE}/DM_DVHC_XA`, { tuKhoa: 'chau doc' });
    expect(search.data.DanhSach.map((x: any) => x.Ten)).toEqual(['Phường Châu Đốc']);
    const item = await get(`${BASE}/DM_DVHC_XA/Item/30184`);
    expect(item.data.PhanTu).toMatchObject({ Ten: 'Đặc khu Phú Quốc', LoaiDonVi: 'Đặc khu', MaCha: '91' });
    const missing = await get(`${BASE}/DM_DVHC_XA/Item/99999`);
    expect(missing.data.error).toMatchObject({ code: 'RECORD_NOT_FOUND', field: 'ma' });
  });

  it('lists the catalogs with the version in force', async () => {
    const res = await get(BASE);
    expect(res.data.DanhSach.map((c: any) => c.MaDanhMuc)).toEqual(expect.arrayContaining(['DM_DVHC_TINH', 'DM_DVHC_XA', 'DM_DAN_TOC', 'DM_TON_GIAO', 'DM_QUOC_TICH', 'DM_GIOI_TINH', 'DM_LOAI_GIAY_TO']));
    expect(res.data.DanhSach.find((c: any) => c.MaDanhMuc === 'DM_DVHC_TINH')).toMatchObject({ PhienBanHienHanh: '2025-07', SoPhanTu: 34, SoPhienBan: 2 });
    expect((await get(BASE, { tuKhoa: 'ton giao' })).data.DanhSach.map((c: any) => c.MaDanhMuc)).toEqual(['DM_TON_GIAO']);
  });

  it('maps a pre-merger province code to the current one, with its merge partners', async () => {
    const res = await get('/dmdc/1.0/DonViHanhChinh/ChuyenDoiMaTinh', { maTinhCu: '89' });
    expect(res.data).toMatchObject({ MaTinhCu: '89', TenTinhCu: 'Tỉnh An Giang', MaTinhMoi: '91', TenTinhMoi: 'Tỉnh An Giang', GiuNguyenMa: false, NgayHieuLuc: '01/07/2025' });
    expect(res.data.CacTinhHopNhat).toEqual([{ MaTinh: '89', TenTinh: 'Tỉnh An Giang' }, { MaTinh: '91', TenTinh: 'Tỉnh Kiên Giang' }]);
    const hcm = await get('/dmdc/1.0/DonViHanhChinh/ChuyenDoiMaTinh', { maTinhCu: '74' });
    expect(hcm.data).toMatchObject({ TenTinhCu: 'Tỉnh Bình Dương', MaTinhMoi: '79' });
    expect(hcm.data.CacTinhHopNhat).toHaveLength(3);
    const none = await get('/dmdc/1.0/DonViHanhChinh/ChuyenDoiMaTinh', { maTinhCu: '03' });
    expect(none.data.error).toMatchObject({ code: 'RECORD_NOT_FOUND', field: 'maTinhCu' });
  });
});
