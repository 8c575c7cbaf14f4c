/**
 * Bưu chính công ích orders are stateful: VNPost's side moves them on its own (BullMQ, accelerated clock), the province
 * cancels before pickup and decides what happens after a failed delivery. Two simulators: a fast clock to watch the
 * journey end by itself, and a real-time clock where the test plays VNPost's side through the dossier store.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestSim, type TestSim } from '../helpers/sim.js';

const ID = 'buu-chinh-cong-ich';
const BASE = '/bccp-dvc/1.0';

let fast: TestSim;
let slow: TestSim;
let seedOrder: Record<string, any>;

beforeAll(async () => {
  [fast, slow] = await Promise.all([startTestSim('bccp-fast'), startTestSim('bccp-slow', {}, { CLOCK_FACTOR: '1' })]);
  seedOrder = fast.sim.registry.get(ID)!.seed.donHang![0] as Record<string, any>;
});
afterAll(async () => Promise.all([fast?.close(), slow?.close()]));

const order = (extra: Record<string, unknown> = {}) => ({
  MaHoSo: seedOrder.MaHoSo,
  MaTTHC: seedOrder.MaTTHC,
  TenTTHC: seedOrder.TenTTHC,
  KenhThucHien: '2',
  CongDan: seedOrder.CongDan,
  CoQuan: seedOrder.CoQuan,
  KhoiLuong: 1200,
  SoLuongHoSo: 1,
  ...extra,
});

async function post(t: TestSim, op: string, body: unknown, headers: Record<string, string> = {}) {
  return t.http.post(`${BASE}/${op}`, body, { headers: { ...(await t.auth()), ...headers } });
}
async function track(t: TestSim, maVanDon: string) {
  return t.http.get(`${BASE}/traCuuVanDon`, { params: { maVanDon }, headers: await t.auth() });
}
/** VNPost's side, played by the test on the real store (the real-time clock never gets there by itself). */
const central = (maVanDon: string, ...steps: string[]) =>
  steps.reduce((p, to) => p.then(() => slow.sim.deps.dossiers.transition(ID, maVanDon, to, 'central')), Promise.resolve(null as unknown));

