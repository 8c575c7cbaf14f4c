/** Errors several connectors raise the same way (always from the catalog in src/core/errors.ts). */
import { NdxpError } from '../../src/core/errors.js';

/** 400 naming the field, with the rule in both languages. */
export const invalid = (field: string, vi: string, en: string) =>
  new NdxpError('VALIDATION_FAILED', { field, detailVi: `${field}: ${vi}`, detailEn: `${field}: ${en}` });

interface Current {
  /** What the record is, as the message names it: "đơn EG…VN" / "order EG…VN". */
  vi: string;
  en: string;
  status: string;
  label: string;
}

/** 409: a seeded (historical) record is read-only; a repeated step on it is answered before this is reached. */
export const finished = (r: Current, to: string) =>
  new NdxpError('ILLEGAL_TRANSITION', {
    field: 'TrangThai',
    detailVi: `${r.vi} đã kết thúc (${r.label})`,
    detailEn: `${r.en} is finished (${r.status})`,
    details: { from: r.status, to, allowed: [] },
  });

/** 409: a province step that only makes sense from one state (the lifecycle alone would allow more moves). */
export const notFrom = (r: Current, needed: { status: string; label: string }, to: string) =>
  new NdxpError('ILLEGAL_TRANSITION', {
    field: 'TrangThai',
    detailVi: `${r.vi} đang ở ${r.status} (${r.label}); chỉ thực hiện được khi ở ${needed.status} (${needed.label})`,
    detailEn: `${r.en} is in ${r.status}; this step needs ${needed.status}`,
    details: { from: r.status, to, allowed: [] },
  });
