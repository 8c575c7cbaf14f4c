import { NdxpError } from '../core/errors.js';
import type { Registry } from '../core/registry.js';
import type { ClientStore } from '../gateway/clients.js';
import type { Journal, JournalEntry } from '../gateway/journal.js';
import { evaluateGate, type GateConnector } from './gates.js';
import type { RowIntent, RowProblem, SheetRowInput } from './spreadsheet.js';
import type { ProvinceProfile } from './province.js';
import { rowStatus, summarise, vnDate } from './readiness.js';
import { buildMonthlyReport, monthEnd, previousMonth } from './report.js';
import { GATED_STAGES, STAGE_LABELS, checkMove, hasReason, isStage, stageIndex, type Flag, type Stage } from './stages.js';
import type { Actor, Evidence, GateResult, RolloutRow, RolloutStore } from './store.js';

export interface GateJob {
  province: string;
  connector: string;
  target: Stage;
}

/** Runs a gate evaluation (on the rollout-checks queue) and resolves with its stored result. */
export type GateRunner = (job: GateJob) => Promise<GateResult>;

const JOURNAL_PAGES = 10;

/** The rollout tracker's operations; authorisation is the API's job, the rules and the audit are here. */
export class RolloutService {
  gateRunner: GateRunner | undefined;

  constructor(
    readonly store: RolloutStore,
    private readonly registry: Registry,
    private readonly clients: ClientStore,
    private readonly journal: Journal,
    private readonly now: () => Date = () => new Date(),
  ) {}

  today(): string {
    return vnDate(this.now());
  }

  async profileOrThrow(province: string): Promise<ProvinceProfile> {
    const p = await this.store.getProfile(province);
    if (!p) throw new NdxpError('RECORD_NOT_FOUND', { field: 'province', detailVi: province, detailEn: province });
    return p;
  }

  async rowOrThrow(province: string, connector: string): Promise<RolloutRow> {
    const r = await this.store.getRow(province, connector);
    if (!r) throw new NdxpError('RECORD_NOT_FOUND', { field: 'connector', detailVi: connector, detailEn: connector });
    return r;
  }

  gateConnector(id: string): GateConnector {
    const c = this.registry.get(id);
    if (!c) return { id };
    return { id, operations: c.operations.map((o) => o.name), scenarios: c.scenarios.map((s) => ({ name: s.name, effect: s.effect })) };
  }

  /** The connector's recent journal (newest JOURNAL_PAGES×500 entries): the gate's evidence. */
  private async journalOf(connector: string): Promise<JournalEntry[]> {
    const out: JournalEntry[] = [];
    let before: string | undefined;
    for (let i = 0; i < JOURNAL_PAGES; i++) {
      const page = await this.journal.read({ connector, limit: 500, before });
      out.push(...page.entries);
      if (!page.next) break;
      before = page.next;
    }
    return out;
  }

  /** Evaluates a gate now (the rollout-checks worker calls this) and stores the result. */
  async computeGate(job: GateJob, jobId?: string): Promise<GateResult> {
    const [clients, entries] = await Promise.all([this.clients.list(), this.journalOf(job.connector)]);
    const verdict = evaluateGate({ target: job.target, province: job.province, connector: this.gateConnector(job.connector), clients, entries });
    const result: GateResult = {
      target: job.target, passed: verdict.passed, evaluatedAt: this.now().toISOString(), missing: verdict.missing,
      ...(verdict.clientId ? { clientId: verdict.clientId } : {}), ...(jobId ? { jobId } : {}),
    };
    await this.store.putGate(job.province, job.connector, result);
    return result;
  }

  async runGate(job: GateJob): Promise<GateResult> {
    if (!this.gateRunner) throw new NdxpError('SERVICE_NOT_READY', { detailVi: 'hàng đợi rollout-checks chưa sẵn sàng', detailEn: 'rollout-checks queue not ready' });
    return this.gateRunner(job);
  }

