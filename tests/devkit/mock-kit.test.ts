import axios from 'axios';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNdxpMock, type NdxpMock } from '../../src/client/mock/index.js';

/** The kit's own HTTP surface (what the parity test does not reach through the SDK). */
const BASE = 'https://ndxp-kit-only.test/gw';
let kit: NdxpMock;
const http = axios.create({ baseURL: BASE, validateStatus: () => true });
let token: string;

beforeAll(async () => {
  kit = await createNdxpMock({ baseUrl: BASE, connectors: ['dang-ky-doanh-nghiep', 'dan-cu'], clientId: 'tthc-x', clientSecret: 's3cret' });
  const res = await http.post('/token', 'grant_type=client_credentials', { auth: { username: 'tthc-x', password: 's3cret' }, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  token = res.data.access_token;
});
afterAll(() => kit?.close());

const dkdn = () => kit.registry.get('dang-ky-doanh-nghiep')!.operations[0]!;
const dancu = () => kit.registry.get('dan-cu')!.operations[0]!;

describe('createNdxpMock', () => {
  it('serves only the connectors asked for, under the base URL path', async () => {
    expect(kit.registry.connectors.map((c) => c.id).sort()).toEqual(['dan-cu', 'dang-ky-doanh-nghiep']);
    const op = dkdn();
    const ok = await http.get(op.def.path, { params: op.example.query, headers: { Authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
    expect(ok.headers['x-request-id']).toBeTruthy();
    const lltp = await http.get('/lltp/1.0/traCuuTrangThai', { params: { maHoSo: 'x' }, headers: { Authorization: `Bearer ${token}` } });
    expect(lltp.status).toBe(404);
    expect(lltp.data.error.code).toBe('NOT_FOUND');
  });

  it('refuses wrong credentials, missing and unknown tokens with the gateway codes', async () => {
    const bad = await http.post('/token', 'grant_type=client_credentials', { auth: { username: 'tthc-x', password: 'sai' }, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(bad.data.error.code).toBe('INVALID_CLIENT');
    const op = dkdn();
    expect((await http.get(op.def.path, { params: op.example.query })).data.error.code).toBe('TOKEN_MISSING');
    expect((await http.get(op.def.path, { params: op.example.query, headers: { Authorization: 'Bearer khong-phai-token-that-1234' } })).data.error.code).toBe('TOKEN_INVALID');
  });

  it('wrong method 405 with Allow, wrong content type 415, non-object body 400', async () => {
    const op = dancu();
    const auth = { Authorization: `Bearer ${token}` };
    const wrongMethod = await http.get(op.def.path, { headers: auth });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.allow).toBe('POST');
    const text = await http.post(op.def.path, 'x=1', { headers: { ...auth, 'content-type': 'text/plain' } });
    expect(text.status).toBe(415);
    const arr = await http.post(op.def.path, [1, 2], { headers: auth });
    expect(arr.data.error).toMatchObject({ code: 'VALIDATION_FAILED', field: '(body)' });
  });

  it('keeps a masked journal of the calls', async () => {
    const op = dancu();
    await http.post(op.def.path, op.example.body, { headers: { Authorization: `Bearer ${token}` } });
    const last = kit.calls.at(-1)!;
    expect(last).toMatchObject({ connector: 'dan-cu', operation: op.name, status: 200 });
    const body = op.example.body as Record<string, string>;
    expect(JSON.stringify(last.request)).not.toContain(body.SoDinhDanh);
    expect(JSON.stringify(last.request)).not.toContain(body.HoVaTen);
  });

  it('close() stops intercepting', async () => {
    const other = await createNdxpMock({ baseUrl: 'http://ndxp-closed.test', registry: kit.registry });
    other.close();
    const err = await axios.get('http://ndxp-closed.test/health', { timeout: 3000 }).catch((e: { code?: string }) => e);
    expect((err as { code?: string }).code).toMatch(/ENOTFOUND|EAI_AGAIN|ECONNREFUSED/);
  });
});
