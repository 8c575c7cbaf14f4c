/**
 * The TNMT–Thuế exchange as a state machine: tax notice amounts, waiting for payment, recording the slips
 * (idempotently), the land result, withdrawal, exemptions between relatives and the slip rules.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestSim, type TestSim } from '../helpers/sim.js';

const BASE = '/apiLienThongTNMTThue/1.0';
let t: TestSim;
let auth: Record<string, string>;
let phieuMau: any;

beforeAll(async () => {
  t = await startTestSim('lien-thong-thue-dat-dai');
  auth = await t.auth();
  phieuMau = (t.sim.registry.get('lien-thong-thue-dat-dai')!.seed.hoSoLienThong![0] as any).PhieuChuyen;
});
afterAll(async () => t?.close());

const post = (op: string, body: unknown, scenario?: string) =>
  t.http.post(`${BASE}/${op}`, body, { headers: { ...auth, ...(scenario ? { 'X-Mock-Scenario': scenario } : {}) } });
const get = (op: string, params: Record<string, string>) => t.http.get(`${BASE}/${op}`, { params, headers: auth });
const statusOf = async (maHoSo: string) => (await get('traCuuTrangThaiHoSo', { maHoSo })).data.TrangThai as string;
const reaches = (maHoSo: string, status: string) => eventually(async () => (await statusOf(maHoSo)) === status, 5000);

describe('sale of land with a house, waiting for payment (cho-nop-tien)', () => {
  let maHoSo: string;
  let notices: any;

  it('issues one notice per obligation: LPTB 0,5 % and TNCN 2 % of the higher of contract price and price table', async () => {
    const sent = await post('guiPhieuChuyenThongTin', phieuMau, 'cho-nop-tien');
    expect(sent.status).toBe(201);
    expect(sent.data.TrangThai).toBe('01');
    maHoSo = sent.data.MaHoSo;
    expect(await reaches(maHoSo, '04')).toBe(true);
    notices = (await get('traCuuThongBaoThue', { maHoSo })).data;
    expect(notices).toMatchObject({ TrangThai: '04', TinhTrangNop: 'CHUA_NOP', QuaHanNop: false });
    const base = Math.max(phieuMau.GiaChuyenNhuong, notices.GiaDatTheoBangGia);
    const byKind = Object.fromEntries(notices.DanhSachThongBao.map((n: any) => [n.LoaiNghiaVu, n]));
    expect(byKind.LPTB.SoTienPhaiNop).toBe(Math.round(base * 0.005));
    expect(byKind.LPTB.NguoiNopThue.MaSoThue).toBe(phieuMau.BenNhanQuyen.SoDinhDanh);
    expect(byKind.TNCN.SoTienPhaiNop).toBe(Math.round(base * 0.02));
    expect(byKind.TNCN.NguoiNopThue.MaSoThue).toBe(phieuMau.BenChuyenQuyen.SoDinhDanh);
    expect(notices.TongSoTienPhaiNop).toBe(byKind.LPTB.SoTienPhaiNop + byKind.TNCN.SoTienPhaiNop);
  });

  it('stays waiting: no result yet (409 with the deadline), the notice is still unpaid', async () => {
    const res = await get('layKetQua', { maHoSo });
    expect(res.status).toBe(409);
    expect(res.data.error).toMatchObject({ code: 'CONFLICT', details: { TrangThai: '04', HanNop: notices.HanNop } });
    expect(await statusOf(maHoSo)).toBe('04');
  });

  it('refuses slips that do not match the notices (wrong amount, missing notice)', async () => {
    const [lptb, tncn] = notices.DanhSachThongBao;
    const slip = (n: any, soTien = n.SoTienPhaiNop) => ({ SoThongBao: n.SoThongBao, SoChungTu: `CT${n.LoaiNghiaVu}0001`, NgayNop: notices.NgayThongBao, SoTien: soTien, KenhNop: 'NGAN_HANG' });
    const wrong = await post('xacNhanNopTien', { MaHoSo: maHoSo, DanhSachChungTu: [slip(lptb, lptb.SoTienPhaiNop - 1000), slip(tncn)] });
    expect(wrong.status).toBe(400);
    expect(wrong.data.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'DanhSachChungTu[0].SoTien' });
    const missing = await post('xacNhanNopTien', { MaHoSo: maHoSo, DanhSachChungTu: [slip(lptb)] });
    expect(missing.status).toBe(400);
    expect(missing.data.error.field).toBe('DanhSachChungTu');
    expect(await statusOf(maHoSo)).toBe('04');
  });

  it('records the payment once; the same slips again are a safe retry, other slips a conflict; then the result comes', async () => {
    const slips = notices.DanhSachThongBao.map((n: any, i: number) => ({ SoThongBao: n.SoThongBao, SoChungTu: `GNT2025000${i + 1}`, NgayNop: notices.NgayThongBao, SoTien: n.SoTienPhaiNop, KenhNop: 'ETAX' }));
    const paid = await post('xacNhanNopTien', { MaHoSo: maHoSo, DanhSachChungTu: slips });
    expect(paid.status).toBe(200);
    expect(paid.data).toMatchObject({ TrangThai: '05', GhiNhanMoi: true, TongSoTienDaNop: notices.TongSoTienPhaiNop });
    const again = await post('xacNhanNopTien', { MaHoSo: maHoSo, DanhSachChungTu: [...slips].reverse() });
    expect(again.status).toBe(200);
    expect(again.data.GhiNhanMoi).toBe(false);
    const other = await post('xacNhanNopTien', { MaHoSo: maHoSo, DanhSachChungTu: slips.map((s: any) => ({ ...s, SoChungTu: `${s.SoChungTu}9` })) });
    expect(other.status).toBe(409);
    expect(other.data.error.code).toBe('CONFLICT');
    expect(await reaches(maHoSo, '07')).toBe(true);
    const result = await get('layKetQua', { maHoSo });
    expect(result.status).toBe(200);
    expect(result.data.KetQua.GiayChungNhan.NguoiSuDungDat.SoDinhDanh).toBe(phieuMau.BenNhanQuyen.SoDinhDanh);
    expect(result.data.KetQua.GiayChungNhan.NoiDungBienDong).toContain(phieuMau.BenChuyenQuyen.HoVaTen);
    const history = (await get('traCuuTrangThaiHoSo', { maHoSo })).data.LichSu.map((h: any) => h.TrangThai);
    expect(history).toEqual(['01', '02', '04', '05', '06', '07']);
    const tb = (await get('traCuuThongBaoThue', { maHoSo })).data;
    expect(tb.TinhTrangNop).toBe('DA_NOP');
    expect(tb.DanhSachChungTu.map((c: any) => c.SoChungTu).sort()).toEqual(slips.map((s: any) => s.SoChungTu).sort());
  });

  it('cannot withdraw after paying (ILLEGAL_TRANSITION, the dossier keeps its state)', async () => {
    const res = await post('rutHoSo', { MaHoSo: maHoSo, LyDo: 'Các bên hủy hợp đồng chuyển nhượng' });
    expect(res.status).toBe(409);
    expect(res.data.error.code).toBe('ILLEGAL_TRANSITION');
    expect(await statusOf(maHoSo)).toBe('07');
  });
});

describe('other paths', () => {
  it('without a scenario the applicant pays online: the treasury reports the slips and the result is issued', async () => {
    const sent = await post('guiPhieuChuyenThongTin', phieuMau);
    expect(await reaches(sent.data.MaHoSo, '07')).toBe(true);
    const tb = (await get('traCuuThongBaoThue', { maHoSo: sent.data.MaHoSo })).data;
    expect(tb.DanhSachChungTu.every((c: any) => c.KenhNop === 'DVCQG')).toBe(true);
  });

  it('a gift between spouses is exempt from both LPTB and TNCN: nothing to pay', async () => {
    const gift = { ...phieuMau, LoaiThuTuc: 'TANG_CHO', QuanHeGiaDinh: 'VO_CHONG' };
    delete gift.GiaChuyenNhuong;
    const sent = await post('guiPhieuChuyenThongTin', gift, 'cho-nop-tien');
    expect(await reaches(sent.data.MaHoSo, '04')).toBe(true);
    const tb = (await get('traCuuThongBaoThue', { maHoSo: sent.data.MaHoSo })).data;
    expect(tb).toMatchObject({ TongSoTienPhaiNop: 0, TinhTrangNop: 'KHONG_PHAI_NOP' });
    expect(tb.DanhSachThongBao.every((n: any) => n.MienGiam && n.MienGiam.SoTienMien > 0)).toBe(true);
    const confirmed = await post('xacNhanNopTien', { MaHoSo: sent.data.MaHoSo, DanhSachChungTu: [] });
    expect(confirmed.data).toMatchObject({ TrangThai: '05', TongSoTienDaNop: 0 });
  });

  it('the applicant may withdraw while the notice is unpaid', async () => {
    const sent = await post('guiPhieuChuyenThongTin', phieuMau, 'cho-nop-tien');
    expect(await reaches(sent.data.MaHoSo, '04')).toBe(true);
    const res = await post('rutHoSo', { MaHoSo: sent.data.MaHoSo, LyDo: 'Các bên thỏa thuận hủy hợp đồng' });
    expect(res.data).toMatchObject({ TrangThai: '08', LyDoRut: 'Các bên thỏa thuận hủy hợp đồng' });
    expect((await get('layKetQua', { maHoSo: sent.data.MaHoSo })).data.error.details.LyDo).toBe('Các bên thỏa thuận hủy hợp đồng');
  });

  it('a returned dossier has the reason and no notice', async () => {
    const sent = await post('guiPhieuChuyenThongTin', phieuMau, 'tra-ho-so');
    expect(await reaches(sent.data.MaHoSo, '03')).toBe(true);
    const st = (await get('traCuuTrangThaiHoSo', { maHoSo: sent.data.MaHoSo })).data;
    expect(st.LyDoTraHoSo).toBeTruthy();
    expect((await get('traCuuThongBaoThue', { maHoSo: sent.data.MaHoSo })).status).toBe(409);
  });

  it('keeps the province’s dossier code: a retry gets the same dossier, another holder gets 409', async () => {
    const code = '000.20.17.H01-251201-0999';
    const first = await post('guiPhieuChuyenThongTin', { ...phieuMau, MaHoSoTinh: code });
    expect(first.status).toBe(201);
    expect(first.data.MaHoSo).toBe(code);
    const retry = await post('guiPhieuChuyenThongTin', { ...phieuMau, MaHoSoTinh: code });
    expect(retry.status).toBe(200);
    const other = await post('guiPhieuChuyenThongTin', { ...phieuMau, MaHoSoTinh: code, BenNhanQuyen: { ...phieuMau.BenChuyenQuyen }, BenChuyenQuyen: phieuMau.BenNhanQuyen });
    expect(other.status).toBe(409);
    const sync = await get('dongBoTrangThai', { tuThoiDiem: '20250101000000', soBanGhi: '100' });
    expect(sync.data.DanhSach.some((r: any) => r.MaHoSo === code && r.MaHoSoTinh === code)).toBe(true);
  });

  it('refuses slips that break the procedure’s rules, naming the field', async () => {
    const first = { ...phieuMau, LoaiThuTuc: 'CAP_LAN_DAU' };
    const res = await post('guiPhieuChuyenThongTin', first);
    expect(res.status).toBe(400);
    expect(res.data.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'BenChuyenQuyen' });
    const outside = await post('guiPhieuChuyenThongTin', { ...phieuMau, ThuaDat: { ...phieuMau.ThuaDat, MaXa: '26734' } });
    expect(outside.data.error.field).toBe('ThuaDat.MaXa');
    const noPrice = { ...phieuMau };
    delete noPrice.GiaChuyenNhuong;
    expect((await post('guiPhieuChuyenThongTin', noPrice)).data.error.field).toBe('GiaChuyenNhuong');
  });

  it('a seeded (closed) dossier cannot be paid with other slips or withdrawn', async () => {
    const seeded = t.sim.registry.get('lien-thong-thue-dat-dai')!.seed.hoSoLienThong![0] as any;
    const other = await post('xacNhanNopTien', { MaHoSo: seeded.MaHoSo, DanhSachChungTu: [{ ...seeded.ChungTuNopTien[0], SoChungTu: 'KHAC000001' }] });
    expect(other.status).toBe(409);
    const rut = await post('rutHoSo', { MaHoSo: seeded.MaHoSo, LyDo: 'Thử rút hồ sơ đã xong' });
    expect(rut.data.error).toMatchObject({ code: 'ILLEGAL_TRANSITION', details: { from: '07', to: '08' } });
  });
});
