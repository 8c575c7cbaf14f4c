import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hoSoDongBo, tienDo } from '../helpers/dvcqg.js';
import { submitLltp } from '../helpers/lltp.js';
import { eventually, startTestSim, type TestSim } from '../helpers/sim.js';

let t: TestSim;
let auth: Record<string, string>;
const codes = ['000.00.31.H01-251201-0001', '000.00.31.H01-251201-0002', '000.00.31.H01-251201-0003'];

beforeAll(async () => {
  t = await startTestSim('reconcile');
  auth = await t.auth();
});
afterAll(() => t.close());

const push = async (op: string, body: unknown) => {
  const r = await t.http.post(`/dvcqg/1.0/${op}`, body, { headers: { ...auth, 'content-type': 'application/json' } });
  expect(r.data.error_code, r.data.message).toBe('0');
};
const syncUpTo = async (ma: string, steps: string[]) => {
  await push('DongBoHoSoMC', hoSoDongBo(ma));
  for (const [i, s] of steps.entries()) await push('CapNhatTienDoHoSoMC', tienDo(ma, s, { ThoiDiemXuLy: `2025031309${String(i).padStart(2, '0')}00` }));
};

describe('reconciliation of DVCQG against the central systems, and the sync-rate KPI', () => {
  it('lists missing and lagging syncs and computes the rate per connector, per day and over time', async () => {
    for (const c of codes) await submitLltp(t, auth, c);
    // A postal order (bưu chính) is not a TTHC dossier: it must not count as a missing DVCQG sync.
    const order = t.sim.registry.get('buu-chinh-cong-ich')!.operation('taoDonTraKetQua')!;
    const created = await t.http.post(order.def.path, order.example.body, { headers: { ...auth, 'content-type': 'application/json' } });
    expect(created.status, JSON.stringify(created.data)).toBeLessThan(300);
    await eventually(async () => (await Promise.all(codes.map((c) => t.sim.deps.dossiers.get('ly-lich-tu-phap', c)))).every((d) => d?.status === '5'), 5000);
    await syncUpTo(codes[0]!, ['2', '4', '9', '10']);
    await syncUpTo(codes[1]!, ['2', '4']);

    const r = await t.http.get('/api/sync/reconciliation', { headers: auth });
    expect(r.status).toBe(200);
    expect(r.data).toMatchObject({ province: 'an-giang', total: 3, synced: 1, missing: 1, mismatched: 1, rate: 33.33 });
    expect(r.data.byConnector['ly-lich-tu-phap']).toMatchObject({ total: 3, synced: 1, rate: 33.33 });
    expect(Object.keys(r.data.byConnector)).not.toContain('buu-chinh-cong-ich');
    expect(r.data.discrepancies).toEqual(expect.arrayContaining([
      { maHoSo: codes[1], connectorId: 'ly-lich-tu-phap', centralStatus: '5', expected: '9', reported: '4', kind: 'behind' },
      { maHoSo: codes[2], connectorId: 'ly-lich-tu-phap', centralStatus: '5', expected: '9', kind: 'missing' },
    ]));
    const today = new Date().toISOString().slice(0, 10);
    expect(r.data.daily).toEqual([{ date: today, total: 3, synced: 1, missing: 1, mismatched: 1, rate: 33.33 }]);

    await push('CapNhatTienDoHoSoMC', tienDo(codes[1]!, '9', { ThoiDiemXuLy: '20250314100000' }));
    await syncUpTo(codes[2]!, ['2', '4', '9']);
    const after = await t.http.get('/api/sync/reconciliation', { headers: auth });
    expect(after.data).toMatchObject({ total: 3, synced: 3, rate: 100, discrepancies: [] });

    const kpi = await t.http.get('/api/sync/kpi', { params: { days: 7 }, headers: auth });
    expect(kpi.data.current).toMatchObject({ total: 3, synced: 3, rate: 100 });
    expect(kpi.data.snapshots.map((s: { rate: number }) => s.rate)).toEqual([33.33, 100]);
    expect(kpi.data.daily[0]).toMatchObject({ date: today, rate: 100 });
    expect((await t.http.get('/api/sync/kpi', { params: { days: 'x' }, headers: auth })).data.error.field).toBe('days');
    expect((await t.http.get('/api/sync/reconciliation', { params: { connector: 'dan-cu' }, headers: auth })).data.error.field).toBe('connector');
  });
});
