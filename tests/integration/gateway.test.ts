import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startTestSim, type TestSim } from '../helpers/sim.js';

let t: TestSim;
let msdn: string;
const DKDN = '/apiCSDLDKDN/1.0/chiTietDoanhNghiep';

beforeAll(async () => {
  t = await startTestSim('gateway', { maxBodyBytes: 4096 });
  msdn = (t.sim.registry.get('dang-ky-doanh-nghiep')!.seed.doanhNghiep![0] as any).MainInformation.MSDN;
});
afterAll(async () => t?.close());

const form = (s: string) => ({ headers: { 'content-type': 'application/x-www-form-urlencoded' } , data: s });

describe('POST /token (OAuth2 client credentials)', () => {
  it('issues a bearer token for HTTP Basic credentials, with every granted scope by default', async () => {
    const res = await t.http.post('/token', 'grant_type=client_credentials', { auth: { username: 'tthc-an-giang', password: 'sandbox-secret' }, ...form('') });
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    expect(res.data.access_token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(res.data.scope.split(' ')).toEqual(expect.arrayContaining(t.sim.registry.connectors.map((c) => c.id)));
    expect(res.headers['cache-control']).toBe('no-store');
  });
  it('narrows to the requested scope and refuses a scope that was not granted', async () => {
    const ok = await t.http.post('/token', 'grant_type=client_credentials&scope=dang-ky-doanh-nghiep', { auth: { username: 'tthc-an-giang', password: 'sandbox-secret' }, headers: form('').headers });
    expect(ok.data.scope).toBe('dang-ky-doanh-nghiep');
    const bad = await t.http.post('/token', 'grant_type=client_credentials&scope=khong-co', { auth: { username: 'tthc-an-giang', password: 'sandbox-secret' }, headers: form('').headers });
    expect(bad.status).toBe(400);
    expect(bad.data.error).toMatchObject({ code: 'INVALID_SCOPE', field: 'scope' });
  });
  it('refuses a wrong secret, an unknown client, a missing grant and a JSON body', async () => {
    const wrong = await t.http.post('/token', 'grant_type=client_credentials', { auth: { username: 'tthc-an-giang', password: 'wrong-secret' }, headers: form('').headers });
    expect(wrong.status).toBe(401);
    expect(wrong.data.error.code).toBe('INVALID_CLIENT');
    expect(wrong.headers['www-authenticate']).toContain('Basic');
    const post = await t.http.post('/token', 'grant_type=client_credentials&client_id=tthc-an-giang&client_secret=wrong-secret', { headers: form('').headers });
    expect(post.status).toBe(401);
    expect(post.headers['www-authenticate']).toBeUndefined(); // no Basic challenge for client_secret_post (browsers)
    const postOk = await t.http.post('/token', 'grant_type=client_credentials&client_id=tthc-an-giang&client_secret=sandbox-secret', { headers: form('').headers });
    expect(postOk.status).toBe(200);
    const unknown = await t.http.post('/token', 'grant_type=client_credentials', { auth: { username: 'ai-do', password: 'x' }, headers: form('').headers });
    expect(unknown.status).toBe(401);
    const grant = await t.http.post('/token', 'grant_type=password', { auth: { username: 'tthc-an-giang', password: 'sandbox-secret' }, headers: form('').headers });
    expect(grant.data.error).toMatchObject({ code: 'INVALID_GRANT', field: 'grant_type' });
    const json = await t.http.post('/token', { grant_type: 'client_credentials' }, { auth: { username: 'tthc-an-giang', password: 'sandbox-secret' } });
    expect(json.status).toBe(415);
  });
  it('expired and revoked tokens get 401 TOKEN_EXPIRED', async () => {
    await t.sim.deps.clients.create({ id: 'ngan-han', secret: 'ngan-han-secret', province: 'an-giang', scopes: ['dang-ky-doanh-nghiep'], sandbox: true });
    const client = (await t.sim.deps.clients.get('ngan-han'))!;
    const { token } = await t.sim.deps.clients.issueToken(client, client.scopes, 1);
    const live = await t.http.get(DKDN, { params: { msdn }, headers: { Authorization: `Bearer ${token}` } });
    expect(live.status).toBe(200);
    await new Promise((r) => setTimeout(r, 1100));
    const expired = await t.http.get(DKDN, { params: { msdn }, headers: { Authorization: `Bearer ${token}` } });
    expect(expired.status).toBe(401);
    expect(expired.data.error.code).toBe('TOKEN_EXPIRED');
    const fresh = await t.sim.deps.clients.issueToken(client, client.scopes, 60);
    await t.sim.deps.clients.revokeTokens('ngan-han');
    const revoked = await t.http.get(DKDN, { params: { msdn }, headers: { Authorization: `Bearer ${fresh.token}` } });
    expect(revoked.data.error.code).toBe('TOKEN_EXPIRED');
  });
});

describe('bad input never gets a 500', () => {
  it('malformed JSON → 400 MALFORMED_JSON; wrong content type → 415; oversized → 413', async () => {
    const headers = { ...(await t.auth()), 'content-type': 'application/json' };
    const post = t.sim.registry.connectors.flatMap((c) => c.operations).find((o) => o.def.method === 'POST')!;
    expect(post, 'a POST operation to test body handling').toBeDefined();
    {
      const malformed = await t.http.post(post.def.path, '{"a": ', { headers });
      expect(malformed.status).toBe(400);
      expect(malformed.data.error.code).toBe('MALFORMED_JSON');
      const text = await t.http.post(post.def.path, 'a=b', { headers: { ...headers, 'content-type': 'text/plain' } });
      expect(text.status).toBe(415);
      const big = await t.http.post(post.def.path, JSON.stringify({ x: 'a'.repeat(10_000) }), { headers });
      expect(big.status).toBe(413);
      expect(big.data.error.code).toBe('PAYLOAD_TOO_LARGE');
    }
    const bigToken = await t.http.post('/token', `grant_type=client_credentials&x=${'a'.repeat(20_000)}`, { headers: form('').headers });
    expect(bigToken.status).toBe(413);
  });
  it('wrong type, invalid identifier, unknown path and wrong method', async () => {
    const headers = await t.auth();
    const badMst = await t.http.get(DKDN, { params: { msdn: '0101234567' }, headers });
    expect(badMst.status).toBe(400);
    expect(badMst.data.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'msdn' });
    expect(badMst.data.error.message).toMatch(/chữ số kiểm tra/);
    const page = await t.http.get('/apiCSDLDKDN/1.0/timKiemDoanhNghiep', { params: { ten: 'thuy san', trang: 'mot' }, headers });
    expect(page.status).toBe(400);
    expect(page.data.error.field).toBe('trang');
    const nowhere = await t.http.get('/apiKhongCo/1.0/x', { headers });
    expect(nowhere.status).toBe(404);
    expect(nowhere.data.error.code).toBe('NOT_FOUND');
    const method = await t.http.delete(DKDN, { headers });
    expect(method.status).toBe(405);
    expect(method.headers.allow).toBe('GET');
  });
  it('unknown record → 404 RECORD_NOT_FOUND naming the field; unknown scenario → 400 naming the header', async () => {
    const headers = await t.auth();
    const res = await t.http.get(DKDN, { params: { msdn: '0100233488' }, headers });
    expect(res.status).toBe(404);
    expect(res.data.error).toMatchObject({ code: 'RECORD_NOT_FOUND', field: 'msdn' });
    const sc = await t.http.get(DKDN, { params: { msdn }, headers: { ...headers, 'X-Mock-Scenario': 'khong-co' } });
    expect(sc.status).toBe(400);
    expect(sc.data.error.field).toBe('X-Mock-Scenario');
  });
});

