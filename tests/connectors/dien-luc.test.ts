/**
 * EVN service requests are stateful (the power company's side moves them on BullMQ with an accelerated clock; the
 * province signs contracts, supplies documents and withdraws), and the lookups must agree with one another: bills with
 * the tariff, yearly figures with the monthly ones, outages with the customer's commune.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEP_MAU, tienDienSinhHoat } from '../../connectors/dien-luc/codes.js';
import { eventually, startTestSim, type TestSim } from '../helpers/sim.js';

const BASE = '/evn-cskh/1.0';
let t: TestSim;
let seed: Record<string, any[]>;
let auth: Record<string, string>;

beforeAll(async () => {
  t = await startTestSim('dien-luc');
  seed = t.sim.registry.get('dien-luc')!.seed as Record<string, any[]>;
  auth = await t.auth();
});
afterAll(async () => t?.close());

const get = (op: string, params: Record<string, unknown>) => t.http.get(`${BASE}/${op}`, { params, headers: auth });
const post = (op: string, body: unknown, headers: Record<string, string> = {}) => t.http.post(`${BASE}/${op}`, body, { headers: { ...auth, ...headers } });
const until = (maHoSo: string, trangThai: string) =>
  eventually(async () => {
    const r = await get('traCuuYeuCau', { maHoSo });
    return r.data.TrangThai === trangThai ? r.data : undefined;
  }, 5000);

const cccd = { TenTaiLieu: 'Căn cước công dân', LoaiTaiLieu: 'CCCD', DinhDang: 'image/jpeg', NoiDungBase64: TEP_MAU.jpeg };
const nhaDat = { TenTaiLieu: 'Giấy chứng nhận quyền sử dụng đất', LoaiTaiLieu: 'GIAY_TO_NHA_DAT', DinhDang: 'application/pdf', NoiDungBase64: TEP_MAU.pdf };
const capDienMoi = (extra: Record<string, unknown> = {}) => ({
  LoaiYeuCau: 'CAP_DIEN_MOI_SINH_HOAT',
  KhachHang: seed.yeuCau![0].KhachHang,
  DiaChiSuDungDien: seed.yeuCau![0].DiaChiSuDungDien,
  MucDichSuDung: 'Sinh hoạt',
  TaiLieuDinhKem: [cccd, nhaDat],
  ...extra,
});
const activeHousehold = () => seed.khachHang!.find((k) => k.LoaiKhachHang === 'SINH_HOAT' && k.TinhTrangHopDong === 'HIEU_LUC');
const holderOf = (k: { SoDinhDanhChuHopDong: string; TenKhachHang: string; SoDienThoai: string }) => ({ HoTen: k.TenKhachHang, SoDinhDanh: k.SoDinhDanhChuHopDong, SoDienThoai: k.SoDienThoai });

describe('EVN lookups', () => {
  it('bills households on the stepped tariff with VAT, and finds contracts by the holder’s ID number', async () => {
    const k = activeHousehold();
    const r = await get('traCuuKhachHang', { maKhachHang: k.MaKhachHang });
    expect(r.data.TieuThu12Thang).toHaveLength(12);
    for (const ky of r.data.TieuThu12Thang) expect(ky.TienDien).toBe(tienDienSinhHoat(ky.DienNang));
    // 127 kWh: 50 × 1 984 + 50 × 2 050 + 27 × 2 380 = 265 960 đ, + 8 % VAT.
    expect(tienDienSinhHoat(127)).toBe(287_237);
    const byId = await get('khachHangTheoDinhDanh', { soDinhDanh: k.SoDinhDanhChuHopDong });
    expect(byId.data.DanhSach.map((x: { MaKhachHang: string }) => x.MaKhachHang)).toContain(k.MaKhachHang);
    const none = await get('khachHangTheoDinhDanh', { soDinhDanh: '001099000001' });
    expect(none.data).toMatchObject({ TongSo: 0, DanhSach: [] });
  });

  it('adds the monthly commune figures up to the yearly province figures, with growth against the same months', async () => {
    const y2025 = (await get('tieuThuDienTheoNam', { nam: 2025 })).data;
    expect(y2025).toMatchObject({ SoThangCoSoLieu: 10, DenThang: '10/2025' });
    expect(y2025.TangTruongCungKy).toBeGreaterThan(0);
    const sep = (await get('tieuThuDienTheoThang', { thang: '09/2025', soBanGhi: 100 })).data;
    const communes = sep.DanhSach.reduce((a: number, r: { DienNangThuongPham: number }) => a + r.DienNangThuongPham, 0);
    expect(sep.TongDienNangThuongPham).toBe(communes);
    expect(y2025.ChiTietThang.find((m: { Thang: string }) => m.Thang === '09/2025').DienNangThuongPham).toBe(communes);
    const parts = Object.values(y2025.CoCau as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(parts).toBe(y2025.TongDienNangThuongPham);
    expect((await get('tieuThuDienTheoNam', { nam: 2019 })).status).toBe(404);
  });

  it('finds the outages of a customer’s commune from the customer code', async () => {
    const k = seed.khachHang!.find((x) => seed.lichCatDien!.some((l) => l.MaXa === x.DiaChiSuDungDien.MaXa));
    const r = await get('lichCatDien', { maKhachHang: k.MaKhachHang, soBanGhi: 100 });
    expect(r.data.TongSo).toBeGreaterThan(0);
    for (const l of r.data.DanhSach) expect(l.MaXa).toBe(k.DiaChiSuDungDien.MaXa);
  });
});

describe('EVN service requests', () => {
  it('new connection: survey, contract draft, the customer signs online, works, connected with a new customer code', async () => {
    const created = await post('dangKyDichVu', capDienMoi());
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({ TrangThai: '1', DonViQuanLy: { Ten: expect.stringMatching(/^Điện lực /) } });
    expect(created.data.TaiLieuDinhKem[0]).toMatchObject({ LoaiTaiLieu: 'CCCD', DungLuong: Buffer.from(TEP_MAU.jpeg, 'base64').length, MaHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(created.data.TaiLieuDinhKem[0].NoiDungBase64).toBeUndefined();

    const draft = await until(created.data.MaHoSo, '4');
    const soHopDong = draft.HopDongDuThao.SoHopDong;
    const wrong = await post('kyHopDong', { MaHoSo: created.data.MaHoSo, SoHopDong: '00001/2025/HĐMBĐ-PCAG', HinhThucKy: 'OTP' });
    expect(wrong.status).toBe(400);
    expect(wrong.data.error.field).toBe('SoHopDong');
    const signed = await post('kyHopDong', { MaHoSo: created.data.MaHoSo, SoHopDong: soHopDong, HinhThucKy: 'OTP' });
    expect(signed.data.TrangThai).toBe('5');
    const done = await until(created.data.MaHoSo, '6');
    expect(done.KetQua).toMatchObject({ SoHopDong: soHopDong, MaKhachHang: expect.stringMatching(/^PB09\d{9}$/) });
    expect(done.LichSu.map((h: { TrangThai: string }) => h.TrangThai)).toEqual(['1', '2', '4', '5', '6']);
    const late = await post('huyYeuCau', { MaHoSo: created.data.MaHoSo, LyDoHuy: 'Đổi ý' });
    expect(late.status).toBe(409);
    expect(late.data.error.code).toBe('ILLEGAL_TRANSITION');
  });

  it('sends a request back for documents (scenario thieu-ho-so); the supplement moves it on, once per MaBoSung', async () => {
    const created = await post('dangKyDichVu', capDienMoi({ TaiLieuDinhKem: [cccd] }), { 'X-Mock-Scenario': 'thieu-ho-so' });
    const waiting = await until(created.data.MaHoSo, '3');
    expect(waiting.NoiDungYeuCauBoSung).toContain('quyền sử dụng nhà, đất');
    const supplement = { MaHoSo: created.data.MaHoSo, MaBoSung: 'BS-TEST-1', TaiLieuDinhKem: [nhaDat] };
    const first = await post('boSungHoSo', supplement);
    expect(first.status).toBe(200);
    expect(first.data.TrangThai).toBe('2');
    expect(first.data.TaiLieuDinhKem).toHaveLength(2);
    const again = await post('boSungHoSo', supplement);
    expect(again.data.BoSung).toHaveLength(1);
    const other = await post('boSungHoSo', { ...supplement, TaiLieuDinhKem: [cccd] });
    expect(other.status).toBe(409);
    expect(other.data.error.field).toBe('MaBoSung');
    await until(created.data.MaHoSo, '4');
  });

  it('changes a household’s quota for the contract holder only, never on a terminated contract', async () => {
    const k = activeHousehold();
    const body = { LoaiYeuCau: 'THAY_DOI_DINH_MUC', KhachHang: holderOf(k), MaKhachHang: k.MaKhachHang, SoHoSuDung: 3, TaiLieuDinhKem: [cccd] };
    const ok = await post('dangKyDichVu', body);
    expect(ok.status).toBe(201);
    expect((await until(ok.data.MaHoSo, '6')).KetQua.NoiDung).toContain('3 hộ');
    const stranger = await post('dangKyDichVu', { ...body, KhachHang: { ...body.KhachHang, SoDinhDanh: '001099000001' } });
    expect(stranger.status).toBe(400);
    expect(stranger.data.error.field).toBe('KhachHang.SoDinhDanh');
    const ended = seed.khachHang!.find((x) => x.TinhTrangHopDong === 'THANH_LY');
    const closed = await post('dangKyDichVu', { ...body, KhachHang: holderOf(ended), MaKhachHang: ended.MaKhachHang });
    expect(closed.status).toBe(409);
    expect(closed.data.error).toMatchObject({ code: 'CONFLICT', field: 'MaKhachHang' });
  });

  it('checks uploaded files against their declared type and requires the ID card picture', async () => {
    const fake = await post('dangKyDichVu', capDienMoi({ TaiLieuDinhKem: [{ ...cccd, NoiDungBase64: TEP_MAU.pdf }] }));
    expect(fake.status).toBe(400);
    expect(fake.data.error.field).toBe('TaiLieuDinhKem[0].NoiDungBase64');
    const noId = await post('dangKyDichVu', capDienMoi({ TaiLieuDinhKem: [nhaDat] }));
    expect(noId.status).toBe(400);
    expect(noId.data.error.field).toBe('TaiLieuDinhKem');
  });

  it('keeps the province’s dossier code: a retry is safe, another request under it is refused; withdrawing twice is harmless', async () => {
    const maHoSoTinh = '000.00.01.H01-251101-0777';
    const first = await post('dangKyDichVu', capDienMoi({ MaHoSoTinh: maHoSoTinh }));
    const retry = await post('dangKyDichVu', capDienMoi({ MaHoSoTinh: maHoSoTinh }));
    expect([first.status, retry.status]).toEqual([201, 200]);
    expect(retry.data.MaHoSo).toBe(maHoSoTinh);
    const clash = await post('dangKyDichVu', capDienMoi({ MaHoSoTinh: maHoSoTinh, GhiChu: 'khác' }));
    expect(clash.status).toBe(409);
    const withdrawn = await post('huyYeuCau', { MaHoSo: maHoSoTinh, LyDoHuy: 'Khách hàng không còn nhu cầu' });
    expect(withdrawn.data).toMatchObject({ TrangThai: '8', LyDoHuy: 'Khách hàng không còn nhu cầu' });
    expect((await post('huyYeuCau', { MaHoSo: maHoSoTinh, LyDoHuy: 'Lần nữa' })).data.TrangThai).toBe('8');
    const listed = await get('danhSachYeuCau', { trangThai: '8', soBanGhi: 5 });
    expect(listed.data.DanhSach[0].MaHoSo).toBe(maHoSoTinh);
  });
});