describe('bưu chính công ích orders', () => {
  it('creates a return order with its tariff, and VNPost carries it to delivery on its own', async () => {
    // 1 200 g within the province: 22 000 + 2 × 3 000; collecting 200 000 đ costs the 5 000 đ minimum.
    const created = await post(fast, 'taoDonTraKetQua', order({ ThuHo: 200_000 }));
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({ LoaiDon: 'TRA_KET_QUA', TrangThai: '1', CuocChinh: 28_000, PhiThuHo: 5_000, TongCuoc: 33_000, ThuHo: 200_000 });
    expect(created.data.MaVanDon).toMatch(/^ET\d{9}VN$/);
    const done = await eventually(async () => {
      const r = await track(fast, created.data.MaVanDon);
      return r.data.TrangThai === '5' ? r.data : undefined;
    }, 5000);
    expect(done.HanhTrinh.map((e: { TrangThai: string }) => e.TrangThai)).toEqual(['1', '2', '3', '5']);
    expect(done.KetQuaPhat.NguoiKyNhan).toBe(seedOrder.CongDan.HoTen);
    expect(done.HanhTrinh[3].BuuCuc).toBe(`Bưu điện ${seedOrder.CongDan.DiaChi.TenXa.replace(/^./, (c: string) => c.toLowerCase())}`);
  });

  it('cancels before pickup (harmless twice), and refuses to cancel once picked up', async () => {
    const a = (await post(slow, 'taoDonThuGom', order({ KenhThucHien: '3' }))).data;
    const cancelled = await post(slow, 'huyDon', { MaVanDon: a.MaVanDon, LyDoHuy: 'Công dân rút hồ sơ' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.data).toMatchObject({ TrangThai: '9', LyDoHuy: 'Công dân rút hồ sơ' });
    expect(cancelled.data.HanhTrinh.at(-1)).toMatchObject({ TrangThai: '9', GhiChu: 'Công dân rút hồ sơ' });
    expect((await post(slow, 'huyDon', { MaVanDon: a.MaVanDon, LyDoHuy: 'Lần nữa' })).data.TrangThai).toBe('9');

    const b = (await post(slow, 'taoDonThuGom', order({ KenhThucHien: '3' }))).data;
    await central(b.MaVanDon, '2');
    const late = await post(slow, 'huyDon', { MaVanDon: b.MaVanDon, LyDoHuy: 'Muộn' });
    expect(late.status).toBe(409);
    expect(late.data.error).toMatchObject({ code: 'ILLEGAL_TRANSITION', details: { from: '2', to: '9' } });
    expect((await track(slow, b.MaVanDon)).data.TrangThai).toBe('2');
  });

  it('after a failed delivery: delivers again to a new phone number, then returns to sender; decisions are idempotent per MaYeuCau', async () => {
    const o = (await post(slow, 'taoDonTraKetQua', order())).data;
    const early = await post(slow, 'xuLyPhatKhongThanhCong', { MaVanDon: o.MaVanDon, MaYeuCau: 'XL-1', HuongXuLy: 'PHAT_LAI' });
    expect(early.status).toBe(409);
    expect(early.data.error.code).toBe('ILLEGAL_TRANSITION');

    await central(o.MaVanDon, '2', '3', '6');
    const failed = (await track(slow, o.MaVanDon)).data;
    expect(failed).toMatchObject({ TrangThai: '6', LyDoPhatKhongThanhCong: expect.stringContaining('vắng nhà') });

    const again = { MaVanDon: o.MaVanDon, MaYeuCau: 'XL-1', HuongXuLy: 'PHAT_LAI', SoDienThoaiLienHe: '0912345678' };
    const r1 = await post(slow, 'xuLyPhatKhongThanhCong', again);
    expect(r1.status).toBe(200);
    expect(r1.data).toMatchObject({ TrangThai: '3', CongDan: { SoDienThoai: '0912345678' } });
    expect(r1.data.HanhTrinh.at(-1).GhiChu).toContain('XL-1');
    const r2 = await post(slow, 'xuLyPhatKhongThanhCong', again);
    expect(r2.data.HanhTrinh).toEqual(r1.data.HanhTrinh);
    const clash = await post(slow, 'xuLyPhatKhongThanhCong', { ...again, HuongXuLy: 'CHUYEN_HOAN' });
    expect(clash.status).toBe(409);
    expect(clash.data.error).toMatchObject({ code: 'CONFLICT', field: 'MaYeuCau' });

    await central(o.MaVanDon, '6');
    const back = await post(slow, 'xuLyPhatKhongThanhCong', { MaVanDon: o.MaVanDon, MaYeuCau: 'XL-2', HuongXuLy: 'CHUYEN_HOAN' });
    expect(back.data.TrangThai).toBe('7');
    expect(back.data.YeuCauXuLy.map((x: { MaYeuCau: string }) => x.MaYeuCau)).toEqual(['XL-1', 'XL-2']);
  });

  it('makes a retry with the same MaThamChieu safe and refuses the reference for other content', async () => {
    const body = order({ MaThamChieu: 'AG-BCCI-000123' });
    const first = await post(fast, 'taoDonTraKetQua', body);
    const retry = await post(fast, 'taoDonTraKetQua', body);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(200);
    expect(retry.data.MaVanDon).toBe(first.data.MaVanDon);
    const other = await post(fast, 'taoDonTraKetQua', { ...body, KhoiLuong: 200 });
    expect(other.status).toBe(409);
    expect(other.data.error).toMatchObject({ code: 'CONFLICT', field: 'MaThamChieu' });
  });

  it('refuses a pickup for a non-postal dossier, an address that contradicts the commune list and a wrong S10 check digit', async () => {
    const nonPostal = await post(fast, 'taoDonThuGom', order({ KenhThucHien: '1' }));
    expect(nonPostal.status).toBe(400);
    expect(nonPostal.data.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'KenhThucHien' });
    const badAddress = await post(fast, 'taoDonTraKetQua', order({ CongDan: { ...seedOrder.CongDan, DiaChi: { ...seedOrder.CongDan.DiaChi, TenXa: 'Xã Không Có' } } }));
    expect(badAddress.status).toBe(400);
    expect(badAddress.data.error.field).toBe('CongDan.DiaChi.TenXa');
    const digit = Number(seedOrder.MaVanDon[10]);
    const wrong = `${seedOrder.MaVanDon.slice(0, 10)}${(digit + 1) % 10}VN`;
    const badCode = await track(fast, wrong);
    expect(badCode.status).toBe(400);
    expect(badCode.data.error.field).toBe('maVanDon');
  });

  it('lists the province’s orders newest update first, filtered for status sync, and hides them from other provinces', async () => {
    const maHoSo = '000.00.01.H01-251101-0042';
    const o = (await post(slow, 'taoDonTraKetQua', order({ MaHoSo: maHoSo }))).data;
    const list = await slow.http.get(`${BASE}/danhSachDonHang`, { params: { maHoSo }, headers: await slow.auth() });
    expect(list.data.TongSo).toBe(1);
    expect(list.data.DanhSach[0]).toMatchObject({ MaVanDon: o.MaVanDon, TrangThai: '1' });
    const since = await slow.http.get(`${BASE}/danhSachDonHang`, { params: { capNhatTu: o.NgayTao }, headers: await slow.auth() });
    expect(since.data.DanhSach.every((r: { CapNhatLuc: string }) => r.CapNhatLuc >= o.NgayTao)).toBe(true);
    expect(since.data.DanhSach.some((r: { MaVanDon: string }) => r.MaVanDon === o.MaVanDon)).toBe(true);

    await slow.sim.deps.clients.create({ id: 'tthc-ca-mau', secret: 'bi-mat-ca-mau', province: 'ca-mau', scopes: [ID], sandbox: true });
    const token = await slow.http.post('/token', 'grant_type=client_credentials', {
      auth: { username: 'tthc-ca-mau', password: 'bi-mat-ca-mau' },
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    const foreign = await slow.http.get(`${BASE}/traCuuVanDon`, { params: { maVanDon: o.MaVanDon }, headers: { Authorization: `Bearer ${token.data.access_token}` } });
    expect(foreign.status).toBe(404);
  });
});
