import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import { NdxpError } from '../core/errors.js';
import type { ReferenceData } from '../core/reference.js';
import type { GatewayDeps } from '../gateway/pipeline.js';
import {
  ROLES, ROLE_LABELS, canAdminProvince, canCreateClient, canReadProvince, canReadRow, canUseClient, canWriteRow, type Principal,
} from '../auth/policy.js';
import { clearSessionCookie, currentUser, sessionToken, setSessionCookie } from '../auth/session.js';
import { UserExistsError, publicUser, type UserRecord, type UserStore } from '../auth/users.js';
import { ProfileError, normaliseProfile, PROVINCE_PROFILE_SCHEMA, type ProvinceProfile } from '../rollout/province.js';
import { byAgency, rowStatus, summarise } from '../rollout/readiness.js';
import type { RolloutService } from '../rollout/service.js';
import { GATED_STAGES, STAGES, STAGE_LABELS } from '../rollout/stages.js';
import { PROVINCE_WIDE, type RolloutRow } from '../rollout/store.js';
import type { JsonSchema } from '../rollout/validation.js';
import { COLUMNS, parseSheet, readIntents, SheetError, toCsv, toXlsx } from '../rollout/spreadsheet.js';
import type { RouteReply, RouteSpec } from './route-spec.js';

export interface RolloutApiDeps {
  service: RolloutService;
  users: UserStore;
  gateway: GatewayDeps;
  reference: ReferenceData;
  /** The province this process was started for: its Sở admin may add other provinces. */
  hostProvince: string;
  sessionTtlSec: number;
  secureCookie: boolean;
  /** Runs a health round of the province's connectors in operation on the rollout-checks queue. */
  runHealth(province: string): Promise<{ checked: number; ok: number }>;
  /** Queues a monthly report on the `reports` queue and waits for it. */
  runReport(job: { kind: 'monthly'; province: string; month: string }): Promise<{ province: string; month: string; generatedAt: string; jobId: string }>;
}

export type Access =
  | 'public' | 'signed-in' | 'host-admin'
  | 'province-read' | 'province-overview' | 'province-admin'
  | 'row-read' | 'row-write'
  | 'client-use' | 'client-create';

export type RolloutRoute = RouteSpec<UserRecord, RolloutApiDeps, Access>;

const forbidden = () => new NdxpError('FORBIDDEN');

/** Deny by default: each access kind names the policy check it needs; anything else is refused. */
export async function authorise(access: Access, user: UserRecord | null, params: Record<string, string>, deps: RolloutApiDeps): Promise<void> {
  if (access === 'public') return;
  if (!user) throw new NdxpError('UNAUTHENTICATED', { headers: { 'WWW-Authenticate': 'Bearer realm="ndxp-rollout"' } });
  const province = params.province;
  switch (access) {
    case 'signed-in':
      return;
    case 'host-admin':
      if (!canAdminProvince(user, deps.hostProvince)) throw forbidden();
      return;
    case 'client-create':
      if (!user.province || !canCreateClient(user, user.province)) throw forbidden();
      return;
    case 'client-use': {
      const client = await deps.gateway.clients.get(params.clientId ?? '');
      if (!client || !canUseClient(user, client)) throw forbidden();
      return;
    }
    default:
      break;
  }
  if (!province || !canReadProvince(user, province)) throw forbidden();
  if (access === 'province-overview' && user.role === 'agency') throw forbidden();
  if (access === 'province-admin' && !canAdminProvince(user, province)) throw forbidden();
  const profile = await deps.service.profileOrThrow(province);
  if (access === 'row-read' && !canReadRow(user, province, profile, params.connector ?? '')) throw forbidden();
  if (access === 'row-write' && !canWriteRow(user, province, profile, params.connector ?? '')) throw forbidden();
}

export const resolveUser = (deps: RolloutApiDeps) => (req: Request) => currentUser(deps.users, req);

// ---- schemas ------------------------------------------------------------------------------------------------
const ID: JsonSchema = { type: 'string', pattern: '^[a-z][a-z0-9-]{1,40}$' };
const REASON: JsonSchema = { type: 'string', minLength: 3, maxLength: 1000 };
const obj = (properties: Record<string, JsonSchema>, required: string[] = []): JsonSchema => ({ type: 'object', additionalProperties: false, required, properties });
const ERROR_BODY: JsonSchema = obj({
  error: { type: 'object', required: ['code', 'status', 'message', 'messageEn'], properties: { code: { type: 'string' }, status: { type: 'integer' }, message: { type: 'string' }, messageEn: { type: 'string' }, field: { type: 'string' }, details: {}, requestId: { type: 'string' } } },
}, ['error']);
const err = (description: string) => ({ description, schema: ERROR_BODY });
const COMMON_ERRORS = { 400: err('Dữ liệu không hợp lệ / invalid input'), 401: err('Chưa đăng nhập / not signed in'), 403: err('Không có quyền / forbidden') };

export function rowView(row: RolloutRow, profile: ProvinceProfile, today: string) {
  const a = profile.assignments[row.connector];
  const named = (ids: string[] = []) => ids.map((id) => ({ id, name: profile.agencies.find((x) => x.id === id)?.name ?? id }));
  return {
    ...row,
    stageLabel: STAGE_LABELS[row.stage].vi,
    ...rowStatus(row, today),
    lead: named(a?.lead),
    coordinating: named(a?.coordinating),
    ...(a?.appendix ? { appendix: a.appendix } : {}),
    ...(a?.note ? { assignmentNote: a.note } : {}),
  };
}

