import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import axios, { type AxiosInstance } from 'axios';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { contextOf } from './context.js';
import { table } from './output.js';

interface UserOptions {
  user?: string;
  password?: string;
  province?: string;
  url?: string;
}

/** Signs in with a rollout user (the API decides what that role may see and do). Passwords come from the env. */
async function session(cmd: Command): Promise<{ http: AxiosInstance; province: string }> {
  const o = cmd.optsWithGlobals<UserOptions>();
  const ctx = contextOf(cmd);
  const province = o.province ?? process.env.PROVINCE ?? 'an-giang';
  const username = o.user ?? process.env.NDXP_USER ?? `admin.${province}`;
  const password = o.password ?? process.env.NDXP_PASSWORD ?? process.env.DEMO_ADMIN_PASSWORD ?? 'admin-sandbox-2025';
  const http = axios.create({ baseURL: ctx.url, validateStatus: () => true, timeout: 60_000 });
  const login = await http.post('/api/auth/login', { username, password });
  if (login.status !== 200) throw new Error(`sign-in as ${username}: ${apiMessage(login.data, login.status)}`);
  http.defaults.headers.common.Authorization = `Bearer ${login.data.token}`;
  return { http, province };
}

function apiMessage(body: any, status: number): string {
  const e = body?.error;
  return e ? `${e.code} (${status}): ${e.message}${e.field ? ` [${e.field}]` : ''}${e.details?.missing ? `\n  thiếu / missing:\n  - ${e.details.missing.map((m: any) => m.vi ?? m.message ?? JSON.stringify(m)).join('\n  - ')}` : ''}` : `HTTP ${status}`;
}

function ensureOk(res: { status: number; data: any }): any {
  if (res.status >= 400) throw new Error(apiMessage(res.data, res.status));
  return res.data;
}

const rowsPath = (p: string) => `/api/rollout/provinces/${encodeURIComponent(p)}`;

