import type { ProvinceProfile } from './province.js';
import { STAGES, stageScore, type Stage } from './stages.js';
import type { RolloutRow } from './store.js';

const DAY_MS = 86_400_000;

/** Today's date in Vietnam (UTC+7, no daylight saving), yyyy-MM-dd: deadlines are calendar days there. */
export function vnDate(now: Date): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** Whole days from the deadline to today (positive = late); 0 on the deadline day. */
export function daysLate(deadline: string, today: string): number {
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${deadline}T00:00:00Z`)) / DAY_MS);
}

export interface RowStatus {
  overdue: boolean;
  daysLate: number;
  score: number;
}

/** A row is overdue when it is not in operation after its deadline day. */
export function rowStatus(row: Pick<RolloutRow, 'stage' | 'deadline'>, today: string): RowStatus {
  const late = daysLate(row.deadline, today);
  const done = row.stage === 'van-hanh';
  return { overdue: !done && late > 0, daysLate: !done && late > 0 ? late : 0, score: stageScore(row.stage) };
}

export interface Summary {
  rows: number;
  /** Mean row score ×100, one decimal. */
  readiness: number;
  byStage: Record<Stage, number>;
  inOperation: number;
  overdue: number;
  blocked: number;
  suspended: number;
}

export function summarise(rows: RolloutRow[], today: string): Summary {
  const byStage = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
  let score = 0;
  let overdue = 0;
  for (const r of rows) {
    byStage[r.stage]++;
    const st = rowStatus(r, today);
    score += st.score;
    if (st.overdue) overdue++;
  }
  return {
    rows: rows.length,
    readiness: rows.length ? Math.round((score / rows.length) * 1000) / 10 : 0,
    byStage,
    inOperation: byStage['van-hanh'],
    overdue,
    blocked: rows.filter((r) => r.blocked).length,
    suspended: rows.filter((r) => r.suspended).length,
  };
}

/** Readiness per agency over the rows it leads (an agency leading nothing is left out). */
export function byAgency(profile: ProvinceProfile, rows: RolloutRow[], today: string): Array<{ agency: string; name: string } & Summary> {
  return profile.agencies
    .map((a) => ({ a, led: rows.filter((r) => profile.assignments[r.connector]?.lead.includes(a.id)) }))
    .filter(({ led }) => led.length > 0)
    .map(({ a, led }) => ({ agency: a.id, name: a.name, ...summarise(led, today) }));
}
