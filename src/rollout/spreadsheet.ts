/**
 * The tracking spreadsheet (CSV and XLSX): one documented column layout for export and import, and the per-row
 * checks of an import. Headers are matched by their Vietnamese title or English key, diacritics and case ignored.
 */
import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import { foldVietnamese, nfc } from '../core/text.js';
import { STAGES, STAGE_LABELS, isStage, type Stage } from './stages.js';

export interface Column {
  key: 'stt' | 'connector' | 'name' | 'lead' | 'coordinating' | 'stage' | 'deadline' | 'blocked' | 'suspended' | 'note' | 'daysLate' | 'updatedAt';
  vi: string;
  /** Read back on import (the others are computed or come from the province profile). */
  imported: boolean;
  doc: string;
}

/** The column layout, in order (README "Rollout tracker" documents the same list). */
export const COLUMNS: Column[] = [
  { key: 'stt', vi: 'STT', imported: false, doc: 'số thứ tự trong Phụ lục (1–24)' },
  { key: 'connector', vi: 'Mã hệ thống', imported: true, doc: 'mã connector, ví dụ dang-ky-doanh-nghiep (bắt buộc khi nhập; nếu trống thì dùng STT)' },
  { key: 'name', vi: 'Tên hệ thống', imported: false, doc: 'tên CSDL/hệ thống' },
  { key: 'lead', vi: 'Cơ quan chủ trì', imported: false, doc: 'tên hiện nay, cách nhau bởi “; ”' },
  { key: 'coordinating', vi: 'Cơ quan phối hợp', imported: false, doc: 'tên hiện nay, cách nhau bởi “; ”' },
  { key: 'stage', vi: 'Giai đoạn', imported: true, doc: 'Chưa triển khai | Đăng ký | Cấp quyền | Tích hợp | Kiểm thử | Vận hành (hoặc mã: chua-trien-khai…)' },
  { key: 'deadline', vi: 'Hạn hoàn thành', imported: true, doc: 'dd/MM/yyyy (cũng nhận yyyy-MM-dd hoặc ô ngày của Excel)' },
  { key: 'blocked', vi: 'Bị chặn (lý do)', imported: true, doc: 'trống = không bị chặn; có nội dung = bị chặn với lý do đó' },
  { key: 'suspended', vi: 'Tạm dừng (lý do)', imported: true, doc: 'trống = không tạm dừng; có nội dung = tạm dừng với lý do đó' },
  { key: 'note', vi: 'Ghi chú', imported: true, doc: 'ghi chú tự do' },
  { key: 'daysLate', vi: 'Số ngày quá hạn', imported: false, doc: 'tính tự động' },
  { key: 'updatedAt', vi: 'Cập nhật lúc', imported: false, doc: 'thời điểm thay đổi gần nhất (ISO 8601)' },
];

export type SheetRow = Partial<Record<Column['key'], string>>;

export interface SheetRowInput {
  stt: number;
  connector: string;
  name: string;
  lead: string[];
  coordinating: string[];
  stage: Stage;
  deadline: string;
  blocked?: string;
  suspended?: string;
  note?: string;
  daysLate: number;
  updatedAt: string;
}

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

function toCells(r: SheetRowInput): Record<Column['key'], string | number> {
  return {
    stt: r.stt, connector: r.connector, name: r.name, lead: r.lead.join('; '), coordinating: r.coordinating.join('; '),
    stage: STAGE_LABELS[r.stage].vi, deadline: dmy(r.deadline), blocked: r.blocked ?? '', suspended: r.suspended ?? '', note: r.note ?? '',
    daysLate: r.daysLate, updatedAt: r.updatedAt,
  };
}

/** CSV with a UTF-8 BOM so Excel opens the Vietnamese text correctly. */
export function toCsv(rows: SheetRowInput[]): string {
  return '\ufeff' + stringifyCsv([COLUMNS.map((c) => c.vi), ...rows.map((r) => { const cells = toCells(r); return COLUMNS.map((c) => cells[c.key]); })]);
}

export async function toXlsx(rows: SheetRowInput[], title: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'NDXP Gateway Simulator';
  const ws = wb.addWorksheet(title.slice(0, 31));
  ws.columns = COLUMNS.map((c) => ({ header: c.vi, key: c.key, width: c.key === 'name' ? 60 : c.key === 'connector' ? 28 : 20 }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of rows) ws.addRow(toCells(r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const HEADER_INDEX = new Map<string, Column['key']>(COLUMNS.flatMap((c) => [[foldVietnamese(c.vi), c.key], [c.key.toLowerCase(), c.key]] as Array<[string, Column['key']]>));

export class SheetError extends Error {
  override name = 'SheetError';
}

function byHeaders(header: string[], records: string[][]): Array<{ line: number; row: SheetRow }> {
  const keys = header.map((h) => HEADER_INDEX.get(foldVietnamese(h)));
  if (!keys.includes('connector') && !keys.includes('stt')) {
    throw new SheetError('thiếu cột "Mã hệ thống" (hoặc "STT") ở dòng tiêu đề / header row lacks "Mã hệ thống" (or "STT")');
  }
  return records
    .map((cells, i) => {
      const row: SheetRow = {};
      cells.forEach((v, j) => {
        const k = keys[j];
        if (k) row[k] = nfc(String(v ?? '')).trim();
      });
      return { line: i + 2, row };
    })
    .filter(({ row }) => Object.values(row).some((v) => v));
}

export function parseCsvSheet(text: string): Array<{ line: number; row: SheetRow }> {
  let records: string[][];
  try {
    records = parseCsv(text, { bom: true, relax_column_count: true, skip_empty_lines: true });
  } catch (e) {
    throw new SheetError(`CSV không đọc được / unreadable CSV: ${(e as Error).message.slice(0, 200)}`);
  }
  const [header, ...rest] = records;
  if (!header) throw new SheetError('tệp trống / empty file');
  return byHeaders(header, rest);
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    return '';
  }
  return String(v);
}

export async function parseXlsxSheet(data: Buffer): Promise<Array<{ line: number; row: SheetRow }>> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    throw new SheetError(`XLSX không đọc được / unreadable XLSX: ${(e as Error).message.slice(0, 200)}`);
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new SheetError('tệp không có trang tính / no worksheet');
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    const values = row.values as ExcelJS.CellValue[];
    rows.push(values.slice(1).map(cellText));
  });
  const [header, ...rest] = rows;
  if (!header) throw new SheetError('trang tính trống / empty worksheet');
  return byHeaders(header, rest);
}

