/**
 * A province's TTHC system requesting a criminal-record certificate (phiếu lý lịch tư pháp) for a citizen, end to end,
 * through the public endpoints only, with the SDK (`ndxp-sim` package entry):
 *   1. sign the citizen in with VNeID (OpenID Connect)             — runs when /vneid/oidc exists (connector dinh-danh-dien-tu)
 *   2. look the citizen up in the population database (dân cư)      — connector dan-cu
 *   3. submit the LLTP request (liên thông)                         — connector ly-lich-tu-phap
 *   4. receive the status webhooks, signature checked               — runs when POST /api/webhooks exists (status sync);
 *                                                                     otherwise the status is polled
 *   5. fetch the issued certificate                                 — connector ly-lich-tu-phap
 *   6. report the dossier and each status to DVCQG (national public-service portal), read its view back
 *                                                                   — runs when POST /dvcqg/1.0/DongBoHoSoMC exists
 * A step whose endpoint is not deployed is reported as skipped with the reason; any other failure fails the run.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NdxpApiError, WebhookRejectedError, createNdxpClient, readStatusWebhook, type NdxpClient, type NdxpTypes } from 'ndxp-sim';
import * as oidc from 'openid-client';

export interface SampleOptions {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  log?: (line: string) => void;
  /** How long to wait for the certificate (simulated processing runs CLOCK_FACTOR times faster). */
  waitMs?: number;
}

export interface StepResult {
  step: string;
  status: 'ok' | 'skipped';
  detail: string;
}

interface Citizen {
  SoDinhDanh: string;
  HoVaTen: string;
  /** yyyyMMdd */
  NgayThangNamSinh: string;
}

type CatalogEntry = { id: string; operations: Array<{ name: string; example: { body?: Record<string, unknown> } }> };

const isMissing = (e: unknown) => e instanceof NdxpApiError && (e.code === 'NOT_FOUND' || e.code === 'METHOD_NOT_ALLOWED');
const dmy = (compact: string) => `${compact.slice(6, 8)}/${compact.slice(4, 6)}/${compact.slice(0, 4)}`;

/** Reports a dossier whose certificate was issued to DVCQG, one legal step at a time; returns the statuses sent. */
async function reportToDvcqg(sdk: NdxpClient, d: { maHoSo: string; receivedAt: string; citizen: Citizen }): Promise<string[]> {
  const push = async (operation: string, body: Record<string, unknown>) => {
    const reply = await sdk.request<{ error_code: string; message: string }>('POST', `/dvcqg/1.0/${operation}`, { body });
    if (reply.error_code !== '0') throw new Error(`DVCQG ${operation} ${String(body.TrangThaiHoSo)}: ${reply.message}`);
  };
  await push('DongBoHoSoMC', {
    MaHoSo: d.maHoSo, MaTTHC: '2.000488', TenTTHC: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam',
    KenhThucHien: '2', LoaiDoiTuong: '1', ChuHoSo: d.citizen.HoVaTen, NgayTiepNhan: d.receivedAt, TrangThaiHoSo: '1',
    DinhDanhCHS: [{ LoaiDinhDanh: '1', SoDinhDanh: d.citizen.SoDinhDanh }],
  });
  const steps: Array<[string, string]> = [['2', 'Tiếp nhận, chuyển Sở Tư pháp (liên thông)'], ['4', 'Sở Tư pháp đang xử lý'], ['9', 'Đã cấp phiếu lý lịch tư pháp'], ['10', 'Trả kết quả cho công dân']];
  for (const [status, note] of steps) {
    await push('CapNhatTienDoHoSoMC', { MaHoSo: d.maHoSo, TrangThaiHoSo: status, NguoiXuLy: 'Bộ phận Một cửa', ThoiDiemXuLy: d.receivedAt, NoiDungXuLy: note });
  }
  return ['1', ...steps.map(([s]) => s)];
}

