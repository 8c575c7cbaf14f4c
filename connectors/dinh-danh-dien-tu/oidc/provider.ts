import { createHash, randomBytes } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { HttpHandler, RouteContext } from '../../../src/core/connector.js';
import { isNdxpError } from '../../../src/core/errors.js';
import { paginate } from '../../_shared/wire.js';
import { accounts, searchAccounts, type Seed } from '../accounts.js';
import { ACR_VALUES, acrOf, SCOPES, SESSION_COOKIE, TTL, type MucDo } from '../codes.js';
import type { TaiKhoan } from '../seed.js';
import { claimsFor } from './claims.js';
import { allowsPostLogoutRedirect, allowsRedirect, clientDirectory, type OidcClient } from './clients.js';
import { OAuthError, PageError } from './errors.js';
import { signingKey } from './keys.js';
import { discoveryDocument, ENDPOINTS, issuerOf } from './metadata.js';
import { errorPage, loggedOutPage, loginPage, PAGE_HEADERS } from './pages.js';
import { oidcState, type AuthzRequest, type LoginSession } from './state.js';

type Params = Record<string, string | undefined>;

const random = (bytes: number) => randomBytes(bytes).toString('base64url');
const sha256url = (s: string) => createHash('sha256').update(s).digest('base64url');
/** OIDC Core §3.3.2.11: the left half of the SHA-256 of the access token. */
const atHash = (token: string) => createHash('sha256').update(token).digest().subarray(0, 16).toString('base64url');

const PKCE_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;
const PKCE_VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;
const OPAQUE = /^[A-Za-z0-9_-]{20,200}$/;
const LOGIN_PAGE_SIZE = 20;

/** Request parameters (query for GET, form for POST). Empty means absent; a repeated one is refused (RFC 6749 §3.1). */
function readParams(req: Request, repeated: (name: string) => Error): Params {
  const source = (req.method === 'GET' ? req.query : req.body) as Record<string, unknown> | undefined;
  const out: Params = {};
  for (const [k, v] of Object.entries(source ?? {})) {
    if (Array.isArray(v)) throw repeated(k);
    if (typeof v === 'string' && v !== '') out[k] = v.normalize('NFC');
  }
  return out;
}

function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return undefined;
}

