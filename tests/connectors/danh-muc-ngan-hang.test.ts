/** Danh mục ngân hàng: bank lookups across the 2025 renames, and the exchange-rate services' date rules. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSim, type TestSim } from '../helpers/sim.js';

let t: TestSim;
let auth: Record<string, string>;
const get = (path: string, params: Record<string, unknown> = {}) => t.http.get(path, { params, headers: auth });

beforeAll(async () => {
  t = await startTestSim('dmnh');
  auth = await t.auth('danh-muc-ngan-hang');
});
afterAll(async () => t?.close());

describe('banks and branches', () => {
  it('finds a bank by BIN or by code, with its branches in the province, under the name valid on the date', async () => {
    const kienLong = await get('/nhnn/1.0/NganHang', { maBIN: '971019' });
    expect(kienLong.data).toMatchObject({ MaNganHang: '318', TenVietTat: 'KienlongBank', LoaiHinh: '02', TenLoaiHinh: 'Ngân hàng thương mại cổ phần' });
    expect(kienLong.data.DanhSachChiNhanh.length).toBeGreaterThanOrEqual(5);
    // A branch code carries the province code at issue: Rạch Giá was Kiên Giang (91), Long Xuyên An Giang (89).
    expect(kienLong.data.DanhSachChiNhanh.map((c: any) => c.MaChiNhanh.slice(0, 2))).toEqual(expect.arrayContaining(['89', '91']));
    const now = await get('/nhnn/1.0/NganHang', { maNganHang: '401' });
    expect(now.data).toMatchObject({ TenVietTat: 'MBV', PhienBan: '2025-07' });
    const before = await get('/nhnn/1.0/NganHang', { maNganHang: '401', ngayHieuLuc: '01/03/2025' });
    expect(before.data).toMatchObject({ TenVietTat: 'OceanBank', PhienBan: '2024-07' });
  });

  it('wants exactly one of maNganHang and maBIN, and says which record is missing', async () => {
    for (const params of [{}, { maNganHang: '318', maBIN: '971019' }]) {
      const res = await get('/nhnn/1.0/NganHang', params);
      expect(res.status).toBe(400);
      expect(res.data.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'maNganHang' });
    }
    expect((await get('/nhnn/1.0/NganHang', { maBIN: '970436' })).data.error).toMatchObject({ code: 'RECORD_NOT_FOUND', field: 'maBIN' });
  });

  it('looks a branch up by its 8-digit code', async () => {
    const res = await get('/nhnn/1.0/ChiNhanh', { maChiNhanh: '89201001' });
    expect(res.data).toMatchObject({ TenChiNhanh: 'Agribank - Chi nhánh An Giang', MaXa: '30100', NganHang: { MaNganHang: '201', TenVietTat: 'Agribank' } });
  });
});

describe('exchange rates', () => {
  it('a weekend uses the last rate published before it; the ceiling and floor are ±5 %', async () => {
    const friday = await get('/nhnn/1.0/TyGia/TrungTam', { ngay: '04/07/2025' });
    const sunday = await get('/nhnn/1.0/TyGia/TrungTam', { ngay: '06/07/2025' });
    expect(sunday.data).toMatchObject({ NgayApDung: '06/07/2025', NgayCongBo: '04/07/2025', TyGiaTrungTam: friday.data.TyGiaTrungTam });
    const c = friday.data.TyGiaTrungTam;
    expect(c).toBeGreaterThan(24_000);
    expect(friday.data).toMatchObject({ BienDo: 5, TyGiaTran: Math.round(c * 1.05), TyGiaSan: Math.round(c * 0.95) });
    const early = await get('/nhnn/1.0/TyGia/TrungTam', { ngay: '30/06/2025' });
    expect(early.status).toBe(404);
    expect(early.data.error).toMatchObject({ code: 'RECORD_NOT_FOUND', field: 'ngay' });
  });

  it('cross rates hold for the week from Thursday; reference rates at the Transaction Office bracket them', async () => {
    const cross = await get('/nhnn/1.0/TyGia/TinhCheo', { ngay: '08/07/2025' });
    expect(cross.data).toMatchObject({ TuNgay: '03/07/2025', DenNgay: '09/07/2025' });
    expect(cross.data.DanhSach).toHaveLength(13);
    const eur = cross.data.DanhSach.find((r: any) => r.MaNgoaiTe === 'EUR').TyGia;
    const ref = await get('/nhnn/1.0/TyGia/ThamKhaoSoGiaoDich', { ngay: '08/07/2025' });
    const eurRef = ref.data.DanhSach.find((r: any) => r.MaNgoaiTe === 'EUR');
    expect(eurRef.MuaVao).toBeLessThan(eur);
    expect(eurRef.BanRa).toBeGreaterThan(eur);
    expect((await get('/nhnn/1.0/TyGia/TinhCheo', { maNgoaiTe: 'XYZ' })).data.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'maNgoaiTe' });
  });
});
