/** Danh mục tài chính: the budget-index check across versions, and the tax-office catalog through the 2025 reorganisations. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSim, type TestSim } from '../helpers/sim.js';

let t: TestSim;
let auth: Record<string, string>;
const get = (path: string, params: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  t.http.get(path, { params, headers: { ...auth, ...headers } });
const KIEM_TRA = '/dmdcbtc/1.0/MucLucNganSach/KiemTra';

beforeAll(async () => {
  t = await startTestSim('dmtc');
  auth = await t.auth('danh-muc-tai-chinh');
});
afterAll(async () => t?.close());

describe('kiemTraMucLucNganSach', () => {
  it('accepts a fee revenue code without a khoản, and names the reason for each unfit code', async () => {
    const fee = await get(KIEM_TRA, { maChuong: '418', maTieuMuc: '2651' });
    expect(fee.data).toMatchObject({ HopLe: true, TinhChat: 'Thu' });
    expect(fee.data.ChiTiet[2]).toMatchObject({ Truong: 'maTieuMuc', Ma: '2651', Ten: 'Lệ phí hộ tịch', HopLe: true });
    const spending = await get(KIEM_TRA, { maChuong: '418', maTieuMuc: '6501' });
    expect(spending.data.HopLe).toBe(false);
    expect(spending.data.ChiTiet[1]).toMatchObject({ Truong: 'maKhoan', HopLe: false, LyDo: expect.stringContaining('cần mã khoản') });
    expect((await get(KIEM_TRA, { maChuong: '418', maKhoan: '341', maTieuMuc: '6501' })).data.HopLe).toBe(true);
    const levels = await get(KIEM_TRA, { maChuong: '418', maKhoan: '340', maTieuMuc: '6500' });
    expect(levels.data.ChiTiet.map((c: any) => c.HopLe)).toEqual([true, false, false]);
    const unknown = await get(KIEM_TRA, { maChuong: '999', maTieuMuc: '2651' });
    expect(unknown.data.ChiTiet[0]).toMatchObject({ HopLe: false, LyDo: expect.stringContaining('không có trong DM_CHUONG') });
  });

  it('checks a chapter against the version in force on the date: Sở Kế hoạch và Đầu tư retired on 1/3/2025', async () => {
    const before = await get(KIEM_TRA, { maChuong: '416', maTieuMuc: '2851', ngayHieuLuc: '15/01/2025' });
    expect(before.data).toMatchObject({ HopLe: true, NgayKiemTra: '15/01/2025' });
    expect(before.data.ChiTiet[0]).toMatchObject({ Ten: 'Sở Kế hoạch và Đầu tư', PhienBan: '2017-01' });
    const after = await get(KIEM_TRA, { maChuong: '416', maTieuMuc: '2851', ngayHieuLuc: '15/03/2025' });
    expect(after.data.HopLe).toBe(false);
    expect(after.data.ChiTiet[0].PhienBan).toBe('2025-03');
    const renamed = await get('/dmdcbtc/1.0/DanhMuc/DM_CHUONG/Item/412');
    expect(renamed.data.PhanTu.Ten).toBe('Sở Nông nghiệp và Môi trường');
  });

  it('refuses malformed codes with the field named', async () => {
    const res = await get(KIEM_TRA, { maChuong: '41', maTieuMuc: '2651' });
    expect(res.status).toBe(400);
    expect(res.data.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'maChuong' });
  });
});

describe('the tax-office catalog', () => {
  it('follows the three organisations of 2025 by date and shows the communes each Thuế cơ sở serves', async () => {
    const at = async (ngay: string) => (await get('/dmdcbtc/1.0/DanhMuc/DM_CQ_THU', { ngayHieuLuc: ngay })).data;
    expect((await at('31/12/2024')).DanhSach[0].Ten).toBe('Cục Thuế tỉnh An Giang');
    expect((await at('01/04/2025')).DanhSach[0].Ten).toBe('Chi cục Thuế khu vực XIX');
    const now = await at('01/07/2025');
    expect(now.PhienBan).toBe('2025-07');
    expect(now.DanhSach.find((c: any) => c.Ma === '1091005')).toMatchObject({ MaCha: '1091000', DiaBanQuanLy: ['30184', '30198'] });
    const changes = await get('/dmdcbtc/1.0/DanhMuc/DM_CQ_THU/Changes', { tuPhienBan: '2025-03' });
    expect(changes.data.ThemMoi).toHaveLength(8);
    expect(changes.data.NgungSuDung).toHaveLength(5);
  });

  it('answers 304 on the catalog list when nothing changed', async () => {
    const first = await get('/dmdcbtc/1.0/DanhMuc');
    expect(first.data.DanhSach.map((c: any) => c.MaDanhMuc)).toEqual(['DM_CHUONG', 'DM_LOAI_KHOAN', 'DM_MUC_TIEU_MUC', 'DM_KHO_BAC', 'DM_CQ_THU']);
    expect((await get('/dmdcbtc/1.0/DanhMuc', {}, { 'If-None-Match': first.headers.etag })).status).toBe(304);
  });
});
