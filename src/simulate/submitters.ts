import type { AxiosInstance } from 'axios';
import { isTerminal, nextAutoStep, type LifecycleDefinition } from '../core/lifecycle.js';
import type { LoadedConnector, LoadedOperation } from '../core/registry.js';
import type { StatusChangeBody } from '../sync/webhooks/payload.js';

/** What a province step's body builder knows about the dossier waiting for it. */
export interface StepInput {
  maHoSo: string;
  /** The status the step takes the dossier to (read from the lifecycle: its moves and provinceMoves). */
  to: string;
  /** The webhook that announced the waiting status, with the documents built on entering it (a contract, tax notices…). */
  event: StatusChangeBody;
  /** The body the dossier was submitted with. */
  submitted: Record<string, unknown>;
  /** 1 for the dossier's first province step, then 2… (supplement codes that differ between steps). */
  n: number;
}

/** A step the province takes through one of the connector's operations; the body is laid over the operation's example body. */
interface ProvinceStep {
  operation: string;
  body: (s: StepInput) => Record<string, unknown>;
}

/** How the scripted TTHC system plays the province's part for one stateful connector. */
interface Script {
  /** The operation that hands a dossier over, and the request field that carries the province's dossier code (liên thông). */
  submit: { operation: string; codeField?: string };
  /** The lifecycle a submission starts (needed only when the connector has several). */
  lifecycle?: string;
  /** Waiting status → what the province does there (supplement, pay, sign, hand the result over). */
  onWait: Record<string, ProvinceStep>;
  /** How the citizen withdraws a dossier that waits for the province (some dossiers are withdrawn instead). */
  withdraw?: ProvinceStep;
  /** Who holds the dossier when it is not a citizen (DVCQG LoaiDoiTuong, ChuHoSo, DinhDanhCHS), read from the submission. */
  holder?: (submitted: Record<string, unknown>) => DossierHolder;
}

/** The dossier's holder as DVCQG records it (DOMAIN.md: LoaiDoiTuong 1 công dân, 2 doanh nghiệp, 3 tổ chức, 4 cơ quan nhà nước). */
export interface DossierHolder {
  LoaiDoiTuong: '1' | '2' | '3' | '4';
  ChuHoSo: string;
  /** LoaiDinhDanh 1 CCCD, 2 CMND, 3 mã số doanh nghiệp/thuế, 4 mã định danh cơ quan. */
  DinhDanhCHS: Array<{ LoaiDinhDanh: '1' | '2' | '3' | '4'; SoDinhDanh: string }>;
}

/** A supplement code the province sets per dossier and step (safe to resend: the central side keeps it). */
const maBoSung = (s: StepInput) => `BS-${s.maHoSo.replace(/[^0-9A-Za-z]/g, '').slice(-14)}-${s.n}`;
const documentsOf = (s: StepInput, field: string) => (s.submitted[field] as unknown[] | undefined)?.slice(0, 1);

/**
 * The connectors the simulation drives, as a TTHC system would: every operation and field below is the connector's own
 * (its README's operation map); the bodies start from the operation's example and change only what belongs to the
 * dossier. Which statuses wait for the province, and where the province's step takes the dossier, come from the
 * lifecycle (`auto`, `scenarios`, `moves`, `provinceMoves`); the keys of `onWait` only say which operation answers
 * which wait, and are checked against the lifecycle when the submitter is built.
 */
