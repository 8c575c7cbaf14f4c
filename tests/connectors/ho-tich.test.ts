/**
 * Hộ tịch behaviour the shared conformance suite cannot express: the supplement round trip (2 → province → 1 → 3 → 4),
 * idempotent resubmission and supplements, the registration result, the domain rules and the service's error codes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCccd, parseCccd } from '../../src/core/identifiers.js';
import { soapEnvelope, soapBody } from '../helpers/soap.js';
import { eventually, startTestSim, type TestSim } from '../helpers/sim.js';

let t: TestSim;
let auth: Record<string, string>;
let seed: any[];

beforeAll(async () => {
  t = await startTestSim('ho-tich');
  auth = await t.auth('ho-tich');
  seed = t.sim.registry.get('ho-tich')!.seed.hoSoHoTich as any[];
});
afterAll(async () => t?.close());

const post = (path: string, body: unknown, scenario?: string) =>
  t.http.post(`/hotich/1.0/${path}`, body, { headers: { ...auth, ...(scenario ? { 'X-Mock-Scenario': scenario } : {}) } });
const get = (path: string, params: Record<string, string>) => t.http.get(`/hotich/1.0/${path}`, { params, headers: auth });
const status = async (maHoSo: string) => (await get('trangThaiHoSo', { maHoSo })).data;
const reaches = (maHoSo: string, trangThai: string) =>
  eventually(async () => {
    const s = await status(maHoSo);
    return s.TrangThai === trangThai ? s : undefined;
  }, 5000);

const yeuCau = (loai: string) => structuredClone(seed.find((s) => s.DuLieu.LoaiHoSo === loai && s.DuLieu.YeuCau.LoaiHoSo).DuLieu.YeuCau);
const taiLieu = [{ TenTaiLieu: 'Giấy chứng sinh', DuongDan: 'https://dichvucong.angiang.gov.vn/tep/gcs.pdf' }];

describe('a dossier sent back for more documents', () => {
  it('goes 1 → 2, waits for the province, then 2 → 1 → 3 → 4 once supplemented; a resent supplement changes nothing', async () => {
    const nhan = await post('nhanHoSo', yeuCau('KH'), 'bo-sung');
    expect(nhan.status).toBe(201);
    expect(nhan.data).toMatchObject({ TrangThai: '1', LoaiHoSo: 'KH', MaTTHC: '1.000894' });
    const maHoSo = nhan.data.MaHoSo;
    const choBoSung = await reaches(maHoSo, '2');
    expect(choBoSung!.YeuCauBoSung.NoiDung).toMatch(/Giấy xác nhận tình trạng hôn nhân/);
    await new Promise((r) => setTimeout(r, 100));
    expect((await status(maHoSo)).TrangThai).toBe('2'); // no central step leaves 2: it waits for the province

    const chuaCoKetQua = await get('ketQuaHoSo', { maHoSo });
    expect(chuaCoKetQua.status).toBe(409);
    expect(chuaCoKetQua.data.error.details).toMatchObject({ TrangThai: '2' });

    const boSung = { MaHoSo: maHoSo, MaBoSung: 'BS-TEST-0001', TaiLieuBoSung: taiLieu };
    const first = await post('boSungHoSo', boSung);
    expect(first.status).toBe(200);
    expect(first.data).toMatchObject({ TrangThai: '1', DaNhanTruocDo: false });
    const done = await reaches(maHoSo, '4');
    expect(done!.LichSu.map((h: any) => h.TrangThai)).toEqual(['1', '2', '1', '3', '4']);
    expect(done!.LichSu[2].GhiChu).toContain('BS-TEST-0001');
    expect(done!.SoLanBoSung).toBe(1);
    expect(done!.YeuCauBoSung).toBeUndefined();

    const again = await post('boSungHoSo', boSung);
    expect(again.data).toMatchObject({ TrangThai: '4', DaNhanTruocDo: true, ThoiGianTiepNhanBoSung: first.data.ThoiGianTiepNhanBoSung });
    const late = await post('boSungHoSo', { ...boSung, MaBoSung: 'BS-TEST-0002' });
    expect(late.status).toBe(409);
    expect(late.data.error).toMatchObject({ code: 'ILLEGAL_TRANSITION', field: 'TrangThai' });

    const ketQua = await get('ketQuaHoSo', { maHoSo });
    expect(ketQua.status).toBe(200);
    expect(ketQua.data.KetQua.GiayToKetQua.map((g: any) => g.TenGiayTo)).toEqual([
      'Giấy chứng nhận kết hôn (bản chính, giao bên nam)',
      'Giấy chứng nhận kết hôn (bản chính, giao bên nữ)',
    ]);
    const tep = ketQua.data.KetQua.GiayToKetQua[0].TepDinhKem;
    expect(Buffer.from(tep.NoiDungBase64, 'base64').toString('utf8')).toContain('GIẤY CHỨNG NHẬN KẾT HÔN');
  });

  it('a seeded dossier awaiting documents goes live when supplemented and keeps its earlier history', async () => {
    const cho = seed.filter((s) => s.TrangThai === '2')[1];
    const res = await post('boSungHoSo', { MaHoSo: cho.MaHoSo, MaBoSung: 'BS-SEED-0001', TaiLieuBoSung: taiLieu });
    expect(res.status).toBe(200);
    const done = await reaches(cho.MaHoSo, '4');
    expect(done!.LichSu.map((h: any) => h.TrangThai)).toEqual(['1', '2', '1', '3', '4']);
    expect(done!.ThoiGianTiepNhan).toBe(cho.DuLieu.ThoiGianTiepNhan);
  });

  it('refuses a supplement for a dossier that is not waiting for one', async () => {
    const daXong = seed.find((s) => s.TrangThai === '4' && s.DuLieu.BoSung.length === 0);
    const res = await post('boSungHoSo', { MaHoSo: daXong.MaHoSo, MaBoSung: 'BS-X-0001', TaiLieuBoSung: taiLieu });
    expect(res.status).toBe(409);
    expect(res.data.error.code).toBe('ILLEGAL_TRANSITION');
  });
});

describe('liên thông khai sinh – BHYT', () => {
  it('registers the birth and issues the child’s số định danh and a TE1 card valid until the day before age six', async () => {
    const body = structuredClone(seed[0].DuLieu.YeuCau);
    const nhan = await post('lienThongKhaiSinhBhyt', body);
    expect(nhan.status).toBe(201);
    expect(nhan.data).toMatchObject({ LoaiHoSo: 'KSBHYT', TrangThai: '1' });
    await reaches(nhan.data.MaHoSo, '4');
    const kq = (await get('ketQuaHoSo', { maHoSo: nhan.data.MaHoSo })).data.KetQua;
    const sinh = body.KhaiSinh.NguoiDuocKhaiSinh.NgaySinh as string;
    expect(isCccd(kq.SoDinhDanhCaNhan)).toBe(true);
    expect(parseCccd(kq.SoDinhDanhCaNhan)!.birthYear).toBe(Number(sinh.slice(6)));
    expect(kq.TheBhyt.MaThe).toMatch(/^TE191\d{10}$/);
    expect(kq.TheBhyt.MaThe.slice(5)).toBe(kq.TheBhyt.MaSoBhxh);
    expect(kq.TheBhyt.GiaTriTu).toBe(sinh);
    const den = new Date(Date.UTC(Number(sinh.slice(6)) + 6, Number(sinh.slice(3, 5)) - 1, Number(sinh.slice(0, 2)) - 1));
    expect(kq.TheBhyt.GiaTriDen).toBe(`${String(den.getUTCDate()).padStart(2, '0')}/${String(den.getUTCMonth() + 1).padStart(2, '0')}/${den.getUTCFullYear()}`);
    expect(kq.TheBhyt.NoiDangKyKCBBD.MaCoSo).toBe(body.TheBhyt.NoiDangKyKCBBD);
    expect(kq.GiayToKetQua).toHaveLength(3);
  });

  it('refuses a child aged six or more, and a facility that is not the province’s', async () => {
    const old = structuredClone(seed[0].DuLieu.YeuCau);
    old.KhaiSinh.NguoiDuocKhaiSinh.NgaySinh = '01/01/2018';
    expect((await post('lienThongKhaiSinhBhyt', old)).data.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'KhaiSinh.NguoiDuocKhaiSinh.NgaySinh' });
    const far = structuredClone(seed[0].DuLieu.YeuCau);
    far.TheBhyt.NoiDangKyKCBBD = '01001';
    expect((await post('lienThongKhaiSinhBhyt', far)).data.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'TheBhyt.NoiDangKyKCBBD' });
  });
});

describe('resubmission with the province’s dossier code', () => {
  it('returns the same receipt for the same content and 409 for other content under the same code', async () => {
    const body = { ...yeuCau('XNHN'), MaHoSoTinh: '000.00.99.H01-251105-0420' };
    const first = await post('nhanHoSo', body);
    expect(first.status).toBe(201);
    expect(first.data.MaHoSo).toBe(body.MaHoSoTinh);
    const again = await post('nhanHoSo', body);
    expect(again.status).toBe(200);
    expect(again.data).toMatchObject({ MaHoSo: first.data.MaHoSo, ThoiGianTiepNhan: first.data.ThoiGianTiepNhan });
    const other = await post('nhanHoSo', { ...body, KenhThucHien: '1' });
    expect(other.status).toBe(409);
    expect(other.data.error).toMatchObject({ code: 'CONFLICT', field: 'MaHoSoTinh' });
  });
});

describe('rules beyond the schema', () => {
  it('refuses an under-age bride, a sex that contradicts the CCCD, a stray section and a commune of another province', async () => {
    const kh = yeuCau('KH');
    kh.KetHon.BenNu.NgaySinh = `01/01/${new Date().getUTCFullYear() - 17}`;
    kh.KetHon.BenNu.SoDinhDanh = `0893${String(new Date().getUTCFullYear() - 17).slice(2)}123456`;
    expect((await post('nhanHoSo', kh)).data.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'KetHon.BenNu.NgaySinh' });
    const sex = yeuCau('KH');
    sex.KetHon.BenNam.GioiTinh = '2';
    expect((await post('nhanHoSo', sex)).data.error.field).toBe('KetHon.BenNam.GioiTinh');
    const stray = { ...yeuCau('XNHN'), KetHon: yeuCau('KH').KetHon };
    expect((await post('nhanHoSo', stray)).data.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'KetHon' });
    const missing = yeuCau('XNHN');
    delete missing.XacNhanTinhTrangHonNhan;
    expect((await post('nhanHoSo', missing)).data.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'XacNhanTinhTrangHonNhan' });
    expect((await post('nhanHoSo', { ...yeuCau('XNHN'), MaXaDangKy: '00001' })).data.error.field).toBe('MaXaDangKy');
  });
});

describe('the service’s own error codes', () => {
  it('a missing dossier is 404 with MaLoi 201; scenarios give 100 AUTHEN_ERROR and 101 IP_DISALLOWED', async () => {
    const missing = await get('trangThaiHoSo', { maHoSo: '000.00.99.H01-250101-9999' });
    expect(missing.status).toBe(404);
    expect(missing.data.error).toMatchObject({ code: 'RECORD_NOT_FOUND', details: { MaLoi: '201', TenLoi: 'RECORD_NOT_FOUND' } });
    const ip = await t.http.get('/hotich/1.0/trangThaiHoSo', { params: { maHoSo: seed[0].MaHoSo }, headers: { ...auth, 'X-Mock-Scenario': 'ip-disallowed' } });
    expect(ip.status).toBe(502);
    expect(ip.data.error.details).toEqual({ MaLoi: '101', TenLoi: 'IP_DISALLOWED' });
  });
});

describe('status sync and SOAP', () => {
  it('lists a new dossier among the changes since a moment, in update order', async () => {
    const since = new Date(Date.now() - 1000).toISOString().replace(/\D/g, '').slice(0, 14);
    const nhan = await post('nhanHoSo', yeuCau('TDCC'));
    const list = (await get('dongBoTrangThai', { capNhatTu: since, soBanGhi: '100' })).data;
    const row = list.DanhSach.find((r: any) => r.MaHoSo === nhan.data.MaHoSo);
    expect(row).toMatchObject({ LoaiHoSo: 'TDCC' });
    const times = list.DanhSach.map((r: any) => r.ThoiGianCapNhat);
    expect([...times].sort()).toEqual(times);
    expect(list.DanhSach.every((r: any) => r.ThoiGianCapNhat >= since)).toBe(true);
  });

  it('receives a dossier over SOAP 1.1 and answers its status in XML', async () => {
    const xml = soapEnvelope('urn:hotich:moj:1.0', 'NhanHoSoHoTich', yeuCau('CMC'));
    const res = await t.http.post('/hotich/1.0/soap', xml, {
      headers: { ...auth, 'content-type': 'text/xml; charset=utf-8', SOAPAction: '"urn:hotich#NhanHoSoHoTich"' },
      responseType: 'text',
      transformResponse: (x) => x,
    });
    expect(res.status).toBe(201);
    const body = await soapBody(res.data);
    const maHoSo = body.NhanHoSoHoTichResponse.MaHoSo;
    expect(body.NhanHoSoHoTichResponse).toMatchObject({ LoaiHoSo: 'CMC', TrangThai: '1' });
    expect((await status(maHoSo)).LoaiHoSo).toBe('CMC');
  });
});
