import { describe, expect, it } from 'vitest';
import { foldVietnamese, nfc, nfcDeep } from '../../src/core/text.js';
import { pointerToField, requestValidationError } from '../../src/core/schema-compiler.js';

describe('Vietnamese text', () => {
  it('folds tones and đ for matching only', () => {
    expect(foldVietnamese('  Công ty TNHH Thủy sản  Đồng Tháp ')).toBe('cong ty tnhh thuy san dong thap');
  });
  it('normalises decomposed input to NFC, deeply', () => {
    const decomposed = 'Nguyễn'.normalize('NFD');
    expect(decomposed).not.toBe('Nguyễn');
    expect(nfc(decomposed)).toBe('Nguyễn');
    expect(nfcDeep({ a: [decomposed] })).toEqual({ a: ['Nguyễn'] });
  });
});

describe('schema errors in the envelope', () => {
  it('names nested fields the way developers write them', () => {
    expect(pointerToField('/DinhDanhCHS/0/SoDinhDanh')).toBe('DinhDanhCHS[0].SoDinhDanh');
    expect(pointerToField('', 'msdn')).toBe('msdn');
  });
  it('prefers UNKNOWN_FIELD and explains in both languages', () => {
    const err = requestValidationError([
      { keyword: 'format', instancePath: '/msdn', schemaPath: '', params: { format: 'mst' } },
      { keyword: 'additionalProperties', instancePath: '', schemaPath: '', params: { additionalProperty: 'x' } },
    ]);
    expect(err.toEnvelope('r')).toMatchObject({ error: { code: 'UNKNOWN_FIELD', status: 400, field: 'x', requestId: 'r' } });
    expect((err.details as unknown[]).length).toBe(2);
    const fmt = requestValidationError([{ keyword: 'format', instancePath: '/msdn', schemaPath: '', params: { format: 'mst' } }]);
    expect(fmt.messageVi).toContain('chữ số kiểm tra');
    expect(fmt.messageEn).toContain('mst');
  });
});
