import { describe, expect, it } from 'vitest';
import { maskPersonalData, maskText } from '../../src/core/masking.js';
import { createLogger } from '../../src/logging.js';
import { summariseInput } from '../../src/gateway/journal.js';
import { Writable } from 'node:stream';

const citizen = {
  SoDinhDanh: '089185000123',
  HoVaTen: 'Nguyễn Thị Ánh',
  NgayThangNamSinh: '19850412',
  SoDienThoai: '0912345678',
  Email: 'anh.nguyen@example.vn',
  NoiThuongTru: { DiaChiDayDu: 'Số 12 đường Trần Hưng Đạo, Phường Long Xuyên, Tỉnh An Giang' },
  DinhDanhCHS: [{ SoDinhDanh: '091205000001', HoVaTen: 'Lê Văn Bình' }],
  MaTTHC: '1.001234',
};

describe('masking personal data (Nghị định 13/2023)', () => {
  it('masks identifiers, names, dates of birth, phones, emails and addresses by field name', () => {
    const m = maskPersonalData(citizen) as any;
    expect(m.SoDinhDanh).toBe('*********123');
    expect(m.HoVaTen).toBe('N***** T** Á**');
    expect(m.NgayThangNamSinh).toBe('**/**/1985');
    expect(m.SoDienThoai).toBe('091****678');
    expect(m.Email).toBe('a***@example.vn');
    expect(m.NoiThuongTru.DiaChiDayDu).toBe('***, Tỉnh An Giang');
    expect(maskPersonalData({ DiaChi: { MaTinh: '91', TenXa: 'Phường Long Xuyên', ChiTiet: 'Số 12' } })).toEqual({ DiaChi: { MaTinh: '91', TenXa: '***', ChiTiet: '***' } });
    expect(m.DinhDanhCHS[0]).toEqual({ SoDinhDanh: '*********001', HoVaTen: 'L* V** B***' });
    expect(m.MaTTHC).toBe('1.001234');
    // Licence plates are basic personal data too (Nghị định 13/2023, Điều 2).
    expect(maskPersonalData({ bienSo: '67A-123.45' })).toEqual({ bienSo: '*******.45' });
  });
  it('finds identifiers, phones and emails inside free text', () => {
    const text = maskText('tra cứu 089185000123 gọi 0912345678 gửi anh@example.vn');
    expect(text).not.toContain('089185000123');
    expect(text).not.toContain('0912345678');
    expect(text).not.toContain('anh@example.vn');
  });
  it('knows the personal fields of the hộ tịch, bảo hiểm, trợ giúp xã hội and cán bộ requests', () => {
    const m = maskPersonalData({ maThe: 'HC4918714606091', SoTaiKhoan: '1234567890', SoGiayChungSinh: '807351/GCS', NoiOHienNay: 'Số 1 đường A, Xã Châu Phú, Tỉnh An Giang', NoiMat: 'Tại nhà riêng, Số 2 đường B, Tỉnh An Giang' }) as any;
    expect(m).toEqual({ maThe: '************091', SoTaiKhoan: '*******890', SoGiayChungSinh: '*******GCS', NoiOHienNay: '***, Tỉnh An Giang', NoiMat: '***, Tỉnh An Giang' });
  });
  it('leaves the input untouched (returns a copy)', () => {
    maskPersonalData(citizen);
    expect(citizen.SoDinhDanh).toBe('089185000123');
  });
  it('is what the logger writes: no CCCD, name or phone reaches a log line', async () => {
    const lines: string[] = [];
    const stream = new Writable({ write(chunk, _e, cb) { lines.push(String(chunk)); cb(); } });
    const logger = createLogger('info', { stream });
    logger.info('lookup of 089185000123 done', { requestId: 'req-1', input: citizen });
    await new Promise((r) => setTimeout(r, 20));
    const out = lines.join('');
    expect(out).toContain('req-1');
    for (const secret of ['089185000123', 'Nguyễn Thị Ánh', '0912345678', 'anh.nguyen@example.vn', '19850412']) expect(out).not.toContain(secret);
  });
  it('is what the journal stores', () => {
    const s = JSON.stringify(summariseInput(citizen));
    for (const secret of ['089185000123', 'Nguyễn Thị Ánh', '0912345678']) expect(s).not.toContain(secret);
  });
});
