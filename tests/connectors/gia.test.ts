/**
 * Giá: idempotent pushes with receipts (connectors/_shared/push.ts) on real Redis, reading them back, checks against the
 * goods catalog version of the period, and pushed data showing in the national lookups of the pushing province only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSim, type TestSim } from '../helpers/sim.js';

let t: TestSim;
let auth: Record<string, string>;
let seed: any;
const P = '/csdlgia/1.0';
const post = (path: string, body: unknown, headers = auth) => t.http.post(`${P}${path}`, body, { headers: { ...headers, 'content-type': 'application/json' } });
const get = (path: string, params: Record<string, unknown>, headers = auth) => t.http.get(`${P}${path}`, { params, headers });

const report = (over: Record<string, unknown> = {}) => ({
  MaBaoCao: 'BCGTT-91-202511-T1',
  MaTinh: '91',
  KyBaoCao: '11/2025',
  CoQuanBaoCao: 'Sở Tài chính tỉnh An Giang',
  NgayBaoCao: '03/12/2025',
  DanhSachGia: [
    { MaHangHoa: 'LT.002', DonViTinh: 'kg', GiaKyTruoc: 14_600, GiaKyNay: 14_800 },
    { MaHangHoa: 'TP.001', DonViTinh: 'kg', GiaKyTruoc: 60_000, GiaKyNay: 78_000 },
  ],
  ...over,
});

beforeAll(async () => {
  t = await startTestSim('gia');
  auth = await t.auth('gia');
  seed = t.sim.registry.get('gia')!.seed;
});
afterAll(async () => t?.close());

describe('pushing a price report', () => {
  it('acknowledges with a receipt, replays the same receipt for the same content, refuses other content under the key', async () => {
    const first = await post('/baoCaoGiaThiTruong', report());
    expect(first.status).toBe(201);
    expect(first.data).toMatchObject({ MaBaoCao: 'BCGTT-91-202511-T1', SoMatHang: 2, TrangThai: 'Đã tiếp nhận' });
    expect(first.data.MaBienNhan).toMatch(/^BN-\d{14}-[0-9A-F]{6}$/);
    // Pork up 30 % over the previous period: accepted, flagged.
    expect(first.data.CanhBao).toEqual([expect.objectContaining({ MaHangHoa: 'TP.001', TyLeThayDoi: 30 })]);

    const retry = await post('/baoCaoGiaThiTruong', report());
    expect(retry.status).toBe(200);
    expect(retry.data).toEqual(first.data);
    const reordered = await post('/baoCaoGiaThiTruong', Object.fromEntries(Object.entries(report()).reverse()));
    expect(reordered.status).toBe(200);

    const changed = await post('/baoCaoGiaThiTruong', report({ NgayBaoCao: '04/12/2025' }));
    expect(changed.status).toBe(409);
    expect(changed.data.error).toMatchObject({ code: 'CONFLICT', field: 'MaBaoCao', details: { MaBienNhan: first.data.MaBienNhan } });

    const back = await get('/bienNhan', { maBienNhan: first.data.MaBienNhan });
    expect(back.data).toMatchObject({ ...first.data, LoaiDuLieu: 'BaoCaoGia', NoiDung: report() });
    const list = await get('/danhSachDaGui', { loaiDuLieu: 'BaoCaoGia', soBanGhi: 100 });
    expect(list.data.TongSo).toBe(seed.baoCaoGia.length + 1);
    expect(list.data.DanhSach.at(-1).MaBienNhan).toBe(first.data.MaBienNhan);
    const page2 = await get('/danhSachDaGui', { loaiDuLieu: 'BaoCaoGia', soBanGhi: 4, trang: 2 });
    expect(page2.data.DanhSach.map((r: any) => r.MaBienNhan)).toEqual([first.data.MaBienNhan]);
  });

  it('a seeded report sent again is a retry of the original; with other content, a conflict', async () => {
    const old = seed.baoCaoGia[1];
    const again = await post('/baoCaoGiaThiTruong', old.NoiDung);
    expect(again.status).toBe(200);
    expect(again.data.MaBienNhan).toBe(old.MaBienNhan);
    const edited = await post('/baoCaoGiaThiTruong', { ...old.NoiDung, NguoiLap: 'Trần Văn Bình' });
    expect(edited.data.error).toMatchObject({ code: 'CONFLICT', details: { MaBienNhan: old.MaBienNhan } });
  });

  it('checks goods against the catalog version of the period', async () => {
    const unknown = await post('/baoCaoGiaThiTruong', report({ MaBaoCao: 'X-1', DanhSachGia: [{ MaHangHoa: 'LT.002', DonViTinh: 'kg', GiaKyNay: 1 }, { MaHangHoa: 'ZZ.999', DonViTinh: 'kg', GiaKyNay: 1 }] }));
    expect(unknown.data.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'DanhSachGia[1].MaHangHoa' });
    const unit = await post('/baoCaoGiaThiTruong', report({ MaBaoCao: 'X-2', DanhSachGia: [{ MaHangHoa: 'NL.001', DonViTinh: 'kg', GiaKyNay: 1 }] }));
    expect(unit.data.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'DanhSachGia[0].DonViTinh' });
    const twice = await post('/baoCaoGiaThiTruong', report({ MaBaoCao: 'X-3', DanhSachGia: [{ MaHangHoa: 'LT.002', DonViTinh: 'kg', GiaKyNay: 1 }, { MaHangHoa: 'LT.002', DonViTinh: 'kg', GiaKyNay: 2 }] }));
    expect(twice.data.error.field).toBe('DanhSachGia[1].MaHangHoa');
    // Gạo nếp left the catalog with the 2024-07 version: fine for May 2024, not for August 2025.
    const nep = (ky: string, ma: string) => report({ MaBaoCao: ma, KyBaoCao: ky, DanhSachGia: [{ MaHangHoa: 'LT.004', DonViTinh: 'kg', GiaKyNay: 23_000 }] });
    expect((await post('/baoCaoGiaThiTruong', nep('05/2024', 'X-4'))).status).toBe(201);
    expect((await post('/baoCaoGiaThiTruong', nep('08/2025', 'X-5'))).data.error.field).toBe('DanhSachGia[0].MaHangHoa');
    expect((await post('/baoCaoGiaThiTruong', nep('12/2018', 'X-6'))).data.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'KyBaoCao' });
  });
});

describe('lookups', () => {
  it('national prices include what the province pushed, for that province only', async () => {
    const rows = await get('/traCuuGia', { maHangHoa: 'LT.002', maTinh: '91', tuKy: '10/2025' });
    expect(rows.data.DanhSach.map((r: any) => r.KyBaoCao)).toEqual(['10/2025', '11/2025']);
    expect(rows.data.DanhSach[1]).toMatchObject({ Gia: 14_800, NguonSoLieu: 'Sở Tài chính tỉnh An Giang', MaBienNhan: expect.stringMatching(/^BN-/) });

    await t.sim.deps.clients.create({ id: 'tthc-can-tho', secret: 'can-tho-secret', province: 'can-tho', scopes: ['gia'], sandbox: true });
    const token = await t.http.post('/token', 'grant_type=client_credentials', {
      auth: { username: 'tthc-can-tho', password: 'can-tho-secret' },
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    const other = { Authorization: `Bearer ${token.data.access_token}` };
    const seen = await get('/traCuuGia', { maHangHoa: 'LT.002', maTinh: '91', tuKy: '10/2025' }, other);
    expect(seen.data.DanhSach.map((r: any) => r.KyBaoCao)).toEqual(['10/2025']);
  });

  it('summarises a period across provinces', async () => {
    const res = await get('/tongHopGia', { maHangHoa: 'NL.001', kyBaoCao: '09/2025' });
    expect(res.data.SoTinh).toBe(5);
    expect(res.data.GiaThapNhat).toBeLessThanOrEqual(res.data.GiaBinhQuan);
    expect(res.data.GiaBinhQuan).toBeLessThanOrEqual(res.data.GiaCaoNhat);
    expect((await get('/tongHopGia', { maHangHoa: 'NL.001', kyBaoCao: '01/2020' })).data.error.code).toBe('RECORD_NOT_FOUND');
  });
});

describe('price declarations', () => {
  it('are pushed idempotently, checked for dates, and found by enterprise code', async () => {
    const base = seed.keKhaiGia[0].NoiDung;
    const mine = { ...base, SoVanBanKeKhai: '901/2025/KKG-MOI', NgayKeKhai: '10/11/2025', NgayThucHien: '15/11/2025' };
    const created = await post('/keKhaiGia', mine);
    expect(created.status).toBe(201);
    expect((await post('/keKhaiGia', mine)).data.MaBienNhan).toBe(created.data.MaBienNhan);
    const backwards = await post('/keKhaiGia', { ...mine, SoVanBanKeKhai: '902/2025/KKG-MOI', NgayThucHien: '01/11/2025' });
    expect(backwards.data.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'NgayThucHien' });
    const found = await get('/traCuuKeKhaiGia', { msdn: base.MSDN, soBanGhi: 100 });
    const numbers = found.data.DanhSach.map((k: any) => k.SoVanBanKeKhai);
    expect(numbers).toContain(base.SoVanBanKeKhai);
    expect(numbers).toContain('901/2025/KKG-MOI');
    expect((await get('/bienNhan', { maBienNhan: created.data.MaBienNhan })).data.LoaiDuLieu).toBe('KeKhaiGia');
  });
});