  /** Moves a row; a gated target is checked on the queue first (unless an admin overrides with a reason). */
  async move(province: string, connector: string, actor: Actor & { isAdmin: boolean }, req: { to: string; reason?: string; override?: boolean; evidence?: string }): Promise<{ row: RolloutRow; gate?: GateResult }> {
    if (!isStage(req.to)) throw new NdxpError('VALIDATION_FAILED', { field: 'to', detailVi: req.to, detailEn: req.to });
    const to = req.to;
    const current = await this.rowOrThrow(province, connector);
    let gate: GateResult | undefined;
    // Only a move forward into a gated stage is checked (moving back never needs evidence).
    const needsGate = GATED_STAGES.includes(to) && stageIndex(to) > stageIndex(current.stage) && !current.blocked && !current.suspended;
    if (needsGate && !(req.override && actor.isAdmin)) gate = await this.runGate({ province, connector, target: to });
    const { row } = await this.store.mutate(province, connector, actor, (r, at) => {
      const verdict = checkMove(r, { to, reason: req.reason, override: req.override, actorIsAdmin: actor.isAdmin, gatePassed: gate?.passed ?? false });
      if (!verdict.ok) {
        if (verdict.code === 'GATE') {
          throw new NdxpError('GATE_NOT_PASSED', { field: 'to', detailVi: STAGE_LABELS[to].vi, detailEn: STAGE_LABELS[to].en, details: { missing: gate?.missing ?? [] } });
        }
        const code = verdict.code === 'OVERRIDE_FORBIDDEN' ? 'FORBIDDEN' : verdict.code === 'REASON_REQUIRED' ? 'VALIDATION_FAILED' : 'ILLEGAL_TRANSITION';
        throw new NdxpError(code, { field: verdict.code === 'REASON_REQUIRED' ? 'reason' : 'to', detailVi: verdict.vi, detailEn: verdict.en });
      }
      const evidence: Evidence[] = [];
      if (req.evidence) evidence.push(this.store.newEvidence('note', req.evidence, actor.userId));
      if (gate) evidence.push(this.store.newEvidence('gate', `Cổng "${STAGE_LABELS[to].vi}" đạt lúc ${gate.evaluatedAt}${gate.clientId ? ` (ứng dụng ${gate.clientId})` : ''}`, actor.userId));
      return {
        row: { ...r, stage: to, stageSince: at, evidence: [...r.evidence, ...evidence].slice(-200) },
        audit: { action: 'move', from: r.stage, to, ...(req.reason ? { reason: req.reason } : {}), ...(evidence.length ? { evidence } : {}), ...(verdict.overrode.length ? { overrode: verdict.overrode } : {}) },
      };
    });
    await this.snapshot(province);
    return { row, ...(gate ? { gate } : {}) };
  }

  /** Sets or clears bị chặn / tạm dừng; setting needs a reason. */
  async flag(province: string, connector: string, actor: Actor, req: { flag: 'blocked' | 'suspended'; on: boolean; reason?: string }): Promise<RolloutRow> {
    if (req.on && !hasReason(req.reason)) throw new NdxpError('VALIDATION_FAILED', { field: 'reason', detailVi: 'cần nêu lý do', detailEn: 'a reason is required' });
    const { row } = await this.store.mutate(province, connector, actor, (r, at) => {
      const before = r[req.flag];
      if (req.on === !!before) throw new NdxpError('CONFLICT', { field: 'on', detailVi: req.on ? 'đã bật' : 'chưa bật', detailEn: req.on ? 'already set' : 'not set' });
      const next: RolloutRow = { ...r };
      if (req.on) next[req.flag] = { reason: req.reason!, since: at, by: actor.userId } satisfies Flag;
      else delete next[req.flag];
      const action = req.flag === 'blocked' ? (req.on ? 'block' : 'unblock') : req.on ? 'suspend' : 'resume';
      return { row: next, audit: { action, from: before ?? null, to: next[req.flag] ?? null, ...(req.reason ? { reason: req.reason } : {}) } };
    });
    await this.snapshot(province);
    return row;
  }

  async setDeadline(province: string, connector: string, actor: Actor, deadline: string, reason?: string): Promise<RolloutRow> {
    const { row } = await this.store.mutate(province, connector, actor, (r) => ({
      row: { ...r, deadline },
      audit: { action: 'deadline', from: r.deadline, to: deadline, ...(reason ? { reason } : {}) },
    }));
    await this.snapshot(province);
    return row;
  }

  async addEvidence(province: string, connector: string, actor: Actor, req: { text: string; url?: string }): Promise<{ row: RolloutRow; evidence: Evidence }> {
    const evidence = this.store.newEvidence(req.url ? 'link' : 'note', req.text, actor.userId, req.url);
    const { row } = await this.store.mutate(province, connector, actor, (r) => ({
      row: { ...r, evidence: [...r.evidence, evidence].slice(-200) },
      audit: { action: 'evidence', evidence: [evidence] },
    }));
    return { row, evidence };
  }

