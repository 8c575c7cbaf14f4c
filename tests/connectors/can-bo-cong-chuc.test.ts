/**
 * Cán bộ công chức behaviour beyond the conformance suite: versioned, idempotent pushes (live and seeded history),
 * read-back, the rules on records (salary table, rank vs category, agency catalog, identity), and statistics.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSim, type TestSim } from '../helpers/sim.js';

let t: TestSim;
let auth: Record<string, string>;
let seed: any;

beforeAll(async () => {
  t = await startTestSim('can-bo-cong-chuc');
  auth = await t.auth('can-bo-cong-chuc');
  seed = t.sim.registry.get('can-bo-cong-chuc')!.seed;
});
afterAll(async () => t?.close());

const push = (HoSo: unknown) => t.http.post('/csdlcbccvc/1.0/dongBoHoSo', { MaDonViGui: '000.00.02.H01', HoSo }, { headers: auth });
const get = (path: string, params: Record<string, string> = {}) => t.http.get(`/csdlcbccvc/1.0/${path}`, { params, headers: auth });
const record = (i: number) => structuredClone(seed.canBo[i]);

describe('pushing officials’ records', () => {
  it('accepts a new version once, gives the same receipt to a retry, and serves it back by ID number, code and receipt', async () => {
    const i = seed.canBo.findIndex((c: any, k: number) => k > 0 && c.PhienBan >= 2);
    const h = { ...record(i), PhienBan: seed.canBo[i].PhienBan + 1, NgayCapNhat: '10/11/2025' };
    const first = await push(h);
    expect(first.status).toBe(201);
    expect(first.data).toMatchObject({ MaCanBo: h.MaCanBo, PhienBan: h.PhienBan, TrangThai: 'DA_TIEP_NHAN', DaNhanTruocDo: false });
    const again = await push(h);
    expect(again.status).toBe(200);
    expect(again.data).toMatchObject({ MaBienNhan: first.data.MaBienNhan, DaNhanTruocDo: true });
    expect((await get('canBo', { soDinhDanh: h.SoDinhDanh })).data).toEqual(h);
    expect((await get(`canBo/${h.MaCanBo}`)).data.PhienBan).toBe(h.PhienBan);
    expect((await get('bienNhan', { maBienNhan: first.data.MaBienNhan })).data).toMatchObject({ KhoaDongBo: `${h.MaCanBo}:${h.PhienBan}`, NoiDung: h });

    const changed = await push({ ...h, NgayCapNhat: '11/11/2025' });
    expect(changed.status).toBe(409);
    expect(changed.data.error).toMatchObject({ code: 'CONFLICT', field: 'HoSo.PhienBan', details: { MaBienNhan: first.data.MaBienNhan } });
    // Older than the current version and not a version ever pushed (the seeded history holds the latest only).
    const older = await push({ ...h, PhienBan: h.PhienBan - 2, NgayCapNhat: '01/01/2025' });
    expect(older.status).toBe(409);
    expect(older.data.error.details).toEqual({ PhienBanHienTai: h.PhienBan });
  });

  it('treats the seeded history like live pushes: the same version is a retry, other content under it a conflict', async () => {
    const h = record(3);
    const replay = await push(h);
    expect(replay.status).toBe(200);
    expect(replay.data).toMatchObject({ MaBienNhan: seed.lichSuDongBo[3].MaBienNhan, DaNhanTruocDo: true });
    expect((await push({ ...h, ChuyenNganh: 'Khác' })).status).toBe(409);
  });

  it('takes a newly recruited official, counts them, and refuses a second code for the same person', async () => {
    const before = (await get('thongKe')).data.TongSo;
    const h = { ...record(4), MaCanBo: 'CB91999001', PhienBan: 1 };
    expect((await push(h)).status).toBe(409); // the person already has another code
    const other = t.sim.registry.get('bao-hiem')!.seed.nguoiThamGia as any[];
    const p = other.find((x) => x.ngaySinh.endsWith('1990') && !seed.canBo.some((c: any) => c.SoDinhDanh === x.soDinhDanh));
    const moi = {
      ...h, SoDinhDanh: p.soDinhDanh, HoVaTen: p.hoTen, NgaySinh: p.ngaySinh, GioiTinh: p.gioiTinh === 1 ? '1' : '2', NgayTuyenDung: '01/09/2015',
      QuaTrinhCongTac: [{ TuNgay: '01/09/2015', MaCoQuan: h.CoQuan.MaDinhDanh, TenCoQuan: h.CoQuan.Ten, ChucVu: h.ChucVu }],
    };
    const res = await push(moi);
    expect(res.status, JSON.stringify(res.data)).toBe(201);
    expect((await get('thongKe')).data.TongSo).toBe(before + 1);
    const list = (await get('danhSachCanBo', { maCoQuan: moi.CoQuan.MaDinhDanh, soBanGhi: '100' })).data;
    expect(list.DanhSach.map((x: any) => x.MaCanBo)).toContain('CB91999001');
  });

  it('refuses records that break the rules, naming the field', async () => {
    const h = { ...record(5), PhienBan: 99 };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ HeSoLuong: h.HeSoLuong + 0.01 }, 'HoSo.HeSoLuong'],
      [{ BacLuong: 11 }, 'HoSo.BacLuong'],
      [{ Loai: h.Loai === 'VIEN_CHUC' ? 'CONG_CHUC' : 'VIEN_CHUC' }, 'HoSo.MaNgach'],
      [{ CoQuan: { MaDinhDanh: '000.00.99.H02', Ten: 'Không có' } }, 'HoSo.CoQuan.MaDinhDanh'],
      [{ GioiTinh: h.GioiTinh === '1' ? '2' : '1' }, 'HoSo.GioiTinh'],
      [{ NgayTuyenDung: h.NgaySinh }, 'HoSo.NgayTuyenDung'],
    ];
    for (const [change, field] of cases) {
      const res = await push({ ...h, ...change });
      expect(res.status, field).toBe(400);
      expect(res.data.error.field).toBe(field);
    }
  });
});

describe('statistics for management', () => {
  it('breaks the workforce down consistently', async () => {
    const s = (await get('thongKe', { tinhTrang: 'DANG_CONG_TAC' })).data;
    const sum = (rows: any[]) => rows.reduce((a, r) => a + r.SoLuong, 0);
    for (const k of ['TheoLoai', 'TheoGioiTinh', 'TheoTrinhDo', 'TheoNhomTuoi', 'TheoNgach', 'TheoTinhTrang']) expect(sum(s[k]), k).toBe(s.TongSo);
    expect(s.TheoTinhTrang).toEqual([{ Ma: 'DANG_CONG_TAC', Ten: 'Đang công tác', SoLuong: s.TongSo }]);
    expect(s.TongSo).toBe(seed.canBo.filter((c: any) => c.TinhTrang === 'DANG_CONG_TAC').length);
  });
});
