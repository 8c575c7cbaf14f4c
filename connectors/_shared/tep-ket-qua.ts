/**
 * A result file (giấy tờ kết quả) as the central systems hand it back: name, media type, content in base64 and its
 * SHA-256. The content is simulated UTF-8 text standing in for the signed PDF (no real PDF, no digital signature).
 */
import { sha256Hex } from './hash.js';

export interface TepKetQua {
  TenTep: string;
  DinhDang: 'application/pdf';
  NoiDungBase64: string;
  MaHash: string;
}

export const CHU_THICH_MO_PHONG = '(Bản mô phỏng của NDXP Gateway Simulator, không có giá trị pháp lý)';

export function taoTepKetQua(tenTep: string, lines: string[]): TepKetQua {
  const bytes = Buffer.from(
    ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', ...lines, CHU_THICH_MO_PHONG].join('\n').normalize('NFC'),
    'utf8',
  );
  return { TenTep: tenTep, DinhDang: 'application/pdf', NoiDungBase64: bytes.toString('base64'), MaHash: sha256Hex(bytes) };
}
