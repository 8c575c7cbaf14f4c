import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSim, type TestSim } from '../helpers/sim.js';
import { FAST_HASH, exerciseLikeAGoodClient, signIn } from '../helpers/rollout.js';
import { healthClientId } from '../../src/rollout/health.js';

let t: TestSim;
const AG = '/api/rollout/provinces/an-giang';
const DKDN = `${AG}/rows/dang-ky-doanh-nghiep`;

beforeAll(async () => {
  t = await startTestSim('rollout-api', {}, FAST_HASH);
});
afterAll(async () => {
  await t?.close();
});

describe('rollout tracker over HTTP', () => {
  it('starting fresh shows An Giang with 24 rows, their lead agencies (today’s names) and the appendix wording', async () => {
    const admin = await signIn(t.http, 'admin.an-giang');
    const res = await t.http.get(`${AG}/rows`, { headers: admin });
    expect(res.status).toBe(200);
    expect(res.data.rows).toHaveLength(24);
    const dkdn = res.data.rows.find((r: any) => r.connector === 'dang-ky-doanh-nghiep');
    expect(dkdn).toMatchObject({ stt: 1, stage: 'chua-trien-khai', deadline: '2025-03-31', lead: [{ id: 'so-tai-chinh', name: 'Sở Tài chính' }] });
    expect(dkdn.appendix.lead).toEqual(['Sở Kế hoạch và Đầu tư']);
    expect(res.data.rows.every((r: any) => r.lead.length > 0)).toBe(true);
  });

  it('signs in with a password (bcrypt) into an opaque session usable as Bearer or HttpOnly cookie, and signs out', async () => {
    expect((await t.http.post('/api/auth/login', { username: 'admin.an-giang', password: 'wrong-password' })).data.error.code).toBe('SIGN_IN_FAILED');
    expect((await t.http.post('/api/auth/login', { username: 'nobody', password: 'x' })).status).toBe(401);
    expect((await t.http.get(`${AG}/rows`)).status).toBe(401);
    const res = await t.http.post('/api/auth/login', { username: 'viewer.an-giang', password: 'user-sandbox-2025' });
    expect(res.status).toBe(200);
    const cookie = String(res.headers['set-cookie']).split(';')[0]!;
    expect(String(res.headers['set-cookie'])).toMatch(/HttpOnly/i);
    expect(String(res.headers['set-cookie'])).toMatch(/SameSite=Lax/i);
    const me = await t.http.get('/api/auth/me', { headers: { Cookie: cookie } });
    expect(me.data).toMatchObject({ username: 'viewer.an-giang', role: 'viewer' });
    expect(me.data.passwordHash).toBeUndefined();
    const stored = await t.sim.rollout.users.get('viewer.an-giang');
    expect(stored!.passwordHash).toMatch(/^\$2[aby]\$/);
    expect((await t.http.post('/api/auth/logout', {}, { headers: { Cookie: cookie } })).status).toBe(204);
    expect((await t.http.get('/api/auth/me', { headers: { Cookie: cookie } })).status).toBe(401);
  });

  it('changes one\'s own password: the current one is checked, every old session ends, the new session works', async () => {
    const admin = await signIn(t.http, 'admin.an-giang');
    expect((await t.http.post(`${AG}/users`, { username: 'doi-mk.an-giang', password: 'mat-khau-cu-123', name: 'Người đổi mật khẩu', role: 'viewer' }, { headers: admin })).status).toBe(201);
    const old = await signIn(t.http, 'doi-mk.an-giang', 'mat-khau-cu-123');
    const other = await signIn(t.http, 'doi-mk.an-giang', 'mat-khau-cu-123');
    const wrong = await t.http.post('/api/auth/password', { currentPassword: 'khong-dung-123', newPassword: 'mat-khau-moi-456' }, { headers: old });
    expect([wrong.status, wrong.data.error.code, wrong.data.error.field]).toEqual([401, 'SIGN_IN_FAILED', 'currentPassword']);
    const short = await t.http.post('/api/auth/password', { currentPassword: 'mat-khau-cu-123', newPassword: 'ngan' }, { headers: old });
    expect([short.status, short.data.error.field]).toEqual([400, 'newPassword']);
    const same = await t.http.post('/api/auth/password', { currentPassword: 'mat-khau-cu-123', newPassword: 'mat-khau-cu-123' }, { headers: old });
    expect([same.status, same.data.error.field]).toEqual([400, 'newPassword']);
    expect((await t.http.post('/api/auth/password', { currentPassword: 'mat-khau-cu-123', newPassword: 'mat-khau-moi-456' })).status).toBe(401);

    const ok = await t.http.post('/api/auth/password', { currentPassword: 'mat-khau-cu-123', newPassword: 'mat-khau-moi-456' }, { headers: old });
    expect(ok.status).toBe(200);
    for (const h of [old, other]) expect((await t.http.get('/api/auth/me', { headers: h })).status).toBe(401);
    expect((await t.http.get('/api/auth/me', { headers: { Authorization: `Bearer ${ok.data.token}` } })).data.username).toBe('doi-mk.an-giang');
    expect((await t.http.post('/api/auth/login', { username: 'doi-mk.an-giang', password: 'mat-khau-cu-123' })).status).toBe(401);
    expect((await t.http.post('/api/auth/login', { username: 'doi-mk.an-giang', password: 'mat-khau-moi-456' })).status).toBe(200);
  });

  it('the Sở admin disables, re-enables and resets an account of the province; never its own, never another province\'s', async () => {
    const admin = await signIn(t.http, 'admin.an-giang');
    expect((await t.http.post(`${AG}/users`, { username: 'bi-khoa.an-giang', password: 'mat-khau-dau-123', name: 'Tài khoản bị khóa', role: 'viewer' }, { headers: admin })).status).toBe(201);
    const victim = await signIn(t.http, 'bi-khoa.an-giang', 'mat-khau-dau-123');
    const off = await t.http.put(`${AG}/users/bi-khoa.an-giang`, { disabled: true }, { headers: admin });
    expect([off.status, off.data.disabled, off.data.passwordHash]).toEqual([200, true, undefined]);
    expect((await t.http.get('/api/auth/me', { headers: victim })).status).toBe(401);
    expect((await t.http.post('/api/auth/login', { username: 'bi-khoa.an-giang', password: 'mat-khau-dau-123' })).status).toBe(401);
    expect((await t.http.put(`${AG}/users/bi-khoa.an-giang`, { disabled: false, password: 'mat-khau-dat-lai-789' }, { headers: admin })).status).toBe(200);
    expect((await t.http.post('/api/auth/login', { username: 'bi-khoa.an-giang', password: 'mat-khau-dau-123' })).status).toBe(401);
    expect((await t.http.post('/api/auth/login', { username: 'bi-khoa.an-giang', password: 'mat-khau-dat-lai-789' })).status).toBe(200);

    const self = await t.http.put(`${AG}/users/admin.an-giang`, { disabled: true }, { headers: admin });
    expect([self.status, self.data.error.field]).toEqual([400, 'disabled']);
    expect((await t.http.put(`${AG}/users/national`, { name: 'Bộ' }, { headers: admin })).status).toBe(404);
    expect((await t.http.put(`${AG}/users/khong-co.an-giang`, { name: 'Không có' }, { headers: admin })).status).toBe(404);
    expect((await t.http.put(`${AG}/users/bi-khoa.an-giang`, {}, { headers: admin })).status).toBe(400);
    expect((await t.http.put(`${AG}/users/bi-khoa.an-giang`, { role: 'so-admin' }, { headers: admin })).data.error).toMatchObject({ code: 'UNKNOWN_FIELD', field: 'role' });
    const audit = await t.http.get(`${AG}/audit`, { headers: admin, params: { limit: '50' } });
    expect(audit.data.entries.filter((e: any) => e.action === 'user' && e.to?.username === 'bi-khoa.an-giang').map((e: any) => e.to)).toEqual(expect.arrayContaining([
      { username: 'bi-khoa.an-giang', disabled: true }, { username: 'bi-khoa.an-giang', disabled: false, passwordReset: true },
    ]));
    expect(JSON.stringify(audit.data)).not.toContain('mat-khau-dat-lai-789');
  });

  it('locks a name after ten wrong passwords (429), without telling whether the name exists', async () => {
    const admin = await signIn(t.http, 'admin.an-giang');
    expect((await t.http.post(`${AG}/users`, { username: 'thu-khoa', password: 'mat-khau-dung-1', name: 'Thử khóa', role: 'viewer' }, { headers: admin })).status).toBe(201);
    for (let i = 0; i < 10; i++) expect((await t.http.post('/api/auth/login', { username: 'thu-khoa', password: `sai-${i}` })).status).toBe(401);
    const locked = await t.http.post('/api/auth/login', { username: 'thu-khoa', password: 'mat-khau-dung-1' });
    expect(locked.status).toBe(429);
    expect(locked.data.error.code).toBe('RATE_LIMITED');
    expect((await t.http.post('/api/auth/login', { username: 'khong-ton-tai', password: 'x' })).data.error.code).toBe('SIGN_IN_FAILED');
  });

  it('refuses a cookie-authenticated change sent as a form (JSON only), so a cross-site form cannot move rows', async () => {
    const admin = await signIn(t.http, 'admin.an-giang');
    const res = await t.http.post(`${AG}/rows/gia/moves`, 'to=dang-ky', { headers: { ...admin, 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(415);
  });

  it('validates moves: no skipping, back only with a reason, nothing while blocked; every change audited', async () => {
    const admin = await signIn(t.http, 'admin.an-giang');
    const row = `${AG}/rows/gia`;
    expect((await t.http.post(`${row}/moves`, { to: 'dang-ky', evidence: 'Công văn đăng ký số 12/STC' }, { headers: admin })).status).toBe(200);
    const skip = await t.http.post(`${row}/moves`, { to: 'tich-hop' }, { headers: admin });
    expect(skip.status).toBe(409);
    expect(skip.data.error.message).toMatch(/không được bỏ qua giai đoạn/);
    const back = await t.http.post(`${row}/moves`, { to: 'chua-trien-khai' }, { headers: admin });
    expect(back.data.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'reason' });
    expect((await t.http.post(`${row}/flags`, { flag: 'blocked', on: true }, { headers: admin })).data.error.field).toBe('reason');
    expect((await t.http.post(`${row}/flags`, { flag: 'blocked', on: true, reason: 'Chờ Bộ Tài chính cấp tài khoản' }, { headers: admin })).status).toBe(200);
    const blocked = await t.http.post(`${row}/moves`, { to: 'chua-trien-khai', reason: 'làm lại' }, { headers: admin });
    expect(blocked.data.error.message).toMatch(/bị chặn/);
    expect((await t.http.post(`${row}/flags`, { flag: 'blocked', on: false }, { headers: admin })).status).toBe(200);
    // Sent decomposed (NFD, as some keyboards do): stored in NFC.
    expect((await t.http.post(`${row}/moves`, { to: 'chua-trien-khai', reason: 'đăng ký nhầm hệ thống'.normalize('NFD') }, { headers: admin })).status).toBe(200);
    const audit = await t.http.get(`${row}/audit`, { headers: admin });
    const actions = audit.data.entries.map((e: any) => `${e.action}:${JSON.stringify(e.from ?? null)}>${JSON.stringify(e.to ?? null)}`);
    expect(actions[0]).toBe('move:"dang-ky">"chua-trien-khai"');
    expect(audit.data.entries[0]).toMatchObject({ by: 'admin.an-giang', role: 'so-admin', reason: 'đăng ký nhầm hệ thống' });
    expect(audit.data.entries.map((e: any) => e.action)).toEqual(['move', 'unblock', 'block', 'move', 'create']);
    const firstMove = audit.data.entries[3];
    expect(firstMove.evidence[0]).toMatchObject({ kind: 'note', text: 'Công văn đăng ký số 12/STC' });
    expect(Date.parse(firstMove.at)).not.toBeNaN();
  });

  it('an admin override may skip stages, but only with a reason, and is marked in the audit', async () => {
    const admin = await signIn(t.http, 'admin.an-giang');
    const row = `${AG}/rows/thong-tin-nguon`;
    expect((await t.http.post(`${row}/moves`, { to: 'van-hanh', override: true }, { headers: admin })).data.error.field).toBe('reason');
    const ok = await t.http.post(`${row}/moves`, { to: 'van-hanh', override: true, reason: 'Đã vận hành qua LGSP từ 2023' }, { headers: admin });
    expect(ok.status).toBe(200);
    const audit = await t.http.get(`${row}/audit`, { headers: admin });
    expect(audit.data.entries[0]).toMatchObject({ action: 'move', from: 'chua-trien-khai', to: 'van-hanh', overrode: ['skip', 'gate'] });
    const agency = await signIn(t.http, 'tu-phap.an-giang');
    const refused = await t.http.post(`${AG}/rows/ho-tich/moves`, { to: 'tich-hop', override: true, reason: 'muốn vượt' }, { headers: agency });
    expect(refused.status).toBe(403);
  });

  it('moving to vận hành is refused until the evidence exists, and allowed after a sandbox client exercised the connector', async () => {
    const agency = await signIn(t.http, 'tai-chinh.an-giang');
    for (const to of ['dang-ky', 'cap-quyen']) expect((await t.http.post(`${DKDN}/moves`, { to }, { headers: agency })).status).toBe(200);
    const noCalls = await t.http.post(`${DKDN}/moves`, { to: 'tich-hop' }, { headers: agency });
    expect(noCalls.status).toBe(409);
    expect(noCalls.data.error.details.missing[0].vi).toBe('Chưa có lệnh gọi sandbox thành công nào');

    // The developer gets its own sandbox client with that scope (the secret is shown once).
    const dev = await signIn(t.http, 'dev.an-giang');
    const created = await t.http.post('/api/dev/clients', { scopes: ['dang-ky-doanh-nghiep'], name: 'TTHC An Giang (thử)' }, { headers: dev });
    expect(created.status).toBe(201);
    const { clientId, secret } = created.data;
    const tok = await t.http.post('/token', 'grant_type=client_credentials', { auth: { username: clientId, password: secret }, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const clientAuth = { Authorization: `Bearer ${tok.data.access_token}` };
    const connector = t.sim.registry.get('dang-ky-doanh-nghiep')!;
    const op = connector.operations[0]!;
    const one = await t.http.get(op.def.path, { params: op.example.query, headers: clientAuth });
    expect(one.status).toBe(200);
    expect((await t.http.post(`${DKDN}/moves`, { to: 'tich-hop' }, { headers: agency })).status).toBe(200);
    expect((await t.http.post(`${DKDN}/moves`, { to: 'kiem-thu' }, { headers: agency })).status).toBe(200);

    const early = await t.http.post(`${DKDN}/moves`, { to: 'van-hanh' }, { headers: agency });
    expect(early.status).toBe(409);
    const missing: string[] = early.data.error.details.missing.map((m: any) => m.vi);
    expect(missing.some((m) => m.includes('Chưa gặp kịch bản lỗi "upstream-error"'))).toBe(true);
    expect(missing.some((m) => m.startsWith('Chưa gọi thành công thao tác'))).toBe(true);

    await exerciseLikeAGoodClient(t.http, connector, clientAuth);
    const check = await t.http.post(`${DKDN}/checks`, {}, { headers: agency });
    expect(check.data).toMatchObject({ target: 'van-hanh', passed: true, missing: [], clientId });
    const moved = await t.http.post(`${DKDN}/moves`, { to: 'van-hanh' }, { headers: agency });
    expect(moved.status).toBe(200);
    expect(moved.data.row).toMatchObject({ stage: 'van-hanh', overdue: false, daysLate: 0, score: 1 });
    expect(moved.data.gate.jobId).toBeTruthy();

    // Connectors in operation get health checks (queued, repeatable); their uptime is recorded.
    const admin = await signIn(t.http, 'admin.an-giang');
    // Both rows in vận hành (this one and thông tin nguồn, moved by override above) are simulated and answer 200.
    expect((await t.http.post(`${AG}/health-checks`, {}, { headers: admin })).data).toMatchObject({ checked: 2, ok: 2 });
    const health = await t.http.get(`${AG}/health`, { headers: agency });
    expect(health.data).toEqual([expect.objectContaining({ connector: 'dang-ky-doanh-nghiep', checks: 1, ok: 1, uptime: 1, lastOk: true })]);
    const row = await t.http.get(DKDN, { headers: agency });
    expect(row.data.health.recent[0]).toMatchObject({ ok: true, detail: expect.stringContaining('HTTP 200') });
    expect(row.data.gates.find((g: any) => g.target === 'van-hanh')).toMatchObject({ passed: true });
    // An outage (thông tin nguồn in maintenance for the monitoring client) is a failed check and lowers its uptime.
    await t.sim.deps.clients.setScenario(healthClientId('an-giang'), { name: 'maintenance', connectors: ['thong-tin-nguon'] });
    expect((await t.http.post(`${AG}/health-checks`, {}, { headers: admin })).data).toMatchObject({ checked: 2, ok: 1 });
    const all = (await t.http.get(`${AG}/health`, { headers: admin })).data;
    expect(all.find((h: any) => h.connector === 'thong-tin-nguon')).toMatchObject({ checks: 2, ok: 1, uptime: 0.5, lastOk: false, lastDetail: expect.stringContaining('HTTP 503') });
    expect(all.find((h: any) => h.connector === 'dang-ky-doanh-nghiep')).toMatchObject({ checks: 2, ok: 2, lastOk: true });

    // The developer reads its own client's traffic, not the demo client's.
    const journal = await t.http.get(`/api/dev/clients/${clientId}/journal`, { headers: dev, params: { limit: '5' } });
    expect(journal.data.entries.every((e: any) => e.clientId === clientId)).toBe(true);
    expect((await t.http.get(`/api/dev/clients/${clientId}/journal`, { headers: agency })).status).toBe(403);
  }, 30_000);

  it('a developer switches a fault scenario on and off for its own client', async () => {
    const dev = await signIn(t.http, 'dev.an-giang');
    const op = t.sim.registry.get('dang-ky-doanh-nghiep')!.operations[0]!;
    const call = async () => (await t.http.get(op.def.path, { params: op.example.query, headers: await t.auth() })).status;
    expect((await t.http.put('/api/dev/clients/tthc-an-giang/scenario', { name: 'khong-co' }, { headers: dev })).data.error.field).toBe('name');
    expect((await t.http.put('/api/dev/clients/tthc-an-giang/scenario', { name: 'not-found' }, { headers: dev })).status).toBe(200);
    expect(await call()).toBe(404);
    expect((await t.http.delete('/api/dev/clients/tthc-an-giang/scenario', { headers: dev })).status).toBe(204);
    expect(await call()).toBe(200);
  });

  it('computes deadlines, overdue days and readiness, and keeps a daily snapshot', async () => {
    const admin = await signIn(t.http, 'admin.an-giang');
    expect((await t.http.put(`${AG}/rows/dien-luc/deadline`, { deadline: '2099-12-31', reason: 'gia hạn' }, { headers: admin })).data).toMatchObject({ deadline: '2099-12-31', overdue: false, daysLate: 0 });
    const summary = await t.http.get(`${AG}/summary`, { headers: admin });
    expect(summary.data.rows).toBe(24);
    expect(summary.data.overdue).toBe(24 - summary.data.inOperation - 1);
    expect(summary.data.readiness).toBeGreaterThan(0);
    expect(summary.data.byAgency.find((a: any) => a.agency === 'so-tai-chinh').rows).toBe(4);
    const history = await t.http.get(`${AG}/history`, { headers: admin });
    expect(history.data.days.at(-1)).toMatchObject({ rows: 24, inOperation: summary.data.inOperation });
  });
});
