import type { LifecycleDefinition } from '../../core/lifecycle.js';
import { foldVietnamese } from '../../core/text.js';
import type { TrangThaiHoSo } from './status.js';

/**
 * Which DVCQG status a central state implies for the province's dossier. While a central system holds a dossier
 * the province reports it as 4 (Đang xử lý); a result issued means 9 (Đã xử lý xong), a refusal 8 (Dừng xử lý).
 * Connectors named here say it exactly; any other stateful connector is read from its lifecycle (terminal states,
 * result builders and the state labels), so a new connector needs no code here — but that reading takes a final state
 * that builds a document for a result, and refusals often build one too (their reason): a connector whose statuses
 * the simulation drives is named here.
 */
const EXPLICIT: Record<string, Record<string, TrangThaiHoSo>> = {
  'ly-lich-tu-phap': { '3': '4', '4': '4', '5': '9', '7': '8' },
  // Hộ tịch: 0 (lỗi, không đăng ký được) builds its reason on entering, yet it is a refusal (8), not a result.
  'ho-tich': { '1': '4', '2': '5', '3': '4', '4': '9', '0': '8' },
  // Điện lực: 3 waits for documents (5); 4 waits for the customer's signature, still being handled (4); 7 is a refusal
  // with its reason (8); 8 (khách hàng hủy yêu cầu) is the citizen withdrawing (7).
  'dien-luc': { '1': '4', '2': '4', '3': '5', '4': '4', '5': '4', '6': '9', '7': '8', '8': '7' },
  // Mã số ĐVQHNS: the connector's own MaTrangThaiDVCQG (connectors/ma-so-ngan-sach/codes.ts); DA_BO_SUNG ("đã bổ
  // sung") is back in processing (4), not a request for documents.
  'ma-so-ngan-sach': { DA_TIEP_NHAN: '2', DANG_XU_LY: '4', YEU_CAU_BO_SUNG: '5', DA_BO_SUNG: '4', DA_CAP_MA: '9', TU_CHOI: '8', DA_RUT: '7' },
  // Thuế – đất đai: only 04 waits for the payment (6); once paid (05 đối soát, 06 nghĩa vụ hoàn thành) the dossier is
  // in processing again (4); 03 (cơ quan thuế trả hồ sơ) is a refusal (8) though it carries its reason; 08 a withdrawal (7).
  'lien-thong-thue-dat-dai': { '01': '4', '02': '4', '03': '8', '04': '6', '05': '4', '06': '4', '07': '9', '08': '7' },
  // Nhà ở hình thành trong tương lai counts with DVCQG's own codes, but the province received the dossier (2) before
  // handing it over: the Sở Xây dựng receiving it (1, 2) is processing (4), and its "không được tiếp nhận" (3), which
  // DVCQG allows only from 1, stops the dossier (8). 9 waits for the province to hand the result over (→ 10).
  'nha-o-hinh-thanh-tuong-lai': { '1': '4', '2': '4', '3': '8', '4': '4', '5': '5', '7': '7', '9': '9', '10': '10' },
  // Trợ giúp xã hội: 6 (không đủ điều kiện) builds its notice on entering, yet it is a refusal (8).
  'tro-giup-xa-hoi': { '1': '4', '2': '4', '3': '4', '4': '5', '5': '9', '6': '8', '7': '7' },
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