/** XLSX files are ZIP archives ("PK"); anything else is read as CSV text. */
export async function parseSheet(data: Buffer): Promise<Array<{ line: number; row: SheetRow }>> {
  if (data.length >= 2 && data[0] === 0x50 && data[1] === 0x4b) return parseXlsxSheet(data);
  return parseCsvSheet(data.toString('utf8'));
}

export interface RowProblem {
  column: string;
  vi: string;
  en: string;
}

/** What one sheet row asks for, checked; `problems` non-empty means the row is rejected. */
export interface RowIntent {
  line: number;
  connector?: string;
  stage?: Stage;
  deadline?: string;
  blocked?: string | null;
  suspended?: string | null;
  note?: string;
  problems: RowProblem[];
}

const STAGE_BY_FOLDED = new Map<string, Stage>(STAGES.flatMap((s) => [[foldVietnamese(STAGE_LABELS[s].vi), s], [s, s]] as Array<[string, Stage]>));

export function parseStage(v: string): Stage | undefined {
  const f = foldVietnamese(v);
  return isStage(f) ? f : STAGE_BY_FOLDED.get(f);
}

/** dd/MM/yyyy or yyyy-MM-dd (a real calendar day) → yyyy-MM-dd. */
export function parseDay(v: string): string | undefined {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v) ?? null;
  const iso = m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined;
  if (!iso) return undefined;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : undefined;
}

const col = (key: Column['key']) => COLUMNS.find((c) => c.key === key)!.vi;

/** Checks every row on its own and against the others (unknown system, duplicates, bad stage or date). */
export function readIntents(rows: Array<{ line: number; row: SheetRow }>, systems: Array<{ id: string; stt: number }>): RowIntent[] {
  const byId = new Set(systems.map((s) => s.id));
  const bySt = new Map(systems.map((s) => [String(s.stt), s.id]));
  const seen = new Map<string, number>();
  return rows.map(({ line, row }) => {
    const problems: RowProblem[] = [];
    const connector = row.connector ? row.connector : row.stt ? bySt.get(row.stt) : undefined;
    if (!connector) problems.push({ column: col('connector'), vi: 'thiếu mã hệ thống (và STT không khớp)', en: 'system code missing (and STT does not match)' });
    else if (!byId.has(connector)) problems.push({ column: col('connector'), vi: `không có hệ thống "${connector}"`, en: `no system "${connector}"` });
    else if (seen.has(connector)) problems.push({ column: col('connector'), vi: `trùng với dòng ${seen.get(connector)}`, en: `duplicates line ${seen.get(connector)}` });
    if (connector && !seen.has(connector)) seen.set(connector, line);
    const intent: RowIntent = { line, ...(connector ? { connector } : {}), problems };
    if (row.stage !== undefined && row.stage !== '') {
      const stage = parseStage(row.stage);
      if (!stage) problems.push({ column: col('stage'), vi: `giai đoạn "${row.stage}" không hợp lệ`, en: `unknown stage "${row.stage}"` });
      else intent.stage = stage;
    }
    if (row.deadline !== undefined && row.deadline !== '') {
      const day = parseDay(row.deadline);
      if (!day) problems.push({ column: col('deadline'), vi: `ngày "${row.deadline}" không hợp lệ (cần dd/MM/yyyy)`, en: `invalid date "${row.deadline}" (dd/MM/yyyy)` });
      else intent.deadline = day;
    }
    for (const key of ['blocked', 'suspended'] as const) {
      if (row[key] === undefined) continue;
      const v = row[key]!;
      if (v && v.length < 3) problems.push({ column: col(key), vi: 'lý do quá ngắn (tối thiểu 3 ký tự)', en: 'reason too short (3 characters at least)' });
      else intent[key] = v || null;
    }
    if (row.note !== undefined) {
      if (row.note.length > 2000) problems.push({ column: col('note'), vi: 'ghi chú dài quá 2000 ký tự', en: 'note longer than 2000 characters' });
      else intent.note = row.note;
    }
    return intent;
  });
}