describe('per-client scenarios', () => {
  it('a maintenance window set for the client answers 503 with Retry-After until it ends, then recovers', async () => {
    const headers = await t.auth();
    const until = new Date(Date.now() + 1500).toISOString();
    const set = await t.http.put('/api/clients/me/scenario', { name: 'maintenance', until, connectors: ['dang-ky-doanh-nghiep'] }, { headers });
    expect(set.status).toBe(200);
    const during = await t.http.get(DKDN, { params: { msdn }, headers });
    expect(during.status).toBe(503);
    expect(Number(during.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(during.headers['retry-after'])).toBeLessThanOrEqual(2);
    const after = await eventually(async () => (await t.http.get(DKDN, { params: { msdn }, headers })).status === 200, 3000, 100);
    expect(after).toBe(true);
    await t.http.delete('/api/clients/me/scenario', { headers });
  });
  it('refuses an unknown scenario name or field', async () => {
    const headers = await t.auth();
    expect((await t.http.put('/api/clients/me/scenario', { name: 'khong-co' }, { headers })).data.error.field).toBe('name');
    expect((await t.http.put('/api/clients/me/scenario', { name: 'slow', x: 1 }, { headers })).data.error).toMatchObject({ code: 'UNKNOWN_FIELD', field: 'x' });
  });
});

describe('traffic journal', () => {
  it('records every call with status, duration, scenario, validation outcome and a masked summary', async () => {
    const headers = await t.auth();
    await t.http.get(DKDN, { params: { msdn }, headers: { ...headers, 'X-Request-Id': 'journal-test-0001' } });
    await t.http.get(DKDN, { params: { msdn: '12' }, headers: { ...headers, 'X-Request-Id': 'journal-test-0002' } });
    const res = await t.http.get('/api/journal', { params: { connector: 'dang-ky-doanh-nghiep', limit: 50 }, headers });
    expect(res.status).toBe(200);
    const ok = res.data.entries.find((e: any) => e.requestId === 'journal-test-0001');
    const bad = res.data.entries.find((e: any) => e.requestId === 'journal-test-0002');
    expect(ok).toMatchObject({ clientId: 'tthc-an-giang', connector: 'dang-ky-doanh-nghiep', operation: 'chiTietDoanhNghiep', status: 200, validation: 'ok', protocol: 'rest' });
    expect(ok.durationMs).toBeGreaterThanOrEqual(0);
    expect(ok.request.msdn).toBe('*******' + msdn.slice(-3));
    expect(bad).toMatchObject({ status: 400, validation: 'request-invalid', errorCode: 'VALIDATION_FAILED', errorField: 'msdn' });
    expect(bad.problems[0].field).toBe('msdn');
  });
  it('shows a client only its own traffic', async () => {
    await t.sim.deps.clients.create({ id: 'tinh-khac', secret: 'tinh-khac-secret', province: 'can-tho', scopes: ['dang-ky-doanh-nghiep'], sandbox: true });
    const tok = await t.http.post('/token', 'grant_type=client_credentials', { auth: { username: 'tinh-khac', password: 'tinh-khac-secret' }, headers: form('').headers });
    const headers = { Authorization: `Bearer ${tok.data.access_token}` };
    await t.http.get(DKDN, { params: { msdn }, headers });
    const res = await t.http.get('/api/journal', { headers });
    expect(res.data.entries.length).toBeGreaterThan(0);
    expect(res.data.entries.every((e: any) => e.clientId === 'tinh-khac')).toBe(true);
    expect((await t.http.get('/api/journal')).status).toBe(401);
  });
});

describe('health, metrics, request ids', () => {
  it('GET /health reports Redis and the connectors', async () => {
    const res = await t.http.get('/health');
    expect(res.data).toEqual({ status: 'ok', redis: true, connectors: t.sim.registry.connectors.length });
  });
  it('GET /metrics counts requests by connector, operation and status', async () => {
    await t.http.get(DKDN, { params: { msdn }, headers: await t.auth() });
    const res = await t.http.get('/metrics');
    expect(res.data).toMatch(/ndxp_requests_total\{connector="dang-ky-doanh-nghiep",operation="chiTietDoanhNghiep",status="200",protocol="rest"\} \d+/);
    expect(res.data).toContain('ndxp_request_duration_seconds_bucket');
  });
  it('echoes a safe X-Request-Id and replaces an unsafe one', async () => {
    expect((await t.http.get('/health', { headers: { 'X-Request-Id': 'abc-123-def' } })).headers['x-request-id']).toBe('abc-123-def');
    expect((await t.http.get('/health', { headers: { 'X-Request-Id': '<script>' } })).headers['x-request-id']).not.toBe('<script>');
  });
});
