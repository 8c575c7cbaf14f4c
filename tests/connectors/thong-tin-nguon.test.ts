/**
 * Thông tin nguồn pushes are idempotent with receipts and can be read back; device heartbeats feed live monitoring;
 * quarterly reports are corrected one version at a time and show in the national table; content carries an ETag.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatTimestampCompact } from '../../src/core/identifiers.js';
import { startTestSim, type TestSim } from '../helpers/sim.js';

const BASE = '/ttn/1.0';
let t: TestSim;
let seed: Record<string, any[]>;
let auth: Record<string, string>;

beforeAll(async () => {
  t = await startTestSim('ttn');
  seed = t.sim.registry.get('thong-tin-nguon')!.seed as Record<string, any[]>;
  auth = await t.auth();
});
afterAll(async () => t?.close());

const get = (op: string, params: Record<string, unknown>, headers: Record<string, string> = auth) => t.http.get(`${BASE}/${op}`, { params, headers });
const post = (op: string, body: unknown, headers: Record<string, string> = auth) => t.http.post(`${BASE}/${op}`, body, { headers });

const banTin = (extra: Record<string, unknown> = {}) => ({
  MaBanTin: 'AG-BT-TEST-0001',
  LoaiNoiDung: 'BAN_TIN_PHAT_THANH',
  TieuDe: 'Xã Phú Tân: thông báo lịch tiêm chủng mở rộng',
  NoiDung: 'Trạm Y tế xã Phú Tân tổ chức tiêm chủng mở rộng vào sáng thứ Bảy.',
  ChuDe: 'Y tế, sức khỏe',
  DonViSanXuat: { TenDonVi: 'Đài Truyền thanh xã Phú Tân', MaXa: '30212' },
  NgayPhat: '20251101060000',
  TepDinhKem: [{ TenTep: 'tiem-chung.mp3', DinhDang: 'audio/mpeg', DuongDan: 'https://thongtinnguon.angiang.gov.vn/tep/tiem-chung.mp3', DungLuong: 3_200_000, ThoiLuongGiay: 200 }],
  ...extra,
});

async function otherProvince(): Promise<Record<string, string>> {
  await t.sim.deps.clients.create({ id: 'tthc-ca-mau', secret: 'bi-mat-ca-mau', province: 'ca-mau', scopes: ['thong-tin-nguon'], sandbox: true });
  const r = await t.http.post('/token', 'grant_type=client_credentials', {
    auth: { username: 'tthc-ca-mau', password: 'bi-mat-ca-mau' },
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  return { Authorization: `Bearer ${r.data.access_token}` };
}

describe('thông tin nguồn pushes', () => {
  it('acknowledges a local bulletin once: a retry gets the same receipt, other content under the key is refused; it reads back', async () => {
    const first = await post('dayBanTinDiaPhuong', banTin());
    expect(first.status).toBe(201);
    expect(first.data).toMatchObject({ LoaiDuLieu: 'BAN_TIN', Khoa: 'AG-BT-TEST-0001', TrangThai: 'DA_TIEP_NHAN' });
    const retry = await post('dayBanTinDiaPhuong', banTin());
    expect(retry.status).toBe(200);
    expect(retry.data.MaBienNhan).toBe(first.data.MaBienNhan);
    const clash = await post('dayBanTinDiaPhuong', banTin({ TieuDe: 'Xã Phú Tân: nội dung khác hẳn' }));
    expect(clash.status).toBe(409);
    expect(clash.data.error).toMatchObject({ code: 'CONFLICT', field: 'MaBanTin' });

    const back = await get('traCuuBienNhan', { maBienNhan: first.data.MaBienNhan });
    expect(back.data).toMatchObject({ LoaiDuLieu: 'BAN_TIN', BienNhan: first.data, DuLieu: banTin() });
    const list = await get('danhSachDaGui', { loaiDuLieu: 'BAN_TIN', soBanGhi: 5 });
    const history = seed.daGui!.filter((p) => p.LoaiDuLieu === 'BAN_TIN');
    expect(list.data.TongSo).toBe(history.length + 1);
    expect(list.data.DanhSach[0].BienNhan.MaBienNhan).toBe(first.data.MaBienNhan);
    // Page 2 continues into the seeded history, newest first.
    const page2 = await get('danhSachDaGui', { loaiDuLieu: 'BAN_TIN', soBanGhi: 5, trang: 2 });
    expect(page2.data.DanhSach[0].Khoa).toBe(history[history.length - 5].Khoa);
  });

  it('refuses a radio item without audio, and hides one province’s pushes from another', async () => {
    const noAudio = await post('dayBanTinDiaPhuong', banTin({ MaBanTin: 'AG-BT-TEST-0002', TepDinhKem: [] }));
    expect(noAudio.status).toBe(400);
    expect(noAudio.data.error.field).toBe('TepDinhKem');
    const caMau = await otherProvince();
    const seeded = seed.daGui![0].BienNhan.MaBienNhan;
    expect((await get('traCuuBienNhan', { maBienNhan: seeded })).status).toBe(200);
    expect((await get('traCuuBienNhan', { maBienNhan: seeded }, caMau)).status).toBe(404);
  });

  it('feeds live monitoring from heartbeats: registers new devices, ignores late reports', async () => {
    const now = new Date();
    const ts = (minutesAgo: number) => formatTimestampCompact(new Date(now.getTime() - minutesAgo * 60_000));
    const moi = { MaThietBi: 'AG-LOA-30212-09', TrangThai: 'HOAT_DONG', ThoiDiem: ts(1) };
    const unregistered = await post('dayTrangThaiThietBi', { MaGoiTin: 'GS-T-1', ThoiDiemGui: ts(0), DanhSach: [moi] });
    expect(unregistered.status).toBe(400);
    expect(unregistered.data.error.field).toBe('DanhSach[0].LoaiThietBi');

    const batch = { MaGoiTin: 'GS-T-2', ThoiDiemGui: ts(0), DanhSach: [{ ...moi, LoaiThietBi: 'CUM_LOA_IP', MaXa: '30212', ViTri: 'Ngã ba chợ xã Phú Tân' }] };
    expect((await post('dayTrangThaiThietBi', batch)).status).toBe(201);
    expect((await post('dayTrangThaiThietBi', batch)).status).toBe(200);
    const late = { MaGoiTin: 'GS-T-3', ThoiDiemGui: ts(0), DanhSach: [{ MaThietBi: moi.MaThietBi, TrangThai: 'MAT_KET_NOI', ThoiDiem: ts(20) }] };
    expect((await post('dayTrangThaiThietBi', late)).status).toBe(201);

    const view = await get('giamSatThietBi', { maXa: '30212', soBanGhi: 100 });
    const device = view.data.DanhSach.find((d: { MaThietBi: string }) => d.MaThietBi === moi.MaThietBi);
    expect(device).toMatchObject({ TrangThaiGanNhat: { TrangThai: 'HOAT_DONG', ThoiDiem: moi.ThoiDiem }, QuaHanBaoCao: false, ViTri: 'Ngã ba chợ xã Phú Tân' });
    expect(view.data.TongHop.Tong).toBe(seed.thietBi!.length + 1);
  });

  it('takes quarterly report corrections one version at a time and shows the newest in the national table', async () => {
    const q3 = seed.daGui!.find((p) => p.LoaiDuLieu === 'BAO_CAO_THONG_KE' && p.DuLieu.KyBaoCao === '2025-Q3');
    const replay = await post('dayBaoCaoThongKe', q3.DuLieu);
    expect(replay.status).toBe(200);
    expect(replay.data.MaBienNhan).toBe(q3.BienNhan.MaBienNhan);
    const changed = { ...q3.DuLieu, SoLieu: { ...q3.DuLieu.SoLieu, SoTinBaiDaPhat: q3.DuLieu.SoLieu.SoTinBaiDaPhat + 1 } };
    expect((await post('dayBaoCaoThongKe', changed)).status).toBe(409);
    const skipped = await post('dayBaoCaoThongKe', { ...changed, LanGui: 3 });
    expect(skipped.status).toBe(400);
    expect(skipped.data.error.field).toBe('LanGui');
    const fixed = await post('dayBaoCaoThongKe', { ...changed, LanGui: 2 });
    expect(fixed.status).toBe(201);

    const table = await get('thongKeToanQuoc', { kyBaoCao: '2025-Q3', soBanGhi: 34 });
    expect(table.data.SoTinhDaBaoCao).toBe(34);
    const ag = table.data.DanhSach.find((r: { MaTinh: string }) => r.MaTinh === '91');
    expect(ag).toMatchObject({ LanGui: 2, MaBienNhan: fixed.data.MaBienNhan, SoLieu: changed.SoLieu });
    const total = table.data.DanhSach.reduce((a: number, r: { SoLieu: { SoTinBaiDaPhat: number } }) => a + r.SoLieu.SoTinBaiDaPhat, 0);
    expect(table.data.TongHop.SoTinBaiDaPhat).toBe(total);

    const foreign = await post('dayBaoCaoThongKe', { ...changed, MaTinh: '96', LanGui: 1 });
    expect(foreign.status).toBe(400);
    expect(foreign.data.error.field).toBe('MaTinh');
    const impossible = await post('dayBaoCaoThongKe', { ...changed, LanGui: 3, SoLieu: { ...changed.SoLieu, SoDaiUngDungCNTT: changed.SoLieu.SoDaiTruyenThanhCapXa + 1 } });
    expect(impossible.status).toBe(400);
    expect(impossible.data.error.field).toBe('SoLieu.SoDaiUngDungCNTT');
  });
});

describe('central content', () => {
  it('revalidates an item by its ETag (304), and a recall changes the ETag', async () => {
    const ma = seed.noiDung![0].MaNoiDung;
    const first = await get('chiTietNoiDung', { maNoiDung: ma });
    const etag = first.headers.etag;
    expect(etag).toMatch(/^"TTN-/);
    const again = await get('chiTietNoiDung', { maNoiDung: ma }, { ...auth, 'If-None-Match': etag });
    expect(again.status).toBe(304);
    const recalled = await get('chiTietNoiDung', { maNoiDung: ma }, { ...auth, 'If-None-Match': etag, 'X-Mock-Scenario': 'thu-hoi-noi-dung' });
    expect(recalled.status).toBe(200);
    expect(recalled.data.TrangThai).toBe('THU_HOI');
    expect(recalled.headers.etag).not.toBe(etag);
  });

  it('searches content without diacritics, newest first', async () => {
    const r = await get('danhSachNoiDung', { q: 'sot xuat huyet', soBanGhi: 100 });
    expect(r.data.TongSo).toBeGreaterThan(0);
    for (const n of r.data.DanhSach) expect(n.TieuDe).toContain('sốt xuất huyết');
    const dates = r.data.DanhSach.map((n: { NgayXuatBan: string }) => n.NgayXuatBan);
    expect(dates).toEqual([...dates].sort().reverse());
  });
});
