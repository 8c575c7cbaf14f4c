import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hoSoDongBo, tienDo } from '../helpers/dvcqg.js';
import { startTestSim, type TestSim } from '../helpers/sim.js';
import { soapBody, soapEnvelope } from '../helpers/soap.js';

const NS = 'http://dichvucong.gov.vn/dvcqg/1.0';
let t: TestSim;
let auth: { Authorization: string };
let n = 0;
const code = () => `000.00.14.H01-250312-${String(++n).padStart(4, '0')}`;

beforeAll(async () => {
  t = await startTestSim('dvcqg');
  auth = await t.auth();
});
afterAll(() => t.close());

const push = (op: string, body: unknown, headers: Record<string, string> = auth) =>
  t.http.post(`/dvcqg/1.0/${op}`, body, { headers: { ...headers, 'content-type': 'application/json' } });
const stored = async (ma: string) => (await t.http.get(`/api/dvcqg/hoso/${ma}`, { headers: auth })).data;
const soap = (element: string, input: Record<string, unknown>, headers: Record<string, string> = auth) =>
  t.http.post('/dvcqg/1.0/ws', soapEnvelope(NS, element, input), {
    headers: { ...headers, 'content-type': 'text/xml; charset=utf-8', SOAPAction: `"${NS}/${element}"` },
    responseType: 'text', transformResponse: (x) => x,
  });