const SCRIPTS: Record<string, Script> = {
  'ly-lich-tu-phap': {
    submit: { operation: 'nopHoSoLLTP', codeField: 'MaHoSoTinh' },
    onWait: {},
  },
  'ho-tich': {
    submit: { operation: 'nhanHoSoHoTich', codeField: 'MaHoSoTinh' },
    // 2 Yêu cầu bổ sung hồ sơ → boSungHoSo (2 → 1).
    onWait: { '2': { operation: 'boSungHoSo', body: (s) => ({ MaHoSo: s.maHoSo, MaBoSung: maBoSung(s) }) } },
  },
  'dien-luc': {
    // The example is a new household connection (hopDong): it waits for the customer's signature in 4.
    submit: { operation: 'dangKyDichVu', codeField: 'MaHoSoTinh' },
    lifecycle: 'hopDong',
    onWait: {
      // 3 Chờ bổ sung hồ sơ → boSungHoSo (3 → 2).
      '3': { operation: 'boSungHoSo', body: (s) => ({ MaHoSo: s.maHoSo, MaBoSung: maBoSung(s) }) },
      // 4 Chờ khách hàng ký hợp đồng → kyHopDong (4 → 5), the contract number the power company sent for signature.
      '4': {
        operation: 'kyHopDong',
        body: (s) => {
          const soHopDong = (s.event.result?.HopDongDuThao as { SoHopDong?: string } | undefined)?.SoHopDong;
          if (!soHopDong) throw new Error(`${s.maHoSo}: the webhook for status 4 carries no HopDongDuThao.SoHopDong`);
          return { MaHoSo: s.maHoSo, SoHopDong: soHopDong };
        },
      },
    },
    withdraw: { operation: 'huyYeuCau', body: (s) => ({ MaHoSo: s.maHoSo, LyDoHuy: 'Khách hàng không còn nhu cầu sử dụng điện tại địa chỉ này' }) },
  },
  'ma-so-ngan-sach': {
    submit: { operation: 'dangKyMaSo', codeField: 'MaHoSoTinh' },
    lifecycle: 'dvqhns',
    // YEU_CAU_BO_SUNG → boSungHoSo (→ DA_BO_SUNG).
    onWait: { YEU_CAU_BO_SUNG: { operation: 'boSungHoSo', body: (s) => ({ MaHoSo: s.maHoSo }) } },
    withdraw: { operation: 'rutHoSo', body: (s) => ({ MaHoSo: s.maHoSo, LyDo: 'Đơn vị đề nghị rút hồ sơ để điều chỉnh tên theo quyết định mới' }) },
    // A state body registering for its budget code: it has no code of its own yet, so its representative's CCCD.
    holder: (y) => {
      const { TenDonVi, NguoiDaiDien } = y as { TenDonVi: string; NguoiDaiDien: { SoDinhDanh: string } };
      return { LoaiDoiTuong: '4', ChuHoSo: TenDonVi, DinhDanhCHS: [{ LoaiDinhDanh: '1', SoDinhDanh: NguoiDaiDien.SoDinhDanh }] };
    },
  },
  'lien-thong-thue-dat-dai': {
    submit: { operation: 'guiPhieuChuyenThongTin', codeField: 'MaHoSoTinh' },
    onWait: {
      // 04 Đã có thông báo nộp tiền, chờ nộp tiền (when the treasury does not report an online payment) → xacNhanNopTien
      // (04 → 05): one slip per notice with an amount due, paid on the notice's date.
      '04': {
        operation: 'xacNhanNopTien',
        body: (s) => {
          const tb = s.event.result?.ThongBaoThue as { DanhSachThongBao?: Array<{ SoThongBao: string; SoTienPhaiNop: number; NgayThongBao: string }> } | undefined;
          if (!tb?.DanhSachThongBao) throw new Error(`${s.maHoSo}: the webhook for status 04 carries no ThongBaoThue`);
          const DanhSachChungTu = tb.DanhSachThongBao.filter((t) => t.SoTienPhaiNop > 0).map((t, i) => ({
            SoThongBao: t.SoThongBao, SoChungTu: `GNT${t.SoThongBao.slice(0, 10)}${i + 1}`, NgayNop: t.NgayThongBao, SoTien: t.SoTienPhaiNop, KenhNop: 'ETAX',
          }));
          return { MaHoSo: s.maHoSo, DanhSachChungTu };
        },
      },
    },
    withdraw: { operation: 'rutHoSo', body: (s) => ({ MaHoSo: s.maHoSo, LyDo: 'Người sử dụng đất đề nghị rút hồ sơ do các bên thỏa thuận hủy hợp đồng' }) },
  },
  'nha-o-hinh-thanh-tuong-lai': {
    submit: { operation: 'nopHoSo', codeField: 'MaHoSoTinh' },
    onWait: {
      // 5 Yêu cầu bổ sung giấy tờ → capNhatTienDo 4 with the documents again (a supplement replaces those of its kind).
      '5': { operation: 'capNhatTienDo', body: (s) => ({ MaHoSo: s.maHoSo, TrangThai: s.to, NoiDung: 'Chủ đầu tư đã nộp bổ sung giấy tờ', TaiLieuBoSung: documentsOf(s, 'TaiLieuNop') }) },
      // 9 Đã xử lý xong → capNhatTienDo 10: the one-stop shop hands the result over.
      '9': { operation: 'capNhatTienDo', body: (s) => ({ MaHoSo: s.maHoSo, TrangThai: s.to, NoiDung: 'Đã trả kết quả cho chủ đầu tư' }) },
    },
    withdraw: { operation: 'capNhatTienDo', body: (s) => ({ MaHoSo: s.maHoSo, TrangThai: s.to, NoiDung: 'Chủ đầu tư rút hồ sơ để hoàn thiện giấy tờ' }) },
    // The developer (a company) holds the dossier, identified by its enterprise code.
    holder: (h) => {
      const { MSDN, TenDoanhNghiep } = (h as { ChuDauTu: { MSDN: string; TenDoanhNghiep: string } }).ChuDauTu;
      return { LoaiDoiTuong: '2', ChuHoSo: TenDoanhNghiep, DinhDanhCHS: [{ LoaiDinhDanh: '3', SoDinhDanh: MSDN }] };
    },
  },
  'tro-giup-xa-hoi': {
    submit: { operation: 'guiHoSoTroCap', codeField: 'MaHoSoTinh' },
    // 4 Yêu cầu bổ sung hồ sơ → boSungHoSo (4 → 2).
    onWait: { '4': { operation: 'boSungHoSo', body: (s) => ({ MaHoSo: s.maHoSo, MaBoSung: maBoSung(s) }) } },
    withdraw: { operation: 'rutHoSo', body: (s) => ({ MaHoSo: s.maHoSo, LyDoRut: 'Công dân rút hồ sơ để bổ sung giấy tờ, sẽ nộp lại' }) },
  },
};

