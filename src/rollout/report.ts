import { stringify as stringifyCsv } from 'csv-stringify/sync';
import type { ProvinceProfile } from './province.js';
import { byAgency, summarise, type Summary } from './readiness.js';
import { STAGES, STAGE_LABELS } from './stages.js';
import type { AuditEntry, RolloutRow } from './store.js';

export interface MonthlyReport {
  province: string;
  month: string;
  generatedAt: string;
  csv: string;
  html: string;
}

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** yyyy-MM of the month before `today` (yyyy-MM-dd): what the scheduled report on the 1st covers. */
export function previousMonth(today: string): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The last day of a month, yyyy-MM-dd (the date the report's overdue figures are computed for). */
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/**
 * The rows as they stood at the end of `asOf` (yyyy-MM-dd), replayed from the audit trail (oldest first): the stage,
 * deadline and flags of the last move/import/flag/deadline line on or before that day. Rows created later are left out.
 */
export function rowsAsOf(rows: RolloutRow[], audit: AuditEntry[], asOf: string): RolloutRow[] {
  const end = `${asOf}T23:59:59.999Z`;
  const out: RolloutRow[] = [];
  for (const row of rows) {
    const mine = audit.filter((e) => e.connector === row.connector && e.at <= end);
    if (!mine.some((e) => e.action === 'create')) {
      if (row.stageSince > end) continue;
      out.push(row);
      continue;
    }
    const then: RolloutRow = { ...row, stage: 'chua-trien-khai' };
    delete then.blocked;
    delete then.suspended;
    for (const e of mine) {
      const to = e.to as Record<string, unknown> | string | null;
      if (e.action === 'move' && typeof to === 'string') then.stage = to as RolloutRow['stage'];
      else if (e.action === 'deadline' && typeof to === 'string') then.deadline = to;
      else if (e.action === 'block' || e.action === 'suspend') then[e.action === 'block' ? 'blocked' : 'suspended'] = to as unknown as RolloutRow['blocked'];
      else if (e.action === 'unblock') delete then.blocked;
      else if (e.action === 'resume') delete then.suspended;
      else if (e.action === 'import' && to && typeof to === 'object') {
        if (typeof to.stage === 'string') then.stage = to.stage as RolloutRow['stage'];
        if (typeof to.deadline === 'string') then.deadline = to.deadline;
        for (const flag of ['blocked', 'suspended'] as const) {
          if (typeof to[flag] === 'string') then[flag] = { reason: to[flag] as string, since: e.at, by: e.by };
          else if (flag in to) delete then[flag];
        }
      }
    }
    out.push(then);
  }
  return out;
}

/**
 * The monthly readiness report: state at the end of the month (or today, if earlier; replayed from the audit
 * trail, which therefore must be passed from the beginning), the changes made in the month,
 * readiness per agency. CSV for spreadsheets, and a self-contained printable HTML page (no external assets).
 */
export function buildMonthlyReport(args: { profile: ProvinceProfile; rows: RolloutRow[]; audit: AuditEntry[]; month: string; today: string; generatedAt: string }): MonthlyReport {
  const { profile, month } = args;
  const asOf = monthEnd(month) < args.today ? monthEnd(month) : args.today;
  const rows = rowsAsOf(args.rows, args.audit, asOf);
  const changes = args.audit.filter((e) => e.at.slice(0, 7) === month && e.action !== 'create');
  const changesOf = (c: string) => changes.filter((e) => e.connector === c).length;
  const sum: Summary = summarise(rows, asOf);
  const agencies = byAgency(profile, rows, asOf);
  const names = (ids: string[] = []) => ids.map((id) => profile.agencies.find((a) => a.id === id)?.name ?? id).join('; ');
  const sorted = [...rows].sort((a, b) => a.stt - b.stt);
  const late = (r: RolloutRow) => (r.stage !== 'van-hanh' && r.deadline < asOf ? Math.round((Date.parse(asOf) - Date.parse(r.deadline)) / 86_400_000) : 0);

  const header = ['STT', 'Mã hệ thống', 'Tên hệ thống', 'Cơ quan chủ trì', 'Giai đoạn', 'Hạn hoàn thành', 'Số ngày quá hạn', 'Bị chặn (lý do)', 'Tạm dừng (lý do)', 'Số thay đổi trong tháng'];
  const body = sorted.map((r) => [r.stt, r.connector, r.name, names(profile.assignments[r.connector]?.lead), STAGE_LABELS[r.stage].vi, dmy(r.deadline), late(r), r.blocked?.reason ?? '', r.suspended?.reason ?? '', changesOf(r.connector)]);
  const csv = '\ufeff' + stringifyCsv([header, ...body]);

  const stageCells = STAGES.map((s) => `<tr><th scope="row">${esc(STAGE_LABELS[s].vi)}</th><td>${sum.byStage[s]}</td></tr>`).join('');
  const agencyRows = agencies.map((a) => `<tr><td>${esc(a.name)}</td><td>${a.rows}</td><td>${a.inOperation}</td><td>${a.overdue}</td><td>${a.readiness}%</td></tr>`).join('');
  const rowHtml = body.map((cells) => `<tr>${cells.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('');
  const changeHtml = changes.slice(0, 500).map((e) => `<li>${esc(e.at.slice(0, 16).replace('T', ' '))} — ${esc(e.connector)}: ${esc(e.action)} ${esc(typeof e.from === 'string' ? STAGE_LABELS[e.from as keyof typeof STAGE_LABELS]?.vi ?? e.from : '')} → ${esc(typeof e.to === 'string' ? STAGE_LABELS[e.to as keyof typeof STAGE_LABELS]?.vi ?? e.to : '')} (${esc(e.by)}${e.reason ? `: ${esc(e.reason)}` : ''})</li>`).join('');
  const html = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Báo cáo tiến độ kết nối NDXP — ${esc(profile.name)} — tháng ${esc(month)}</title>
<style>
body{font-family:system-ui,"Segoe UI",Roboto,Arial,sans-serif;margin:2rem;color:#111}h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.5rem}
table{border-collapse:collapse;width:100%;font-size:.85rem}th,td{border:1px solid #999;padding:.25rem .4rem;text-align:left;vertical-align:top}
th{background:#eee}.kpi{display:flex;gap:2rem}.kpi div{font-size:1.1rem}.kpi b{font-size:1.6rem;display:block}
@media print{body{margin:1cm}h2{page-break-after:avoid}tr{page-break-inside:avoid}}
</style></head><body>
<h1>Báo cáo tiến độ kết nối, chia sẻ dữ liệu trên NDXP — ${esc(profile.name)} — tháng ${esc(month.slice(5))}/${esc(month.slice(0, 4))}</h1>
<p>Số liệu tính đến ngày ${esc(dmy(asOf))}; lập lúc ${esc(args.generatedAt)}.</p>
<div class="kpi"><div><b>${sum.readiness}%</b>Mức sẵn sàng</div><div><b>${sum.inOperation}/${sum.rows}</b>Đang vận hành</div><div><b>${sum.overdue}</b>Quá hạn</div><div><b>${sum.blocked}</b>Bị chặn</div><div><b>${changes.length}</b>Thay đổi trong tháng</div></div>
<h2>Theo giai đoạn</h2><table><tbody>${stageCells}</tbody></table>
<h2>Theo cơ quan chủ trì</h2><table><thead><tr><th>Cơ quan</th><th>Số hệ thống</th><th>Vận hành</th><th>Quá hạn</th><th>Sẵn sàng</th></tr></thead><tbody>${agencyRows}</tbody></table>
<h2>Chi tiết 24 hệ thống</h2><table><thead><tr>${header.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rowHtml}</tbody></table>
<h2>Thay đổi trong tháng</h2><ul>${changeHtml || '<li>Không có thay đổi.</li>'}</ul>
</body></html>`;
  return { province: profile.id, month, generatedAt: args.generatedAt, csv, html };
}
