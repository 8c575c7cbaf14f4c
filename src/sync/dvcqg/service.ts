import type { ValidateFunction } from 'ajv';
import type { Clock } from '../../core/clock.js';
import { NdxpError, type ErrorCode } from '../../core/errors.js';
import { canMove } from '../../core/lifecycle.js';
import type { SchemaSet } from '../../core/schema-compiler.js';
import { getCompiled, requestValidationError } from '../../core/schema-compiler.js';
import { nfcDeep } from '../../core/text.js';
import { dvcqgLifecycle, statusLabel, type TrangThaiHoSo } from './status.js';
import { pushDigest, type DvcqgHistoryEntry, type DvcqgHoSo, type DvcqgStore, type SyncKind } from './store.js';

/** The portal's reply: `{"error_code": "0", "message": …}`, non-zero on error (DOMAIN.md). */
export interface DvcqgReply {
  error_code: string;
  message: string;
  messageEn?: string;
  field?: string;
  MaHoSo?: string;
  TrangThaiHoSo?: string;
  requestId?: string;
}

/** error_code per refusal (documented in README "Status sync"). */
const ERROR_CODES: Partial<Record<ErrorCode, string>> = {
  VALIDATION_FAILED: '1',
  UNKNOWN_FIELD: '1',
  MALFORMED_JSON: '1',
  MALFORMED_XML: '1',
  XML_DTD_FORBIDDEN: '1',
  ILLEGAL_TRANSITION: '2',
  RECORD_NOT_FOUND: '3',
  CONFLICT: '4',
  TOKEN_MISSING: '100',
  TOKEN_INVALID: '100',
  TOKEN_EXPIRED: '100',
};

export function errorReply(err: NdxpError, requestId: string): DvcqgReply {
  return {
    error_code: ERROR_CODES[err.code] ?? String(err.status),
    message: err.messageVi,
    messageEn: err.messageEn,
    ...(err.field ? { field: err.field } : {}),
    requestId,
  };
}

export const SYNC_KINDS: SyncKind[] = ['DongBoHoSoMC', 'CapNhatTienDoHoSoMC'];

interface Validators {
  body: ValidateFunction;
  text: ValidateFunction;
}

const PROGRESS_FIELDS = ['ThoiDiemXuLy', 'NguoiXuLy', 'ChucDanh', 'PhongBanXuLy', 'NoiDungXuLy'] as const;

/** Validates and applies DVCQG pushes: fields by JSON Schema, moves by the status graph, repeats idempotently. */
export class DvcqgService {
  private readonly validators: Record<SyncKind, Validators>;

  constructor(schemas: SchemaSet, private readonly store: DvcqgStore, private readonly clock: Clock) {
    const load = (kind: SyncKind): Validators => ({
      body: getCompiled(schemas.strict, `dvcqg/v1/${kind}.request.schema.json`),
      text: getCompiled(schemas.coercing, `dvcqg/v1/${kind}.request.schema.json`),
    });
    this.validators = { DongBoHoSoMC: load('DongBoHoSoMC'), CapNhatTienDoHoSoMC: load('CapNhatTienDoHoSoMC') };
  }

  get(maHoSo: string) {
    return this.store.get(maHoSo);
  }

