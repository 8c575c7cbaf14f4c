import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLUMNS, parseDay, parseStage } from '../../src/rollout/spreadsheet.js';
import { startTestSim, type TestSim } from '../helpers/sim.js';
import { FAST_HASH, signIn } from '../helpers/rollout.js';

let t: TestSim;
let admin: { Authorization: string };
const AG = '/api/rollout/provinces/an-giang';
const csvHeaders = (h: { Authorization: string }) => ({ ...h, 'content-type': 'text/csv' });

beforeAll(async () => {
  t = await startTestSim('rollout-sheet', {}, FAST_HASH);
  admin = await signIn(t.http, 'admin.an-giang');
});
afterAll(async () => {
  await t?.close();
});

async function exportCsv(h = admin): Promise<string[][]> {
  const res = await t.http.get(`${AG}/export`, { headers: h, params: { format: 'csv' }, responseType: 'text', transformResponse: (x) => x });
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toMatch(/text\/csv/);
  expect(res.headers['content-disposition']).toMatch(/attachment; filename="?theo-doi-ndxp-an-giang-/);
  return parse(res.data, { bom: true });
}
const toCsvText = (rows: string[][]) => rows.map((r) => r.map((c) => `"${String(c).replace(/"/g, '""')}"`).join(',')).join('\n');

describe('tracking spreadsheet import/export', () => {
  it('reads stages by label or code and days as dd/MM/yyyy or ISO, refusing impossible dates', () => {
    expect(parseStage('Vận hành')).toBe('van-hanh');
    expect(parseStage('van hanh')).toBe('van-hanh');
    expect(parseStage('kiem-thu')).toBe('kiem-thu');
    expect(parseStage('xong')).toBeUndefined();
    expect(parseDay('31/03/2025')).toBe('2025-03-31');
    expect(parseDay('1/4/2025')).toBe('2025-04-01');
    expect(parseDay('2025-03-31')).toBe('2025-03-31');
    expect(parseDay('31/02/2025')).toBeUndefined();
  });

  it('a CSV round-trips: the exported sheet imports back with nothing changed', async () => {
    const rows = await exportCsv();
    expect(rows[0]).toEqual(COLUMNS.map((c) => c.vi));
    expect(rows).toHaveLength(25);
    expect(rows[1]!.slice(0, 6)).toEqual(['1', 'dang-ky-doanh-nghiep', 'Cơ sở dữ liệu quốc gia về Đăng ký doanh nghiệp', 'Sở Tài chính', 'Sở Khoa học và Công nghệ', 'Chưa triển khai']);
    expect(rows[1]![6]).toBe('31/03/2025');
    const res = await t.http.post(`${AG}/import`, toCsvText(rows), { headers: csvHeaders(admin) });
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({ applied: 0, unchanged: 24, rejected: 0 });
  });

  it('applies changed rows (audited as import) and reports each rejected row with its column and reason', async () => {
    const rows = await exportCsv();
    const header = rows[0]!;
    const gia = rows.find((r) => r[1] === 'gia')!;
    gia[5] = 'Đăng ký';
    gia[6] = '30/06/2025';
    gia[7] = 'Chờ Bộ Tài chính cấp tài khoản';
    const bad = [
      ['99', 'khong-co-he-thong', '', '', '', 'Đăng ký', '', '', '', '', '', ''],
      ['', 'dan-cu', '', '', '', 'Gần xong', '31/02/2025', '', '', '', '', ''],
      ['7', 'gia', '', '', '', 'Vận hành', '', '', '', '', '', ''],
    ];
    const dry = await t.http.post(`${AG}/import`, toCsvText([header, gia, ...bad]), { headers: csvHeaders(admin), params: { dryRun: 'true' } });
    expect(dry.data).toMatchObject({ dryRun: true, applied: 1, rejected: 3 });
    expect((await t.sim.rollout.service.store.getRow('an-giang', 'gia'))!.stage).toBe('chua-trien-khai');

    const res = await t.http.post(`${AG}/import`, toCsvText([header, gia, ...bad]), { headers: csvHeaders(admin), params: { reason: 'Nhập bảng theo dõi tháng 5' } });
    expect(res.data).toMatchObject({ applied: 1, unchanged: 0, rejected: 3 });
    const byLine = Object.fromEntries(res.data.rows.map((r: any) => [r.line, r]));
    expect(byLine[2]).toMatchObject({ connector: 'gia', status: 'applied', changes: { to: { stage: 'dang-ky', deadline: '2025-06-30', blocked: 'Chờ Bộ Tài chính cấp tài khoản' } } });
    expect(byLine[3].problems[0]).toMatchObject({ column: 'Mã hệ thống', vi: 'không có hệ thống "khong-co-he-thong"' });
    expect(byLine[4].problems.map((p: any) => p.column)).toEqual(['Giai đoạn', 'Hạn hoàn thành']);
    expect(byLine[5].problems[0].vi).toBe('trùng với dòng 2');
    const row = (await t.sim.rollout.service.store.getRow('an-giang', 'gia'))!;
    expect(row).toMatchObject({ stage: 'dang-ky', deadline: '2025-06-30', blocked: { reason: 'Chờ Bộ Tài chính cấp tài khoản', by: 'admin.an-giang' } });
    const audit = await t.http.get(`${AG}/rows/gia/audit`, { headers: admin });
    expect(audit.data.entries[0]).toMatchObject({ action: 'import', by: 'admin.an-giang', reason: 'Nhập bảng theo dõi tháng 5', from: { stage: 'chua-trien-khai' }, to: { stage: 'dang-ky' } });
  });

  it('refuses a file without the key column as a whole, naming the file', async () => {
    const res = await t.http.post(`${AG}/import`, 'a,b\n1,2\n', { headers: csvHeaders(admin) });
    expect(res.status).toBe(400);
    expect(res.data.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'file' });
    expect(res.data.error.message).toMatch(/Mã hệ thống/);
  });

  it('an XLSX round-trips too, and an edited cell is applied', async () => {
    const res = await t.http.get(`${AG}/export`, { headers: admin, params: { format: 'xlsx' }, responseType: 'arraybuffer' });
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    const xlsx = Buffer.from(res.data);
    const xhead = { ...admin, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
    expect((await t.http.post(`${AG}/import`, xlsx, { headers: xhead })).data).toMatchObject({ applied: 0, unchanged: 24, rejected: 0 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.data);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, ...COLUMNS.map((c) => c.vi)]);
    const line = [...Array(ws.rowCount).keys()].map((i) => i + 1).find((i) => ws.getRow(i).getCell(2).value === 'dien-luc')!;
    ws.getRow(line).getCell(10).value = 'Điện lực đã có văn bản đăng ký';
    const edited = Buffer.from(await wb.xlsx.writeBuffer());
    const out = await t.http.post(`${AG}/import`, edited, { headers: xhead });
    expect(out.data).toMatchObject({ applied: 1, rejected: 0 });
    expect((await t.sim.rollout.service.store.getRow('an-giang', 'dien-luc'))!.note).toBe('Điện lực đã có văn bản đăng ký');
  });

  it('a lead agency exports only its own rows', async () => {
    const rows = await exportCsv(await signIn(t.http, 'cong-an.an-giang'));
    expect(rows.slice(1).map((r) => r[1]).sort()).toEqual(['dan-cu', 'dinh-danh-dien-tu', 'giay-phep-lai-xe']);
  });

  it('builds the monthly report through the reports queue: CSV and a printable HTML page', async () => {
    const month = new Date().toISOString().slice(0, 7);
    const made = await t.http.post(`${AG}/reports`, { month }, { headers: admin });
    expect(made.status).toBe(201);
    expect(made.data).toMatchObject({ province: 'an-giang', month, csv: `${AG}/reports/${month}.csv` });
    expect(made.data.jobId).toBeTruthy();
    const csv = await t.http.get(made.data.csv, { headers: admin, responseType: 'text', transformResponse: (x) => x });
    const lines = parse(csv.data, { bom: true }) as string[][];
    expect(lines).toHaveLength(25);
    const gia = lines.find((l) => l[1] === 'gia')!;
    expect(gia[4]).toBe('Đăng ký');
    expect(Number(gia[9])).toBeGreaterThanOrEqual(1);
    const html = await t.http.get(made.data.html, { headers: admin, responseType: 'text', transformResponse: (x) => x });
    expect(html.headers['content-type']).toMatch(/text\/html/);
    expect(html.data).toContain('<html lang="vi">');
    expect(html.data).toContain('@media print');
    expect(html.data).toContain('Chờ Bộ Tài chính cấp tài khoản');
    expect((await t.http.get(`${AG}/reports/2024-01.csv`, { headers: admin })).status).toBe(404);
    expect((await t.http.post(`${AG}/reports`, { month: '2025-13' }, { headers: admin })).data.error.field).toBe('month');
  });
});
