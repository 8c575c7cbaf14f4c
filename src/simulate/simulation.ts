import { randomBytes } from 'node:crypto';
import axios, { type AxiosInstance } from 'axios';
import { startSimulator, type Simulator } from '../app.js';
import { loadConfig } from '../config.js';
import { formatTimestampCompact, makeCccd, makeMaHoSo } from '../core/identifiers.js';
import type { LifecycleDefinition } from '../core/lifecycle.js';
import { createLogger } from '../logging.js';
import { deleteKeysByPrefix } from '../queue/redis.js';
import { dvcqgLifecycle } from '../sync/dvcqg/status.js';
import { expectedDvcqgStatus } from '../sync/dvcqg/status-map.js';
import type { Reconciliation } from '../sync/reconcile.js';
import type { StatusChangeBody } from '../sync/webhooks/payload.js';
import { WebhookReceiver, type ReceiverFault } from './receiver.js';
import { submitterFor, type Submitter } from './submitters.js';

/** Trung tâm Phục vụ hành chính công tỉnh (the TTHC system's own dossier numbering; invented, QĐ 20/2020 format). */
const TTHC_AGENCY = '000.00.31.H01';
const HO_TEN = ['Nguyễn Văn An', 'Trần Thị Bích Ngọc', 'Lê Hoàng Phúc', 'Phạm Thị Thu Hà', 'Huỳnh Minh Trí', 'Võ Thị Kim Loan', 'Đặng Quốc Bảo', 'Bùi Thị Mỹ Duyên'];
/**
 * The procedure each driven connector's dossiers belong to, as pushed to DVCQG (MaTTHC on the national procedure
 * database). Real codes where known: lý lịch tư pháp; hộ tịch and trợ giúp xã hội as their connectors declare them
 * (connectors/<id>/codes.ts; the examples are a marriage registration and an adjustment of a monthly allowance; the
 * trợ giúp xã hội README calls its code a reference to check against the database). The 1.999xxx codes are INVENTED
 * (right format, no real procedure behind them) for procedures whose code we do not know with confidence.
 */
