/**
 * Trợ giúp xã hội behaviour beyond the conformance suite: a claim decided and reflected in the beneficiary database,
 * the supplement and complaint paths, withdrawal, the review push (receipts, idempotency, conflicts, read-back) and
 * the agreement with bảo hiểm's BT cards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestSim, type TestSim } from '../helpers/sim.js';

let t: TestSim;
let auth: Record<string, string>;
let seed: any;

beforeAll(async () => {
  t = await startTestSim('tro-giup-xa-hoi');
  auth = await t.auth('tro-giup-xa-hoi');
  seed = t.sim.registry.get('tro-giup-xa-hoi')!.seed;
});
afterAll(async () => t?.close());

const post = (path: string, body: unknown, scenario?: string) =>
  t.http.post(`/api-tgxh/1.0/${path}`, body, { headers: { ...auth, ...(scenario ? { 'X-Mock-Scenario': scenario } : {}) } });
const get = (path: string, params: Record<string, string>) => t.http.get(`/api-tgxh/1.0/${path}`, { params, headers: auth });
const reaches = (maHoSo: string, trangThai: string) =>
  eventually(async () => {
    const r = (await get('hoSo/trangThai', { maHoSo })).data;
    return r.TrangThai === trangThai ? r : undefined;
  }, 5000);

/** A new claim for a person of 62+ who receives nothing (a refused claimant of the seed). */
const claim = (k = 0) => {
  const y = structuredClone(seed.hoSoTroCap.filter((h: any) => h.TrangThai === '6')[k].DuLieu.YeuCau);
  return y;
};
const tl = [{ TenTaiLieu: 'Giấy chứng nhận hộ nghèo', DuongDan: 'https://dichvucong.angiang.gov.vn/tep/hn.pdf' }];

describe('a claim through the commune', () => {
  it('is decided (1 → 2 → 3 → 5) at coefficient × 500.000 đ, and the person then appears as a beneficiary', async () => {
    const y = claim(0);
    const nhan = await post('hoSo', y);
    expect(nhan.status).toBe(201);
    expect(nhan.data).toMatchObject({ TrangThai: '1', LoaiHoSo: 'HUONG_MOI', MaTTHC: '1.001776' });
    const done = await reaches(nhan.data.MaHoSo, '5');
    expect(done!.LichSu.map((h: any) => h.TrangThai)).toEqual(['1', '2', '3', '5']);
    const kq = (await get('hoSo/ketQua', { maHoSo: nhan.data.MaHoSo })).data.QuyetDinh;
    expect(kq).toMatchObject({ NhomDoiTuong: 'K5A', MucChuan: 500_000, MucTroCap: kq.HeSo * 500_000 });
    expect([1.5, 2]).toContain(kq.HeSo);
    expect(kq.ThoiDiemHuong).toBe(`01/${kq.NgayKy.slice(3)}`);
    expect(Buffer.from(kq.TepQuyetDinh.NoiDungBase64, 'base64').toString('utf8')).toContain('QUYẾT ĐỊNH VỀ VIỆC HƯỞNG TRỢ CẤP XÃ HỘI HẰNG THÁNG');

    const dt = (await get('doiTuong', { soDinhDanh: y.DoiTuong.SoDinhDanh })).data;
    expect(dt).toMatchObject({ TrangThaiHuong: 'DANG_HUONG', SoQuyetDinh: kq.SoQuyetDinh, MucTroCap: kq.MucTroCap });
    expect(dt.LichSuCapNhat.at(-1)).toMatchObject({ Nguon: 'HO_SO', Ma: nhan.data.MaHoSo });
    const again = await post('hoSo', y);
    expect(again.status).toBe(409);
    expect(again.data.error).toMatchObject({ code: 'CONFLICT', field: 'DoiTuong.SoDinhDanh' });
  });

  it('goes 2 → 4 when documents are missing, waits, then 2 → 3 → 5 once supplemented; the same MaBoSung changes nothing', async () => {
    const nhan = await post('hoSo', claim(1), 'bo-sung');
    await reaches(nhan.data.MaHoSo, '4');
    const bs = { MaHoSo: nhan.data.MaHoSo, MaBoSung: 'BS-TGXH-T1', TaiLieuBoSung: tl };
    expect((await post('hoSo/boSung', bs)).data).toMatchObject({ TrangThai: '2', DaNhanTruocDo: false });
    const done = await reaches(nhan.data.MaHoSo, '5');
    expect(done!.LichSu.map((h: any) => h.TrangThai)).toEqual(['1', '2', '4', '2', '3', '5']);
    expect((await post('hoSo/boSung', bs)).data).toMatchObject({ TrangThai: '5', DaNhanTruocDo: true });
  });

  it('a complaint during public posting ends it 1 → 2 → 3 → 6 with a notice as the result', async () => {
    const nhan = await post('hoSo', claim(2), 'co-khieu-nai');
    const done = await reaches(nhan.data.MaHoSo, '6');
    expect(done!.LichSu.map((h: any) => h.TrangThai)).toEqual(['1', '2', '3', '6']);
    const kq = (await get('hoSo/ketQua', { maHoSo: nhan.data.MaHoSo })).data;
    expect(kq).toMatchObject({ TrangThai: '6', ThongBaoKhongDuDieuKien: { LyDo: expect.any(String) } });
  });

  it('can be withdrawn while open (again: the same answer), not once decided; a seeded open dossier goes live to be withdrawn', async () => {
    const nhan = await post('hoSo', claim(3), 'bo-sung');
    await reaches(nhan.data.MaHoSo, '4');
    const rut = await post('hoSo/rut', { MaHoSo: nhan.data.MaHoSo, LyDoRut: 'Gia đình đã chuyển đi nơi khác' });
    expect(rut.data).toMatchObject({ TrangThai: '7', DaRutTruocDo: false });
    expect((await post('hoSo/rut', { MaHoSo: nhan.data.MaHoSo, LyDoRut: 'x' })).data).toMatchObject({ DaRutTruocDo: true, ThoiGianRut: rut.data.ThoiGianRut });
    const decided = seed.hoSoTroCap.find((h: any) => h.TrangThai === '5');
    expect((await post('hoSo/rut', { MaHoSo: decided.MaHoSo, LyDoRut: 'x' })).data.error.code).toBe('ILLEGAL_TRANSITION');
    const open = seed.hoSoTroCap.find((h: any) => h.TrangThai === '2');
    const live = await post('hoSo/rut', { MaHoSo: open.MaHoSo, LyDoRut: 'Không còn nhu cầu' });
    expect(live.data.TrangThai).toBe('7');
    const history = (await get('hoSo/trangThai', { maHoSo: open.MaHoSo })).data.LichSu.map((h: any) => h.TrangThai);
    expect(history.slice(0, 2)).toEqual(['1', '2']);
    expect(history.at(-1)).toBe('7');
  });

  it('refuses a claim whose group does not fit the person’s age', async () => {
    const y = claim(0);
    y.NhomDoiTuong = 'K2';
    const res = await post('hoSo', y);
    expect(res.status).toBe(400);
    expect(res.data.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'DoiTuong.NgaySinh' });
  });
});