/** Stateful connectors left out on purpose, and why. */
export const LEFT_OUT: Record<string, string> = {
  // A VNPost order is the logistics of a dossier, not a TTHC dossier: it is numbered by its waybill (MaVanDon, UPU S10),
  // which DVCQG does not take as MaHoSo, and the dossier it carries is synchronised by the connector that handles it.
  'buu-chinh-cong-ich': 'đơn bưu chính mang mã vận đơn, không phải hồ sơ TTHC đồng bộ DVCQG / a postal order keyed by its waybill number, not a DVCQG dossier',
};

/** How the TTHC system hands its dossiers to one connector and plays the province's part until they end. */
export interface Submitter {
  connectorId: string;
  lifecycle: LifecycleDefinition;
  /** Keeps the province's own dossier code (liên thông) — else the central system numbers it. */
  keepsProvinceCode: boolean;
  /** Scenarios that end the dossier elsewhere than the normal path (a refusal), injected as faults. */
  endingScenarios: string[];
  /** Scenarios that make the dossier wait for the province where the normal path does not (a supplement, a payment). */
  provinceScenarios: string[];
  /** A scenario (undefined: none) under which the dossier waits where the citizen may withdraw it; null: nowhere. */
  withdrawScenario: string | undefined | null;
  /** The holder DVCQG records when it is not a citizen (a company, a state body), else null. */
  holder: DossierHolder | null;
  submit(http: AxiosInstance, headers: Record<string, string>, maHoSo: string): Promise<{ status: number; maHoSo?: string; body: unknown; sent: Record<string, unknown> }>;
  /**
   * The province's step when the dossier has entered `event.to` for the `visits`-th time: null when the central side
   * moves on by itself (or the status is final); else the operation called. Throws when the dossier waits and the
   * script has nothing to do there, or the gateway refuses the step.
   */
  act(
    http: AxiosInstance,
    headers: Record<string, string>,
    d: { maHoSo: string; scenario?: string; withdraw: boolean; submitted: Record<string, unknown>; steps: number },
    event: StatusChangeBody,
    visits: number,
  ): Promise<{ operation: string; to: string; withdrawal: boolean } | null>;
}