/** application/x-www-form-urlencoded decoding of one Basic credential part (RFC 6749 §2.3.1). */
function formDecode(s: string): string | null {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

const invalidRequest = (vi: string, en: string) => new OAuthError('invalid_request', vi, en);
const repeatedParam = (name: string) => invalidRequest(`tham số ${name} bị lặp lại`, `parameter ${name} is repeated`);
const repeatedPageParam = (name: string) =>
  new PageError(400, 'Yêu cầu không hợp lệ', `Tham số ${name} bị lặp lại.`, `Parameter ${name} is repeated.`);

interface ParsedAuthorization {
  request: AuthzRequest;
  prompt: Set<string>;
  loginHint?: string;
}

/** Checks an authorization request once its client and redirect_uri are trusted (errors go back to the client). */
function parseAuthorization(p: Params, client: OidcClient): ParsedAuthorization {
  if (p.request) throw new OAuthError('request_not_supported', 'không hỗ trợ tham số request', 'the request parameter is not supported');
  if (p.request_uri) throw new OAuthError('request_uri_not_supported', 'không hỗ trợ tham số request_uri', 'request_uri is not supported');
  if (p.response_type !== 'code') {
    throw new OAuthError('unsupported_response_type', 'chỉ hỗ trợ response_type=code (luồng mã ủy quyền)', 'only response_type=code is supported');
  }
  if (p.response_mode && p.response_mode !== 'query') throw invalidRequest('chỉ hỗ trợ response_mode=query', 'only response_mode=query is supported');
  const asked = new Set((p.scope ?? '').split(' ').filter(Boolean));
  if (!asked.has('openid')) throw new OAuthError('invalid_scope', 'scope phải có openid', 'scope must include openid');
  if (!p.code_challenge) throw invalidRequest('bắt buộc dùng PKCE: thiếu code_challenge', 'PKCE is required: code_challenge is missing');
  if (p.code_challenge_method !== 'S256') throw invalidRequest('code_challenge_method phải là S256', 'code_challenge_method must be S256');
  if (!PKCE_CHALLENGE.test(p.code_challenge)) throw invalidRequest('code_challenge sai định dạng', 'malformed code_challenge');
  for (const name of ['state', 'nonce', 'login_hint'] as const) {
    if ((p[name]?.length ?? 0) > 512) throw invalidRequest(`${name} dài quá 512 ký tự`, `${name} is longer than 512 characters`);
  }
  const prompt = new Set((p.prompt ?? '').split(' ').filter(Boolean));
  if (prompt.has('none') && prompt.size > 1) throw invalidRequest('prompt=none không đi cùng giá trị khác', 'prompt=none cannot be combined');
  // acr_values lists acceptable levels: the lowest one asked for is the requirement.
  const acr = (p.acr_values ?? '').split(' ').filter((v): v is (typeof ACR_VALUES)[number] => (ACR_VALUES as readonly string[]).includes(v));
  const minLevel: MucDo | undefined = acr.includes('LoA1') ? undefined : acr.includes('LoA2') ? '2' : undefined;
  return {
    request: {
      clientId: client.clientId,
      owner: client.owner,
      redirectUri: p.redirect_uri!,
      scopes: SCOPES.filter((s) => asked.has(s)),
      codeChallenge: p.code_challenge,
      ...(p.state ? { state: p.state } : {}),
      ...(p.nonce ? { nonce: p.nonce } : {}),
      ...(minLevel ? { minLevel } : {}),
    },
    prompt,
    ...(p.login_hint ? { loginHint: p.login_hint } : {}),
  };
}

/** Why an account may not log in to this request, as the OIDC error the client receives; null when it may. */
function refusal(account: TaiKhoan, request: AuthzRequest): OAuthError | null {
  if (account.TrangThaiTaiKhoan === 'TAM_KHOA') {
    return new OAuthError('access_denied', 'tài khoản định danh điện tử đang bị tạm khóa', 'the electronic identity account is locked');
  }
  if (account.TrangThaiTaiKhoan === 'CHUA_KICH_HOAT') {
    return new OAuthError('access_denied', 'tài khoản định danh điện tử chưa được kích hoạt', 'the electronic identity account is not activated');
  }
  if (request.minLevel && account.MucDoDinhDanh < request.minLevel) {
    return new OAuthError(
      'unmet_authentication_requirements',
      `ứng dụng yêu cầu tài khoản mức độ ${request.minLevel}, tài khoản này mức độ ${account.MucDoDinhDanh}`,
      `the client requires a level ${request.minLevel} account; this one is level ${account.MucDoDinhDanh}`,
    );
  }
  return null;
}

/**
 * The OpenID Connect provider of the VNeID sandbox: discovery, JWKS, authorization code flow with PKCE (S256 only),
 * token, userinfo, RFC 7662 introspection, RFC 7009 revocation, RFC 7591 registration and RP-initiated logout.
 * Everything it keeps (key, requests, codes, tokens, sessions, registered clients) is in Redis via ctx.kv.
 */
export function oidcProvider(ctx: RouteContext<Seed>): HttpHandler {
  const router = express.Router();
  const keys = signingKey(ctx.kv, ctx.now);
  // Made at start so the first login does not wait for RSA key generation.
  keys().catch((e: Error) => ctx.logError('VNeID signing key could not be loaded', { error: e.message }));
  const state = oidcState(ctx.kv);
  const clients = clientDirectory(ctx);
  const account = (soDinhDanh: string) => accounts(ctx.seed).bySoDinhDanh.get(soDinhDanh);
  const nowSec = () => Math.floor(ctx.now().getTime() / 1000);
  const issuer = (req: Request) => issuerOf(req.headers, ctx.basePath);
  const form = express.urlencoded({ extended: false, limit: '16kb', parameterLimit: 30 });

  const sendOAuthError = (res: Response, e: unknown) => {
    const err = e instanceof OAuthError ? e : new OAuthError('server_error', 'lỗi hệ thống', 'internal error', 500);
    if (!(e instanceof OAuthError)) ctx.logError('VNeID endpoint failed', { error: (e as Error)?.stack ?? String(e) });
    res.locals.errorCode = err.error;
    res.status(err.status).set({ ...err.headers, 'Cache-Control': 'no-store' }).json(err.toJSON());
  };
  const sendPageError = (res: Response, e: unknown) => {
    const err = e instanceof PageError ? e : new PageError(500, 'Lỗi hệ thống', 'Đã có lỗi, vui lòng thử lại.', 'Internal error, please retry.');
    if (!(e instanceof PageError)) ctx.logError('VNeID page failed', { error: (e as Error)?.stack ?? String(e) });
    res.locals.errorCode = 'page_error';
    res.status(err.status).set(PAGE_HEADERS).type('html').send(errorPage(err.titleVi, err.detailVi, err.detailEn));
  };
  type Handler = (req: Request, res: Response) => Promise<void>;
  const api = (fn: Handler) => (req: Request, res: Response) => fn(req, res).catch((e) => sendOAuthError(res, e));
  const page = (fn: Handler) => (req: Request, res: Response) => fn(req, res).catch((e) => sendPageError(res, e));

  /** Sends the browser back to the client with the response parameters, plus `iss` (RFC 9207). */
  const redirectBack = (req: Request, res: Response, redirectUri: string, params: Params) => {
    const url = new URL(redirectUri);
    for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
    url.searchParams.set('iss', issuer(req));
    // 303 after a form post so the browser follows with GET.
    res.redirect(req.method === 'POST' ? 303 : 302, url.href);
  };

  const currentSession = async (req: Request): Promise<LoginSession | null> => {
    const sid = readCookie(req, SESSION_COOKIE);
    return sid && OPAQUE.test(sid) ? state.loadSession(sid) : null;
  };

  /** Logs the citizen in (or reuses the SSO session) and answers the client with a one-time code. */
  const issueCode = async (req: Request, res: Response, request: AuthzRequest, acc: TaiKhoan, session: LoginSession | null) => {
    const refused = refusal(acc, request);
    if (refused) throw refused;
    let s = session;
    if (!s) {
      s = { sid: random(24), soDinhDanh: acc.SoDinhDanh, authTime: nowSec() };
      await state.saveSession(s);
      res.cookie(SESSION_COOKIE, s.sid, {
        httpOnly: true, sameSite: 'lax', path: ctx.basePath, maxAge: TTL.sessionMs, secure: issuer(req).startsWith('https:'),
      });
    }
    const code = random(32);
    await state.saveCode(code, { ...request, ...s, acr: acrOf(acc.MucDoDinhDanh) });
    redirectBack(req, res, request.redirectUri, { code, state: request.state });
  };

  const renderLogin = async (res: Response, rid: string, request: AuthzRequest, q: string, trang: number, notice?: string) => {
    const client = await clients.find(request.clientId);
    const list = searchAccounts(ctx.seed, { ten: q.length >= 2 ? q : undefined });
    const html = loginPage({
      clientName: client?.name ?? request.clientId,
      scopes: request.scopes,
      minLevel: request.minLevel,
      rid,
      q,
      page: paginate(list, trang, LOGIN_PAGE_SIZE),
      action: `${ctx.basePath}${ENDPOINTS.login}`,
      ...(notice ? { notice } : {}),
    });
    res.status(200).set(PAGE_HEADERS).type('html').send(html);
  };

  /** The client at the token, introspection and revocation endpoints: HTTP Basic or client_secret_post. */
  const authenticateClient = async (req: Request, res: Response): Promise<OidcClient> => {
    const unauthorized = (vi: string, en: string) => new OAuthError('invalid_client', vi, en, 401, { 'WWW-Authenticate': 'Basic realm="vneid"' });
    const body = (req.body ?? {}) as Record<string, unknown>;
    const basic = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(req.get('authorization') ?? '');
    let id: string | null = null;
    let secret: string | null = null;
    if (basic) {
      if (typeof body.client_secret === 'string') throw invalidRequest('chỉ dùng một cách xác thực ứng dụng', 'use one client authentication method only');
      const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
      const i = decoded.indexOf(':');
      if (i > 0) [id, secret] = [formDecode(decoded.slice(0, i)), formDecode(decoded.slice(i + 1))];
    } else if (typeof body.client_id === 'string' && typeof body.client_secret === 'string') {
      [id, secret] = [body.client_id, body.client_secret];
    } else {
      throw unauthorized('thiếu xác thực ứng dụng (HTTP Basic hoặc client_id/client_secret)', 'client authentication is required');
    }
    const client = id && secret ? await clients.authenticate(id, secret) : null;
    if (!client) throw unauthorized('sai client_id hoặc client_secret', 'client authentication failed');
    res.locals.clientId = client.owner;
    return client;
  };

  const requireForm = (req: Request) => {
    if (!req.is('application/x-www-form-urlencoded')) {
      throw invalidRequest('nội dung phải là application/x-www-form-urlencoded', 'the body must be application/x-www-form-urlencoded');
    }
  };

  router.get(ENDPOINTS.discovery, (req, res) => {
    res.set('Cache-Control', 'public, max-age=300').json(discoveryDocument(issuer(req)));
  });

  router.get(ENDPOINTS.jwks, api(async (_req, res) => {
    const k = await keys();
    res.set('Cache-Control', 'public, max-age=300').json({ keys: [k.publicJwk] });
  }));

  const authorize = page(async (req, res) => {
    const p = readParams(req, repeatedPageParam);
    const client = await clients.find(p.client_id);
    if (!client) {
      throw new PageError(400, 'Ứng dụng không hợp lệ', `Ứng dụng (client_id "${p.client_id ?? ''}") chưa được đăng ký với VNeID.`, 'Unknown client_id.');
    }
    res.locals.clientId = client.owner;
    if (!p.redirect_uri || !allowsRedirect(client, p.redirect_uri)) {
      throw new PageError(
        400,
        'Địa chỉ chuyển hướng không hợp lệ',
        `redirect_uri "${p.redirect_uri ?? ''}" chưa được đăng ký cho ứng dụng này${client.registered ? '' : ' (ứng dụng thử nghiệm chỉ được dùng địa chỉ localhost/127.0.0.1)'}.`,
        'The redirect_uri is not registered for this client.',
      );
    }
    try {
      const { request, prompt, loginHint } = parseAuthorization(p, client);
      let notice: string | undefined;
      if (loginHint) {
        // Auto-consent for scripts and tests: the hinted test citizen logs in without a page.
        const acc = account(loginHint);
        if (acc) return await issueCode(req, res, request, acc, null);
        notice = `Không có tài khoản thử nghiệm với số định danh ${loginHint}; hãy chọn trong danh sách.`;
      }
      if (!prompt.has('login') && !prompt.has('select_account')) {
        const session = await currentSession(req);
        const acc = session && account(session.soDinhDanh);
        if (session && acc && !refusal(acc, request)) return await issueCode(req, res, request, acc, session);
      }
      if (prompt.has('none')) throw new OAuthError('login_required', 'chưa đăng nhập VNeID', 'the citizen is not logged in');
      const rid = random(24);
      await state.saveRequest(rid, request);
      await renderLogin(res, rid, request, '', 1, notice);
    } catch (e) {
      if (!(e instanceof OAuthError)) throw e;
      res.locals.errorCode = e.error;
      redirectBack(req, res, p.redirect_uri, { ...e.toParams(), state: p.state });
    }
  });
  router.get(ENDPOINTS.authorization, authorize);
  router.post(ENDPOINTS.authorization, form, authorize);

  const expired = () => new PageError(400, 'Phiên đăng nhập đã hết hạn', 'Vui lòng quay lại ứng dụng và đăng nhập lại.', 'The login request expired; start again from the application.');

  router.get(ENDPOINTS.login, page(async (req, res) => {
    const p = readParams(req, repeatedPageParam);
    const request = p.rid && OPAQUE.test(p.rid) ? await state.loadRequest(p.rid) : null;
    if (!request) throw expired();
    const trang = /^\d{1,4}$/.test(p.trang ?? '') ? Math.max(1, Number(p.trang)) : 1;
    await renderLogin(res, p.rid!, request, (p.q ?? '').slice(0, 100), trang);
  }));

  router.post(ENDPOINTS.login, form, page(async (req, res) => {
    const p = readParams(req, repeatedPageParam);
    const request = p.rid && OPAQUE.test(p.rid) ? await state.takeRequest(p.rid) : null;
    if (!request) throw expired();
    res.locals.clientId = request.owner;
    const acc = account(p.soDinhDanh ?? '');
    if (!acc) throw new PageError(400, 'Tài khoản không tồn tại', 'Không có tài khoản thử nghiệm với số định danh này.', 'No such test account.');
    try {
      await issueCode(req, res, request, acc, null);
    } catch (e) {
      if (!(e instanceof OAuthError)) throw e;
      res.locals.errorCode = e.error;
      redirectBack(req, res, request.redirectUri, { ...e.toParams(), state: request.state });
    }
  }));

  router.post(ENDPOINTS.token, form, api(async (req, res) => {
    requireForm(req);
    const client = await authenticateClient(req, res);
    const p = readParams(req, repeatedParam);
    if (p.grant_type !== 'authorization_code') {
      throw new OAuthError(p.grant_type ? 'unsupported_grant_type' : 'invalid_request', 'chỉ hỗ trợ grant_type=authorization_code', 'only grant_type=authorization_code is supported');
    }
    if (!p.code || !OPAQUE.test(p.code)) throw invalidRequest('thiếu hoặc sai code', 'code is missing or malformed');
    if (!p.code_verifier) throw invalidRequest('bắt buộc dùng PKCE: thiếu code_verifier', 'PKCE is required: code_verifier is missing');
    const grant = await state.takeCode(p.code);
    const invalidGrant = (vi: string, en: string) => new OAuthError('invalid_grant', vi, en);
    if (!grant) throw invalidGrant('mã ủy quyền không tồn tại, đã hết hạn hoặc đã được dùng', 'the code is unknown, expired or already used');
    if (grant.clientId !== client.clientId) throw invalidGrant('mã ủy quyền cấp cho ứng dụng khác', 'the code was issued to another client');
    if (p.redirect_uri !== grant.redirectUri) throw invalidGrant('redirect_uri không khớp yêu cầu ủy quyền', 'redirect_uri does not match the authorization request');
    if (!PKCE_VERIFIER.test(p.code_verifier) || sha256url(p.code_verifier) !== grant.codeChallenge) {
      throw invalidGrant('code_verifier không khớp code_challenge', 'code_verifier does not match the code_challenge');
    }
    const acc = account(grant.soDinhDanh);
    if (!acc) throw invalidGrant('tài khoản không còn tồn tại', 'the account no longer exists');
    const iat = nowSec();
    const accessToken = random(32);
    await state.saveAccess(accessToken, {
      clientId: client.clientId, owner: client.owner, scopes: grant.scopes, soDinhDanh: acc.SoDinhDanh, sub: acc.Sub, acr: grant.acr, sid: grant.sid,
      iat, exp: iat + TTL.accessTokenSec,
    });
    const idToken = await (await keys()).sign({
      ...claimsFor(acc, grant.scopes),
      iss: issuer(req),
      sub: acc.Sub,
      aud: client.clientId,
      iat,
      exp: iat + TTL.idTokenSec,
      auth_time: grant.authTime,
      acr: grant.acr,
      sid: grant.sid,
      at_hash: atHash(accessToken),
      ...(grant.nonce ? { nonce: grant.nonce } : {}),
    });
    res.set({ 'Cache-Control': 'no-store', Pragma: 'no-cache' }).json({
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: TTL.accessTokenSec,
      id_token: idToken,
      scope: grant.scopes.join(' '),
    });
  }));

  const userinfo = api(async (req, res) => {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
    if (!m) {
      throw new OAuthError('invalid_request', 'thiếu access token (Authorization: Bearer)', 'access token missing', 401, { 'WWW-Authenticate': 'Bearer realm="vneid"' });
    }
    const grant = OPAQUE.test(m[1]!) ? await state.loadAccess(m[1]!) : null;
    const acc = grant && grant.exp > nowSec() ? account(grant.soDinhDanh) : undefined;
    if (!grant || !acc) {
      throw new OAuthError('invalid_token', 'access token không hợp lệ hoặc đã hết hạn', 'the access token is invalid or expired', 401, {
        'WWW-Authenticate': 'Bearer realm="vneid", error="invalid_token"',
      });
    }
    res.locals.clientId = grant.owner;
    res.set('Cache-Control', 'no-store').json({ ...claimsFor(acc, grant.scopes), sub: acc.Sub });
  });
  router.get(ENDPOINTS.userinfo, userinfo);
  router.post(ENDPOINTS.userinfo, form, userinfo);

  /** The live grant behind a token, if it was issued to this client (a client learns nothing of others' tokens). */
  const ownGrant = async (req: Request, res: Response) => {
    requireForm(req);
    const client = await authenticateClient(req, res);
    const { token } = readParams(req, repeatedParam);
    if (!token) throw invalidRequest('thiếu token', 'token is missing');
    const grant = OPAQUE.test(token) ? await state.loadAccess(token) : null;
    return { token, grant: grant && grant.clientId === client.clientId && grant.exp > nowSec() ? grant : null };
  };

  router.post(ENDPOINTS.introspection, form, api(async (req, res) => {
    const { grant } = await ownGrant(req, res);
    res.set('Cache-Control', 'no-store').json(
      grant
        ? {
          active: true, scope: grant.scopes.join(' '), client_id: grant.clientId, sub: grant.sub, aud: grant.clientId, iss: issuer(req),
          token_type: 'Bearer', exp: grant.exp, iat: grant.iat, acr: grant.acr,
        }
        : { active: false },
    );
  }));

  router.post(ENDPOINTS.revocation, form, api(async (req, res) => {
    const { token, grant } = await ownGrant(req, res);
    if (grant) await state.revokeAccess(token);
    res.status(200).set('Cache-Control', 'no-store').end();
  }));

  router.post(ENDPOINTS.registration, express.json({ limit: '16kb' }), api(async (req, res) => {
    let owner;
    try {
      owner = await ctx.clients.bearer(req.get('authorization'));
    } catch (e) {
      if (!isNdxpError(e)) throw e;
      throw new OAuthError('invalid_token', e.messageVi, e.messageEn, e.status, { 'WWW-Authenticate': 'Bearer realm="vneid", error="invalid_token"' });
    }
    res.locals.clientId = owner.id;
    if (!req.is('application/json') || !req.body || typeof req.body !== 'object' || Array.isArray(req.body)) {
      throw new OAuthError('invalid_client_metadata', 'nội dung phải là đối tượng JSON', 'the body must be a JSON object');
    }
    const problems = ctx.validate('oidc-register.request', req.body);
    if (problems) {
      const first = problems[0]!;
      throw new OAuthError('invalid_client_metadata', `${first.field}: ${first.message}`, `${first.field}: ${first.messageEn}`);
    }
    res.status(201).set('Cache-Control', 'no-store').json(await clients.register(owner, req.body));
  }));

  const logout = page(async (req, res) => {
    const p = readParams(req, repeatedPageParam);
    let client: OidcClient | null = null;
    if (p.id_token_hint) {
      const hint = await (await keys()).verifyOwn(p.id_token_hint, issuer(req));
      const aud = Array.isArray(hint?.aud) ? hint.aud[0] : hint?.aud;
      if (!hint || !aud || (p.client_id && p.client_id !== aud)) {
        throw new PageError(400, 'Yêu cầu đăng xuất không hợp lệ', 'id_token_hint không do VNeID cấp cho ứng dụng này.', 'Invalid id_token_hint.');
      }
      client = await clients.find(aud);
    } else if (p.client_id) {
      client = await clients.find(p.client_id);
    }
    const back = p.post_logout_redirect_uri;
    if (back && (!client || !allowsPostLogoutRedirect(client, back))) {
      throw new PageError(400, 'Địa chỉ chuyển hướng không hợp lệ', 'post_logout_redirect_uri chưa được đăng ký cho ứng dụng.', 'post_logout_redirect_uri is not registered.');
    }
    if (client) res.locals.clientId = client.owner;
    const sid = readCookie(req, SESSION_COOKIE);
    if (sid && OPAQUE.test(sid)) await state.endSession(sid);
    res.clearCookie(SESSION_COOKIE, { path: ctx.basePath });
    if (back) {
      const url = new URL(back);
      if (p.state) url.searchParams.set('state', p.state);
      return res.redirect(req.method === 'POST' ? 303 : 302, url.href);
    }
    res.status(200).set(PAGE_HEADERS).type('html').send(loggedOutPage());
  });
  router.get(ENDPOINTS.endSession, logout);
  router.post(ENDPOINTS.endSession, form, logout);

  // Body parser failures (too large, malformed) in the protocol's own error format.
  router.use((e: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const tooLarge = (e as { type?: string })?.type === 'entity.too.large';
    sendOAuthError(res, invalidRequest(tooLarge ? 'nội dung quá lớn' : 'nội dung không đọc được', tooLarge ? 'request body too large' : 'unreadable request body'));
  });
  return router;
}

