/**
 * Off-plan housing notices as a state machine: the answer depends on the documents, a supplement round-trip,
 * province-side steps (idempotent), the units left in a project, and the developer/project rules.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestSim, type TestSim } from '../helpers/sim.js';

const BASE = '/dvcNhaOHTTTL/1.0';
let t: TestSim;
let auth: Record<string, string>;
let hoSoMau: any;

beforeAll(async () => {
  t = await startTestSim('nha-o-hinh-thanh-tuong-lai');
  auth = await t.auth();
  hoSoMau = (t.sim.registry.get('nha-o-hinh-thanh-tuong-lai')!.seed.hoSoThongBao![0] as any).HoSo;
});
afterAll(async () => t?.close());

const post = (op: string, body: unknown, scenario?: string) =>
  t.http.post(`${BASE}/${op}`, body, { headers: { ...auth, ...(scenario ? { 'X-Mock-Scenario': scenario } : {}) } });
const get = (op: string, params: Record<string, string>) => t.http.get(`${BASE}/${op}`, { params, headers: auth });
const statusOf = async (maHoSo: string) => (await get('traCuuHoSo', { maHoSo })).data.TrangThai as string;
const reaches = (maHoSo: string, status: string) => eventually(async () => (await statusOf(maHoSo)) === status, 5000);
const units = (h: any) => h.DanhSachNhaO.reduce((s: number, n: any) => s + n.SoLuong, 0);

describe('a complete notice', () => {
  it('is answered eligible, handed over by the province (idempotently) and counted against the project', async () => {
    const before = (await get('traCuuDuAn', { maDuAn: hoSoMau.MaDuAn })).data;
    const sent = await post('nopHoSo', hoSoMau);
    expect(sent.status).toBe(201);
    expect(sent.data.TrangThai).toBe('1');
    const maHoSo = sent.data.MaHoSo;
    expect(await reaches(maHoSo, '9')).toBe(true);
    const kq = (await get('layKetQua', { maHoSo })).data.KetQua;
    expect(kq).toMatchObject({ LoaiKetQua: 'DU_DIEU_KIEN', TongSoCan: units(hoSoMau), LyDo: [], MaDuAn: hoSoMau.MaDuAn });
    expect(Buffer.from(kq.TepKetQua.NoiDungBase64, 'base64').toString('utf8')).toContain(kq.SoVanBan);
    const handed = await post('capNhatTienDo', { MaHoSo: maHoSo, TrangThai: '10', NoiDung: 'Đã trả kết quả cho chủ đầu tư' });
    expect(handed.data).toMatchObject({ TrangThai: '10', CapNhatMoi: true });
    const again = await post('capNhatTienDo', { MaHoSo: maHoSo, TrangThai: '10', NoiDung: 'Đã trả kết quả cho chủ đầu tư' });
    expect(again.data.CapNhatMoi).toBe(false);
    const after = (await get('traCuuDuAn', { maDuAn: hoSoMau.MaDuAn })).data;
    expect(after.SoCanConLai).toBe(before.SoCanConLai - units(hoSoMau));
    const notices = (await get('traCuuThongBao', { maDuAn: hoSoMau.MaDuAn, loaiKetQua: 'DU_DIEU_KIEN' })).data.DanhSachThongBao;
    expect(notices.some((n: any) => n.MaHoSo === maHoSo && n.SoVanBan === kq.SoVanBan)).toBe(true);
    expect((await get('traCuuHoSo', { maHoSo })).data.LichSu.map((l: any) => l.TrangThai)).toEqual(['1', '2', '4', '9', '10']);
  });

  it('an apartment project without the foundation acceptance is answered "not eligible", with the reason', async () => {
    const thieu = { ...hoSoMau, TaiLieuNop: hoSoMau.TaiLieuNop.filter((d: any) => d.LoaiGiayTo !== 'NGHIEM_THU_MONG') };
    const sent = await post('nopHoSo', thieu);
    expect(await reaches(sent.data.MaHoSo, '9')).toBe(true);
    const kq = (await get('layKetQua', { maHoSo: sent.data.MaHoSo })).data.KetQua;
    expect(kq).toMatchObject({ LoaiKetQua: 'KHONG_DU_DIEU_KIEN', TongSoCan: 0, DanhSachNhaO: [] });
    expect(kq.LyDo.join(' ')).toContain('phần móng');
  });
});

describe('supplementary documents (yeu-cau-bo-sung)', () => {
  it('waits in 5; the province files the supplement (5 → 4) and the answer follows; wrong steps are refused', async () => {
    const sent = await post('nopHoSo', hoSoMau, 'yeu-cau-bo-sung');
    const maHoSo = sent.data.MaHoSo;
    expect(await reaches(maHoSo, '5')).toBe(true);
    expect((await get('traCuuHoSo', { maHoSo })).data.YeuCauBoSung).toBeTruthy();
    const early = await post('capNhatTienDo', { MaHoSo: maHoSo, TrangThai: '10', NoiDung: 'Trả kết quả quá sớm' });
    expect(early.status).toBe(409);
    expect(early.data.error).toMatchObject({ code: 'ILLEGAL_TRANSITION', details: { from: '5', to: '10' } });
    const empty = await post('capNhatTienDo', { MaHoSo: maHoSo, TrangThai: '4', NoiDung: 'Nộp bổ sung giấy tờ' });
    expect(empty.data.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'TaiLieuBoSung' });
    const baoLanh = hoSoMau.TaiLieuNop.find((d: any) => d.LoaiGiayTo === 'BAO_LANH_NGAN_HANG');
    const moi = { ...baoLanh, SoHieu: '9999/CV-BL', NgayBanHanh: '01/11/2025' };
    const filed = await post('capNhatTienDo', { MaHoSo: maHoSo, TrangThai: '4', NoiDung: 'Chủ đầu tư đã nộp bổ sung bảo lãnh', TaiLieuBoSung: [moi] });
    expect(filed.data).toMatchObject({ TrangThai: '4', CapNhatMoi: true });
    expect(await reaches(maHoSo, '9')).toBe(true);
    const twice = await post('capNhatTienDo', { MaHoSo: maHoSo, TrangThai: '4', NoiDung: 'Nộp bổ sung lần nữa', TaiLieuBoSung: [moi] });
    expect(twice.data.error.code).toBe('ILLEGAL_TRANSITION');
    expect((await get('layKetQua', { maHoSo })).data.KetQua.LoaiKetQua).toBe('DU_DIEU_KIEN');
  });
});

describe('other paths and rules', () => {
  it('a dossier not accepted has the reason and no result', async () => {
    const sent = await post('nopHoSo', hoSoMau, 'khong-tiep-nhan');
    expect(await reaches(sent.data.MaHoSo, '3')).toBe(true);
    const res = await get('layKetQua', { maHoSo: sent.data.MaHoSo });
    expect(res.status).toBe(409);
    expect(res.data.error.details.LyDo).toBeTruthy();
  });

  it('the developer may withdraw while waiting for a supplement', async () => {
    const sent = await post('nopHoSo', hoSoMau, 'yeu-cau-bo-sung');
    expect(await reaches(sent.data.MaHoSo, '5')).toBe(true);
    const res = await post('capNhatTienDo', { MaHoSo: sent.data.MaHoSo, TrangThai: '7', NoiDung: 'Chủ đầu tư rút hồ sơ để điều chỉnh thiết kế' });
    expect(res.data.TrangThai).toBe('7');
    expect((await get('traCuuHoSo', { maHoSo: sent.data.MaHoSo })).data.LyDo).toBe('Chủ đầu tư rút hồ sơ để điều chỉnh thiết kế');
  });

  it('refuses another company, housing the project does not have, and more units than are left', async () => {
    const other = await post('nopHoSo', { ...hoSoMau, ChuDauTu: { ...hoSoMau.ChuDauTu, MSDN: '0100109106' } });
    expect(other.data.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'ChuDauTu.MSDN' });
    const villa = await post('nopHoSo', { ...hoSoMau, DanhSachNhaO: [{ ...hoSoMau.DanhSachNhaO[0], LoaiNha: 'BIET_THU' }] });
    expect(villa.data.error.field).toBe('DanhSachNhaO[0].LoaiNha');
    const tooMany = await post('nopHoSo', { ...hoSoMau, DanhSachNhaO: [{ ...hoSoMau.DanhSachNhaO[0], SoLuong: 5000 }] });
    expect(tooMany.data.error.field).toBe('DanhSachNhaO');
    const unknown = await post('nopHoSo', { ...hoSoMau, MaDuAn: 'DA91999999' });
    expect(unknown.data.error.field).toBe('MaDuAn');
  });

  it('lists the province’s projects by developer and syncs changed dossiers', async () => {
    const list = (await get('danhSachDuAn', { maTinh: '91', msdn: hoSoMau.ChuDauTu.MSDN })).data;
    expect(list.TongSo).toBeGreaterThan(0);
    expect(list.DanhSach.every((d: any) => d.ChuDauTu.MSDN === hoSoMau.ChuDauTu.MSDN)).toBe(true);
    expect((await get('danhSachDuAn', { maTinh: '01' })).data.TongSo).toBe(0);
    const sent = await post('nopHoSo', { ...hoSoMau, MaHoSoTinh: '000.00.21.H01-251201-0777' }, 'khong-tiep-nhan');
    expect(sent.data.MaHoSo).toBe('000.00.21.H01-251201-0777');
    const sync = (await get('dongBoTrangThai', { tuThoiDiem: '20251201000000', soBanGhi: '100' })).data;
    expect(sync.DanhSach.some((r: any) => r.MaHoSo === '000.00.21.H01-251201-0777')).toBe(true);
  });
});
