/**
 * Rollout stages of one (province, connector) row and the pure rules for moving between them.
 * No I/O here: the store applies what these functions allow, the API explains what they refuse.
 */
export const STAGES = ['chua-trien-khai', 'dang-ky', 'cap-quyen', 'tich-hop', 'kiem-thu', 'van-hanh'] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, { vi: string; en: string }> = {
  'chua-trien-khai': { vi: 'Chưa triển khai', en: 'Not started' },
  'dang-ky': { vi: 'Đăng ký', en: 'Registration' },
  'cap-quyen': { vi: 'Cấp quyền', en: 'Permission granted' },
  'tich-hop': { vi: 'Tích hợp', en: 'Integration' },
  'kiem-thu': { vi: 'Kiểm thử', en: 'Testing' },
  'van-hanh': { vi: 'Vận hành', en: 'In operation' },
};

/** Stages whose entry needs evidence from a gate (evaluated on the rollout-checks queue). */
export const GATED_STAGES: readonly Stage[] = ['cap-quyen', 'tich-hop', 'van-hanh'];

export const isStage = (s: unknown): s is Stage => typeof s === 'string' && (STAGES as readonly string[]).includes(s);
export const stageIndex = (s: Stage) => STAGES.indexOf(s);

export interface Flag {
  reason: string;
  since: string;
  by: string;
}

export interface StageState {
  stage: Stage;
  blocked?: Flag;
  suspended?: Flag;
}

export interface MoveRequest {
  to: Stage;
  reason?: string;
  /** An admin may skip stages or bypass a gate; only with a reason, and it is audited as such. */
  override?: boolean;
  actorIsAdmin: boolean;
  /** Whether the gate of `to` passed (ignored for ungated targets). */
  gatePassed: boolean;
}

export type MoveVerdict =
  | { ok: true; overrode: Array<'skip' | 'gate'> }
  | { ok: false; code: 'SAME_STAGE' | 'BLOCKED' | 'SUSPENDED' | 'SKIP' | 'REASON_REQUIRED' | 'OVERRIDE_FORBIDDEN' | 'GATE'; vi: string; en: string };

const MIN_REASON = 3;
export const hasReason = (r: string | undefined) => typeof r === 'string' && r.trim().length >= MIN_REASON;

/**
 * The move rules: one step forward (gated targets need their gate), any step back with a reason,
 * nothing while blocked or suspended, a skip or a gate bypass only as an admin override with a reason.
 */
export function checkMove(state: StageState, req: MoveRequest): MoveVerdict {
  const from = stageIndex(state.stage);
  const to = stageIndex(req.to);
  if (from === to) return { ok: false, code: 'SAME_STAGE', vi: 'đã ở giai đoạn này', en: 'already at this stage' };
  if (state.blocked) return { ok: false, code: 'BLOCKED', vi: `đang bị chặn (${state.blocked.reason}); gỡ chặn trước`, en: `blocked (${state.blocked.reason}); unblock first` };
  if (state.suspended) return { ok: false, code: 'SUSPENDED', vi: 'đang tạm dừng; tiếp tục trước', en: 'suspended; resume first' };
  if (req.override) {
    if (!req.actorIsAdmin) return { ok: false, code: 'OVERRIDE_FORBIDDEN', vi: 'chỉ quản trị Sở được vượt quy tắc', en: 'only the Sở admin may override' };
    if (!hasReason(req.reason)) return { ok: false, code: 'REASON_REQUIRED', vi: 'vượt quy tắc cần nêu lý do', en: 'an override needs a reason' };
  }
  if (to < from) {
    if (!hasReason(req.reason)) return { ok: false, code: 'REASON_REQUIRED', vi: 'lùi giai đoạn cần nêu lý do', en: 'moving back needs a reason' };
    return { ok: true, overrode: [] };
  }
  const overrode: Array<'skip' | 'gate'> = [];
  if (to > from + 1) {
    if (!req.override) {
      return {
        ok: false,
        code: 'SKIP',
        vi: `không được bỏ qua giai đoạn; bước tiếp theo là "${STAGE_LABELS[STAGES[from + 1]!].vi}"`,
        en: `stages cannot be skipped; the next one is "${STAGE_LABELS[STAGES[from + 1]!].en}"`,
      };
    }
    overrode.push('skip');
  }
  if (GATED_STAGES.includes(req.to) && !req.gatePassed) {
    if (!req.override) return { ok: false, code: 'GATE', vi: 'chưa đủ bằng chứng', en: 'evidence missing' };
    overrode.push('gate');
  }
  return { ok: true, overrode };
}

/** Share of the way to vận hành, 0..1 (the readiness score of one row). */
export const stageScore = (s: Stage) => stageIndex(s) / (STAGES.length - 1);
