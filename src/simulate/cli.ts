/**
 * `npm run simulate [-- --dossiers 60 --no-faults --seed 7]`: a scripted TTHC system against a fresh simulator
 * (its own Redis key prefix, removed at the end), with a progress bar and a summary table.
 */
import { SingleBar, Presets } from 'cli-progress';
import { Command } from 'commander';
import { runSimulation, type SimulationStats } from './simulation.js';

const program = new Command()
  .name('simulate')
  .description('Mô phỏng Hệ thống TTHC: hồ sơ liên thông, webhook trạng thái, đồng bộ DVCQG / scripted TTHC system run')
  .option('-n, --dossiers <n>', 'number of dossiers', (v) => Number.parseInt(v, 10), 60)
  .option('--no-faults', 'run without injected faults')
  .option('--seed <n>', 'seed of the injected faults', (v) => Number.parseInt(v, 10), 20250312)
  .option('--keep', 'keep the run’s Redis keys')
  .parse();
const o = program.opts<{ dossiers: number; faults: boolean; seed: number; keep?: boolean }>();
if (!Number.isInteger(o.dossiers) || o.dossiers < 1 || o.dossiers > 9999) {
  process.stderr.write('--dossiers must be a whole number 1–9999\n');
  process.exit(2);
}

const bar = new SingleBar({ format: ' {bar} {value}/{total} hồ sơ xong | sự kiện {events} | lỗi giả lập {faults} | {duration}s', hideCursor: true }, Presets.shades_classic);
bar.start(o.dossiers, 0, { events: 0, faults: 0 });
const onProgress = (done: number, _total: number, s: SimulationStats) => bar.update(done, { events: s.eventsApplied, faults: s.receiverFaults });

const table = (rows: Array<[string, string | number]>) => {
  const w = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `  ${k.padEnd(w)}  ${String(v).padStart(8)}`).join('\n');
};

try {
  const { stats: s, reconciliation: r, elapsedMs } = await runSimulation({ dossiers: o.dossiers, faults: o.faults, seed: o.seed, keep: o.keep, onProgress });
  bar.update(s.finished);
  bar.stop();
  process.stdout.write(`\nKết quả mô phỏng / summary (${(elapsedMs / 1000).toFixed(1)} s)\n`);
  process.stdout.write(`${table([
    ['Hồ sơ / dossiers', s.dossiers],
    ...Object.entries(s.byConnector).map(([c, n]) => [`  ${c}`, n] as [string, number]),
    ['Hồ sơ kết thúc / finished', s.finished],
    ['  bị từ chối (kịch bản) / refused by scenario', s.centralRefusals],
    ['  công dân rút hồ sơ / withdrawn', s.withdrawn],
    ['Bước phía tỉnh / province steps', Object.values(s.provinceSteps).reduce((a, n) => a + n, 0)],
    ...Object.entries(s.provinceSteps).map(([k, n]) => [`  ${k}`, n] as [string, number]),
    ['Sự kiện ghi nhận / events recorded by the gateway', s.eventsEmitted],
    ['Sự kiện nhận (1 lần) / events applied once', s.eventsApplied],
    ['Yêu cầu webhook / webhook requests', s.webhookRequests],
    ['  lỗi giả lập tại bên nhận / receiver faults', s.receiverFaults],
    ['  trùng lặp đã loại / duplicates deduplicated', s.duplicatesDeduped],
    ['  sai thứ tự / out of order', s.outOfOrder],
    ['  sai chữ ký / bad signatures', s.badSignatures],
    ['Thư chết gửi lại / dead letters replayed', s.deadLettersReplayed],
    ['Lỗi upstream đã thử lại / upstream errors retried', s.upstreamErrorsRetried],
    ['DVCQG: chấp nhận / accepted', s.dvcqgAccepted],
    ['DVCQG: gửi lặp (idempotent) / repeats', s.dvcqgIdempotentRepeats],
    ['DVCQG: chuyển sai bị từ chối / illegal refused', s.dvcqgIllegalRefused],
  ])}\n\n`);
  process.stdout.write('Tỷ lệ đồng bộ DVCQG / sync rate\n');
  process.stdout.write(`${table([
    ...Object.entries(r.byConnector).map(([c, t]) => [`  ${c} (${t.synced}/${t.total})`, `${t.rate ?? '-'}%`] as [string, string]),
    [`Tỉnh ${r.province} (${r.synced}/${r.total})`, `${r.rate ?? '-'}%`],
  ])}\n`);
  for (const [c, why] of Object.entries(s.leftOut)) process.stdout.write(`\nKhông mô phỏng / not driven: ${c}: ${why}\n`);
  if (s.errors.length) process.stdout.write(`\nLỗi / errors:\n  ${s.errors.slice(0, 10).join('\n  ')}\n`);
  const ok = r.rate === 100 && !s.errors.length && s.finished === s.dossiers && s.outOfOrder === 0 && s.eventsApplied === s.eventsEmitted;
  process.stdout.write(ok ? '\nĐồng bộ 100% / 100% synchronised\n' : '\nChưa đạt 100% / not fully synchronised\n');
  process.exit(ok ? 0 : 1);
} catch (e) {
  bar.stop();
  process.stderr.write(`\nMô phỏng thất bại / simulation failed: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
}
