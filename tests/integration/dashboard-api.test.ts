import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitLltp } from '../helpers/lltp.js';
import { ADMIN_PASSWORD, signIn, USER_PASSWORD } from '../helpers/rollout.js';
import { WebhookReceiver } from '../../src/simulate/receiver.js';
import { eventually, startTestSim, type TestSim } from '../helpers/sim.js';

let t: TestSim;
beforeAll(async () => {
  t = await startTestSim('dashboard-api');
});
afterAll(async () => {
  await t?.close();
});

describe('dashboard read API', () => {
  it('sync rate over time: Sở roles only (anonymous 401, lead agency and developer 403)', async () => {
    const url = '/api/dashboard/provinces/an-giang/sync-rate?days=7';
    expect((await t.http.get(url)).status).toBe(401);
    expect((await t.http.get(url, { headers: await signIn(t.http, 'tai-chinh.an-giang', USER_PASSWORD) })).status).toBe(403);
    expect((await t.http.get(url, { headers: await signIn(t.http, 'dev.an-giang', USER_PASSWORD) })).status).toBe(403);
    const ok = await t.http.get(url, { headers: await signIn(t.http, 'admin.an-giang', ADMIN_PASSWORD) });
    expect(ok.status).toBe(200);
    expect(ok.data).toMatchObject({ province: 'an-giang', current: { total: expect.any(Number) }, daily: expect.any(Array) });
  });

  it("a dossier's timeline lists each status change for its own client only; another client gets 404", async () => {
    const auth = await t.auth();
    const { MaHoSo } = await submitLltp(t, auth, '000.00.31.H01-251201-0007');
    const list = await t.http.get('/api/dashboard/dossiers', { headers: auth });
    expect(list.data.items.map((d: { maHoSo: string }) => d.maHoSo)).toContain(MaHoSo);
    const tl = await t.http.get(`/api/dashboard/dossiers/ly-lich-tu-phap/${MaHoSo}/timeline`, { headers: auth });
    expect(tl.status).toBe(200);
    expect(tl.data.entries.length).toBeGreaterThan(0);
    expect(tl.data.entries[0]).toMatchObject({ seq: 1, from: null, deliveries: [], dvcqg: null });

    const admin = await signIn(t.http, 'admin.an-giang', ADMIN_PASSWORD);
    const created = await t.http.post('/api/dev/clients', { scopes: ['ly-lich-tu-phap'] }, { headers: admin });
    expect(created.status).toBe(201);
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: created.data.clientId, client_secret: created.data.secret });
    const token = (await t.http.post('/token', form.toString(), { headers: { 'content-type': 'application/x-www-form-urlencoded' } })).data.access_token;
    const other = await t.http.get(`/api/dashboard/dossiers/ly-lich-tu-phap/${MaHoSo}/timeline`, { headers: { Authorization: `Bearer ${token}` } });
    expect(other.status).toBe(404);
    expect(other.data.error.code).toBe('RECORD_NOT_FOUND');
    expect((await t.http.get(`/api/dashboard/dossiers/ly-lich-tu-phap/${MaHoSo}/timeline`)).status).toBe(401);
  });

  it('shows when the receiver acknowledged each status change of a dossier', async () => {
    const auth = await t.auth();
    const receiver = new WebhookReceiver('timeline-secret-0123456789');
    try {
      const url = await receiver.start();
      expect((await t.http.post('/api/webhooks', { url, secret: receiver.secret, connectors: ['ly-lich-tu-phap'] }, { headers: auth })).status).toBe(201);
      const before = Date.now();
      const { MaHoSo } = await submitLltp(t, auth, '000.00.31.H01-251201-0008');
      expect(await eventually(async () => receiver.appliedCount >= 1, 10_000)).toBe(true);
      const tl = await t.http.get(`/api/dashboard/dossiers/ly-lich-tu-phap/${MaHoSo}/timeline`, { headers: auth });
      const first = tl.data.entries[0].deliveries[0];
      expect(first).toMatchObject({ state: 'delivered', deliveredAt: expect.any(String) });
      expect(Date.parse(first.deliveredAt)).toBeGreaterThanOrEqual(before - 1000);
      expect(Date.parse(first.deliveredAt)).toBeLessThanOrEqual(Date.now());
    } finally {
      await receiver.close();
    }
  });
});