/** The province's move out of a waiting status: the one legal province move that keeps the dossier open, else the only one. */
export function onwardMove(lc: LifecycleDefinition, status: string): string | null {
  const moves = (lc.moves[status] ?? []).filter((to) => lc.provinceMoves?.includes(to));
  const open = moves.filter((to) => !isTerminal(lc, to));
  return open.length === 1 ? open[0]! : moves.length === 1 ? moves[0]! : null;
}

/** The province's move that ends a waiting dossier early (a withdrawal), when there is exactly one. */
export function withdrawalMove(lc: LifecycleDefinition, status: string): string | null {
  const onward = onwardMove(lc, status);
  const ends = (lc.moves[status] ?? []).filter((to) => lc.provinceMoves?.includes(to) && isTerminal(lc, to) && to !== onward);
  return ends.length === 1 ? ends[0]! : null;
}

/**
 * Where a new dossier ends when the central side follows its lifecycle (under `scenario`) and the province takes its
 * onward move wherever `answers(status)` says it has a step: the final status and the statuses it waited in, or
 * end null when it stalls (a wait nobody answers, a scenario that never finishes).
 */
export function walk(lc: LifecycleDefinition, scenario: string | undefined, answers: (status: string) => boolean): { end: string | null; waits: string[] } {
  let status = lc.initial;
  const visits = new Map<string, number>();
  const waits: string[] = [];
  for (let i = 0; i < 50; i++) {
    if (isTerminal(lc, status)) return { end: status, waits };
    visits.set(status, (visits.get(status) ?? 0) + 1);
    const step = nextAutoStep(lc, status, scenario, visits.get(status));
    const onward = step ? null : answers(status) ? onwardMove(lc, status) : null;
    if (!step && !onward) return { end: null, waits };
    if (!step) waits.push(status);
    status = step ? step.to : onward!;
  }
  return { end: null, waits };
}

async function postWithRetry(http: AxiosInstance, op: LoadedOperation, body: Record<string, unknown>, headers: Record<string, string>) {
  for (let attempt = 1; ; attempt++) {
    const res = await http.post(op.def.path, body, { headers: { ...headers, 'content-type': 'application/json' } }).catch(() => null);
    if (res && res.status < 500) return res;
    if (attempt >= 5) return res;
    await new Promise((r) => setTimeout(r, 50 * attempt));
  }
}