/** The rows this user may see: all for the Sở, viewers and the national role; an agency's own for an agency. */
export async function visibleRows(deps: RolloutApiDeps, user: Principal, province: string): Promise<{ profile: ProvinceProfile; rows: RolloutRow[] }> {
  const profile = await deps.service.profileOrThrow(province);
  const rows = (await deps.service.store.listRows(province)).filter((r) => canReadRow(user, province, profile, r.connector));
  return { profile, rows };
}

const lockedOut = () => new NdxpError('RATE_LIMITED', { detailVi: 'sai mật khẩu quá nhiều lần, thử lại sau 15 phút', detailEn: 'too many failures, retry in 15 minutes' });

/** A new session for the user: HttpOnly cookie set, and the token returned for Bearer use. */
async function signedIn(deps: RolloutApiDeps, res: Response, user: UserRecord) {
  const session = await deps.users.startSession(user.username);
  setSessionCookie(res, session.token, deps.sessionTtlSec, deps.secureCookie);
  return { token: session.token, tokenType: 'Bearer', expiresAt: session.expiresAt, user: publicUser(user) };
}

const actor = (u: UserRecord) => ({ userId: u.username, role: u.role });

const CLIENT_PARAM = obj({ clientId: { type: 'string', pattern: '^[A-Za-z0-9._-]{3,64}$' } }, ['clientId']);

