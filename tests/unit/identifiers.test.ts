import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isCccd, isDateDmy, isMaHoSo, isMst, isTheBhyt, isTimestampCompact, makeCccd, makeMaHoSo, makeMst, mstCheckDigit, parseCccd,
} from '../../src/core/identifiers.js';

describe('CCCD (số định danh cá nhân)', () => {
  it('decodes province of birth, century/sex digit and birth year', () => {
    expect(parseCccd('089185000123')).toEqual({ provinceCode: '089', century: 1900, sex: 'nu', birthYear: 1985, serial: '000123' });
    expect(parseCccd('091205000001')).toMatchObject({ century: 2000, sex: 'nam', birthYear: 2005 });
  });
  it('refuses wrong length, letters and unknown province codes', () => {
    expect(isCccd('08918500012')).toBe(false);
    expect(isCccd('08918500012a')).toBe(false);
    expect(isCccd('003185000123')).toBe(false); // 003 is not a province code
  });
  it('round-trips makeCccd → parseCccd for any birth year and sex', () => {
    fc.assert(fc.property(fc.integer({ min: 1900, max: 2099 }), fc.constantFrom('nam' as const, 'nu' as const), fc.integer({ min: 0, max: 999_999 }), (year, sex, serial) => {
      const p = parseCccd(makeCccd('089', year, sex, serial));
      return p !== null && p.birthYear === year && p.sex === sex;
    }));
  });
});

describe('MST / mã số doanh nghiệp', () => {
  it('accepts real numbers with a correct check digit (python-stdnum vectors)', () => {
    expect(isMst('0100233488')).toBe(true);
    expect(isMst('0100233488-001')).toBe(true);
  });
  it('refuses a wrong check digit, branch 000 and the never-issued remainder', () => {
    expect(isMst('0100233487')).toBe(false);
    expect(isMst('0100233488-000')).toBe(false);
    expect(isMst('0101234567')).toBe(false); // the DOMAIN.md illustration does not carry a valid check digit
  });
  it('d10 = 10 − (Σ wᵢ·dᵢ mod 11), never 10', () => {
    expect(mstCheckDigit('010023348')).toBe(8);
    // 9 digits whose weighted sum ≡ 0 (mod 11) would need check digit 10: no MST is issued for them.
    const zero = '000000000';
    expect(mstCheckDigit(zero)).toBeNull();
  });
  it('catches every single-digit substitution (property)', () => {
    fc.assert(fc.property(fc.stringMatching(/^\d{9}$/), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 }), (first9, pos, delta) => {
      const mst = makeMst(first9);
      if (!mst) return true;
      const changed = mst.slice(0, pos) + String((Number(mst[pos]) + delta) % 10) + mst.slice(pos + 1);
      return isMst(mst) && !isMst(changed);
    }));
  });
});

describe('other identifiers', () => {
  it('mã hồ sơ: <mã đơn vị>-<YYMMDD>-<4 digits> with a real date', () => {
    expect(isMaHoSo('000.00.00.H30-250312-0001')).toBe(true);
    expect(isMaHoSo('000.00.00.H30-250231-0001')).toBe(false);
    expect(isMaHoSo('000.00.00.H30-250312-001')).toBe(false);
    expect(makeMaHoSo('000.00.14.H01', new Date('2025-03-12T08:00:00Z'), 7)).toBe('000.00.14.H01-250312-0007');
  });
  it('thẻ BHYT: 2 letters, benefit level 1–5, 2-digit province, 10-digit BHXH number', () => {
    expect(isTheBhyt('GD4911234567890')).toBe(true);
    expect(isTheBhyt('GD6911234567890')).toBe(false);
    expect(isTheBhyt('G14911234567890')).toBe(false);
  });
  it('dates on the wire', () => {
    expect(isDateDmy('29/02/2024')).toBe(true);
    expect(isDateDmy('29/02/2025')).toBe(false);
    expect(isTimestampCompact('20250312235959')).toBe(true);
    expect(isTimestampCompact('20250312246000')).toBe(false);
  });
});