const TTHC: Record<string, { MaTTHC: string; TenTTHC: string }> = {
  'ly-lich-tu-phap': { MaTTHC: '2.000488', TenTTHC: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam' },
  'ho-tich': { MaTTHC: '1.000894', TenTTHC: 'Đăng ký kết hôn' },
  'tro-giup-xa-hoi': { MaTTHC: '1.001776', TenTTHC: 'Điều chỉnh mức trợ cấp xã hội hằng tháng' },
  'dien-luc': { MaTTHC: '1.999101', TenTTHC: 'Cấp điện mới từ lưới điện hạ áp (mục đích sinh hoạt)' },
  'ma-so-ngan-sach': { MaTTHC: '1.999102', TenTTHC: 'Đăng ký mã số đơn vị có quan hệ với ngân sách' },
  'lien-thong-thue-dat-dai': { MaTTHC: '1.999103', TenTTHC: 'Đăng ký biến động quyền sử dụng đất do chuyển nhượng (liên thông xác định nghĩa vụ tài chính)' },
  'nha-o-hinh-thanh-tuong-lai': { MaTTHC: '1.999104', TenTTHC: 'Thông báo nhà ở hình thành trong tương lai đủ điều kiện được bán, cho thuê mua' },
};

export interface SimulationOptions {
  dossiers: number;
  /** Inject faults: failing/garbage/hanging receiver, central refusals and upstream errors, duplicate and illegal pushes, a dead letter. */
  faults: boolean;
  seed?: number;
  timeoutMs?: number;
  /** Keep the run's Redis keys (default: removed at the end). */
  keep?: boolean;
  onProgress?: (done: number, total: number, stats: SimulationStats) => void;
}

export interface SimulationStats {
  dossiers: number;
  byConnector: Record<string, number>;
  /** Stateful connectors not driven, and why. */
  leftOut: Record<string, string>;
  finished: number;
  /** Steps the TTHC system took through the connectors' operations (supplements, payments, signatures, hand-overs), by `connector operation from→to`. */
  provinceSteps: Record<string, number>;
  /** Dossiers the citizen withdrew while they waited for the province. */
  withdrawn: number;
  /** Status changes the gateway recorded for the province (its change feed), to compare with the events applied. */
  eventsEmitted: number;
  eventsApplied: number;
  webhookRequests: number;
  duplicatesDeduped: number;
  receiverFaults: number;
  outOfOrder: number;
  badSignatures: number;
  deadLettersReplayed: number;
  centralRefusals: number;
  upstreamErrorsRetried: number;
  dvcqgAccepted: number;
  dvcqgIdempotentRepeats: number;
  dvcqgIllegalRefused: number;
  dvcqgRetries: number;
  errors: string[];
}

export interface SimulationResult {
  stats: SimulationStats;
  reconciliation: Reconciliation;
  elapsedMs: number;
}

interface Deferred { promise: Promise<void>; resolve: () => void }
const deferred = (): Deferred => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

interface Flags { reject: boolean; upstreamFirst: boolean; duplicates: boolean; illegalProbe: boolean; poison: boolean; withdraw: boolean }

class DossierRun {
  reported?: string;
  chain: Promise<void> = Promise.resolve();
  readonly ready = deferred();
  step = 0;
  done = false;
  probed = false;
  flags: Flags = { reject: false, upstreamFirst: false, duplicates: false, illegalProbe: false, poison: false, withdraw: false };
  scenario?: string;
  submitted: Record<string, unknown> = {};
  /** Province steps taken so far. */
  provinceSteps = 0;
  /** How many times the dossier entered each status (as its events said), for the lifecycle's first-visit detours. */
  readonly visits = new Map<string, number>();
  constructor(readonly code: string, readonly connectorId: string) {}
}

/** Deterministic PRNG (mulberry32), so a run's faults can be replayed with the same seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Shortest legal path on the DVCQG graph (the TTHC system reports every intermediate status). */
function pathTo(from: string, to: string): string[] {
  if (from === to) return [];
  const prev = new Map<string, string>([[from, from]]);
  const moves = dvcqgLifecycle.moves as Record<string, string[] | undefined>;
  const queue = [from];
  while (queue.length) {
    const s = queue.shift()!;
    for (const n of moves[s] ?? []) {
      if (prev.has(n)) continue;
      prev.set(n, s);
      if (n === to) {
        const path = [n];
        for (let c = s; c !== from; c = prev.get(c)!) path.unshift(c);
        return path;
      }
      queue.push(n);
    }
  }
  throw new Error(`no legal DVCQG path from ${from} to ${to}`);
}

/**
 * A scripted TTHC system: registers N dossiers, syncs them to DVCQG, hands them to the stateful connectors, receives
 * their status webhooks and reports every step to DVCQG, with faults injected; ends with the reconciliation.
 */
export async function runSimulation(opts: SimulationOptions): Promise<SimulationResult> {
  const t0 = Date.now();
  const prefix = `ndxp-simulate:${randomBytes(4).toString('hex')}`;
  // CLOCK_FACTOR 20000: a new electricity connection takes 13 simulated hours (≈ 2.3 s); retries and timeouts stay in real time.
  const config = loadConfig({
    ...process.env, PORT: '0', KEY_PREFIX: prefix, CLOCK_FACTOR: '20000', LOG_LEVEL: 'error',
    WEBHOOK_MAX_ATTEMPTS: '5', WEBHOOK_BACKOFF_MS: '40', WEBHOOK_TIMEOUT_MS: '800',
  });
  const sim = await startSimulator({ config, logger: createLogger('error', { silent: true }) });
  const receiver = new WebhookReceiver(randomBytes(24).toString('base64url'));
  try {
    return await drive(sim, receiver, opts, t0);
  } finally {
    await receiver.close();
    // Keys go after the workers stop (they write until then); an embedded Redis goes away with the simulator anyway.
    const cleanup = !opts.keep && sim.redis.source !== 'embedded' ? sim.redis.connect() : undefined;
    await sim.close();
    if (cleanup) {
      await deleteKeysByPrefix(cleanup, prefix);
      cleanup.disconnect();
    }
  }
}

async function drive(sim: Simulator, receiver: WebhookReceiver, opts: SimulationOptions, t0: number): Promise<SimulationResult> {
  const http: AxiosInstance = axios.create({ baseURL: sim.url, validateStatus: () => true, timeout: 10_000 });
  const tokenRes = await http.post('/token', 'grant_type=client_credentials', {
    auth: { username: sim.config.demoClientId, password: sim.config.demoClientSecret },
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  const headers = { Authorization: `Bearer ${tokenRes.data.access_token as string}` };
  const secret = receiver.secret;
  const url = await receiver.start();
  const sub = await http.post('/api/webhooks', { url, secret, description: 'Mô phỏng Hệ thống TTHC' }, { headers });
  if (sub.status !== 201) throw new Error(`webhook subscription refused: ${JSON.stringify(sub.data)}`);

  const submitters: Submitter[] = [];
  const leftOut: Record<string, string> = {};
  for (const c of sim.registry.connectors.filter((c) => Object.keys(c.def.lifecycles ?? {}).length)) {
    const s = submitterFor(c);
    if ('reason' in s) leftOut[s.connectorId] = s.reason;
    else submitters.push(s);
  }
  if (!submitters.length) throw new Error('no stateful connector the simulation can drive is registered');
  const holderOf = new Map(submitters.flatMap((s) => (s.holder ? [[s.connectorId, s.holder] as const] : [])));
  const seed = opts.seed ?? 20250312;
  const random = prng(seed);
  const stats: SimulationStats = {
    dossiers: opts.dossiers, byConnector: {}, leftOut, finished: 0, provinceSteps: {}, withdrawn: 0, eventsEmitted: 0, eventsApplied: 0,
    webhookRequests: 0, duplicatesDeduped: 0, receiverFaults: 0, outOfOrder: 0, badSignatures: 0, deadLettersReplayed: 0, centralRefusals: 0,
    upstreamErrorsRetried: 0, dvcqgAccepted: 0, dvcqgIdempotentRepeats: 0, dvcqgIllegalRefused: 0, dvcqgRetries: 0, errors: [],
  };
  const byId = new Map(submitters.map((s) => [s.connectorId, s]));
  // Dossiers go round the driven connectors in rounds, each round in a seeded order: even counts, and the i-based
  // fault flags below land on varying connectors.
  const spread = prng(seed ^ 0x5bd1e995);
  const order: Submitter[] = [];
  while (order.length < opts.dossiers) {
    const round = [...submitters];
    for (let k = round.length - 1; k > 0; k--) {
      const j = Math.floor(spread() * (k + 1));
      [round[k], round[j]] = [round[j]!, round[k]!];
    }
    order.push(...round);
  }
  const runs = new Map<string, DossierRun>();
  const entry = (code: string, connectorId: string) => {
    let r = runs.get(code);
    if (!r) runs.set(code, (r = new DossierRun(code, connectorId)));
    return r;
  };
  const poisoned = new Set<string>();
  const report = () => {
    Object.assign(stats, { eventsApplied: receiver.appliedCount, receiverFaults: receiver.failedOnPurpose });
    opts.onProgress?.(stats.finished, opts.dossiers, stats);
  };
  const lifecycleOf = (connectorId: string, status: string): LifecycleDefinition | undefined =>
    byId.get(connectorId)?.lifecycle ?? Object.values(sim.registry.get(connectorId)?.def.lifecycles ?? {}).find((lc) => status in lc.states);

  /** A TTHC push with its own retry on 5xx/network errors; counts accepted, repeated and refused pushes. */
  const push = async (op: 'DongBoHoSoMC' | 'CapNhatTienDoHoSoMC', body: Record<string, unknown>): Promise<{ error_code: string; message: string; messageEn?: string }> => {
    for (let attempt = 1; ; attempt++) {
      const res = await http.post(`/dvcqg/1.0/${op}`, body, { headers: { ...headers, 'content-type': 'application/json' } }).catch(() => null);
      if (res && res.status < 500) {
        const reply = res.data as { error_code: string; message: string; messageEn?: string };
        if (reply.error_code === '0') {
          if (reply.messageEn?.startsWith('Already')) stats.dvcqgIdempotentRepeats++;
          else stats.dvcqgAccepted++;
        }
        return reply;
      }
      if (attempt >= 6) throw new Error(`${op} failed: ${res?.status ?? 'network'}`);
      stats.dvcqgRetries++;
      await new Promise((r) => setTimeout(r, 50 * attempt));
    }
  };
  const step = async (d: DossierRun, to: string, note: string) => {
    d.step++;
    const body = {
      MaHoSo: d.code, TrangThaiHoSo: to, NguoiXuLy: HO_TEN[d.step % HO_TEN.length]!, ChucDanh: 'Chuyên viên',
      ThoiDiemXuLy: formatTimestampCompact(new Date(Date.UTC(2025, 2, 12, 8, 0, d.step))), PhongBanXuLy: 'Bộ phận Một cửa', NoiDungXuLy: note,
    };
    const reply = await push('CapNhatTienDoHoSoMC', body);
    if (reply.error_code !== '0') throw new Error(`${d.code} → ${to}: ${reply.message}`);
    if (d.flags.duplicates) await push('CapNhatTienDoHoSoMC', body);
    d.reported = to;
  };
  const register = async (d: DossierRun, i: number) => {
    const tthc = TTHC[d.connectorId] ?? { MaTTHC: `1.${String(100000 + (sim.registry.get(d.connectorId)?.meta.stt ?? 0) * 37).slice(0, 6)}`, TenTTHC: `Thủ tục liên thông ${sim.registry.get(d.connectorId)?.meta.name ?? d.connectorId}` };
    const citizen = { LoaiDoiTuong: '1', ChuHoSo: HO_TEN[i % HO_TEN.length]!, DinhDanhCHS: [{ LoaiDinhDanh: '1', SoDinhDanh: makeCccd('089', 1980 + (i % 30), i % 2 ? 'nu' : 'nam', 1000 + i) }] };
    const body = {
      MaHoSo: d.code, ...tthc, MaDonVi: TTHC_AGENCY, KenhThucHien: String(1 + (i % 3)), ...(holderOf.get(d.connectorId) ?? citizen),
      SoDienThoai: `09${String(10_000_000 + i * 7919).slice(0, 8)}`, NgayTiepNhan: '20250312080000', NgayHenTra: '20250326170000', TrangThaiHoSo: '1',
      TaiLieuNop: [{ TenTaiLieu: 'Tờ khai' }],
    };
    const reply = await push('DongBoHoSoMC', body);
    if (reply.error_code !== '0') throw new Error(`${d.code} DongBoHoSoMC: ${reply.message}`);
    if (d.flags.duplicates) await push('DongBoHoSoMC', body);
    d.reported = '1';
    await step(d, '2', 'Tiếp nhận hồ sơ, chuyển liên thông');
  };
  const onEvent = async (d: DossierRun, b: StatusChangeBody) => {
    const target = expectedDvcqgStatus(b.connectorId, lifecycleOf(b.connectorId, b.to), b.to);
    const path = pathTo(d.reported!, target);
    const note = `${b.toLabel} (${b.by === 'province' ? 'Hệ thống TTHC tỉnh' : 'hệ thống trung ương'})`;
    if (!path.length) await step(d, target, note);
    for (const s of path) await step(d, s, note);
    if (d.flags.illegalProbe && !d.probed && d.reported === '4') {
      d.probed = true;
      const reply = await push('CapNhatTienDoHoSoMC', { MaHoSo: d.code, TrangThaiHoSo: '2', NguoiXuLy: 'Nhập nhầm', ThoiDiemXuLy: '20250312090000', NoiDungXuLy: 'Lùi trạng thái (thử)' });
      if (reply.error_code === '2') stats.dvcqgIllegalRefused++;
      else throw new Error(`${d.code}: an illegal move was not refused (${reply.error_code})`);
    }
    // A result the central side issued and closed: the one-stop shop returns it. (Where the lifecycle waits in the
    // result status, the province hands it over through the connector below, and 10 comes with that event.)
    if (target === '9' && b.terminal) await step(d, '10', 'Trả kết quả cho công dân');
    // The lifecycle waits for the province here: supplement, pay, sign, hand over — or the citizen withdraws.
    const visits = (d.visits.get(b.to) ?? 0) + 1;
    d.visits.set(b.to, visits);
    const submitter = byId.get(d.connectorId)!;
    const acted = await submitter.act(http, headers, { maHoSo: d.code, scenario: d.scenario, withdraw: d.flags.withdraw, submitted: d.submitted, steps: d.provinceSteps }, b, visits);
    if (acted) {
      d.provinceSteps++;
      const key = `${d.connectorId} ${acted.operation} ${b.to}→${acted.to}`;
      stats.provinceSteps[key] = (stats.provinceSteps[key] ?? 0) + 1;
    }
    if (b.terminal && !d.done) {
      d.done = true;
      stats.finished++;
      if (target === '8') stats.centralRefusals++;
      if (target === '7') stats.withdrawn++;
      report();
    }
  };

  receiver.fault = (b, attempt): ReceiverFault => {
    if (poisoned.has(b.maHoSo)) return 'fail';
    if (!opts.faults || attempt > 2) return 'ok';
    const r = random();
    return r < 0.08 ? 'fail' : r < 0.12 ? 'garbage' : r < 0.14 ? 'slow' : r < 0.15 ? 'hang' : 'ok';
  };
  receiver.onApplied = (b) => {
    const d = entry(b.maHoSo, b.connectorId);
    d.chain = d.chain.then(() => d.ready.promise).then(() => onEvent(d, b)).catch((e: Error) => void stats.errors.push(e.message));
  };

  // Dead letters: the TTHC operator fixes the receiver and replays them through the API.
  const replayer = setInterval(() => {
    void (async () => {
      const r = await http.get('/api/webhooks/dead-letters', { headers });
      for (const dl of (r.data?.items ?? []) as Array<{ laneId: string; maHoSo: string; seqs: number[] }>) {
        poisoned.delete(dl.maHoSo);
        const rr = await http.post('/api/webhooks/dead-letters/replay', { laneId: dl.laneId }, { headers });
        if (rr.status === 200) stats.deadLettersReplayed += dl.seqs.length;
      }
    })().catch(() => undefined);
  }, 300);

  const day = new Date();
  try {
    await Promise.all(Array.from({ length: opts.dossiers }, async (_, i) => {
      const s = order[i]!;
      stats.byConnector[s.connectorId] = (stats.byConnector[s.connectorId] ?? 0) + 1;
      const reject = opts.faults && i % 6 === 5 && s.endingScenarios.length > 0;
      // Not faults: the citizen withdraws some dossiers while they wait, and some need the province mid-way.
      const withdraw = !reject && i % 10 === 7 && s.withdrawScenario !== null;
      const provinceScenario = !reject && !withdraw && i % 3 === 1 && s.provinceScenarios.length > 0;
      const scenario = reject
        ? s.endingScenarios[Math.floor(i / 6) % s.endingScenarios.length]
        : withdraw
          ? (s.withdrawScenario ?? undefined)
          : provinceScenario
            ? s.provinceScenarios[Math.floor(i / 3) % s.provinceScenarios.length]
            : undefined;
      const flags: Flags = {
        reject,
        upstreamFirst: opts.faults && i % 8 === 3,
        duplicates: opts.faults && i % 5 === 2,
        illegalProbe: opts.faults && i % 7 === 4,
        poison: opts.faults && i === 1,
        withdraw,
      };
      let code = makeMaHoSo(TTHC_AGENCY, day, i + 1);
      if (s.keepsProvinceCode) {
        const d = entry(code, s.connectorId);
        d.flags = flags;
        d.scenario = scenario;
        if (flags.poison) poisoned.add(code);
        await register(d, i);
      }
      const scenarioHeaders = { ...headers, ...(scenario ? { 'X-Mock-Scenario': scenario } : {}) };
      if (flags.upstreamFirst) {
        const failed = await s.submit(http, { ...headers, 'X-Mock-Scenario': 'upstream-error' }, code);
        if (failed.status >= 500) stats.upstreamErrorsRetried++;
      }
      let res = await s.submit(http, scenarioHeaders, code);
      for (let tries = 1; res.status >= 500 && tries < 5; tries++) res = await s.submit(http, scenarioHeaders, code);
      if (res.status >= 300 || !res.maHoSo) throw new Error(`${s.connectorId} submit ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
      code = res.maHoSo;
      const d = entry(code, s.connectorId);
      d.submitted = res.sent;
      if (!s.keepsProvinceCode) {
        d.flags = flags;
        d.scenario = scenario;
        await register(d, i);
      }
      d.ready.resolve();
    }));
    const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
    while (stats.finished < opts.dossiers && !stats.errors.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await Promise.all([...runs.values()].map((d) => d.chain));
  } finally {
    clearInterval(replayer);
  }
  Object.assign(stats, {
    eventsApplied: receiver.appliedCount, webhookRequests: receiver.requests, duplicatesDeduped: receiver.duplicates,
    receiverFaults: receiver.failedOnPurpose, outOfOrder: receiver.outOfOrder, badSignatures: receiver.badSignatures,
  });
  // The gateway's own change feed: every status change it recorded for the province, each of which the receiver applied once.
  for (let cursor = '0'; ;) {
    const page = await http.get('/api/sync/changes', { headers, params: { cursor, limit: 1000 } });
    if (page.status !== 200) throw new Error(`change feed: ${page.status}`);
    const { items, cursor: next, hasMore } = page.data as { items: unknown[]; cursor: string; hasMore: boolean };
    stats.eventsEmitted += items.length;
    if (!hasMore) break;
    cursor = next;
  }
  const rec = await http.get('/api/sync/reconciliation', { headers });
  return { stats, reconciliation: rec.data as Reconciliation, elapsedMs: Date.now() - t0 };
}