/** `rollout status|move|import|export` and `report monthly`: the Sở's spreadsheet work from a terminal. */
export function addRolloutCommands(program: Command): void {
  const rollout = program
    .command('rollout')
    .description('rollout tracker (sign-in: --user, env NDXP_USER / NDXP_PASSWORD; default the demo Sở admin)')
    .option('--user <username>', 'rollout user (default admin.<province>)')
    .option('--province <id>', 'province (default PROVINCE or an-giang)');

  rollout
    .command('status')
    .description('stage, lead agency, deadline and lateness of every connector you may see')
    .option('--overdue', 'only overdue rows')
    .action(async (opts: { overdue?: boolean }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { http, province } = await session(cmd);
      const data = ensureOk(await http.get(`${rowsPath(province)}/rows`, { params: opts.overdue ? { overdue: 'true' } : {} }));
      const summary = ensureOk(await http.get(`${rowsPath(province)}/summary`));
      const rows = data.rows.map((r: any) => ({
        connector: r.connector, stage: r.stageLabel, lead: r.lead.map((a: any) => a.name).join('; '), deadline: r.deadline,
        late: r.daysLate || '', flags: [r.blocked ? `bị chặn: ${r.blocked.reason ?? ''}` : '', r.suspended ? 'tạm dừng' : ''].filter(Boolean).join(' '),
      }));
      ctx.out.print({ ...data, summary }, () => `${table(rows, ['connector', 'stage', 'lead', 'deadline', 'late', 'flags'])}\n\nMức sẵn sàng / readiness: ${summary.readiness}% · vận hành ${summary.inOperation}/${summary.rows} · quá hạn ${summary.overdue}`);
    });

  rollout
    .command('move <connector> <stage>')
    .description('move a row to a stage (evidence gates apply; --override with --reason for a Sở admin)')
    .option('--reason <text>', 'why (required to go back or override)')
    .option('--override', 'admin override of the order or the gate')
    .action(async (connector: string, stage: string, opts: { reason?: string; override?: boolean }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { http, province } = await session(cmd);
      const body = { to: stage, ...(opts.reason ? { reason: opts.reason } : {}), ...(opts.override ? { override: true } : {}) };
      const out = ensureOk(await http.post(`${rowsPath(province)}/rows/${encodeURIComponent(connector)}/moves`, body));
      ctx.out.print(out, () => `${connector}: ${out.row.stageLabel}`);
    });

  rollout
    .command('export')
    .description('export the tracking sheet')
    .option('--format <csv|xlsx>', 'file format', 'csv')
    .option('--out <file>', 'file (default: the name the server gives, in this folder)')
    .action(async (opts: { format: string; out?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { http, province } = await session(cmd);
      const res = await http.get(`${rowsPath(province)}/export`, { params: { format: opts.format }, responseType: 'arraybuffer' });
      if (res.status >= 400) ensureOk({ status: res.status, data: JSON.parse(Buffer.from(res.data).toString('utf8')) });
      const name = /filename="?([^";]+)"?/.exec(String(res.headers['content-disposition'] ?? ''))?.[1] ?? `theo-doi-ndxp-${province}.${opts.format}`;
      const file = path.resolve(opts.out ?? name);
      await writeFile(file, Buffer.from(res.data));
      ctx.out.print({ file, bytes: res.data.byteLength }, () => `wrote ${file}`);
    });

  rollout
    .command('import <file>')
    .description('import a tracking sheet (CSV or XLSX, the export layout); prints the per-row report')
    .option('--dry-run', 'check only, change nothing')
    .option('--reason <text>', 'audit reason')
    .action(async (file: string, opts: { dryRun?: boolean; reason?: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { http, province } = await session(cmd);
      const data = await readFile(file);
      const type = file.toLowerCase().endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv';
      const report = ensureOk(await http.post(`${rowsPath(province)}/import`, data, {
        headers: { 'content-type': type }, params: { ...(opts.dryRun ? { dryRun: 'true' } : {}), ...(opts.reason ? { reason: opts.reason } : {}) },
      }));
      const rejected = (report.rows ?? []).filter((r: any) => r.status === 'rejected');
      const problems = rejected.flatMap((r: any) => (r.problems ?? []).map((p: any) => ({ line: r.line, connector: r.connector ?? '', column: p.column, reason: p.vi })));
      ctx.out.print(report, () =>
        `${report.dryRun ? '(thử / dry run) ' : ''}áp dụng ${report.applied} · không đổi ${report.unchanged} · từ chối ${report.rejected}` +
        (problems.length ? `\n${table(problems, ['line', 'connector', 'column', 'reason'])}` : ''));
      if (rejected.length) process.exitCode = 1;
    });

  program
    .command('report')
    .description('reports')
    .command('monthly')
    .description('build the monthly readiness report (CSV + printable HTML) on the reports queue and download it')
    .option('--month <yyyy-mm>', 'month (default: this month)', new Date().toISOString().slice(0, 7))
    .option('--user <username>', 'rollout user')
    .option('--province <id>', 'province')
    .option('--out <dir>', 'folder for the files', '.')
    .action(async (opts: { month: string; out: string }, cmd: Command) => {
      const ctx = contextOf(cmd);
      const { http, province } = await session(cmd);
      const bar = !ctx.out.json && process.stderr.isTTY ? new cliProgress.SingleBar({ stream: process.stderr, format: ' {bar} {value}/{total} {step}' }, cliProgress.Presets.shades_classic) : undefined;
      bar?.start(3, 0, { step: 'lập báo cáo / building' });
      const made = ensureOk(await http.post(`${rowsPath(province)}/reports`, { month: opts.month }));
      const files: string[] = [];
      for (const [i, url] of [made.csv, made.html].entries()) {
        bar?.update(i + 1, { step: `tải / downloading ${path.basename(url)}` });
        const res = await http.get(url, { responseType: 'arraybuffer' });
        if (res.status >= 400) throw new Error(`${url}: HTTP ${res.status}`);
        const file = path.resolve(opts.out, `bao-cao-${province}-${path.basename(url)}`);
        await writeFile(file, Buffer.from(res.data));
        files.push(file);
      }
      bar?.update(3, { step: 'xong / done' });
      bar?.stop();
      ctx.out.print({ ...made, files }, () => files.map((f) => `wrote ${f}`).join('\n'));
    });

  program
    .command('dossiers')
    .description('dossiers of the stateful connectors')
    .command('simulate')
    .description('scripted TTHC system run: N dossiers, webhooks, DVCQG sync, 100% sync rate check (same as npm run simulate)')
    .allowUnknownOption(true)
    .helpOption(false)
    .action(async (_o, cmd: Command) => {
      // The simulation is its own program (src/simulate/cli.ts) with its own options: hand the arguments over.
      process.argv = [process.argv[0]!, 'simulate', ...cmd.args];
      await import('../simulate/cli.js');
    });
}
