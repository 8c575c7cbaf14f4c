/**
 * Mã số ĐVQHNS: the dossier state machine over real Redis + BullMQ (CLOCK_FACTOR 100000): supplement requested and
 * answered, illegal moves, seeded open dossiers adopted on the province's first move, idempotent resubmission, and
 * lookup of a code issued live.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestSim, type TestSim } from '../helpers/sim.js';

let t: TestSim;
let auth: Record<string, string>;
let seed: { hoSoDaXuLy: any[]; donViDaCapMa: any[] };
const P = '/msdvqhns/1.0';
const post = (op: string, body: unknown, headers: Record<string, string> = {}) =>
  t.http.post(`${P}/${op}`, body, { headers: { ...auth, 'content-type': 'application/json', ...headers } });
const get = (op: string, params: Record<string, unknown>) => t.http.get(`${P}/${op}`, { params, headers: auth });
const statusOf = (maHoSo: string, trangThai: string) =>
  eventually(async () => {
    const r = await get('traCuuTrangThai', { maHoSo });
    return r.data.TrangThai === trangThai ? r.data : undefined;
  }, 5000);

beforeAll(async () => {
  t = await startTestSim('dvqhns');
  auth = await t.auth('ma-so-ngan-sach');
  seed = t.sim.registry.get('ma-so-ngan-sach')!.seed as any;
});
afterAll(async () => t?.close());

const form = (over: Record<string, unknown> = {}) => ({ ...seed.hoSoDaXuLy[0].YeuCau, ...over });

describe('a forwarded registration', () => {
  it('waits in YEU_CAU_BO_SUNG with no result, then after boSungHoSo gets a code the lookup finds', async () => {
    const created = await post('dangKyMaSo', form({ TenDonVi: 'Trường Mầm non Sen Hồng' }), { 'X-Mock-Scenario': 'bo-sung' });
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({ TrangThai: 'DA_TIEP_NHAN', MaTrangThaiDVCQG: '2' });
    expect(created.data.MaHoSo).toMatch(/^000\.00\.07\.H01-\d{6}-\d{4}$/);
    const waiting = await statusOf(created.data.MaHoSo, 'YEU_CAU_BO_SUNG');
    expect(waiting).toMatchObject({ MaTrangThaiDVCQG: '5', NoiDungYeuCauBoSung: expect.stringContaining('Quyết định thành lập') });
    const early = await get('layKetQua', { maHoSo: created.data.MaHoSo });
    expect(early.status).toBe(409);
    expect(early.data.error).toMatchObject({ code: 'CONFLICT', details: { TrangThai: 'YEU_CAU_BO_SUNG' } });

    const supplemented = await post('boSungHoSo', {
      MaHoSo: created.data.MaHoSo,
      TaiLieuBoSung: [{ TenTaiLieu: 'Quyết định thành lập (bản sao có chứng thực)', LoaiTaiLieu: 'quyet-dinh-thanh-lap', TenTep: 'qd-thanh-lap.pdf' }],
      GhiChu: 'Đã bổ sung',
    });
    expect(supplemented.status).toBe(200);
    expect(supplemented.data.TrangThai).toBe('DA_BO_SUNG');
    const done = await statusOf(created.data.MaHoSo, 'DA_CAP_MA');
    expect(done.LichSu.map((h: any) => h.TrangThai)).toEqual(['DA_TIEP_NHAN', 'DANG_XU_LY', 'YEU_CAU_BO_SUNG', 'DA_BO_SUNG', 'DA_CAP_MA']);
    expect(done.LichSu[3].GhiChu).toBe('Đã bổ sung');
    expect(done.MaSoDVQHNS).toMatch(/^1[5-9]\d{5}$/);

    const ketQua = await get('layKetQua', { maHoSo: created.data.MaHoSo });
    expect(ketQua.data).toMatchObject({ MaSoDVQHNS: done.MaSoDVQHNS, TenDonVi: 'Trường Mầm non Sen Hồng', CoQuanCap: 'Sở Tài chính tỉnh An Giang' });
    const lookup = await get('traCuuMaSo', { maSo: done.MaSoDVQHNS });
    expect(lookup.data).toMatchObject({ MaSo: done.MaSoDVQHNS, MaHoSo: created.data.MaHoSo, TrangThai: 'Đang hoạt động' });

    // Terminal: no further province move.
    const again = await post('boSungHoSo', { MaHoSo: created.data.MaHoSo, TaiLieuBoSung: [{ TenTaiLieu: 'Khác', LoaiTaiLieu: 'khac' }] });
    expect(again.status).toBe(409);
    expect(again.data.error).toMatchObject({ code: 'ILLEGAL_TRANSITION', details: { from: 'DA_CAP_MA', allowed: [] } });
  });

  it('keeps the province dossier code: a resubmission is a safe retry, the same code for another unit a conflict', async () => {
    const code = `000.00.07.H01-251120-${String(1000 + Math.floor(Math.random() * 8999))}`;
    const first = await post('dangKyMaSo', form({ MaHoSoTinh: code }));
    expect(first.status).toBe(201);
    expect(first.data.MaHoSo).toBe(code);
    const retry = await post('dangKyMaSo', form({ MaHoSoTinh: code }));
    expect(retry.status).toBe(200);
    expect(retry.data.MaHoSo).toBe(code);
    const other = await post('dangKyMaSo', form({ MaHoSoTinh: code, TenDonVi: 'Đơn vị khác hẳn' }));
    expect(other.status).toBe(409);
    expect(other.data.error).toMatchObject({ code: 'CONFLICT', field: 'MaHoSoTinh' });
    const list = await get('danhSachHoSo', { soBanGhi: 100 });
    expect(list.data.DanhSach.map((d: any) => d.MaHoSo)).toContain(code);
  });

  it('wants project details exactly for investment projects', async () => {
    const project = await post('dangKyMaSo', form({ LoaiHinhDonVi: '8' }));
    expect(project.status).toBe(400);
    expect(project.data.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'DuAn' });
    const badId = await post('dangKyMaSo', form({ NguoiDaiDien: { ...seed.hoSoDaXuLy[0].YeuCau.NguoiDaiDien, SoDinhDanh: '123' } }));
    expect(badId.data.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'NguoiDaiDien.SoDinhDanh' });
  });
});

describe('seeded dossiers', () => {
  it('an open seeded dossier becomes live on the province’s move and keeps its earlier history', async () => {
    const waiting = seed.hoSoDaXuLy.find((h) => h.TrangThai === 'YEU_CAU_BO_SUNG' && h !== seed.hoSoDaXuLy[1]);
    const res = await post('boSungHoSo', { MaHoSo: waiting.MaHoSo, TaiLieuBoSung: [{ TenTaiLieu: 'Quyết định thành lập', LoaiTaiLieu: 'quyet-dinh-thanh-lap' }] });
    expect(res.status).toBe(200);
    expect(res.data.LichSu.map((h: any) => h.TrangThai)).toEqual(['DA_TIEP_NHAN', 'DANG_XU_LY', 'YEU_CAU_BO_SUNG', 'DA_BO_SUNG']);
    expect(res.data.LichSu[0].ThoiGian).toBe(waiting.LichSu[0].ThoiGian);
    await statusOf(waiting.MaHoSo, 'DA_CAP_MA');

    const processing = seed.hoSoDaXuLy.find((h) => h.TrangThai === 'DANG_XU_LY' && h !== seed.hoSoDaXuLy[2]);
    const withdrawn = await post('rutHoSo', { MaHoSo: processing.MaHoSo, LyDo: 'Đơn vị giải thể theo quyết định mới' });
    expect(withdrawn.data).toMatchObject({ TrangThai: 'DA_RUT', MaTrangThaiDVCQG: '7', LyDoRut: 'Đơn vị giải thể theo quyết định mới' });
  });

  it('a closed seeded dossier refuses a province move; an issued one has its certificate', async () => {
    const issued = seed.hoSoDaXuLy[0];
    const res = await post('rutHoSo', { MaHoSo: issued.MaHoSo, LyDo: 'Thử rút hồ sơ đã cấp' });
    expect(res.status).toBe(409);
    expect(res.data.error).toMatchObject({ code: 'ILLEGAL_TRANSITION', field: 'TrangThai' });
    const ketQua = await get('layKetQua', { maHoSo: issued.MaHoSo });
    expect(ketQua.data.MaSoDVQHNS).toBe(issued.KetQua.MaSoDVQHNS);
    const unit = await get('traCuuMaSo', { maSo: issued.KetQua.MaSoDVQHNS });
    expect(unit.data).toMatchObject({ TenDonVi: issued.YeuCau.TenDonVi, NgayCap: issued.KetQua.NgayCap });
    expect(unit.data.NguoiDaiDien).toBeUndefined();
    expect((await get('traCuuMaSo', { maSo: '1999999' })).data.error).toMatchObject({ code: 'RECORD_NOT_FOUND', field: 'maSo' });
  });
});
