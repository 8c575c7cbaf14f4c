import type { LifecycleDefinition } from '../../core/lifecycle.js';
import { foldVietnamese } from '../../core/text.js';
import type { TrangThaiHoSo } from './status.js';

/**
 * Which DVCQG status a central state implies for the province's dossier. While a central system holds a dossier
 * the province reports it as 4 (Đang xử lý); a result issued means 9 (Đã xử lý xong), a refusal 8 (Dừng xử lý).
 * Connectors named here say it exactly; any other stateful connector is read from its lifecycle (terminal states,
 * result builders and the state labels), so a new connector needs no code here.
 */
const EXPLICIT: Record<string, Record<string, TrangThaiHoSo>> = {
  'ly-lich-tu-phap': { '3': '4', '4': '4', '5': '9', '7': '8' },
};

export function expectedDvcqgStatus(connectorId: string, lc: LifecycleDefinition | undefined, status: string): TrangThaiHoSo {
  const explicit = EXPLICIT[connectorId]?.[status];
  if (explicit) return explicit;
  const state = lc?.states[status];
  const label = foldVietnamese(`${state?.label ?? ''}`);
  if (label.includes('bo sung')) return '5';
  if (/nghia vu tai chinh|nop thue|thong bao thue|nop phi|nop tien/.test(label)) return '6';
  if (label.includes('rut ho so')) return '7';
  if (state?.terminal) return lc?.onEnter?.[status] ? '9' : '8';
  return '4';
}

/** In step: the same status, or already a step further on the same path (9 reported, then 10 after returning). */
export function inSync(expected: TrangThaiHoSo, reported: string | undefined): boolean {
  if (reported === undefined) return false;
  return reported === expected || (expected === '9' && reported === '10');
}
