/**
 * A result document's attached file (tệp kết quả) as services send it: name, type, base64 content and a SHA-256.
 * The content is a plain UTF-8 text standing in for the signed PDF (no real PDF, no digital signature).
 */
import { createHash } from 'node:crypto';

export interface TepKetQua {
  TenTep: string;
  DinhDang: 'application/pdf';
  NoiDungBase64: string;
  MaHash: string;
}

export function simulatedPdf(tenTep: string, lines: string[]): TepKetQua {
  const text = [
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    ...lines,
    '(Bản mô phỏng của NDXP Gateway Simulator, không có giá trị pháp lý)',
  ].join('\n');
  const bytes = Buffer.from(text.normalize('NFC'), 'utf8');
  return {
    TenTep: tenTep,
    DinhDang: 'application/pdf',
    NoiDungBase64: bytes.toString('base64'),
    MaHash: createHash('sha256').update(bytes).digest('hex'),
  };
}
