/**
 * Bảo hiểm behaviour beyond the conformance suite: the card-check result codes, lookups that do not confirm a
 * number exists, household contributions, children's cards consistent with the hộ tịch registrations, SOAP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { soapBody, soapEnvelope } from '../helpers/soap.js';
import { startTestSim, type TestSim } from '../helpers/sim.js';

let t: TestSim;
let auth: Record<string, string>;
let people: any[];
let households: any[];

beforeAll(async () => {
  t = await startTestSim('bao-hiem');
  auth = await t.auth('bao-hiem');
  const seed = t.sim.registry.get('bao-hiem')!.seed as any;
  people = seed.nguoiThamGia;
  households = seed.hoGiaDinh;
});
afterAll(async () => t?.close());

const get = (op: string, params: Record<string, string>) => t.http.get(`/apiBHXH/1.0/${op}`, { params, headers: auth });
const check = (n: any, over: Record<string, string> = {}) =>
  get('kiemTraTheBHYT', { maThe: n.theBhyt.maThe, hoTen: n.hoTen, ngaySinh: n.ngaySinh, ...over }).then((r) => r.data);
const toIso = (dmy: string) => `${dmy.slice(6)}-${dmy.slice(3, 5)}-${dmy.slice(0, 2)}`;
const today = () => new Date().toISOString().slice(0, 10);

describe('kiểm tra thẻ BHYT', () => {
  it('000 for a valid card, by the 15-character code or the 10-digit BHXH number, with validity and facility', async () => {
    const n = people.find((p) => p.theBhyt?.maDoiTuong === 'HC');
    const ok = await check(n);
    expect(ok).toMatchObject({ maKetQua: '000', conHieuLuc: true, maDKBD: n.theBhyt.maDKBD, mucHuong: 80 });
    // A card renewed every year is current today: it runs 12 months and covers today.
    expect(toIso(ok.gtTheTu) <= today() && today() <= toIso(ok.gtTheDen)).toBe(true);
    expect(ok.gtTheDen.slice(0, 5)).toBe(n.theBhyt.gtTheDen.slice(0, 5));
    expect((await check(n, { maThe: n.maSoBhxh })).maKetQua).toBe('000');
    expect((await check(n, { hoTen: n.hoTen.toUpperCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '') })).maKetQua).not.toBe('060');
  });
  it('060 / 070 for a wrong name or birth date, without revealing the card; 050 for an unknown card', async () => {
    const n = people.find((p) => p.theBhyt?.maDoiTuong === 'HC');
    const wrongName = await check(n, { hoTen: 'Nguyễn Văn Khác' });
    expect(wrongName).toEqual({ maKetQua: '060', ghiChu: 'Thẻ sai họ tên', conHieuLuc: false });
    expect((await check(n, { ngaySinh: '01/01/1900' })).maKetQua).toBe('070');
    expect((await check(n, { maThe: 'DN4910000000001' })).maKetQua).toBe('050');
  });
  it('010 for a lapsed household card, 120 for a card reported stopped, 003 with the new code for an old one', async () => {
    const lapsed = people.find((p) => p.theBhyt?.maDoiTuong === 'GD' && !p.theBhyt.giaHanHangNam && toIso(p.theBhyt.gtTheDen) < today());
    expect(lapsed, 'the seed has a lapsed household card').toBeTruthy();
    expect(await check(lapsed)).toMatchObject({ maKetQua: '010', conHieuLuc: false, gtTheDen: lapsed.theBhyt.gtTheDen });
    const stopped = people.find((p) => p.theBhyt?.trangThai === 'BAO_GIAM');
    expect((await check(stopped)).maKetQua).toBe('120');
    const n = people.find((p) => p.theBhyt?.maDoiTuong === 'HC');
    const old = await check(n, { maThe: `GD491${n.maSoBhxh}` });
    expect(old).toMatchObject({ maKetQua: '003', maTheMoi: n.theBhyt.maThe });
  });
  it('answers the same check over SOAP 1.1', async () => {
    const n = people.find((p) => p.theBhyt?.maDoiTuong === 'HT');
    const res = await t.http.post('/apiBHXH/1.0/soap', soapEnvelope('urn:bhxh:vss:1.0', 'KiemTraTheBHYT', { maThe: n.theBhyt.maThe, hoTen: n.hoTen, ngaySinh: n.ngaySinh }), {
      headers: { ...auth, 'content-type': 'text/xml; charset=utf-8', SOAPAction: 'urn:bhxh#KiemTraTheBHYT' },
      responseType: 'text',
      transformResponse: (x) => x,
    });
    expect(res.status).toBe(200);
    const body = (await soapBody(res.data)).KiemTraTheBHYTResponse;
    expect(body).toMatchObject({ maKetQua: '000', maThe: n.theBhyt.maThe, mucHuong: '95' });
  });
});

describe('lookups', () => {
  it('finds the BHXH number by CCCD and name (diacritic-insensitive); a wrong name is the same 404 as an unknown number', async () => {
    const n = people[20];
    const ok = await get('traCuuMaSoBHXH', { soDinhDanh: n.soDinhDanh, hoTen: n.hoTen.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D') });
    expect(ok.data.maSoBhxh).toBe(n.maSoBhxh);
    const wrong = await get('traCuuMaSoBHXH', { soDinhDanh: n.soDinhDanh, hoTen: 'Trần Thị Khác' });
    const unknown = await get('traCuuMaSoBHXH', { soDinhDanh: '089199000001', hoTen: n.hoTen });
    expect(wrong.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(wrong.data.error.message).toBe(unknown.data.error.message);
  });
  it('prices a household’s BHYT: 4.5 % of the base salary for the first GD member, then 70 %, 60 %…', async () => {
    // Renewed household cards are current whatever today is (they roll forward year by year).
    const valid = (p: any) => p.theBhyt?.maDoiTuong === 'GD' && p.theBhyt.giaHanHangNam;
    const byBhxh = new Map(people.map((p) => [p.maSoBhxh, p]));
    const h = households.find((x) => x.thanhVien.filter((m: string) => valid(byBhxh.get(m))).length >= 2);
    expect(h, 'a household with two paying members').toBeTruthy();
    const res = (await get('thongTinHoGiaDinh', { maHoGiaDinh: h.maHoGiaDinh })).data;
    const paying = res.thanhVien.filter((m: any) => m.mucDongThang !== undefined).map((m: any) => m.mucDongThang);
    expect(paying.slice(0, 2)).toEqual([105_300, 73_710]);
    expect(res.tongMucDongThang).toBe(paying.reduce((a: number, b: number) => a + b, 0));
    expect(res.soThanhVien).toBe(h.thanhVien.length);
  });
  it('returns every requested number for epidemic prevention, found or not, with contact details', async () => {
    const res = await t.http.post('/apiBHXH/1.0/traCuuPhongChongDich', {
      maYeuCau: 'PCD-TEST-1', maCanBo: 'CB.TEST', mucDich: 'PHONG_CHONG_DICH', danhSachSoDinhDanh: [people[30].soDinhDanh, '089199000001'],
    }, { headers: auth });
    expect(res.data).toMatchObject({ soLuongYeuCau: 2, soLuongTimThay: 1 });
    expect(res.data.ketQua[0]).toMatchObject({ timThay: true, soDienThoai: people[30].soDienThoai, maXa: people[30].maXa });
    expect(res.data.ketQua[1]).toEqual({ soDinhDanh: '089199000001', timThay: false });
  });
});

describe('children under six', () => {
  it('has the same TE1 card as the one hộ tịch issued with the birth registration', async () => {
    const hoTich = t.sim.registry.get('ho-tich')!.seed.hoSoHoTich as any[];
    const births = hoTich.filter((d) => d.KetQua?.TheBhyt);
    expect(births.length).toBeGreaterThan(0);
    for (const d of births) {
      const res = await get('theBHYTTreEm', { soDinhDanh: d.KetQua.SoDinhDanhCaNhan });
      expect(res.status).toBe(200);
      expect(res.data).toMatchObject({
        maThe: d.KetQua.TheBhyt.MaThe,
        gtTheDen: d.KetQua.TheBhyt.GiaTriDen,
        maDKBD: d.KetQua.TheBhyt.NoiDangKyKCBBD.MaCoSo,
        capQuaLienThong: true,
        hoTenMe: d.DuLieu.YeuCau.KhaiSinh.Me.HoVaTen,
      });
    }
  });
  it('lists a commune’s children and refuses an adult as a child', async () => {
    const child = people.filter((p) => p.treEm).at(-1); // the youngest: under six for years to come
    const list = (await get('danhSachTheBHYTTreEm', { maXa: child.maXa, soBanGhi: '100' })).data;
    expect(list.danhSach.some((c: any) => c.soDinhDanh === child.soDinhDanh)).toBe(true);
    expect(list.danhSach.every((c: any) => c.maThe.startsWith('TE1'))).toBe(true);
    const adult = await get('theBHYTTreEm', { soDinhDanh: people[0].soDinhDanh });
    expect(adult.status).toBe(404);
  });
});
