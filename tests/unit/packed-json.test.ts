import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DOSSIER_DICTIONARY_V1 } from '../../src/sync/dossier-dictionary.js';
import { eventFields, eventFromFields, type DossierEvent } from '../../src/sync/dossier-events.js';
import { dvcqgPacking } from '../../src/sync/dvcqg/store.js';
import { packedJson } from '../../src/sync/packed-json.js';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('packed JSON (format byte + deflate with a preset dictionary)', () => {
  const packing = packedJson<Record<string, unknown>>({ name: 'test record', format: 7, dictionary: Buffer.from('{"HoVaTen":"Nguyễn Văn","NoiCuTru":"Tỉnh An Giang"}') });

  it('gives back the same value, Vietnamese text byte for byte in NFC', () => {
    const value = {
      HoVaTen: 'Nguyễn Thị Hồng Nhung'.normalize('NFC'),
      NoiCuTru: 'Số 12 đường Trần Hưng Đạo, khóm Bình Khánh, ấp Hòa Long, Tỉnh An Giang'.normalize('NFC'),
      LyDo: 'Đã cấp phiếu; Từ chối cấp phiếu 🙂',
      n: 200000,
      empty: null,
      list: [{ seq: 1, from: null }],
    };
    const packed = packing.pack(value);
    expect(packed[0]).toBe(7);
    expect(packed.length).toBeLessThan(Buffer.byteLength(JSON.stringify(value)));
    const back = packing.unpack(packed);
    expect(back).toEqual(value);
    expect(Buffer.from(back.HoVaTen as string)).toEqual(Buffer.from(value.HoVaTen));
    expect((back.NoiCuTru as string) === (back.NoiCuTru as string).normalize('NFC')).toBe(true);
  });

  it('refuses a value of another format with an error naming it', () => {
    const packed = packing.pack({ a: 1 });
    packed[0] = 9;
    expect(() => packing.unpack(packed)).toThrow('test record stored in unknown format 9');
    expect(() => packing.unpack(Buffer.alloc(0))).toThrow('test record stored in unknown format (empty value)');
    expect(() => packing.unpack(Buffer.from('{"a":1}'))).toThrow('unknown format 123');
    expect(() => packedJson({ name: 'x', format: 256, dictionary: Buffer.alloc(0) })).toThrow('format must be a byte');
  });

  it('reads DVCQG dossiers stored before the packer was shared (format 1, same dictionary)', () => {
    // Packed by the DVCQG store's own pack() before src/sync/packed-json.ts existed.
    const stored = Buffer.from(
      'AavGKPqMDWFFn7GhEajoM6dG0WcCK/mMsBV8xrqGRiEGhoQKPmNdQ+MQAyMCBZ8RSMbEwoJqBR++8snj4e7JeekKfhmlYG+jlzqGRsYmpmbmFkqU5Q60JIwl' +
      'uEjNHUaw3GGCYTRmECPnA+QC2enwmrwMjHRMfHpFS41KiUnJKalp6RmZWdk5uXn5BUo6SoVFxSWlZeUVlVUG4LBUiq0FAA==',
      'base64',
    );
    const d = dvcqgPacking.unpack(stored);
    expect(d).toMatchObject({ MaHoSo: '000.00.31.H01-250312-0007', TrangThaiHoSo: '4', seq: 2, digests: ['abcdefghijklmnop', 'qrstuvwxyz012345'] });
    expect(d.hoSo.ChuHoSo).toBe('Nguyễn Thị Hồng Nhung');
    expect(d.history[1]).toMatchObject({ kind: 'CapNhatTienDoHoSoMC', NoiDungXuLy: 'Đang xử lý (hệ thống trung ương)' });
  });

  it('never changes a stored format’s dictionary (a new dictionary needs a new format byte)', () => {
    expect(dvcqgPacking.format).toBe(1);
    expect(sha256(dvcqgPacking.dictionary)).toBe('65f1fa01b59c828ea12d6680059fc9cbf4768a76225207bdd48d6b5fe662e0b0');
    expect(sha256(DOSSIER_DICTIONARY_V1)).toBe('e34300d5b9f333b4234897cc92775314eb49649528b46e79ce61cf45745ccfc9');
  });
});

describe('dossier events as stream fields', () => {
  const e: DossierEvent = {
    connectorId: 'ly-lich-tu-phap', maHoSo: '000.00.14.H01-251201-0001', province: 'an-giang', clientId: 'tthc-an-giang',
    seq: 1, from: null, to: '3', at: '2025-12-01T08:00:00.123Z', by: 'province',
  };

  it('round-trips an event, the same field names in the same order every time', () => {
    const fields = eventFields(e);
    expect(fields.filter((_, i) => i % 2 === 0)).toEqual(['connectorId', 'maHoSo', 'province', 'clientId', 'seq', 'from', 'to', 'at', 'by']);
    expect(fields[fields.indexOf('at') + 1]).toBe(String(Date.parse(e.at)));
    expect(eventFromFields(fields)).toEqual(e);
    const moved = { ...e, seq: 2, from: '3', to: '4', by: 'central' as const };
    expect(eventFromFields(eventFields(moved))).toEqual(moved);
  });

  it('keeps an `at` that is not a canonical ISO instant as it is', () => {
    const odd = { ...e, at: '2025-12-01T15:00:00+07:00' };
    expect(eventFromFields(eventFields(odd))).toEqual(odd);
  });

  it('reads an entry written by an older version (one field `e` with the JSON)', () => {
    expect(eventFromFields(['e', JSON.stringify(e)])).toEqual(e);
  });
});
