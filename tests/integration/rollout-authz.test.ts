/**
 * The authorisation matrix: every role × every rollout API route × own/other province, agency row and client.
 * Expectations are written here from the rules as the issue states them (not derived from src/auth/policy.ts),
 * every denied call must be 401/403 and change nothing, and allowed reads must return only what the role may see.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSim, type TestSim } from '../helpers/sim.js';
import { FAST_HASH, ADMIN_PASSWORD, signIn, USER_PASSWORD } from '../helpers/rollout.js';

type Who = 'admin' | 'taiChinh' | 'khcn' | 'dev' | 'viewer' | 'national' | 'cmAdmin' | 'cmDev';
interface U { username: string; role: string; province?: string; agency?: string }
const USERS: Record<Who, U> = {
  admin: { username: 'admin.an-giang', role: 'so-admin', province: 'an-giang' },
  taiChinh: { username: 'tai-chinh.an-giang', role: 'agency', province: 'an-giang', agency: 'so-tai-chinh' },
  khcn: { username: 'khcn.an-giang', role: 'agency', province: 'an-giang', agency: 'so-khcn' },
  dev: { username: 'dev.an-giang', role: 'developer', province: 'an-giang' },
  viewer: { username: 'viewer.an-giang', role: 'viewer', province: 'an-giang' },
  national: { username: 'national', role: 'national' },
  cmAdmin: { username: 'admin.ca-mau', role: 'so-admin', province: 'ca-mau' },
  cmDev: { username: 'dev.ca-mau', role: 'developer', province: 'ca-mau' },
};
const PROVINCES = ['an-giang', 'ca-mau'] as const;
// gia: Sở Tài chính leads, Sở KH&CN coordinates; dan-cu: Công an leads, Sở KH&CN coordinates (both provinces).
const CONNECTORS = ['gia', 'dan-cu'] as const;
const LEADS: Record<string, string> = { gia: 'so-tai-chinh', 'dan-cu': 'cong-an-tinh' };
const COORDINATES: Record<string, string> = { gia: 'so-khcn', 'dan-cu': 'so-khcn' };

interface Target { province: string; connector: string; clientId: string }

const home = (u: U, t: Target) => u.province === t.province;
const readsProvince = (u: U, t: Target) => u.role === 'national' || (home(u, t) && ['so-admin', 'viewer', 'agency'].includes(u.role));
const overview = (u: U, t: Target) => readsProvince(u, t) && u.role !== 'agency';
const readsRow = (u: U, t: Target) => readsProvince(u, t) && (u.role !== 'agency' || [LEADS[t.connector], COORDINATES[t.connector]].includes(u.agency));
const writesRow = (u: U, t: Target) => home(u, t) && (u.role === 'so-admin' || (u.role === 'agency' && LEADS[t.connector] === u.agency));
const adminOf = (u: U, t: Target) => home(u, t) && u.role === 'so-admin';
const ownsClient = (u: U, t: Target) => home(u, { ...t, province: t.clientId === 'tthc-an-giang' ? 'an-giang' : 'ca-mau' }) && (u.role === 'so-admin' || u.role === 'developer') &&
  ((t.clientId === 'tthc-an-giang') === (u.province === 'an-giang'));
const everyone = () => true;

let n = 0;
const uniq = () => `${Date.now().toString(36)}${n++}`;

interface Case {
  route: string;
  method: 'get' | 'post' | 'put' | 'delete';
  path: (t: Target) => string;
  body?: (t: Target) => unknown;
  allowed: (u: U, t: Target) => boolean;
}

const P = (t: Target) => `/api/rollout/provinces/${t.province}`;
const R = (t: Target) => `${P(t)}/rows/${t.connector}`;
let profiles: Record<string, unknown> = {};

const CASES: Case[] = [
  { route: 'auth.me', method: 'get', path: () => '/api/auth/me', allowed: everyone },
  { route: 'meta.stages', method: 'get', path: () => '/api/rollout/stages', allowed: everyone },
  { route: 'provinces.list', method: 'get', path: () => '/api/rollout/provinces', allowed: everyone },
  { route: 'provinces.create', method: 'post', path: () => '/api/rollout/provinces', allowed: (u) => u.username === 'admin.an-giang',
    body: () => { const id = `tinh-${uniq()}`; return { profile: { ...(profiles['ca-mau'] as object), id, name: `Tỉnh ${id}` }, admin: { username: `admin.${id}`, password: 'mat-khau-dai-du', name: 'Quản trị' } }; } },
  { route: 'provinces.get', method: 'get', path: P, allowed: readsProvince },
  { route: 'provinces.put', method: 'put', path: P, allowed: adminOf, body: (t) => profiles[t.province] },
  { route: 'rows.list', method: 'get', path: (t) => `${P(t)}/rows`, allowed: readsProvince },
  { route: 'rows.get', method: 'get', path: R, allowed: readsRow },
  { route: 'rows.move', method: 'post', path: (t) => `${R(t)}/moves`, allowed: writesRow, body: () => ({ to: 'dang-ky' }) },
  { route: 'rows.flag', method: 'post', path: (t) => `${R(t)}/flags`, allowed: writesRow, body: () => ({ flag: 'blocked', on: true, reason: 'kiểm tra phân quyền' }) },
  { route: 'rows.flag', method: 'post', path: (t) => `${R(t)}/flags`, allowed: adminOf, body: () => ({ flag: 'suspended', on: true, reason: 'kiểm tra phân quyền' }) },
  { route: 'rows.deadline', method: 'put', path: (t) => `${R(t)}/deadline`, allowed: adminOf, body: () => ({ deadline: '2025-06-30' }) },
  { route: 'rows.evidence', method: 'post', path: (t) => `${R(t)}/evidence`, allowed: writesRow, body: () => ({ text: 'Biên bản kiểm thử' }) },
  { route: 'rows.check', method: 'post', path: (t) => `${R(t)}/checks`, allowed: writesRow, body: () => ({ target: 'cap-quyen' }) },
  { route: 'rows.audit', method: 'get', path: (t) => `${R(t)}/audit`, allowed: readsRow },
  { route: 'province.audit', method: 'get', path: (t) => `${P(t)}/audit`, allowed: readsProvince },
  { route: 'province.summary', method: 'get', path: (t) => `${P(t)}/summary`, allowed: readsProvince },
  { route: 'province.history', method: 'get', path: (t) => `${P(t)}/history`, allowed: overview },
  { route: 'province.health', method: 'get', path: (t) => `${P(t)}/health`, allowed: readsProvince },
  { route: 'province.export', method: 'get', path: (t) => `${P(t)}/export?format=csv`, allowed: readsProvince },
  { route: 'province.import', method: 'post', path: (t) => `${P(t)}/import`, allowed: adminOf, body: () => 'Mã hệ thống,Ghi chú\ngia,kiểm tra phân quyền\n' },
  { route: 'reports.create', method: 'post', path: (t) => `${P(t)}/reports`, allowed: overview, body: () => ({ month: '2025-03' }) },
  { route: 'reports.get', method: 'get', path: (t) => `${P(t)}/reports/2025-03.html`, allowed: overview },
  { route: 'province.healthCheck', method: 'post', path: (t) => `${P(t)}/health-checks`, allowed: adminOf },
  { route: 'users.list', method: 'get', path: (t) => `${P(t)}/users`, allowed: adminOf },
  { route: 'users.create', method: 'post', path: (t) => `${P(t)}/users`, allowed: adminOf, body: () => ({ username: `viewer-${uniq()}`, password: 'mat-khau-dai-du', name: 'Người xem', role: 'viewer' }) },
  { route: 'users.update', method: 'put', path: (t) => `${P(t)}/users/xem.${t.province}`, allowed: adminOf, body: () => ({ name: `Người xem ${uniq()}` }) },
  { route: 'dev.clients.list', method: 'get', path: () => '/api/dev/clients', allowed: everyone },
  { route: 'dev.clients.create', method: 'post', path: () => '/api/dev/clients', allowed: (u) => u.role === 'developer' || u.role === 'so-admin', body: () => ({ scopes: ['dang-ky-doanh-nghiep'] }) },
  { route: 'dev.clients.scenario', method: 'put', path: (t) => `/api/dev/clients/${t.clientId}/scenario`, allowed: ownsClient, body: () => ({ name: 'slow', connectors: ['dang-ky-doanh-nghiep'] }) },
  { route: 'dev.clients.scenarioOff', method: 'delete', path: (t) => `/api/dev/clients/${t.clientId}/scenario`, allowed: ownsClient },
  { route: 'dev.clients.journal', method: 'get', path: (t) => `/api/dev/clients/${t.clientId}/journal`, allowed: ownsClient },
];

let t: TestSim;
const sessions = {} as Record<Who, { Authorization: string }>;
let cmClient = '';

beforeAll(async () => {
  t = await startTestSim('rollout-authz', {}, FAST_HASH);
  const store = t.sim.rollout.service.store;
  const ag = (await store.getProfile('an-giang'))!;
  const cm = { id: 'ca-mau', name: 'Cà Mau', deadline: '2025-03-31', agencies: ag.agencies.map(({ id, name, kind }) => ({ id, name, kind })),
    assignments: Object.fromEntries(Object.entries(ag.assignments).map(([c, a]) => [c, { lead: a.lead, coordinating: a.coordinating }])) };
  const adminAg = await signIn(t.http, USERS.admin.username);
  expect((await t.http.post('/api/rollout/provinces', { profile: cm, admin: { username: 'admin.ca-mau', password: ADMIN_PASSWORD, name: 'Quản trị Sở KH&CN Cà Mau' } }, { headers: adminAg })).status).toBe(201);
  expect((await t.http.post('/api/rollout/provinces/an-giang/users', { username: 'khcn.an-giang', password: USER_PASSWORD, name: 'Sở KH&CN', role: 'agency', agency: 'so-khcn' }, { headers: adminAg })).status).toBe(201);
  const cmAdmin = await signIn(t.http, 'admin.ca-mau');
  // The accounts users.update is tried on, one per province.
  for (const [province, h] of [['an-giang', adminAg], ['ca-mau', cmAdmin]] as const) {
    expect((await t.http.post(`/api/rollout/provinces/${province}/users`, { username: `xem.${province}`, password: USER_PASSWORD, name: 'Người xem', role: 'viewer' }, { headers: h })).status).toBe(201);
  }
  expect((await t.http.post('/api/rollout/provinces/ca-mau/users', { username: 'dev.ca-mau', password: USER_PASSWORD, name: 'Nhà phát triển Cà Mau', role: 'developer' }, { headers: cmAdmin })).status).toBe(201);
  for (const [who, u] of Object.entries(USERS)) sessions[who as Who] = await signIn(t.http, u.username);
  const created = await t.http.post('/api/dev/clients', { scopes: ['dang-ky-doanh-nghiep'] }, { headers: sessions.cmDev });
  cmClient = created.data.clientId;
  profiles = { 'an-giang': await store.getProfile('an-giang'), 'ca-mau': await store.getProfile('ca-mau') };
}, 60_000);
afterAll(async () => {
  await t?.close();
});

function targets(): Target[] {
  const out: Target[] = [];
  for (const province of PROVINCES) for (const connector of CONNECTORS) for (const clientId of ['tthc-an-giang', cmClient]) out.push({ province, connector, clientId });
  return out;
}

describe('authorisation matrix of the rollout API', () => {
  it('classifies every declared route (a new route fails here until its expectations are written)', () => {
    const declared = new Set(t.sim.rollout.routes.map((r) => r.id));
    // login is public and a password change ends the sessions the matrix uses (both tested in rollout-api), logout
    // ends the session the matrix uses, revoke is tested below.
    const covered = new Set([...CASES.map((c) => c.route), 'auth.login', 'auth.logout', 'auth.password', 'dev.clients.revoke']);
    expect([...declared].filter((r) => !covered.has(r))).toEqual([]);
  });

  it('every role × route × own/other province, agency row and client: allowed ones pass, denied ones get 403, anonymous 401', async () => {
    const problems: string[] = [];
    let calls = 0;
    for (const c of CASES) {
      const route = t.sim.rollout.routes.find((r) => r.id === c.route)!;
      expect(route.method).toBe(c.method);
      // Targets that differ only in parts this route does not use give the same call: once is enough.
      const distinct = [...new Map(targets().map((tg) => [c.path(tg), tg])).values()];
      const anon = await t.http.request({ method: c.method, url: c.path(distinct[0]!), data: c.body?.(distinct[0]!) });
      if (anon.status !== 401) problems.push(`anonymous ${c.method} ${c.path(distinct[0]!)} → ${anon.status}`);
      // Authorisation does not depend on the row's state, so one route's calls can run together.
      await Promise.all(distinct.flatMap((target) => (Object.entries(USERS) as Array<[Who, U]>).map(async ([who, u]) => {
        const body = c.body?.(target);
        const res = await t.http.request({ method: c.method, url: c.path(target), data: body, headers: sessions[who] });
        calls++;
        const allowed = c.allowed(u, target);
        const denied = res.status === 403 || res.status === 401;
        if (allowed === denied) problems.push(`${who} ${c.method} ${c.path(target)} ${JSON.stringify(body ?? '').slice(0, 40)} → ${res.status} (expected ${allowed ? 'allowed' : 'denied'}) ${JSON.stringify(res.data).slice(0, 160)}`);
        if (!allowed && res.data.error?.code !== 'FORBIDDEN') problems.push(`${who} ${c.path(target)}: denied without the FORBIDDEN envelope (${res.status})`);
        if (allowed && res.status >= 500) problems.push(`${who} ${c.path(target)}: ${res.status}`);
      })));
    }
    expect(problems).toEqual([]);
    expect(calls).toBeGreaterThan(200);
  }, 120_000);

  it('0 leaks in what allowed reads return', async () => {
    const rows = await t.http.get('/api/rollout/provinces/an-giang/rows', { headers: sessions.taiChinh });
    expect(rows.data.rows.length).toBe(4);
    for (const r of rows.data.rows) expect([...r.lead, ...r.coordinating].map((a: any) => a.id)).toContain('so-tai-chinh');
    const khcnRows = await t.http.get('/api/rollout/provinces/an-giang/rows', { headers: sessions.khcn });
    expect(khcnRows.data.rows.length).toBe(24);

    const visible = new Set(rows.data.rows.map((r: any) => r.connector));
    const audit = await t.http.get('/api/rollout/provinces/an-giang/audit', { headers: sessions.taiChinh, params: { limit: '1000' } });
    expect(audit.data.entries.length).toBeGreaterThan(0);
    for (const e of audit.data.entries) expect(visible.has(e.connector)).toBe(true);
    const summary = await t.http.get('/api/rollout/provinces/an-giang/summary', { headers: sessions.taiChinh });
    expect(summary.data.rows).toBe(4);
    expect(summary.data.byAgency.map((a: any) => a.agency)).toEqual(['so-tai-chinh']);

    const provinces = async (who: Who) => (await t.http.get('/api/rollout/provinces', { headers: sessions[who] })).data.map((p: any) => p.id);
    expect(await provinces('admin')).toEqual(['an-giang']);
    expect(await provinces('dev')).toEqual([]);
    expect(await provinces('national')).toEqual(expect.arrayContaining(['an-giang', 'ca-mau']));

    const users = await t.http.get('/api/rollout/provinces/an-giang/users', { headers: sessions.admin });
    expect(users.data.every((u: any) => u.province === 'an-giang' && u.passwordHash === undefined)).toBe(true);

    const clients = async (who: Who) => (await t.http.get('/api/dev/clients', { headers: sessions[who] })).data;
    for (const c of await clients('dev')) expect(c.id === 'tthc-an-giang' || c.id.startsWith('sbx-an-giang-')).toBe(true);
    for (const c of await clients('cmDev')) expect(c.province).toBe('ca-mau');
    for (const c of await clients('admin')) expect(c.province).toBe('an-giang');
    for (const who of ['taiChinh', 'viewer', 'national'] as Who[]) expect(await clients(who)).toEqual([]);
    for (const c of await clients('admin')) expect(c.secretHash).toBeUndefined();

    const journal = await t.http.get(`/api/dev/clients/${cmClient}/journal`, { headers: sessions.cmDev });
    for (const e of journal.data.entries) expect(e.clientId).toBe(cmClient);
  });

  it('only the owner (or the Sở admin) revokes a client; its tokens stop working at once', async () => {
    const made = await t.http.post('/api/dev/clients', { scopes: ['dang-ky-doanh-nghiep'] }, { headers: sessions.dev });
    const id = made.data.clientId;
    const tok = await t.http.post('/token', 'grant_type=client_credentials', { auth: { username: id, password: made.data.secret }, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    for (const who of ['cmDev', 'cmAdmin', 'taiChinh', 'viewer', 'national'] as Who[]) expect((await t.http.delete(`/api/dev/clients/${id}`, { headers: sessions[who] })).status).toBe(403);
    expect((await t.http.get('/api/connectors', { headers: { Authorization: `Bearer ${tok.data.access_token}` } })).status).toBe(200);
    expect((await t.http.delete(`/api/dev/clients/${id}`, { headers: sessions.dev })).status).toBe(204);
    const op = t.sim.registry.get('dang-ky-doanh-nghiep')!.operations[0]!;
    const call = await t.http.get(op.def.path, { params: op.example.query, headers: { Authorization: `Bearer ${tok.data.access_token}` } });
    expect(call.status).toBe(401);
  });

  it('no denied call changed anything: every audited change was made by someone allowed to make it', async () => {
    for (const province of PROVINCES) {
      const all = await t.sim.rollout.service.store.readAudit(province, { limit: 1000 });
      // Rows are created by the system at start, or by the host Sở admin adding a province.
      const changes = all.entries.filter((e) => e.action !== 'create');
      expect(changes.some((e) => e.action === 'profile' || e.action === 'user')).toBe(true);
      expect(changes.length).toBeGreaterThan(0);
      for (const e of changes) {
        const u = Object.values(USERS).find((x) => x.username === e.by)!;
        const target = { province, connector: e.connector, clientId: '' };
        const ok = ['suspend', 'deadline', 'import', 'profile', 'user'].includes(e.action) ? adminOf(u, target) : writesRow(u, target);
        expect(ok, `${e.by} ${e.action} ${province}/${e.connector}`).toBe(true);
      }
    }
  });
});