/** Step 1: VNeID login with PKCE and a test account's login_hint (auto-consent in the sandbox). */
async function signInWithVneid(opts: SampleOptions, sdk: NdxpClient): Promise<Citizen | null> {
  const issuer = new URL('/vneid/oidc', opts.baseUrl);
  let config: oidc.Configuration;
  try {
    config = await oidc.discovery(issuer, opts.clientId, opts.clientSecret, undefined, { execute: [oidc.allowInsecureRequests] });
  } catch {
    return null; // no OIDC provider deployed
  }
  const accounts = await sdk.request<{ DanhSach: Array<{ SoDinhDanh: string; TrangThai?: string }> }>('GET', '/vneid/1.0/taiKhoanThuNghiem', {
    query: { soBanGhi: 20 },
  });
  const account = accounts.DanhSach.find((a) => !a.TrangThai || /hoat|active/i.test(a.TrangThai)) ?? accounts.DanhSach[0]!;
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const redirect = 'http://127.0.0.1:9/callback';
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirect, scope: 'openid profile', state, login_hint: account.SoDinhDanh,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256',
  });
  // The browser would follow the redirect to our callback; here we read the Location header instead.
  const res = await fetch(url, { redirect: 'manual' });
  const location = res.headers.get('location');
  if (!location) throw new Error(`VNeID authorize did not redirect (HTTP ${res.status})`);
  const tokens = await oidc.authorizationCodeGrant(config, new URL(location), { pkceCodeVerifier: verifier, expectedState: state });
  const claims = tokens.claims() as Record<string, unknown>;
  const info = (await oidc.fetchUserInfo(config, tokens.access_token, claims.sub as string)) as Record<string, unknown>;
  return { SoDinhDanh: String(info.SoDinhDanh), HoVaTen: String(info.HoVaTen), NgayThangNamSinh: String(info.NgayThangNamSinh) };
}