describe('review updates pushed to the database (rà soát, cập nhật)', () => {
  it('acknowledges once, returns the receipt again for the same content, refuses other content under the same key, and reads back', async () => {
    const d = seed.doiTuong.find((x: any) => x.NhomDoiTuong === 'K6N');
    const doiTuong = { HoVaTen: d.HoVaTen, SoDinhDanh: d.SoDinhDanh, NgaySinh: d.NgaySinh, GioiTinh: d.GioiTinh, NoiCuTru: d.NoiCuTru, MaXa: d.MaXa };
    const base = { MaGiaoDich: 'RS2026-TEST-0001', NamRaSoat: 2026, LoaiCapNhat: 'DIEU_CHINH', DoiTuong: doiTuong, NhomDoiTuong: 'K6DBN', MucDoKhuyetTat: 'DAC_BIET_NANG', ThoiDiemApDung: '01/01/2026', LyDo: 'Xác định lại mức độ khuyết tật', MaCanBo: 'CB.TEST' };
    const wrong = await post('doiTuong/capNhat', { ...base, MucTroCap: 123 });
    expect(wrong.data.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'MucTroCap' });
    const first = await post('doiTuong/capNhat', base);
    expect(first.status).toBe(201);
    expect(first.data).toMatchObject({ TrangThaiDongBo: 'DA_CAP_NHAT', DaNhanTruocDo: false });
    const again = await post('doiTuong/capNhat', base);
    expect(again.status).toBe(200);
    expect(again.data).toMatchObject({ MaBienNhan: first.data.MaBienNhan, DaNhanTruocDo: true });
    const other = await post('doiTuong/capNhat', { ...base, LyDo: 'Khác' });
    expect(other.status).toBe(409);
    expect(other.data.error).toMatchObject({ code: 'CONFLICT', field: 'MaGiaoDich', details: { MaBienNhan: first.data.MaBienNhan } });
    const back = (await get('doiTuong/capNhat/bienNhan', { maBienNhan: first.data.MaBienNhan })).data;
    expect(back.NoiDung).toEqual(base);

    const now = (await get('doiTuong', { soDinhDanh: d.SoDinhDanh })).data;
    expect(now).toMatchObject({ NhomDoiTuong: 'K6DBN', MucTroCap: first.data.MucTroCap });
    expect(now.LichSuCapNhat.at(-1)).toMatchObject({ Nguon: 'DONG_BO', Ma: first.data.MaBienNhan });

    const tangMoi = await post('doiTuong/capNhat', { ...base, MaGiaoDich: 'RS2026-TEST-0002', LoaiCapNhat: 'TANG_MOI' });
    expect(tangMoi.status).toBe(409);
    const thoi = await post('doiTuong/capNhat', { ...base, MaGiaoDich: 'RS2026-TEST-0003', LoaiCapNhat: 'THOI_HUONG', LyDo: 'Đối tượng chuyển khỏi địa bàn' });
    expect(thoi.status).toBe(201);
    const list = (await get('doiTuong/danhSach', { trangThaiHuong: 'THOI_HUONG', soBanGhi: '100' })).data;
    expect(list.DanhSach.map((x: any) => x.SoDinhDanh)).toContain(d.SoDinhDanh);
  });

  it('gives each beneficiary the BHYT card bảo hiểm holds for them (group BT, level 2)', async () => {
    const people = t.sim.registry.get('bao-hiem')!.seed.nguoiThamGia as any[];
    const cards = new Map(people.map((p) => [p.soDinhDanh, p.theBhyt?.maThe]));
    for (const d of seed.doiTuong) expect(cards.get(d.SoDinhDanh)).toBe(d.MaTheBhyt);
  });
});
