import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { compile } from '../../src/rollout/validation.js';
import { describeRoutes } from '../../src/api/route-spec.js';
import { startTestSim, type TestSim } from '../helpers/sim.js';
import { FAST_HASH, signIn } from '../helpers/rollout.js';

let t: TestSim;

beforeAll(async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ndxp-provinces-'));
  await writeFile(path.join(dir, 'dong-thap.yaml'), stringify({
    id: 'dong-thap', name: 'Đồng Tháp', code: '82', deadline: '2025-06-30',
    agencies: [
      { id: 'so-khcn', name: 'Sở Khoa học và Công nghệ', kind: 'so', formerNames: [{ name: 'Sở Thông tin và Truyền thông', until: '2025-02-28' }] },
      { id: 'cong-an-tinh', name: 'Công an tỉnh Đồng Tháp', kind: 'central-local' },
    ],
    assignments: { 'dan-cu': { lead: ['cong-an-tinh'], coordinating: ['so-khcn'] }, 'danh-muc-dung-chung': { lead: ['so-khcn'] } },
  }));
  t = await startTestSim('rollout-provinces', {}, { ...FAST_HASH, PROVINCES_DIR: dir });
});
afterAll(async () => {
  await t?.close();
});

describe('provinces as data', () => {
  it('loads a second province from a YAML file at start, with its own rows and deadline, visible only to whom it may be', async () => {
    const national = await signIn(t.http, 'national');
    const list = await t.http.get('/api/rollout/provinces', { headers: national });
    expect(list.data.map((p: any) => p.id)).toEqual(['an-giang', 'dong-thap']);
    const rows = await t.http.get('/api/rollout/provinces/dong-thap/rows', { headers: national });
    expect(rows.data.rows).toHaveLength(24);
    expect(rows.data.rows.find((r: any) => r.connector === 'dan-cu')).toMatchObject({ deadline: '2025-06-30', lead: [{ name: 'Công an tỉnh Đồng Tháp' }] });
    expect(rows.data.rows.find((r: any) => r.connector === 'gia').lead).toEqual([]);
    const admin = await signIn(t.http, 'admin.an-giang');
    expect((await t.http.get('/api/rollout/provinces/dong-thap/rows', { headers: admin })).status).toBe(403);
  });

  it('schedules health checks, the daily snapshot and the monthly report per province on their queues', async () => {
    const [checks, reports] = t.sim.rollout.queues;
    const schedulers = (await checks!.getJobSchedulers()).map((s) => s.key).sort();
    expect(schedulers).toEqual(['health:an-giang', 'health:dong-thap', 'snapshot:an-giang', 'snapshot:dong-thap']);
    expect((await reports!.getJobSchedulers()).map((s) => s.key).sort()).toEqual(['monthly:an-giang', 'monthly:dong-thap']);
    const history = await t.sim.rollout.service.store.history('dong-thap');
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ rows: 24, inOperation: 0, readiness: 0 });
  });

  it('describes every route as data for the OpenAPI document: summaries in both languages, an access rule, compilable schemas', () => {
    const described = describeRoutes(t.sim.rollout.routes);
    expect(new Set(described.map((r) => r.id)).size).toBe(described.length);
    for (const r of described) {
      expect(r.summary.length, r.id).toBeGreaterThan(5);
      expect(r.summaryEn.length, r.id).toBeGreaterThan(5);
      expect(r.access, r.id).toBeTruthy();
      expect(Object.keys(r.responses).length, r.id).toBeGreaterThan(0);
      expect(r.openapiPath.startsWith('/api/')).toBe(true);
      expect(r.openapiPath).not.toContain(':');
      for (const s of [r.params, r.query, r.body, ...Object.values(r.responses).map((x) => x.schema)]) if (s) expect(() => compile(s)).not.toThrow();
    }
  });
});