/** The routes; `connectorIds` and `scenarioNames` are those of the registry (what a sandbox client can use). */
export function buildRolloutRoutes(reference: ReferenceData, connectorIds: string[], scenarioNames: string[]): RolloutRoute[] {
  const CONNECTOR: JsonSchema = { type: 'string', enum: reference.systems.map((s) => s.id) };
  const P = obj({ province: ID }, ['province']);
  const PR = obj({ province: ID, connector: CONNECTOR }, ['province', 'connector']);
  const PAGE = obj({ limit: { type: 'string', pattern: '^[0-9]{1,4}$' }, before: { type: 'string', pattern: '^[0-9]+-[0-9]+$' } });
  const rowTags = ['Rollout'];

  const routes: RolloutRoute[] = [
    // ---- sign-in ------------------------------------------------------------------------------------------
    {
      id: 'auth.login', method: 'post', path: '/api/auth/login', tags: ['Auth'], access: 'public',
      summary: 'Đăng nhập; trả mã phiên (Bearer) và đặt cookie HttpOnly', summaryEn: 'Sign in; returns a session token (Bearer) and sets an HttpOnly cookie',
      body: obj({ username: { type: 'string', minLength: 1, maxLength: 100 }, password: { type: 'string', minLength: 1, maxLength: 200 } }, ['username', 'password']),
      responses: { 200: { description: 'Phiên đăng nhập' }, 401: err('Sai thông tin'), 429: err('Tạm khóa do sai nhiều lần') },
      async handler({ deps, body, req, res }) {
        const user = await deps.users.verify(body.username, body.password, req.ip ?? '');
        if (user === 'locked') throw lockedOut();
        if (!user) throw new NdxpError('SIGN_IN_FAILED');
        return { body: await signedIn(deps, res, user) };
      },
    },
    {
      id: 'auth.logout', method: 'post', path: '/api/auth/logout', tags: ['Auth'], access: 'signed-in',
      summary: 'Đăng xuất (hủy phiên)', summaryEn: 'Sign out (ends the session)', responses: { 204: { description: 'Đã đăng xuất' }, 401: COMMON_ERRORS[401] },
      async handler({ deps, req, res }) {
        const token = sessionToken(req);
        if (token) await deps.users.endSession(token);
        clearSessionCookie(res, deps.secureCookie);
        return {};
      },
    },
    {
      id: 'auth.me', method: 'get', path: '/api/auth/me', tags: ['Auth'], access: 'signed-in',
      summary: 'Người dùng hiện tại', summaryEn: 'The signed-in user', responses: { 200: { description: 'Người dùng' }, 401: COMMON_ERRORS[401] },
      async handler({ user }) {
        return { body: publicUser(user) };
      },
    },
    {
      id: 'auth.password', method: 'post', path: '/api/auth/password', tags: ['Auth'], access: 'signed-in',
      summary: 'Đổi mật khẩu của chính mình; mọi phiên cũ bị hủy, trả phiên mới', summaryEn: 'Change your own password; every old session ends, a new one is returned',
      body: obj({ currentPassword: { type: 'string', minLength: 1, maxLength: 200 }, newPassword: { type: 'string', minLength: 10, maxLength: 200 } }, ['currentPassword', 'newPassword']),
      responses: { 200: { description: 'Phiên đăng nhập mới' }, 400: COMMON_ERRORS[400], 401: err('Sai mật khẩu hiện tại'), 429: err('Tạm khóa do sai nhiều lần') },
      async handler({ deps, body, user, req, res }) {
        // The current password is checked like a sign-in (failures count towards the lock-out).
        const ok = await deps.users.verify(user.username, body.currentPassword, req.ip ?? '');
        if (ok === 'locked') throw lockedOut();
        if (!ok) throw new NdxpError('SIGN_IN_FAILED', { field: 'currentPassword' });
        if (body.newPassword === body.currentPassword) throw new NdxpError('VALIDATION_FAILED', { field: 'newPassword', detailVi: 'mật khẩu mới phải khác mật khẩu hiện tại', detailEn: 'the new password must differ from the current one' });
        await deps.users.setPassword(user.username, body.newPassword);
        return { body: await signedIn(deps, res, user) };
      },
    },
    {
      id: 'meta.stages', method: 'get', path: '/api/rollout/stages', tags: rowTags, access: 'signed-in',
      summary: 'Các giai đoạn (nhãn tiếng Việt/tiếng Anh, giai đoạn có cổng bằng chứng) và các vai trò', summaryEn: 'Stages (labels, which ones are gated) and roles',
      responses: { 200: { description: 'Danh mục' }, 401: COMMON_ERRORS[401] },
      async handler() {
        return {
          body: {
            stages: STAGES.map((s) => ({ id: s, ...STAGE_LABELS[s], gated: GATED_STAGES.includes(s) })),
            flags: [{ id: 'blocked', vi: 'Bị chặn', en: 'Blocked' }, { id: 'suspended', vi: 'Tạm dừng', en: 'Suspended' }],
            roles: ROLES.map((r) => ({ id: r, ...ROLE_LABELS[r] })),
          },
        };
      },
    },
    // ---- provinces ----------------------------------------------------------------------------------------
    {
      id: 'provinces.list', method: 'get', path: '/api/rollout/provinces', tags: rowTags, access: 'signed-in',
      summary: 'Các tỉnh người dùng được xem', summaryEn: 'Provinces the user may read', responses: { 200: { description: 'Danh sách' }, 401: COMMON_ERRORS[401] },
      async handler({ deps, user }) {
        const ids = (await deps.service.store.listProvinces()).filter((p) => canReadProvince(user, p));
        const out = [];
        for (const id of ids) {
          const p = await deps.service.store.getProfile(id);
          if (p) out.push({ id: p.id, name: p.name, deadline: p.deadline });
        }
        return { body: out };
      },
    },
    {
      id: 'provinces.create', method: 'post', path: '/api/rollout/provinces', tags: rowTags, access: 'host-admin',
      summary: 'Thêm tỉnh mới (hồ sơ tỉnh + tài khoản quản trị Sở của tỉnh đó)', summaryEn: 'Add a province (profile + its Sở admin account)',
      body: obj({
        profile: { type: 'object' },
        admin: obj({ username: { type: 'string', pattern: '^[a-z0-9._-]{3,64}$' }, password: { type: 'string', minLength: 10, maxLength: 200 }, name: { type: 'string', minLength: 2, maxLength: 200 } }, ['username', 'password', 'name']),
      }, ['profile', 'admin']),
      responses: { 201: { description: 'Đã thêm' }, ...COMMON_ERRORS, 409: err('Đã tồn tại') },
      async handler({ deps, body, user }) {
        const profile = toProfile(body.profile, deps.reference);
        if (await deps.service.store.getProfile(profile.id)) throw new NdxpError('ALREADY_EXISTS', { field: 'profile.id', detailVi: profile.id, detailEn: profile.id });
        try {
          await deps.users.create({ ...body.admin, role: 'so-admin', province: profile.id });
        } catch (e) {
          if (e instanceof UserExistsError) throw new NdxpError('ALREADY_EXISTS', { field: 'admin.username', detailVi: e.username, detailEn: e.username });
          throw e;
        }
        const created = await deps.service.store.ensureProvince(profile, actor(user));
        await deps.service.snapshot(profile.id);
        return { status: 201, body: { province: profile.id, rows: created.createdRows, admin: body.admin.username } };
      },
    },
    {
      id: 'provinces.get', method: 'get', path: '/api/rollout/provinces/:province', tags: rowTags, access: 'province-read', params: P,
      summary: 'Hồ sơ tỉnh: cơ quan (tên hiện nay và tên cũ) và phân công chủ trì/phối hợp', summaryEn: 'Province profile: agencies (current and former names) and lead/coordinating assignments',
      responses: { 200: { description: 'Hồ sơ tỉnh', schema: PROVINCE_PROFILE_SCHEMA }, ...COMMON_ERRORS, 404: err('Không có tỉnh') },
      async handler({ deps, params }) {
        return { body: await deps.service.profileOrThrow(params.province!) };
      },
    },
    {
      id: 'provinces.put', method: 'put', path: '/api/rollout/provinces/:province', tags: rowTags, access: 'province-admin', params: P,
      summary: 'Thay hồ sơ tỉnh (cơ quan, phân công)', summaryEn: 'Replace the province profile (agencies, assignments)', body: { type: 'object' },
      responses: { 200: { description: 'Hồ sơ mới' }, ...COMMON_ERRORS },
      async handler({ deps, params, body, user }) {
        const profile = toProfile(body, deps.reference);
        if (profile.id !== params.province) throw new NdxpError('VALIDATION_FAILED', { field: 'id', detailVi: 'phải trùng mã tỉnh trên đường dẫn', detailEn: 'must equal the province in the path' });
        const before = await deps.service.profileOrThrow(profile.id);
        await deps.service.store.putProfile(profile);
        const changed = Object.keys({ ...before.assignments, ...profile.assignments })
          .filter((c) => JSON.stringify(before.assignments[c] ?? null) !== JSON.stringify(profile.assignments[c] ?? null));
        await deps.service.store.appendAudit({
          at: new Date().toISOString(), by: user.username, role: user.role, province: profile.id, connector: PROVINCE_WIDE, action: 'profile',
          from: Object.fromEntries(changed.map((c) => [c, before.assignments[c] ?? null])), to: Object.fromEntries(changed.map((c) => [c, profile.assignments[c] ?? null])),
        });
        return { body: profile };
      },
    },
    // ---- rows ---------------------------------------------------------------------------------------------
    {
      id: 'rows.list', method: 'get', path: '/api/rollout/provinces/:province/rows', tags: rowTags, access: 'province-read', params: P,
      query: obj({ stage: { enum: [...STAGES] }, agency: ID, overdue: { enum: ['true', 'false'] } }),
      summary: 'Các dòng theo dõi (cơ quan chủ trì chỉ thấy dòng của mình)', summaryEn: 'Tracking rows (a lead agency sees only its own)',
      responses: { 200: { description: 'Các dòng' }, ...COMMON_ERRORS },
      async handler({ deps, params, query, user }) {
        const { profile, rows } = await visibleRows(deps, user, params.province!);
        const today = deps.service.today();
        let out = rows.map((r) => rowView(r, profile, today));
        if (query.stage) out = out.filter((r) => r.stage === query.stage);
        if (query.agency) out = out.filter((r) => r.lead.some((a) => a.id === query.agency) || r.coordinating.some((a) => a.id === query.agency));
        if (query.overdue) out = out.filter((r) => r.overdue === (query.overdue === 'true'));
        return { body: { province: profile.id, today, rows: out } };
      },
    },
    {
      id: 'rows.get', method: 'get', path: '/api/rollout/provinces/:province/rows/:connector', tags: rowTags, access: 'row-read', params: PR,
      summary: 'Một dòng: giai đoạn, bằng chứng, kết quả kiểm tra cổng, tình trạng vận hành', summaryEn: 'One row: stage, evidence, gate results, health',
      responses: { 200: { description: 'Dòng' }, ...COMMON_ERRORS },
      async handler({ deps, params }) {
        const { province, connector } = params as { province: string; connector: string };
        const [profile, row, gates, health] = await Promise.all([
          deps.service.profileOrThrow(province), deps.service.rowOrThrow(province, connector),
          deps.service.store.getGates(province, connector), deps.service.store.getHealth(province, connector),
        ]);
        return { body: { ...rowView(row, profile, deps.service.today()), gates, health, simulated: !!deps.gateway.registry.get(connector) } };
      },
    },
    {
      id: 'rows.move', method: 'post', path: '/api/rollout/provinces/:province/rows/:connector/moves', tags: rowTags, access: 'row-write', params: PR,
      summary: 'Chuyển giai đoạn (cổng bằng chứng kiểm tra qua hàng đợi rollout-checks)', summaryEn: 'Move to a stage (evidence gate checked on the rollout-checks queue)',
      body: obj({ to: { enum: [...STAGES] }, reason: REASON, override: { type: 'boolean' }, evidence: { type: 'string', minLength: 1, maxLength: 2000 } }, ['to']),
      responses: { 200: { description: 'Dòng sau khi chuyển' }, ...COMMON_ERRORS, 409: err('Chuyển không hợp lệ hoặc thiếu bằng chứng (details.missing)') },
      async handler({ deps, params, body, user }) {
        const { province, connector } = params as { province: string; connector: string };
        const out = await deps.service.move(province, connector, { ...actor(user), isAdmin: canAdminProvince(user, province) }, body);
        const profile = await deps.service.profileOrThrow(province);
        return { body: { row: rowView(out.row, profile, deps.service.today()), ...(out.gate ? { gate: out.gate } : {}) } };
      },
    },
    {
      id: 'rows.flag', method: 'post', path: '/api/rollout/provinces/:province/rows/:connector/flags', tags: rowTags, access: 'row-write', params: PR,
      summary: 'Bật/tắt cờ bị chặn (cơ quan chủ trì, quản trị) hoặc tạm dừng (chỉ quản trị Sở); bật cần lý do', summaryEn: 'Set/clear blocked (lead agency, admin) or suspended (Sở admin only); setting needs a reason',
      body: obj({ flag: { enum: ['blocked', 'suspended'] }, on: { type: 'boolean' }, reason: REASON }, ['flag', 'on']),
      responses: { 200: { description: 'Dòng' }, ...COMMON_ERRORS, 409: err('Cờ đã ở trạng thái đó') },
      async handler({ deps, params, body, user }) {
        const { province, connector } = params as { province: string; connector: string };
        if (body.flag === 'suspended' && !canAdminProvince(user, province)) throw forbidden();
        const row = await deps.service.flag(province, connector, actor(user), body);
        return { body: rowView(row, await deps.service.profileOrThrow(province), deps.service.today()) };
      },
    },
    {
      id: 'rows.deadline', method: 'put', path: '/api/rollout/provinces/:province/rows/:connector/deadline', tags: rowTags, access: 'province-admin', params: PR,
      summary: 'Đổi hạn hoàn thành của dòng', summaryEn: 'Change the row deadline',
      body: obj({ deadline: { type: 'string', format: 'date' }, reason: REASON }, ['deadline']),
      responses: { 200: { description: 'Dòng' }, ...COMMON_ERRORS },
      async handler({ deps, params, body, user }) {
        const { province, connector } = params as { province: string; connector: string };
        const row = await deps.service.setDeadline(province, connector, actor(user), body.deadline, body.reason);
        return { body: rowView(row, await deps.service.profileOrThrow(province), deps.service.today()) };
      },
    },
    {
      id: 'rows.evidence', method: 'post', path: '/api/rollout/provinces/:province/rows/:connector/evidence', tags: rowTags, access: 'row-write', params: PR,
      summary: 'Đính kèm bằng chứng (ghi chú hoặc liên kết văn bản)', summaryEn: 'Attach evidence (a note or a link to a document)',
      body: obj({ text: { type: 'string', minLength: 1, maxLength: 2000 }, url: { type: 'string', format: 'uri', maxLength: 2000, pattern: '^https?://' } }, ['text']),
      responses: { 201: { description: 'Bằng chứng' }, ...COMMON_ERRORS },
      async handler({ deps, params, body, user }) {
        const { province, connector } = params as { province: string; connector: string };
        const out = await deps.service.addEvidence(province, connector, actor(user), body);
        return { status: 201, body: out.evidence };
      },
    },
    {
      id: 'rows.check', method: 'post', path: '/api/rollout/provinces/:province/rows/:connector/checks', tags: rowTags, access: 'row-write', params: PR,
      summary: 'Kiểm tra cổng bằng chứng (mặc định: giai đoạn kế tiếp có cổng) qua hàng đợi rollout-checks', summaryEn: 'Evaluate an evidence gate (default: the next gated stage) on the rollout-checks queue',
      body: obj({ target: { enum: ['cap-quyen', 'tich-hop', 'van-hanh'] } }),
      responses: { 200: { description: 'Kết quả: passed và danh sách còn thiếu (tiếng Việt)' }, ...COMMON_ERRORS, 503: err('Hàng đợi không trả lời') },
      async handler({ deps, params, body }) {
        const { province, connector } = params as { province: string; connector: string };
        const row = await deps.service.rowOrThrow(province, connector);
        const target = body?.target ?? nextGated(row.stage);
        return { body: await deps.service.runGate({ province, connector, target }) };
      },
    },
    {
      id: 'rows.audit', method: 'get', path: '/api/rollout/provinces/:province/rows/:connector/audit', tags: rowTags, access: 'row-read', params: PR, query: PAGE,
      summary: 'Nhật ký thay đổi của dòng (chỉ thêm, không sửa)', summaryEn: 'The row audit trail (append-only)',
      responses: { 200: { description: 'Nhật ký' }, ...COMMON_ERRORS },
      async handler({ deps, params, query }) {
        return { body: await deps.service.store.readAudit(params.province!, { connector: params.connector, limit: query.limit ? Number(query.limit) : undefined, before: query.before }) };
      },
    },
    {
      id: 'province.audit', method: 'get', path: '/api/rollout/provinces/:province/audit', tags: rowTags, access: 'province-read', params: P, query: PAGE,
      summary: 'Nhật ký thay đổi của tỉnh (cơ quan chủ trì: chỉ các dòng của mình)', summaryEn: 'Province audit trail (a lead agency: its rows only)',
      responses: { 200: { description: 'Nhật ký' }, ...COMMON_ERRORS },
      async handler({ deps, params, query, user }) {
        const { rows } = await visibleRows(deps, user, params.province!);
        const only = user.role === 'agency' ? new Set(rows.map((r) => r.connector)) : undefined;
        return { body: await deps.service.store.readAudit(params.province!, { only, limit: query.limit ? Number(query.limit) : undefined, before: query.before }) };
      },
    },
    {
      id: 'province.summary', method: 'get', path: '/api/rollout/provinces/:province/summary', tags: rowTags, access: 'province-read', params: P,
      summary: 'Mức sẵn sàng: tỉnh, theo cơ quan, quá hạn (cơ quan chủ trì: trên các dòng của mình)', summaryEn: 'Readiness: province, per agency, overdue (a lead agency: over its rows)',
      responses: { 200: { description: 'Tổng hợp' }, ...COMMON_ERRORS },
      async handler({ deps, params, user }) {
        const { profile, rows } = await visibleRows(deps, user, params.province!);
        const today = deps.service.today();
        const agencies = byAgency(profile, rows, today).filter((a) => user.role !== 'agency' || a.agency === user.agency);
        return { body: { province: profile.id, today, ...summarise(rows, today), byAgency: agencies } };
      },
    },
    {
      id: 'province.history', method: 'get', path: '/api/rollout/provinces/:province/history', tags: rowTags, access: 'province-overview', params: P,
      summary: 'Lịch sử theo ngày (biểu đồ burn-up)', summaryEn: 'Daily history (burn-up chart)',
      responses: { 200: { description: 'Các ngày' }, ...COMMON_ERRORS },
      async handler({ deps, params }) {
        return { body: { province: params.province, days: await deps.service.store.history(params.province!) } };
      },
    },
    {
      id: 'province.health', method: 'get', path: '/api/rollout/provinces/:province/health', tags: rowTags, access: 'province-read', params: P,
      summary: 'Tình trạng (uptime) các hệ thống đang vận hành', summaryEn: 'Uptime of connectors in operation',
      responses: { 200: { description: 'Uptime' }, ...COMMON_ERRORS },
      async handler({ deps, params, user }) {
        const { rows } = await visibleRows(deps, user, params.province!);
        const out = [];
        for (const r of rows.filter((x) => x.stage === 'van-hanh')) out.push({ connector: r.connector, ...(await deps.service.store.getHealth(r.province, r.connector)) });
        return { body: out };
      },
    },
    // ---- spreadsheet and reports --------------------------------------------------------------------------
    {
      id: 'province.export', method: 'get', path: '/api/rollout/provinces/:province/export', tags: rowTags, access: 'province-read', params: P,
      query: obj({ format: { enum: ['csv', 'xlsx'] } }),
      summary: `Xuất bảng theo dõi (CSV hoặc XLSX; cột: ${COLUMNS.map((c) => c.vi).join(', ')})`, summaryEn: 'Export the tracking sheet (CSV or XLSX, documented columns)',
      responses: { 200: { description: 'Tệp', contentType: 'text/csv | application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }, ...COMMON_ERRORS },
      async handler({ deps, params, query, user }) {
        const { profile, rows } = await visibleRows(deps, user, params.province!);
        const sheet = deps.service.sheetRows(profile, rows);
        const name = `theo-doi-ndxp-${profile.id}-${deps.service.today()}`;
        if (query.format === 'xlsx') {
          return { raw: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', data: await toXlsx(sheet, profile.name), filename: `${name}.xlsx` } };
        }
        return { raw: { contentType: 'text/csv; charset=utf-8', data: toCsv(sheet), filename: `${name}.csv` } };
      },
    },
    {
      id: 'province.import', method: 'post', path: '/api/rollout/provinces/:province/import', tags: rowTags, access: 'province-admin', params: P, bodyType: 'raw',
      query: obj({ dryRun: { enum: ['true', 'false'] }, reason: { type: 'string', minLength: 3, maxLength: 500 } }),
      summary: 'Nhập bảng theo dõi (CSV hoặc XLSX, cùng bố cục cột với bản xuất); báo cáo từng dòng bị từ chối và lý do', summaryEn: 'Import the tracking sheet (CSV or XLSX, same columns as the export); per-row rejection report',
      responses: { 200: { description: 'Báo cáo nhập: applied/unchanged/rejected và từng dòng' }, ...COMMON_ERRORS },
      async handler({ deps, params, query, body, user }) {
        const data = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
        if (data.length === 0) throw new NdxpError('VALIDATION_FAILED', { field: 'file', detailVi: 'tệp trống', detailEn: 'empty file' });
        let parsed;
        try {
          parsed = await parseSheet(data);
        } catch (e) {
          if (e instanceof SheetError) throw new NdxpError('VALIDATION_FAILED', { field: 'file', detailVi: e.message, detailEn: e.message });
          throw e;
        }
        const intents = readIntents(parsed, deps.reference.systems);
        const report = await deps.service.importRows(params.province!, actor(user), intents, { dryRun: query.dryRun === 'true', reason: query.reason ?? 'Nhập từ bảng theo dõi' });
        return { body: report };
      },
    },
    {
      id: 'reports.create', method: 'post', path: '/api/rollout/provinces/:province/reports', tags: rowTags, access: 'province-overview', params: P,
      body: obj({ month: { type: 'string', pattern: '^20[0-9]{2}-(0[1-9]|1[0-2])$' } }, ['month']),
      summary: 'Lập báo cáo tháng (qua hàng đợi reports): CSV và trang HTML để in', summaryEn: 'Build the monthly report (reports queue): CSV and a printable HTML page',
      responses: { 201: { description: 'Đã lập; đường dẫn tải' }, ...COMMON_ERRORS, 503: err('Hàng đợi không trả lời') },
      async handler({ deps, params, body }) {
        const done = await deps.runReport({ kind: 'monthly', province: params.province!, month: body.month });
        const base = `/api/rollout/provinces/${params.province}/reports/${done.month}`;
        return { status: 201, body: { ...done, csv: `${base}.csv`, html: `${base}.html` } };
      },
    },
    {
      id: 'reports.get', method: 'get', path: '/api/rollout/provinces/:province/reports/:file', tags: rowTags, access: 'province-overview',
      params: obj({ province: ID, file: { type: 'string', pattern: '^20[0-9]{2}-(0[1-9]|1[0-2])\\.(csv|html)$' } }, ['province', 'file']),
      summary: 'Tải báo cáo tháng đã lập (yyyy-MM.csv hoặc yyyy-MM.html)', summaryEn: 'Download a built monthly report (yyyy-MM.csv or yyyy-MM.html)',
      responses: { 200: { description: 'Báo cáo', contentType: 'text/csv | text/html' }, ...COMMON_ERRORS, 404: err('Chưa lập báo cáo tháng này') },
      async handler({ deps, params }) {
        const [month, ext] = params.file!.split('.') as [string, 'csv' | 'html'];
        const stored = await deps.service.store.getReport(params.province!, month);
        const data = stored[ext];
        if (!data) throw new NdxpError('RECORD_NOT_FOUND', { field: 'file', detailVi: `chưa lập báo cáo tháng ${month}`, detailEn: `no report for ${month} yet` });
        return ext === 'csv'
          ? { raw: { contentType: 'text/csv; charset=utf-8', data, filename: `bao-cao-ndxp-${params.province}-${month}.csv` } }
          : { raw: { contentType: 'text/html; charset=utf-8', data }, headers: { 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'" } };
      },
    },
    {
      id: 'province.healthCheck', method: 'post', path: '/api/rollout/provinces/:province/health-checks', tags: rowTags, access: 'province-admin', params: P,
      summary: 'Kiểm tra ngay các hệ thống đang vận hành (ngoài lịch định kỳ)', summaryEn: 'Run the health checks of connectors in operation now (besides the schedule)',
      responses: { 200: { description: 'Số hệ thống đã kiểm tra và số đạt' }, ...COMMON_ERRORS, 503: err('Hàng đợi không trả lời') },
      async handler({ deps, params }) {
        return { body: await deps.runHealth(params.province!) };
      },
    },
    // ---- users --------------------------------------------------------------------------------------------
    {
      id: 'users.list', method: 'get', path: '/api/rollout/provinces/:province/users', tags: ['Users'], access: 'province-admin', params: P,
      summary: 'Tài khoản của tỉnh', summaryEn: 'The province’s user accounts', responses: { 200: { description: 'Tài khoản' }, ...COMMON_ERRORS },
      async handler({ deps, params }) {
        return { body: (await deps.users.list()).filter((u) => u.province === params.province).map(publicUser) };
      },
    },
    {
      id: 'users.create', method: 'post', path: '/api/rollout/provinces/:province/users', tags: ['Users'], access: 'province-admin', params: P,
      summary: 'Tạo tài khoản (quản trị Sở, cơ quan chủ trì, nhà phát triển, chỉ xem)', summaryEn: 'Create an account (Sở admin, lead agency, developer, viewer)',
      body: obj({
        username: { type: 'string', pattern: '^[a-z0-9._-]{3,64}$' }, password: { type: 'string', minLength: 10, maxLength: 200 }, name: { type: 'string', minLength: 2, maxLength: 200 },
        role: { enum: ROLES.filter((r) => r !== 'national') }, agency: ID, clients: { type: 'array', items: { type: 'string', pattern: '^[A-Za-z0-9._-]{3,64}$' }, maxItems: 20 },
      }, ['username', 'password', 'name', 'role']),
      responses: { 201: { description: 'Tài khoản' }, ...COMMON_ERRORS, 409: err('Đã tồn tại') },
      async handler({ deps, params, body, user }) {
        const province = params.province!;
        const profile = await deps.service.profileOrThrow(province);
        if (body.role === 'agency' && !profile.agencies.some((a) => a.id === body.agency)) throw new NdxpError('VALIDATION_FAILED', { field: 'agency', detailVi: 'cần mã cơ quan có trong hồ sơ tỉnh', detailEn: 'an agency id of the province profile is required' });
        for (const c of body.clients ?? []) {
          const client = await deps.gateway.clients.get(c);
          if (!client || client.province !== province) throw new NdxpError('VALIDATION_FAILED', { field: 'clients', detailVi: `${c} không phải ứng dụng của tỉnh`, detailEn: `${c} is not a client of the province` });
        }
        try {
          const u = await deps.users.create({ ...body, province, agency: body.role === 'agency' ? body.agency : undefined, clients: body.role === 'developer' ? body.clients ?? [] : [] });
          await deps.service.store.appendAudit({
            at: u.createdAt, by: user.username, role: user.role, province, connector: PROVINCE_WIDE, action: 'user', to: { username: u.username, role: u.role, agency: u.agency ?? null },
          });
          return { status: 201, body: publicUser(u) };
        } catch (e) {
          if (e instanceof UserExistsError) throw new NdxpError('ALREADY_EXISTS', { field: 'username', detailVi: e.username, detailEn: e.username });
          throw e;
        }
      },
    },
    {
      id: 'users.update', method: 'put', path: '/api/rollout/provinces/:province/users/:username', tags: ['Users'], access: 'province-admin',
      params: obj({ province: ID, username: { type: 'string', pattern: '^[a-z0-9._-]{3,64}$' } }, ['province', 'username']),
      summary: 'Sửa tài khoản: đổi tên, khóa/mở khóa, đặt lại mật khẩu (khóa hoặc đặt lại thì mọi phiên của tài khoản bị hủy)',
      summaryEn: 'Update an account: rename, disable/enable, reset the password (disabling or resetting ends its sessions)',
      body: { ...obj({ name: { type: 'string', minLength: 2, maxLength: 200 }, disabled: { type: 'boolean' }, password: { type: 'string', minLength: 10, maxLength: 200 } }), minProperties: 1 },
      responses: { 200: { description: 'Tài khoản' }, ...COMMON_ERRORS, 404: err('Không có tài khoản này trong tỉnh') },
      async handler({ deps, params, body, user }) {
        const province = params.province!;
        const target = await deps.users.get(params.username!);
        if (!target || target.province !== province) throw new NdxpError('RECORD_NOT_FOUND', { field: 'username', detailVi: params.username!, detailEn: params.username! });
        // The last way back in must not be locked by mistake.
        if (body.disabled && target.username === user.username) throw new NdxpError('VALIDATION_FAILED', { field: 'disabled', detailVi: 'không thể tự khóa tài khoản của mình', detailEn: 'you cannot disable your own account' });
        if (body.password) await deps.users.setPassword(target.username, body.password);
        const next = await deps.users.update(target.username, { ...(body.name ? { name: body.name } : {}), ...(body.disabled !== undefined ? { disabled: body.disabled } : {}) });
        await deps.service.store.appendAudit({
          at: new Date().toISOString(), by: user.username, role: user.role, province, connector: PROVINCE_WIDE, action: 'user',
          to: { username: target.username, ...(body.name ? { name: body.name } : {}), ...(body.disabled !== undefined ? { disabled: body.disabled } : {}), ...(body.password ? { passwordReset: true } : {}) },
        });
        return { body: publicUser(next!) };
      },
    },
    // ---- developer: sandbox credentials and own traffic ---------------------------------------------------
    {
      id: 'dev.clients.list', method: 'get', path: '/api/dev/clients', tags: ['Developer'], access: 'signed-in',
      summary: 'Ứng dụng sandbox của tôi (quản trị Sở: mọi ứng dụng của tỉnh)', summaryEn: 'My sandbox clients (Sở admin: all of the province)',
      responses: { 200: { description: 'Ứng dụng (không có khóa bí mật)' }, 401: COMMON_ERRORS[401] },
      async handler({ deps, user }) {
        const all = await deps.gateway.clients.list();
        return { body: all.filter((c) => canUseClient(user, c)).map(({ secretHash: _s, ...c }) => c) };
      },
    },
    {
      id: 'dev.clients.create', method: 'post', path: '/api/dev/clients', tags: ['Developer'], access: 'client-create',
      summary: 'Tạo ứng dụng sandbox (khóa bí mật chỉ hiện một lần)', summaryEn: 'Create a sandbox client (the secret is shown once)',
      body: obj({ name: { type: 'string', minLength: 2, maxLength: 200 }, scopes: { type: 'array', items: { type: 'string', pattern: '^[a-z][a-z0-9-]{1,60}$' }, minItems: 1, maxItems: 50, uniqueItems: true } }, ['scopes']),
      responses: { 201: { description: 'clientId và secret' }, ...COMMON_ERRORS },
      async handler({ deps, body, user }) {
        const unknown = (body.scopes as string[]).find((s) => !deps.gateway.registry.get(s));
        if (unknown) throw new NdxpError('VALIDATION_FAILED', { field: 'scopes', detailVi: `không có connector "${unknown}"`, detailEn: `no connector "${unknown}"` });
        const id = `sbx-${user.province}-${randomBytes(4).toString('hex')}`;
        const secret = randomBytes(24).toString('base64url');
        const client = await deps.gateway.clients.create({ id, secret, name: body.name ?? `Sandbox của ${user.username}`, province: user.province!, scopes: body.scopes, sandbox: true });
        if (user.role === 'developer') await deps.users.update(user.username, { clients: [...user.clients, id] });
        return { status: 201, body: { clientId: id, secret, province: client.province, scopes: client.scopes, sandbox: true } };
      },
    },
    {
      id: 'dev.clients.journal', method: 'get', path: '/api/dev/clients/:clientId/journal', tags: ['Developer'], access: 'client-use',
      params: CLIENT_PARAM,
      query: obj({ connector: ID, operation: { type: 'string', maxLength: 100 }, limit: { type: 'string', pattern: '^[0-9]{1,3}$' }, before: { type: 'string', pattern: '^[0-9]+-[0-9]+$' } }),
      summary: 'Nhật ký lưu lượng của ứng dụng (dữ liệu cá nhân đã che)', summaryEn: 'The client’s traffic journal (personal data masked)',
      responses: { 200: { description: 'Nhật ký' }, ...COMMON_ERRORS },
      async handler({ deps, params, query }) {
        return { body: await deps.gateway.journal.read({ clientId: params.clientId, connector: query.connector, operation: query.operation, limit: query.limit ? Number(query.limit) : undefined, before: query.before }) };
      },
    },
    {
      id: 'dev.clients.scenario', method: 'put', path: '/api/dev/clients/:clientId/scenario', tags: ['Developer'], access: 'client-use', params: CLIENT_PARAM,
      body: obj({
        name: { enum: scenarioNames }, until: { type: 'string', format: 'date-time' },
        connectors: { type: 'array', items: { enum: connectorIds }, minItems: 1, maxItems: 50, uniqueItems: true },
      }, ['name']),
      summary: 'Bật kịch bản lỗi cho mọi lệnh gọi của ứng dụng (đến thời điểm until, cho các connector chọn)', summaryEn: 'Switch a fault scenario on for every call of the client (until a time, for chosen connectors)',
      responses: { 200: { description: 'Kịch bản đang bật' }, ...COMMON_ERRORS },
      async handler({ deps, params, body }) {
        const scenario = { name: body.name as string, ...(body.until ? { until: new Date(body.until).toISOString() } : {}), ...(body.connectors ? { connectors: body.connectors as string[] } : {}) };
        await deps.gateway.clients.setScenario(params.clientId!, scenario);
        return { body: { clientId: params.clientId, scenario } };
      },
    },
    {
      id: 'dev.clients.scenarioOff', method: 'delete', path: '/api/dev/clients/:clientId/scenario', tags: ['Developer'], access: 'client-use', params: CLIENT_PARAM,
      summary: 'Tắt kịch bản lỗi của ứng dụng', summaryEn: 'Switch the client’s fault scenario off',
      responses: { 204: { description: 'Đã tắt' }, ...COMMON_ERRORS },
      async handler({ deps, params }) {
        await deps.gateway.clients.setScenario(params.clientId!, undefined);
        return {};
      },
    },
    {
      id: 'dev.clients.revoke', method: 'delete', path: '/api/dev/clients/:clientId', tags: ['Developer'], access: 'client-use', params: CLIENT_PARAM,
      summary: 'Thu hồi ứng dụng sandbox và mọi access token của nó', summaryEn: 'Revoke a sandbox client and all its access tokens',
      responses: { 204: { description: 'Đã thu hồi' }, ...COMMON_ERRORS },
      async handler({ deps, params }) {
        await deps.gateway.clients.update(params.clientId!, { revokedAt: new Date().toISOString() });
        await deps.gateway.clients.revokeTokens(params.clientId!);
        return {};
      },
    },
  ];
  return routes;
}

function nextGated(stage: RolloutRow['stage']): 'cap-quyen' | 'tich-hop' | 'van-hanh' {
  const i = STAGES.indexOf(stage);
  for (const s of STAGES.slice(i + 1)) if (s === 'cap-quyen' || s === 'tich-hop' || s === 'van-hanh') return s;
  return 'van-hanh';
}

function toProfile(raw: unknown, reference: ReferenceData): ProvinceProfile {
  try {
    return normaliseProfile(raw, reference);
  } catch (e) {
    if (e instanceof ProfileError) throw new NdxpError('VALIDATION_FAILED', { field: 'profile', detailVi: e.message, detailEn: e.message });
    throw e;
  }
}

export type { RouteReply };
