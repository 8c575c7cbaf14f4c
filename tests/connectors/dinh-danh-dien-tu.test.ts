/**
 * The VNeID sandbox is a working OpenID Connect provider: an ordinary OIDC client library (openid-client v6) logs a
 * test citizen in against the running simulator, and the id_token verifies against the published JWKS.
 */
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import * as oidc from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logging.js';
import { REDIS_URL, startTestSim, type TestSim } from '../helpers/sim.js';

interface Account {
  Sub: string;
  SoDinhDanh: string;
  HoVaTen: string;
  NgayThangNamSinh: string;
  GioiTinh: string;
  MucDoDinhDanh: string;
  TrangThaiTaiKhoan: string;
}

const REDIRECT = 'http://127.0.0.1:9/callback';
const insecure = { execute: [oidc.allowInsecureRequests] };

let t: TestSim;
let issuer: string;
let accounts: Account[];
let demo: oidc.Configuration;
const active = () => accounts.find((a) => a.TrangThaiTaiKhoan === 'HOAT_DONG' && a.MucDoDinhDanh === '2')!;

beforeAll(async () => {
  t = await startTestSim('vneid');
  issuer = `${t.sim.url}/vneid/oidc`;
  accounts = t.sim.registry.get('dinh-danh-dien-tu')!.seed.taiKhoan as Account[];
  demo = await oidc.discovery(new URL(issuer), t.sim.config.demoClientId, t.sim.config.demoClientSecret, undefined, insecure);
});
afterAll(async () => t?.close());

/** Starts a PKCE authorization request and follows the provider's answer by hand (no browser). */
async function authorize(config: oidc.Configuration, extra: Record<string, string>, init: RequestInit = {}) {
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT,
    scope: 'openid profile',
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ...extra,
  });
  const res = await fetch(url, { redirect: 'manual', ...init });
  return { res, verifier, state, nonce, location: res.headers.get('location') };
}

