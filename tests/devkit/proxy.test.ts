import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractDrift, parseUpstreamConfig, recordedDir } from '../../src/gateway/proxy.js';
import { startTestSim, type TestSim } from '../helpers/sim.js';

/** Record/proxy/replay against an upstream played by nock; recordings go to a temporary directory. */
const UPSTREAM = 'https://dkdn.upstream.test';
const SECRET = 'upstream-secret-7f3a9c';
const ID = 'dang-ky-doanh-nghiep';
const PATH = '/apiCSDLDKDN/1.0/chiTietDoanhNghiep';
let dir: string;
let rec: TestSim;
let company: any;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ndxp-rec-'));
  Object.assign(process.env, { NDXP_MODES: `${ID}=record`, NDXP_UPSTREAM_DANG_KY_DOANH_NGHIEP_URL: UPSTREAM, NDXP_UPSTREAM_DANG_KY_DOANH_NGHIEP_TOKEN: SECRET, NDXP_RECORDINGS_DIR: dir });
  rec = await startTestSim('proxy-record');
  company = (rec.sim.registry.get(ID)!.seed.doanhNghiep![0] as any).MainInformation;
});
afterAll(async () => {
  nock.cleanAll();
  await rec?.close();
  await rm(dir, { recursive: true, force: true });
  delete process.env.NDXP_MODES;
});

describe('record mode', () => {
  it('forwards with the upstream credentials (not the client token), answers what upstream said, records it masked', async () => {
    const scope = nock(UPSTREAM, { reqheaders: { authorization: `Bearer ${SECRET}` } })
      .get(PATH)
      .query({ msdn: company.MSDN })
      .reply(200, { MainInformation: company });
    const res = await rec.http.get(PATH, { params: { msdn: company.MSDN }, headers: await rec.auth() });
    expect(res.status).toBe(200);
    expect(res.data.MainInformation.NguoiDaiDien.HoTen).toBe(company.NguoiDaiDien.HoTen);
    expect(scope.isDone()).toBe(true);
    const files = await readdir(recordedDir(dir, ID));
    expect(files).toHaveLength(1);
    const text = await readFile(path.join(recordedDir(dir, ID), files[0]!), 'utf8');
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(company.NguoiDaiDien.SoDinhDanh);
    expect(text).not.toContain(company.NguoiDaiDien.HoTen);
    const saved = JSON.parse(text);
    expect(saved).toMatchObject({ connector: ID, operation: 'chiTietDoanhNghiep', response: { status: 200 } });
    expect(saved.response.body.MainInformation.NguoiDaiDien.SoDinhDanh).toMatch(/^\*+\d{3}$/);
  });

  it('an off-schema upstream answer is passed on, and the drift report names the fields', async () => {
    const { VonDieuLe: _v, ...missing } = company;
    nock(UPSTREAM).get(PATH).query(true).reply(200, { MainInformation: { ...missing, TruongMoi: 'x' } });
    const res = await rec.http.get(PATH, { params: { msdn: company.MSDN }, headers: await rec.auth() });
    expect(res.status).toBe(200);
    expect(res.data.MainInformation.TruongMoi).toBe('x');
    const drift = await contractDrift(rec.sim.registry, dir);
    expect(drift).toHaveLength(1); // the first (valid) recording is not drift, masking notwithstanding
    expect(drift[0]!.operation).toBe('chiTietDoanhNghiep');
    expect(drift[0]!.problems.map((p) => `${p.field}:${p.rule}`).sort()).toEqual(['MainInformation.TruongMoi:additionalProperties', 'MainInformation.VonDieuLe:required']);
  });

  it('upstream errors: its 503 and Retry-After pass through; no connection is a 502 envelope', async () => {
    nock(UPSTREAM).get(PATH).query(true).reply(503, { loi: 'bao tri' }, { 'Retry-After': '120' });
    const busy = await rec.http.get(PATH, { params: { msdn: company.MSDN }, headers: await rec.auth() });
    expect(busy.status).toBe(503);
    expect(busy.headers['retry-after']).toBe('120');
    nock(UPSTREAM).get(PATH).query(true).replyWithError(`connect ECONNREFUSED ${SECRET}`);
    const down = await rec.http.get(PATH, { params: { msdn: company.MSDN }, headers: await rec.auth() });
    expect(down.status).toBe(502);
    expect(down.data.error).toMatchObject({ code: 'UPSTREAM_ERROR' });
    expect(JSON.stringify(down.data)).not.toContain(SECRET);
  });

  it('the request is still validated before anything is forwarded', async () => {
    const res = await rec.http.get(PATH, { params: { msdn: '123' }, headers: await rec.auth() });
    expect(res.status).toBe(400);
    expect(res.data.error.field).toBe('msdn');
  });
});

describe('replay mode', () => {
  it('answers from the recordings with no upstream; an unrecorded input is RECORD_NOT_FOUND', async () => {
    process.env.NDXP_MODES = `${ID}=replay`;
    const replay = await startTestSim('proxy-replay');
    try {
      nock.disableNetConnect();
      nock.enableNetConnect('127.0.0.1');
      const res = await replay.http.get(PATH, { params: { msdn: company.MSDN }, headers: await replay.auth() });
      expect(res.status).toBe(503); // the last exchange recorded for this input
      expect(res.headers['retry-after']).toBe('120');
      const other = (replay.sim.registry.get(ID)!.seed.doanhNghiep![1] as any).MainInformation.MSDN;
      const none = await replay.http.get(PATH, { params: { msdn: other }, headers: await replay.auth() });
      expect(none.status).toBe(404);
      expect(none.data.error.code).toBe('RECORD_NOT_FOUND');
    } finally {
      nock.enableNetConnect();
      await replay.close();
    }
  });
});

describe('configuration', () => {
  it('refuses a bad mode, a proxy without URL, and a bad timeout', () => {
    expect(() => parseUpstreamConfig({ NDXP_MODES: 'dan-cu=mirror' })).toThrow(/NDXP_MODES/);
    expect(() => parseUpstreamConfig({ NDXP_MODES: 'dan-cu=proxy' })).toThrow(/NDXP_UPSTREAM_DAN_CU_URL/);
    expect(() => parseUpstreamConfig({ NDXP_MODES: 'dan-cu=proxy', NDXP_UPSTREAM_DAN_CU_URL: 'https://x', NDXP_UPSTREAM_DAN_CU_TIMEOUT_MS: '-1' })).toThrow(/TIMEOUT/);
    const cfg = parseUpstreamConfig({ NDXP_MODES: 'dan-cu=proxy, ly-lich-tu-phap=replay', NDXP_UPSTREAM_DAN_CU_URL: 'https://x', NDXP_UPSTREAM_DAN_CU_USERNAME: 'u', NDXP_UPSTREAM_DAN_CU_PASSWORD: 'p' });
    expect(cfg.get('dan-cu')).toEqual({ mode: 'proxy', url: 'https://x', auth: { username: 'u', password: 'p' }, timeoutMs: 15_000 });
    expect(cfg.get('ly-lich-tu-phap')?.mode).toBe('replay');
  });
});