describe('DVCQG sync mock (JSON)', () => {
  it('accepts a whole dossier and its progress steps along the legal graph, keeping the full history', async () => {
    const ma = code();
    const r1 = await push('DongBoHoSoMC', hoSoDongBo(ma));
    expect(r1.status).toBe(200);
    expect(r1.data).toMatchObject({ error_code: '0', MaHoSo: ma, TrangThaiHoSo: '1' });
    // A step is identified by its content: the second 4 (after 5) differs by its time.
    for (const [i, s] of ['2', '4', '5', '4', '9', '10'].entries()) {
      const r = await push('CapNhatTienDoHoSoMC', tienDo(ma, s, { ThoiDiemXuLy: `202503130${i}0000` }));
      expect(r.data.error_code, `move to ${s}: ${r.data.message}`).toBe('0');
    }
    const d = await stored(ma);
    expect(d.TrangThaiHoSo).toBe('10');
    expect(d.history.map((h: { from: string | null; to: string }) => `${h.from}>${h.to}`)).toEqual(['null>1', '1>2', '2>4', '4>5', '5>4', '4>9', '9>10']);
    expect(d.history[2]).toMatchObject({ kind: 'CapNhatTienDoHoSoMC', NguoiXuLy: 'Trần Văn Bình', ThoiDiemXuLy: '20250313010000' });
    expect(d.hoSo.ChuHoSo).toBe('Nguyễn Thị Hồng Nhung');
  });

  it('refuses an illegal move with error_code ≠ 0 and a reason; the stored dossier keeps its state', async () => {
    const ma = code();
    await push('DongBoHoSoMC', hoSoDongBo(ma, { TrangThaiHoSo: '2' }));
    await push('CapNhatTienDoHoSoMC', tienDo(ma, '4'));
    const r = await push('CapNhatTienDoHoSoMC', tienDo(ma, '2', { NoiDungXuLy: 'lùi trạng thái' }));
    expect(r.status).toBe(409);
    expect(r.data.error_code).toBe('2');
    expect(r.data.field).toBe('TrangThaiHoSo');
    expect(r.data.message).toContain('không thể chuyển từ 4 (Đang xử lý) sang 2');
    expect(r.data.message).toContain('được phép: 5, 6, 8, 9, 7');
    const again = await push('DongBoHoSoMC', hoSoDongBo(ma, { TrangThaiHoSo: '10' }));
    expect(again.data.error_code).toBe('2');
    const d = await stored(ma);
    expect(d.TrangThaiHoSo).toBe('4');
    expect(d.history).toHaveLength(2);
  });

  it('a final state admits no move (withdrawn 7 → 4 refused)', async () => {
    const ma = code();
    await push('DongBoHoSoMC', hoSoDongBo(ma));
    expect((await push('CapNhatTienDoHoSoMC', tienDo(ma, '7'))).data.error_code).toBe('0');
    const r = await push('CapNhatTienDoHoSoMC', tienDo(ma, '4'));
    expect(r.data).toMatchObject({ error_code: '2' });
    expect(r.data.message).toContain('hồ sơ đã kết thúc');
  });

  it('treats identical repeated pushes as one (idempotent), even an older step sent again', async () => {
    const ma = code();
    const body = hoSoDongBo(ma);
    await push('DongBoHoSoMC', body);
    const step = tienDo(ma, '2');
    await push('CapNhatTienDoHoSoMC', step);
    await push('CapNhatTienDoHoSoMC', tienDo(ma, '4'));
    const replays = await Promise.all([push('DongBoHoSoMC', body), push('CapNhatTienDoHoSoMC', step), push('CapNhatTienDoHoSoMC', step)]);
    for (const r of replays) expect(r.data).toMatchObject({ error_code: '0', TrangThaiHoSo: '4' });
    expect(replays[1]!.data.message).toContain('đã được đồng bộ trước đó');
    const d = await stored(ma);
    expect(d.seq).toBe(3);
    expect(d.history).toHaveLength(3);
  });

  it.each([
    ['MaHoSo', { MaHoSo: 'HS-2025-0001' }],
    ['MaHoSo', { MaHoSo: '000.00.14.H01-251332-0001' }],
    ['NgayTiepNhan', { NgayTiepNhan: '2025-03-12' }],
    ['NgayTiepNhan', { NgayTiepNhan: '20250230083000' }],
    ['NgayHenTra', { NgayHenTra: '20250301000000' }],
    ['KenhThucHien', { KenhThucHien: '4' }],
    ['LoaiDoiTuong', { LoaiDoiTuong: '5' }],
    ['TrangThaiHoSo', { TrangThaiHoSo: '11' }],
    ['MaTTHC', { MaTTHC: 'TTHC-1' }],
    ['DinhDanhCHS[0].SoDinhDanh', { DinhDanhCHS: [{ LoaiDinhDanh: '1', SoDinhDanh: '999190004321' }] }],
    ['DinhDanhCHS[0].SoDinhDanh', { DinhDanhCHS: [{ LoaiDinhDanh: '3', SoDinhDanh: '0101234568' }] }],
    ['DinhDanhCHS', { DinhDanhCHS: [] }],
    ['ChuHoSo', { ChuHoSo: undefined }],
    ['GhiChu', { GhiChu: 'trường lạ' }],
  ])('refuses a malformed push naming the field %s (error_code 1, HTTP 400)', async (field, patch) => {
    const ma = code();
    const r = await push('DongBoHoSoMC', hoSoDongBo(ma, patch));
    expect(r.status).toBe(400);
    expect(r.data.error_code).toBe('1');
    expect(r.data.field).toBe(field);
    expect(r.data.message.length).toBeGreaterThan(10);
    expect((await t.http.get(`/api/dvcqg/hoso/${ma}`, { headers: auth })).status).toBe(404);
  });

  it('refuses a progress step for a dossier never synchronised (error_code 3), no token (100), bad JSON (1)', async () => {
    const r = await push('CapNhatTienDoHoSoMC', tienDo(code(), '2'));
    expect(r.status).toBe(404);
    expect(r.data.error_code).toBe('3');
    const noToken = await push('DongBoHoSoMC', hoSoDongBo(code()), {});
    expect(noToken.status).toBe(401);
    expect(noToken.data.error_code).toBe('100');
    const broken = await t.http.post('/dvcqg/1.0/DongBoHoSoMC', '{"MaHoSo":', { headers: { ...auth, 'content-type': 'application/json' } });
    expect(broken.status).toBe(400);
    expect(broken.data.error_code).toBe('1');
    const wrongType = await t.http.post('/dvcqg/1.0/DongBoHoSoMC', 'x=1', { headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded' } });
    expect(wrongType.status).toBe(415);
  });
});

describe('DVCQG sync mock (SOAP 1.1)', () => {
  it('accepts DongBoHoSoMC and CapNhatTienDoHoSoMC and replies with error_code', async () => {
    const ma = code();
    const r1 = await soap('DongBoHoSoMC', hoSoDongBo(ma));
    expect(r1.status, r1.data).toBe(200);
    expect((await soapBody(r1.data)).DongBoHoSoMCResponse).toMatchObject({ error_code: '0', MaHoSo: ma });
    const r2 = await soap('CapNhatTienDoHoSoMC', tienDo(ma, '2'));
    expect((await soapBody(r2.data)).CapNhatTienDoHoSoMCResponse.error_code).toBe('0');
    const bad = await soap('CapNhatTienDoHoSoMC', tienDo(ma, '9'));
    expect(bad.status).toBe(409);
    const reply = (await soapBody(bad.data)).CapNhatTienDoHoSoMCResponse;
    expect(reply).toMatchObject({ error_code: '2', field: 'TrangThaiHoSo' });
    expect((await stored(ma)).TrangThaiHoSo).toBe('2');
  });

  it('validates SOAP fields like JSON ones, and answers a DTD or an unknown action with a SOAP Fault', async () => {
    const r = await soap('DongBoHoSoMC', hoSoDongBo(code(), { KenhThucHien: '9' }));
    expect(r.status).toBe(400);
    expect((await soapBody(r.data)).DongBoHoSoMCResponse).toMatchObject({ error_code: '1', field: 'KenhThucHien' });
    const dtd = await t.http.post('/dvcqg/1.0/ws', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x/>', {
      headers: { ...auth, 'content-type': 'text/xml' }, responseType: 'text', transformResponse: (x) => x,
    });
    expect(dtd.status).toBe(400);
    expect((await soapBody(dtd.data)).Fault.detail.error.code).toBe('XML_DTD_FORBIDDEN');
    const unknown = await soap('XoaHoSoMC', { MaHoSo: code() });
    expect((await soapBody(unknown.data)).Fault.detail.error.code).toBe('SOAP_ACTION_UNKNOWN');
  });
});