describe('VNeID OpenID Connect provider', () => {
  it('logs a test citizen in with openid-client: discovery, PKCE, login_hint, code grant, userinfo, JWKS-verified id_token', async () => {
    const meta = demo.serverMetadata();
    expect(meta.issuer).toBe(issuer);
    expect(meta.code_challenge_methods_supported).toEqual(['S256']);
    const citizen = active();
    const { res, verifier, state, nonce, location } = await authorize(demo, { login_hint: citizen.SoDinhDanh });
    expect(res.status).toBe(302);
    expect(location!.startsWith(`${REDIRECT}?`)).toBe(true);

    const tokens = await oidc.authorizationCodeGrant(demo, new URL(location!), { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce });
    const claims = tokens.claims()!;
    expect(claims).toMatchObject({
      iss: issuer,
      aud: t.sim.config.demoClientId,
      sub: citizen.Sub,
      nonce,
      acr: 'LoA2',
      SoDinhDanh: citizen.SoDinhDanh,
      HoVaTen: citizen.HoVaTen,
      NgayThangNamSinh: citizen.NgayThangNamSinh,
      GioiTinh: citizen.GioiTinh,
    });
    expect(claims.NgayThangNamSinh).toMatch(/^\d{8}$/);
    expect(claims.exp).toBeGreaterThan(claims.iat);

    // The signature, checked independently of openid-client against the published key set.
    const jwks = (await t.http.get('/vneid/oidc/jwks')).data;
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(jwks.keys[0].d).toBeUndefined();
    expect(decodeProtectedHeader(tokens.id_token!).kid).toBe(jwks.keys[0].kid);
    const verified = await jwtVerify(tokens.id_token!, createRemoteJWKSet(new URL(meta.jwks_uri!)), {
      issuer,
      audience: t.sim.config.demoClientId,
      algorithms: ['RS256'],
    });
    expect(verified.payload.SoDinhDanh).toBe(citizen.SoDinhDanh);

    const info = await oidc.fetchUserInfo(demo, tokens.access_token, citizen.Sub);
    expect(info).toMatchObject({ sub: citizen.Sub, SoDinhDanh: citizen.SoDinhDanh, HoVaTen: citizen.HoVaTen, GioiTinh: citizen.GioiTinh });

    // A code is good once.
    await expect(oidc.authorizationCodeGrant(demo, new URL(location!), { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce }))
      .rejects.toMatchObject({ error: 'invalid_grant' });

    // Introspection and revocation (RFC 7662 / 7009).
    expect(await oidc.tokenIntrospection(demo, tokens.access_token)).toMatchObject({ active: true, sub: citizen.Sub, acr: 'LoA2' });
    await oidc.tokenRevocation(demo, tokens.access_token);
    expect(await oidc.tokenIntrospection(demo, tokens.access_token)).toEqual({ active: false });
    await expect(oidc.fetchUserInfo(demo, tokens.access_token, citizen.Sub)).rejects.toBeTruthy();

    // RP-initiated logout back to a loopback URI, with the state echoed.
    const bye = oidc.buildEndSessionUrl(demo, { id_token_hint: tokens.id_token!, post_logout_redirect_uri: 'http://127.0.0.1:9/bye', state: 'tam-biet' });
    const out = await fetch(bye, { redirect: 'manual' });
    expect(out.status).toBe(302);
    expect(out.headers.get('location')).toBe('http://127.0.0.1:9/bye?state=tam-biet');
  });

  it('refuses a wrong PKCE verifier and a request without PKCE', async () => {
    const { location, state } = await authorize(demo, { login_hint: active().SoDinhDanh });
    await expect(oidc.authorizationCodeGrant(demo, new URL(location!), { pkceCodeVerifier: oidc.randomPKCECodeVerifier(), expectedState: state }))
      .rejects.toMatchObject({ error: 'invalid_grant' });

    const noPkce = oidc.buildAuthorizationUrl(demo, { redirect_uri: REDIRECT, scope: 'openid', state: 's1', login_hint: active().SoDinhDanh });
    const res = await fetch(noPkce, { redirect: 'manual' });
    const back = new URL(res.headers.get('location')!);
    expect(back.searchParams.get('error')).toBe('invalid_request');
    expect(back.searchParams.get('state')).toBe('s1');
    expect(back.searchParams.get('code')).toBeNull();
  });

  it('never redirects to an unregistered redirect_uri: it shows an error page instead', async () => {
    const url = oidc.buildAuthorizationUrl(demo, { redirect_uri: 'https://ke-gian.example.com/cb', scope: 'openid', code_challenge: 'x'.repeat(43), code_challenge_method: 'S256' });
    const res = await fetch(url, { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toContain('Địa chỉ chuyển hướng không hợp lệ');
  });

  it('answers access_denied for a locked account and unmet_authentication_requirements for level 1 when LoA2 is asked', async () => {
    const locked = accounts.find((a) => a.TrangThaiTaiKhoan === 'TAM_KHOA')!;
    const a = await authorize(demo, { login_hint: locked.SoDinhDanh });
    expect(new URL(a.location!).searchParams.get('error')).toBe('access_denied');
    expect(new URL(a.location!).searchParams.get('iss')).toBe(issuer);

    const level1 = accounts.find((x) => x.TrangThaiTaiKhoan === 'HOAT_DONG' && x.MucDoDinhDanh === '1')!;
    const b = await authorize(demo, { login_hint: level1.SoDinhDanh, acr_values: 'LoA2' });
    expect(new URL(b.location!).searchParams.get('error')).toBe('unmet_authentication_requirements');
    const c = await authorize(demo, { login_hint: level1.SoDinhDanh, acr_values: 'LoA1 LoA2' });
    const tokens = await oidc.authorizationCodeGrant(demo, new URL(c.location!), { pkceCodeVerifier: c.verifier, expectedState: c.state, expectedNonce: c.nonce });
    expect(tokens.claims()!.acr).toBe('LoA1');
  });

  it('shows a Vietnamese login page, logs in from it, then signs in once for the next request (SSO) until logout', async () => {
    const first = await authorize(demo, {});
    expect(first.res.status).toBe(200);
    const html = await first.res.text();
    expect(html).toContain('Đăng nhập bằng tài khoản định danh điện tử');
    expect(html).toContain(accounts[0]!.HoVaTen);
    const rid = /name="rid" value="([^"]+)"/.exec(html)![1]!;
    const citizen = active();

    const login = await fetch(`${issuer}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ rid, soDinhDanh: citizen.SoDinhDanh }),
    });
    expect(login.status).toBe(303);
    const tokens = await oidc.authorizationCodeGrant(demo, new URL(login.headers.get('location')!), {
      pkceCodeVerifier: first.verifier, expectedState: first.state, expectedNonce: first.nonce,
    });
    expect(tokens.claims()!.SoDinhDanh).toBe(citizen.SoDinhDanh);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    expect(cookie).toMatch(/^VNEID_SID=/);
    expect(login.headers.get('set-cookie')).toMatch(/HttpOnly/i);

    // Same browser, another application request: no login page, straight back with a code.
    const again = await authorize(demo, { prompt: 'none' }, { headers: { cookie } });
    expect(again.res.status).toBe(302);
    const second = await oidc.authorizationCodeGrant(demo, new URL(again.location!), { pkceCodeVerifier: again.verifier, expectedState: again.state, expectedNonce: again.nonce });
    expect(second.claims()!.sub).toBe(citizen.Sub);

    const out = await fetch(`${issuer}/logout`, { headers: { cookie } });
    expect(out.status).toBe(200);
    expect(await out.text()).toContain('Bạn đã đăng xuất');
    const after = await authorize(demo, { prompt: 'none' }, { headers: { cookie } });
    expect(new URL(after.location!).searchParams.get('error')).toBe('login_required');
  });

  it('registers an application (RFC 7591) with a platform token and logs in with it at its exact redirect URI only', async () => {
    const redirect = 'https://motcua.angiang.gov.vn/vneid/callback';
    await expect(oidc.dynamicClientRegistration(new URL(issuer), { client_name: 'Cổng DVC An Giang', redirect_uris: [redirect] }, undefined, insecure))
      .rejects.toBeTruthy();
    const registered = await oidc.dynamicClientRegistration(
      new URL(issuer),
      { client_name: 'Cổng dịch vụ công An Giang', redirect_uris: [redirect] },
      undefined,
      { ...insecure, initialAccessToken: await t.token('dinh-danh-dien-tu') },
    );
    const meta = registered.clientMetadata();
    expect(meta.client_id).toMatch(/^vneid-[0-9a-f]{18}$/);
    expect(meta.client_secret).toBeTruthy();

    const citizen = active();
    const ok = await authorize(registered, { redirect_uri: redirect, login_hint: citizen.SoDinhDanh });
    expect(ok.location!.startsWith(`${redirect}?`)).toBe(true);
    const tokens = await oidc.authorizationCodeGrant(registered, new URL(ok.location!), {
      pkceCodeVerifier: ok.verifier, expectedState: ok.state, expectedNonce: ok.nonce,
    }, { redirect_uri: redirect });
    expect(tokens.claims()).toMatchObject({ aud: meta.client_id, SoDinhDanh: citizen.SoDinhDanh });

    // A registered client gets no loopback allowance, and the demo client cannot introspect its tokens.
    const loopback = await authorize(registered, { login_hint: citizen.SoDinhDanh });
    expect(loopback.res.status).toBe(400);
    expect(await oidc.tokenIntrospection(demo, tokens.access_token)).toEqual({ active: false });
  });

  it('refuses a bad registration with invalid_client_metadata / invalid_redirect_uri', async () => {
    const auth = await t.auth('dinh-danh-dien-tu');
    const missing = await t.http.post('/vneid/oidc/register', { client_name: 'Thiếu redirect' }, { headers: auth });
    expect(missing.status).toBe(400);
    expect(missing.data).toMatchObject({ error: 'invalid_client_metadata' });
    expect(missing.data.error_description_vi).toContain('redirect_uris');
    const plainHttp = await t.http.post('/vneid/oidc/register', { client_name: 'HTTP', redirect_uris: ['http://motcua.angiang.gov.vn/cb'] }, { headers: auth });
    expect(plainHttp.status).toBe(400);
    expect(plainHttp.data.error).toBe('invalid_redirect_uri');
  });

  it('answers the token endpoint’s errors in the OAuth format', async () => {
    const form = { headers: { 'content-type': 'application/x-www-form-urlencoded' } };
    const noAuth = await t.http.post('/vneid/oidc/token', 'grant_type=authorization_code&code=abc', form);
    expect(noAuth.status).toBe(401);
    expect(noAuth.data.error).toBe('invalid_client');
    const auth = { username: t.sim.config.demoClientId, password: t.sim.config.demoClientSecret };
    const grant = await t.http.post('/vneid/oidc/token', 'grant_type=password&username=a', { ...form, auth });
    expect(grant.status).toBe(400);
    expect(grant.data.error).toBe('unsupported_grant_type');
    const json = await t.http.post('/vneid/oidc/token', { grant_type: 'authorization_code' }, { auth });
    expect(json.status).toBe(400);
    expect(json.data.error).toBe('invalid_request');
  });

  it('shares one signing key between gateway instances on the same Redis', async () => {
    const config = loadConfig({ PORT: '0', REDIS_URL, KEY_PREFIX: t.prefix, LOG_LEVEL: 'error', ROLE: 'gateway' });
    const other = await startSimulator({ config, logger: createLogger('error', { silent: true }) });
    try {
      const a = (await t.http.get('/vneid/oidc/jwks')).data.keys[0].kid;
      const b = (await (await fetch(`${other.url}/vneid/oidc/jwks`)).json()).keys[0].kid;
      expect(b).toBe(a);
    } finally {
      await other.close();
    }
  });

  it('journals the provider’s calls without their secrets', async () => {
    const stray = await t.http.get('/vneid/oidc/khong-co-duong-dan-nay');
    expect(stray.status).toBe(404);
    expect(stray.data.error.code).toBe('NOT_FOUND');
    await t.sim.deps.journal.flush();
    const { entries } = await t.sim.deps.journal.read({ connector: 'dinh-danh-dien-tu', limit: 200 });
    const tokenCalls = entries.filter((e) => e.operation === 'token' && e.status === 200);
    expect(tokenCalls.length).toBeGreaterThan(3);
    // Registered applications' calls are named by the platform client that registered them.
    for (const e of tokenCalls) expect(e).toMatchObject({ clientId: t.sim.config.demoClientId, protocol: 'other', request: null });
    expect(JSON.stringify(entries)).not.toContain(t.sim.config.demoClientSecret);
    // Paths the provider does not serve share one label (bounded metrics).
    expect(entries.find((e) => e.status === 404)).toMatchObject({ operation: '(unknown)', path: '/vneid/oidc/khong-co-duong-dan-nay' });
  });
});

describe('VNeID verification operation', () => {
  it('tells a wrong name from an unknown citizen', async () => {
    const auth = await t.auth();
    const citizen = active();
    const wrong = await t.http.post('/vneid/1.0/xacThucTaiKhoan', {
      SoDinhDanh: citizen.SoDinhDanh, HoVaTen: 'Người Khác Hẳn', NgayThangNamSinh: citizen.NgayThangNamSinh, MaYeuCau: 'YC-1',
    }, { headers: auth });
    expect(wrong.data).toMatchObject({ CoTaiKhoan: true, KetQuaXacThuc: false, MaKetQua: 'SAI_THONG_TIN' });
    const unknown = await t.http.post('/vneid/1.0/xacThucTaiKhoan', {
      SoDinhDanh: '001099000001', HoVaTen: 'Không Có Ai', NgayThangNamSinh: '19990101', MaYeuCau: 'YC-2',
    }, { headers: auth });
    expect(unknown.data).toMatchObject({ CoTaiKhoan: false, KetQuaXacThuc: false, MaKetQua: 'KHONG_CO_TAI_KHOAN' });
  });
});