/** A local HTTPS-less webhook receiver (loopback) that checks every signature before trusting the body. */
async function webhookReceiver(secret: string) {
  const events: Array<Record<string, any>> = [];
  let badSignatures = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        // One event, or a batch of them for a subscription with batchSize > 1: always a list, signature checked first.
        events.push(...readStatusWebhook(Buffer.concat(chunks), req.headers['x-ndxp-signature'] as string | undefined, secret));
        res.writeHead(204).end();
      } catch (e) {
        if (!(e instanceof WebhookRejectedError)) throw e;
        if (e.reason === 'signature') badSignatures++;
        res.writeHead(e.reason === 'signature' ? 401 : 400).end();
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ndxp/webhook`;
  return { url, events, badSignatures: () => badSignatures, close: () => new Promise<void>((r) => server.close(() => r())) };
}

async function until<T>(fn: () => Promise<T | undefined>, ms: number, what: string): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function runSample(opts: SampleOptions): Promise<StepResult[]> {
  const log = opts.log ?? (() => undefined);
  const results: StepResult[] = [];
  const done = (step: string, status: StepResult['status'], detail: string) => {
    results.push({ step, status, detail });
    log(`${status === 'ok' ? '✔' : '–'} ${step}: ${detail}`);
  };
  const sdk = createNdxpClient({ baseUrl: opts.baseUrl, clientId: opts.clientId, clientSecret: opts.clientSecret });
  const catalog = await sdk.request<CatalogEntry[]>('GET', '/api/connectors', { auth: false });
  const exampleBody = (connector: string, op: string) => catalog.find((c) => c.id === connector)?.operations.find((o) => o.name === op)?.example.body ?? {};

  // 1. Who is the citizen?
  let citizen = await signInWithVneid(opts, sdk);
  if (citizen) done('1. VNeID sign-in', 'ok', `signed in (OIDC, PKCE): ${citizen.HoVaTen}`);
  else {
    // Without VNeID the officer types the citizen's ID, name and birth date: the dân cư example stands in for that form.
    const form = exampleBody('dan-cu', 'traCuuCongDan');
    citizen = { SoDinhDanh: String(form.SoDinhDanh), HoVaTen: String(form.HoVaTen), NgayThangNamSinh: String(form.NgayThangNam) };
    done('1. VNeID sign-in', 'skipped', 'no OpenID Connect provider at /vneid/oidc (connector dinh-danh-dien-tu not deployed): identity typed in by the officer');
  }

  // 2. Population database: the data the citizen would otherwise have to prove with paper.
  const audit = exampleBody('dan-cu', 'traCuuCongDan');
  const dc = await sdk.call('dan-cu.traCuuCongDan', {
    MaYeuCau: `LLTP-${Date.now()}`, MaDVC: String(audit.MaDVC), MaTichHop: String(audit.MaTichHop), MaCanBo: String(audit.MaCanBo),
    MucDich: 'TU_DONG_DIEN_BIEU_MAU', SoDinhDanh: citizen.SoDinhDanh, HoVaTen: citizen.HoVaTen, NgayThangNam: citizen.NgayThangNamSinh,
  } as NdxpTypes.DanCuV1TraCuuCongDanRequest);
  const cd = dc.CongDan;
  done('2. dân cư lookup', 'ok', `found, data status ${dc.TrangThaiDuLieu}, address ${cd.NoiThuongTru?.TenTinh ?? '(not released for this purpose)'}`);

  // 4 (set up first, so no event is missed). Webhooks, when the status sync is deployed.
  const secret = `bi-mat-${Math.random().toString(36).slice(2)}`;
  const receiver = await webhookReceiver(secret);
  let subscriptionId: string | undefined;
  try {
    const sub = await sdk.request<{ id: string }>('POST', '/api/webhooks', { body: { url: receiver.url, connectors: ['ly-lich-tu-phap'], secret } });
    subscriptionId = sub.id;
  } catch (e) {
    if (!isMissing(e)) throw e;
  }

  try {
    // 3. The certificate request, filled from the population data (no paper copies).
    const receipt = await sdk.call('ly-lich-tu-phap.nopHoSoLLTP', {
      LoaiPhieu: '1',
      MucDichSuDung: 'Bổ sung hồ sơ xin việc',
      NguoiYeuCau: {
        HoVaTen: cd.HoVaTen, SoDinhDanh: cd.SoDinhDanh, NgaySinh: dmy(cd.NgayThangNamSinh), GioiTinh: cd.GioiTinh ?? '1',
        NoiCuTru: cd.NoiThuongTru?.DiaChiDayDu ?? 'Tỉnh An Giang',
        // Not every purpose releases the phone number: the applicant gives it on the form then.
        SoDienThoai: cd.SoDienThoai ?? '0912345678',
      },
      SoLuongBanSao: 1,
      HinhThucNhan: '1',
    });
    const maHoSo = receipt.MaHoSo;
    done('3. LLTP request', 'ok', `dossier ${maHoSo} received (DEC_STATUS ${receipt.DEC_STATUS}), due ${receipt.NgayHenTra}`);

    // 4. Status changes: pushed (webhooks) or pulled (polling).
    const waitMs = opts.waitMs ?? 60_000;
    if (subscriptionId) {
      const final = await until(async () => receiver.events.find((e) => e.maHoSo === maHoSo && e.terminal), waitMs, 'the final webhook');
      const seen = receiver.events.filter((e) => e.maHoSo === maHoSo).map((e) => e.to);
      if (receiver.badSignatures()) throw new Error(`${receiver.badSignatures()} webhook(s) with a bad signature`);
      done('4. webhooks', 'ok', `statuses ${seen.join(' → ')} pushed, signatures verified; final: ${final.toLabel}`);
    } else {
      const final = await until(async () => {
        const s = await sdk.call('ly-lich-tu-phap.traCuuTrangThai', { maHoSo });
        return s.DEC_STATUS === '5' || s.DEC_STATUS === '7' ? s : undefined;
      }, waitMs, 'the final status');
      done('4. webhooks', 'skipped', `POST /api/webhooks not deployed (status sync): polled instead, final ${final.DEC_STATUS} ${final.TenTrangThai}`);
    }

    // 5. The certificate.
    const cert = await sdk.call('ly-lich-tu-phap.layKetQua', { maHoSo });
    done('5. certificate', 'ok', `phiếu số ${cert.SoPhieu}, issued ${cert.NgayCap}`);

    // 6. DVCQG: the TTHC system itself reports the dossier to the national portal (DongBoHoSoMC) and every status
    //    change after it (CapNhatTienDoHoSoMC): received 1 → handed on 2 → in process 4 → done 9 (a certificate
    //    issued) → returned 10; then it reads DVCQG's view back to check the portal shows the last step.
    try {
      const trail = await reportToDvcqg(sdk, { maHoSo, receivedAt: receipt.ThoiGianTiepNhan, citizen: cd });
      const view = await sdk.request<Record<string, any>>('GET', `/api/dvcqg/hoso/${encodeURIComponent(maHoSo)}`);
      if (view.TrangThaiHoSo !== trail.at(-1)) throw new Error(`DVCQG shows ${view.TrangThaiHoSo}, the TTHC system reported ${trail.at(-1)}`);
      done('6. DVCQG sync', 'ok', `statuses ${trail.join(' → ')} reported; DVCQG shows dossier ${maHoSo} at ${view.TrangThaiHoSo}`);
    } catch (e) {
      if (!isMissing(e)) throw e;
      done('6. DVCQG sync', 'skipped', 'POST /dvcqg/1.0/DongBoHoSoMC not deployed (status sync)');
    }
  } finally {
    if (subscriptionId) await sdk.request('DELETE', `/api/webhooks/${subscriptionId}`).catch(() => undefined);
    await receiver.close();
  }
  return results;
}