/** A submitter for a connector the simulation can carry to a final state, or the reason it cannot. */
export function submitterFor(c: LoadedConnector): Submitter | { connectorId: string; reason: string } {
  const out = (reason: string) => ({ connectorId: c.id, reason });
  if (LEFT_OUT[c.id]) return out(LEFT_OUT[c.id]!);
  const script = SCRIPTS[c.id];
  if (!script) return out('no TTHC script for this connector');
  const lifecycles = c.def.lifecycles ?? {};
  const lcName = script.lifecycle ?? (Object.keys(lifecycles).length === 1 ? Object.keys(lifecycles)[0] : undefined);
  const lc = lcName ? lifecycles[lcName] : undefined;
  const submitOp = c.operation(script.submit.operation);
  if (!lc) return out(`no lifecycle ${lcName ?? '(several, none named)'}`);
  if (!submitOp?.example.body || submitOp.def.method !== 'POST') return out(`no POST operation ${script.submit.operation} with an example body`);
  const steps = Object.entries(script.onWait).map(([status, step]) => ({ status, step, op: c.operation(step.operation) }));
  for (const s of [...steps, ...(script.withdraw ? [{ status: '(withdraw)', step: script.withdraw, op: c.operation(script.withdraw.operation) }] : [])]) {
    if (!s.op || s.op.def.method !== 'POST' || s.op.def.path.includes('{')) return out(`step for ${s.status}: no POST operation ${s.step.operation}`);
  }
  for (const { status } of steps) {
    if (!(status in lc.states) || isTerminal(lc, status) || !onwardMove(lc, status)) return out(`onWait ${status}: not a status the province can move a dossier out of`);
  }
  const answers = (status: string) => status in script.onWait;
  const normal = walk(lc, undefined, answers);
  if (!normal.end) return out(`a new dossier stalls (waits in a status the script does not answer)`);
  const withScenario = c.scenarios.filter((s) => lc.scenarios?.[s.name]).map((s) => ({ name: s.name, w: walk(lc, s.name, answers) }));
  const endingScenarios = withScenario.filter(({ w }) => w.end && w.end !== normal.end).map((s) => s.name);
  const provinceScenarios = withScenario.filter(({ w }) => w.end === normal.end && w.waits.join() !== normal.waits.join()).map((s) => s.name);
  const canWithdraw = (waits: string[]) => !!script.withdraw && waits.some((s) => withdrawalMove(lc, s));
  const withdrawScenario = canWithdraw(normal.waits)
    ? undefined
    : (withScenario.find(({ name, w }) => provinceScenarios.includes(name) && canWithdraw(w.waits))?.name ?? null);
  const ops = new Map(steps.map((s) => [s.status, s.op!]));
  const codeField = script.submit.codeField;

  return {
    connectorId: c.id,
    lifecycle: lc,
    keepsProvinceCode: !!codeField,
    endingScenarios,
    provinceScenarios,
    withdrawScenario,
    holder: script.holder ? script.holder(submitOp.example.body as Record<string, unknown>) : null,
    async submit(http, headers, maHoSo) {
      const sent = { ...(submitOp.example.body as Record<string, unknown>), ...(codeField ? { [codeField]: maHoSo } : {}) };
      const res = await http.post(submitOp.def.path, sent, { headers: { ...headers, 'content-type': 'application/json' } });
      const data = res.data as Record<string, unknown> | undefined;
      const code = data?.MaHoSo ?? data?.maHoSo;
      return { status: res.status, body: data, sent, ...(typeof code === 'string' ? { maHoSo: code } : {}) };
    },
    async act(http, headers, d, event, visits) {
      if (isTerminal(lc, event.to) || nextAutoStep(lc, event.to, d.scenario, visits)) return null;
      const withdrawTo = d.withdraw && script.withdraw ? withdrawalMove(lc, event.to) : null;
      const step = withdrawTo ? script.withdraw! : script.onWait[event.to];
      const to = withdrawTo ?? onwardMove(lc, event.to);
      if (!step || !to) throw new Error(`${d.maHoSo}: ${c.id} waits in ${event.to} (${event.toLabel}) and the script has no province step for it`);
      const op = withdrawTo ? c.operation(step.operation)! : ops.get(event.to)!;
      const body = { ...(op.example.body as Record<string, unknown>), ...step.body({ maHoSo: d.maHoSo, to, event, submitted: d.submitted, n: d.steps + 1 }) };
      const res = await postWithRetry(http, op, body, headers);
      if (!res || res.status >= 300) throw new Error(`${d.maHoSo}: ${c.id} ${op.name} → ${res?.status ?? 'network'}: ${JSON.stringify(res?.data).slice(0, 300)}`);
      return { operation: op.name, to, withdrawal: !!withdrawTo };
    },
  };
}
