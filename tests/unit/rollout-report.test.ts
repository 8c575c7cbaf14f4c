import { describe, expect, it } from 'vitest';
import { buildMonthlyReport, monthEnd, previousMonth, rowsAsOf } from '../../src/rollout/report.js';
import { daysLate, rowStatus, summarise, vnDate } from '../../src/rollout/readiness.js';
import type { AuditEntry, RolloutRow } from '../../src/rollout/store.js';
import type { ProvinceProfile } from '../../src/rollout/province.js';

const row = (connector: string, stt: number, over: Partial<RolloutRow> = {}): RolloutRow => ({
  province: 'an-giang', connector, stt, name: `Hệ thống ${stt}`, stage: 'chua-trien-khai', deadline: '2025-03-31', evidence: [],
  stageSince: '2025-01-01T00:00:00Z', updatedAt: '2025-01-01T00:00:00Z', updatedBy: 'system', version: 1, ...over,
});
const audit = (connector: string, at: string, action: AuditEntry['action'], from?: unknown, to?: unknown): AuditEntry =>
  ({ at, by: 'admin.an-giang', role: 'so-admin', province: 'an-giang', connector, action, from, to });
const profile: ProvinceProfile = {
  id: 'an-giang', name: 'An Giang', deadline: '2025-03-31',
  agencies: [{ id: 'so-tai-chinh', name: 'Sở Tài chính', kind: 'so', formerNames: [] }],
  assignments: { gia: { lead: ['so-tai-chinh'], coordinating: [] }, 'dan-cu': { lead: ['so-tai-chinh'], coordinating: [] } },
};

describe('deadlines and readiness', () => {
  it('counts calendar days in Vietnam time', () => {
    expect(vnDate(new Date('2025-03-31T16:59:59Z'))).toBe('2025-03-31');
    expect(vnDate(new Date('2025-03-31T17:00:00Z'))).toBe('2025-04-01');
    expect(daysLate('2025-03-31', '2025-03-31')).toBe(0);
    expect(daysLate('2025-03-31', '2025-04-10')).toBe(10);
  });
  it('a row in operation is never overdue; others are after the deadline day', () => {
    expect(rowStatus({ stage: 'kiem-thu', deadline: '2025-03-31' }, '2025-04-02')).toEqual({ overdue: true, daysLate: 2, score: 0.8 });
    expect(rowStatus({ stage: 'van-hanh', deadline: '2025-03-31' }, '2025-04-02')).toEqual({ overdue: false, daysLate: 0, score: 1 });
    expect(rowStatus({ stage: 'dang-ky', deadline: '2025-03-31' }, '2025-03-31').overdue).toBe(false);
    const s = summarise([row('gia', 7, { stage: 'van-hanh' }), row('dan-cu', 2, { stage: 'dang-ky' })], '2025-04-01');
    expect(s).toMatchObject({ rows: 2, readiness: 60, inOperation: 1, overdue: 1 });
  });
});

describe('monthly report', () => {
  const rows = [row('gia', 7, { stage: 'van-hanh', blocked: undefined }), row('dan-cu', 2, { stage: 'kiem-thu' })];
  const trail = [
    audit('gia', '2025-01-01T00:00:00Z', 'create', undefined, 'chua-trien-khai'),
    audit('dan-cu', '2025-01-01T00:00:00Z', 'create', undefined, 'chua-trien-khai'),
    audit('gia', '2025-02-10T03:00:00Z', 'move', 'chua-trien-khai', 'dang-ky'),
    audit('gia', '2025-03-05T03:00:00Z', 'block', null, { reason: 'Chờ tài khoản', since: '2025-03-05T03:00:00Z', by: 'x' }),
    audit('gia', '2025-04-02T03:00:00Z', 'unblock', {}, null),
    audit('gia', '2025-04-03T03:00:00Z', 'import', { stage: 'dang-ky' }, { stage: 'van-hanh' }),
    audit('dan-cu', '2025-03-20T03:00:00Z', 'import', { stage: 'chua-trien-khai' }, { stage: 'kiem-thu', deadline: '2025-06-30' }),
  ];

  it('replays the audit trail to the state at the end of the month', () => {
    const march = rowsAsOf(rows, trail, '2025-03-31');
    expect(march.find((r) => r.connector === 'gia')).toMatchObject({ stage: 'dang-ky', blocked: { reason: 'Chờ tài khoản' } });
    expect(march.find((r) => r.connector === 'dan-cu')).toMatchObject({ stage: 'kiem-thu', deadline: '2025-06-30' });
    expect(rowsAsOf(rows, trail, '2025-04-30').find((r) => r.connector === 'gia')).toMatchObject({ stage: 'van-hanh' });
    expect(rowsAsOf(rows, trail, '2025-04-30').find((r) => r.connector === 'gia')!.blocked).toBeUndefined();
  });

  it('reports March as it stood, with the month’s changes, in CSV and escaped printable HTML', () => {
    const r = buildMonthlyReport({ profile, rows, audit: trail, month: '2025-03', today: '2025-05-01', generatedAt: '2025-05-01T00:00:00Z' });
    const lines = r.csv.replace('\ufeff', '').trim().split('\n');
    expect(lines[0]).toContain('Số thay đổi trong tháng');
    expect(lines[1]).toBe('2,dan-cu,Hệ thống 2,Sở Tài chính,Kiểm thử,30/06/2025,0,,,1');
    expect(lines[2]).toBe('7,gia,Hệ thống 7,Sở Tài chính,Đăng ký,31/03/2025,0,Chờ tài khoản,,1');
    expect(r.html).toContain('tháng 03/2025');
    expect(r.html).toContain('Số liệu tính đến ngày 31/03/2025');
    const evil = buildMonthlyReport({ profile, rows: [row('gia', 7, { blocked: { reason: '<script>x</script>', since: '', by: '' } })], audit: [], month: '2025-03', today: '2025-03-10', generatedAt: 'x' });
    expect(evil.html).not.toContain('<script>');
    expect(evil.html).toContain('&lt;script&gt;');
  });

  it('knows the previous month and month ends', () => {
    expect(previousMonth('2025-01-01')).toBe('2024-12');
    expect(previousMonth('2025-03-01')).toBe('2025-02');
    expect(monthEnd('2024-02')).toBe('2024-02-29');
  });
});