  /** Applies checked spreadsheet rows (an admin's bulk update, audited as `import`); rejected rows are reported. */
  async importRows(province: string, actor: Actor, intents: RowIntent[], opts: { dryRun: boolean; reason: string }): Promise<ImportReport> {
    const report: ImportReport = { dryRun: opts.dryRun, applied: 0, unchanged: 0, rejected: 0, rows: [] };
    for (const intent of intents) {
      if (intent.problems.length || !intent.connector) {
        report.rejected++;
        report.rows.push({ line: intent.line, ...(intent.connector ? { connector: intent.connector } : {}), status: 'rejected', problems: intent.problems });
        continue;
      }
      const current = await this.rowOrThrow(province, intent.connector);
      const changes = importChanges(current, intent);
      if (Object.keys(changes.to).length === 0) {
        report.unchanged++;
        report.rows.push({ line: intent.line, connector: intent.connector, status: 'unchanged' });
        continue;
      }
      if (!opts.dryRun) {
        await this.store.mutate(province, intent.connector, actor, (r, at) => {
          const c = importChanges(r, intent);
          const next: RolloutRow = { ...r, ...(c.to.stage ? { stage: c.to.stage as Stage, stageSince: at } : {}), ...(c.to.deadline ? { deadline: c.to.deadline as string } : {}) };
          if ('note' in c.to) next.note = c.to.note as string;
          for (const flag of ['blocked', 'suspended'] as const) {
            if (!(flag in c.to)) continue;
            if (c.to[flag]) next[flag] = { reason: c.to[flag] as string, since: at, by: actor.userId };
            else delete next[flag];
          }
          return { row: next, audit: { action: 'import', from: c.from, to: c.to, reason: opts.reason, overrode: ['import'] } };
        });
      }
      report.applied++;
      report.rows.push({ line: intent.line, connector: intent.connector, status: opts.dryRun ? 'would-apply' : 'applied', changes });
    }
    if (!opts.dryRun && report.applied) await this.snapshot(province);
    return report;
  }

  /** The rows in the spreadsheet's shape (export, monthly report). */
  sheetRows(profile: ProvinceProfile, rows: RolloutRow[]): SheetRowInput[] {
    const today = this.today();
    const names = (ids: string[] = []) => ids.map((id) => profile.agencies.find((a) => a.id === id)?.name ?? id);
    return [...rows].sort((a, b) => a.stt - b.stt).map((r) => ({
      stt: r.stt, connector: r.connector, name: r.name, lead: names(profile.assignments[r.connector]?.lead), coordinating: names(profile.assignments[r.connector]?.coordinating),
      stage: r.stage, deadline: r.deadline, ...(r.blocked ? { blocked: r.blocked.reason } : {}), ...(r.suspended ? { suspended: r.suspended.reason } : {}),
      ...(r.note ? { note: r.note } : {}), daysLate: rowStatus(r, today).daysLate, updatedAt: r.updatedAt,
    }));
  }

  /** Builds and stores a monthly report (the reports worker calls this). */
  async buildReport(job: { province: string; month: string }): Promise<{ province: string; month: string; generatedAt: string }> {
    const month = job.month === 'previous' ? previousMonth(this.today()) : job.month;
    const [profile, rows, audit] = await Promise.all([
      this.profileOrThrow(job.province), this.store.listRows(job.province), this.store.auditBetween(job.province, 0, Date.parse(`${monthEnd(month)}T23:59:59.999Z`)),
    ]);
    const report = buildMonthlyReport({ profile, rows, audit, month, today: this.today(), generatedAt: this.now().toISOString() });
    await this.store.putReport(report);
    return { province: report.province, month, generatedAt: report.generatedAt };
  }

  /** Today's point of the burn-up: overwritten by every change today, so the last state of each day is kept. */
  async snapshot(province: string): Promise<void> {
    const rows = await this.store.listRows(province);
    const today = this.today();
    await this.store.putSnapshot(province, today, summarise(rows, today));
  }
}

export interface ImportReport {
  dryRun: boolean;
  applied: number;
  unchanged: number;
  rejected: number;
  rows: Array<{ line: number; connector?: string; status: 'applied' | 'would-apply' | 'unchanged' | 'rejected'; problems?: RowProblem[]; changes?: { from: Record<string, unknown>; to: Record<string, unknown> } }>;
}

/** The fields a sheet row changes (old and new values); empty when the row already says the same. */
function importChanges(row: RolloutRow, intent: RowIntent): { from: Record<string, unknown>; to: Record<string, unknown> } {
  const from: Record<string, unknown> = {};
  const to: Record<string, unknown> = {};
  const put = (k: string, before: unknown, after: unknown) => {
    if (after === undefined || (before ?? null) === (after ?? null)) return;
    from[k] = before ?? null;
    to[k] = after;
  };
  put('stage', row.stage, intent.stage);
  put('deadline', row.deadline, intent.deadline);
  put('blocked', row.blocked?.reason, intent.blocked);
  put('suspended', row.suspended?.reason, intent.suspended);
  put('note', row.note ?? '', intent.note);
  return { from, to };
}