  /** Applies one push for a client's province; throws NdxpError on any refusal (the stored dossier is unchanged). */
  async push(kind: SyncKind, raw: Record<string, unknown>, client: { id: string; province: string }, textInput = false): Promise<DvcqgReply> {
    const input = textInput ? soapLists(nfcDeep(raw)) : nfcDeep(raw);
    const validate = textInput ? this.validators[kind].text : this.validators[kind].body;
    if (!validate(input)) throw requestValidationError(validate.errors);
    checkDates(kind, input);
    const maHoSo = String(input.MaHoSo);
    const to = String(input.TrangThaiHoSo);
    const digest = pushDigest(kind, input);
    for (let attempt = 0; attempt < 10; attempt++) {
      const current = await this.store.get(maHoSo);
      if (current && current.province !== client.province) {
        throw new NdxpError('CONFLICT', { field: 'MaHoSo', detailVi: `hồ sơ ${maHoSo} thuộc tỉnh khác`, detailEn: `dossier ${maHoSo} belongs to another province` });
      }
      if (current?.digests.includes(digest)) {
        return ok(current, 'Hồ sơ đã được đồng bộ trước đó, không có thay đổi', 'Already synchronised, nothing changed');
      }
      if (!current && kind === 'CapNhatTienDoHoSoMC') {
        throw new NdxpError('RECORD_NOT_FOUND', {
          field: 'MaHoSo',
          detailVi: `hồ sơ ${maHoSo} chưa được đồng bộ (gọi DongBoHoSoMC trước)`,
          detailEn: `dossier ${maHoSo} was never synchronised (call DongBoHoSoMC first)`,
        });
      }
      if (current && current.TrangThaiHoSo !== to && !canMove(dvcqgLifecycle, current.TrangThaiHoSo as TrangThaiHoSo, to as TrangThaiHoSo)) {
        const allowed = dvcqgLifecycle.moves[current.TrangThaiHoSo as TrangThaiHoSo] ?? [];
        throw new NdxpError('ILLEGAL_TRANSITION', {
          field: 'TrangThaiHoSo',
          detailVi: `không thể chuyển từ ${current.TrangThaiHoSo} (${statusLabel(current.TrangThaiHoSo)}) sang ${to} (${statusLabel(to)}); ` +
            (allowed.length ? `được phép: ${allowed.join(', ')}` : 'hồ sơ đã kết thúc'),
          detailEn: `cannot move from ${current.TrangThaiHoSo} to ${to}; allowed: ${allowed.join(', ') || 'none (final state)'}`,
          details: { from: current.TrangThaiHoSo, to, allowed },
        });
      }
      const at = this.clock.now().toISOString();
      const entry: DvcqgHistoryEntry = {
        seq: (current?.seq ?? 0) + 1,
        kind,
        from: current?.TrangThaiHoSo ?? null,
        to,
        at,
        ...(kind === 'CapNhatTienDoHoSoMC' ? pick(input, PROGRESS_FIELDS) : {}),
      };
      const { MaHoSo: _m, TrangThaiHoSo: _t, ...fields } = input;
      const next: DvcqgHoSo = {
        MaHoSo: maHoSo,
        province: client.province,
        clientId: client.id,
        TrangThaiHoSo: to,
        seq: entry.seq,
        createdAt: current?.createdAt ?? at,
        updatedAt: at,
        hoSo: kind === 'DongBoHoSoMC' ? fields : mergeProgress(current!.hoSo, input),
        history: [...(current?.history ?? []), entry],
        digests: [...(current?.digests ?? []), digest],
      };
      if (await this.store.save(next, current?.seq ?? 0)) {
        return current
          ? ok(next, 'Cập nhật hồ sơ thành công', 'Dossier updated')
          : ok(next, 'Đồng bộ hồ sơ thành công', 'Dossier synchronised');
      }
    }
    throw new NdxpError('CONFLICT', { field: 'MaHoSo', detailVi: 'hồ sơ đang được cập nhật đồng thời', detailEn: 'dossier is being updated concurrently' });
  }
}

const LIST_FIELDS = ['TaiLieuNop', 'DanhSachGiayToKetQua', 'DinhDanhCHS'];

/** In XML a list of one is a lone element: xml2js gives an object where the schema wants an array of them. */
function soapLists(input: Record<string, unknown>): Record<string, unknown> {
  const out = { ...input };
  for (const f of LIST_FIELDS) {
    const v = out[f];
    if (v && typeof v === 'object' && !Array.isArray(v)) out[f] = [v];
  }
  return out;
}

function ok(d: DvcqgHoSo, vi: string, en: string): DvcqgReply {
  return { error_code: '0', message: vi, messageEn: en, MaHoSo: d.MaHoSo, TrangThaiHoSo: d.TrangThaiHoSo };
}

function pick(input: Record<string, unknown>, keys: readonly string[]): Record<string, string> {
  return Object.fromEntries(keys.filter((k) => input[k] !== undefined).map((k) => [k, String(input[k])]));
}

/** A progress step may bring a new due date and result documents: the dossier keeps the latest. */
function mergeProgress(hoSo: Record<string, unknown>, step: Record<string, unknown>): Record<string, unknown> {
  return {
    ...hoSo,
    ...(step.NgayHenTra ? { NgayHenTra: step.NgayHenTra } : {}),
    ...(step.DanhSachGiayToKetQua ? { DanhSachGiayToKetQua: step.DanhSachGiayToKetQua } : {}),
  };
}

/** Cross-field date rules the schema cannot express (yyyyMMddHHmmss sorts as text). */
function checkDates(kind: SyncKind, input: Record<string, unknown>): void {
  if (kind !== 'DongBoHoSoMC') return;
  const received = String(input.NgayTiepNhan);
  for (const field of ['NgayHenTra', 'NgayKetThucXuLy', 'NgayTraKetQua']) {
    const v = input[field];
    if (typeof v === 'string' && v < received) {
      throw new NdxpError('VALIDATION_FAILED', {
        field,
        detailVi: `${field} (${v}) trước NgayTiepNhan (${received})`,
        detailEn: `${field} (${v}) is before NgayTiepNhan (${received})`,
      });
    }
  }
}
