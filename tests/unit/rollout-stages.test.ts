import { describe, expect, it } from 'vitest';
import { checkMove, STAGES, stageScore, type StageState } from '../../src/rollout/stages.js';

const at = (stage: StageState['stage'], extra: Partial<StageState> = {}): StageState => ({ stage, ...extra });
const base = { actorIsAdmin: false, gatePassed: false };

describe('rollout stage rules', () => {
  it('allows one step forward into an ungated stage', () => {
    expect(checkMove(at('chua-trien-khai'), { ...base, to: 'dang-ky' })).toEqual({ ok: true, overrode: [] });
    expect(checkMove(at('tich-hop'), { ...base, to: 'kiem-thu' })).toEqual({ ok: true, overrode: [] });
  });
  it('needs the gate of a gated stage', () => {
    expect(checkMove(at('dang-ky'), { ...base, to: 'cap-quyen' })).toMatchObject({ ok: false, code: 'GATE' });
    expect(checkMove(at('dang-ky'), { ...base, to: 'cap-quyen', gatePassed: true })).toEqual({ ok: true, overrode: [] });
    expect(checkMove(at('kiem-thu'), { ...base, to: 'van-hanh' })).toMatchObject({ ok: false, code: 'GATE' });
  });
  it('refuses skipping, unless an admin overrides with a reason (both the skip and the gate are recorded)', () => {
    expect(checkMove(at('chua-trien-khai'), { ...base, to: 'tich-hop', gatePassed: true })).toMatchObject({ ok: false, code: 'SKIP' });
    expect(checkMove(at('chua-trien-khai'), { ...base, to: 'van-hanh', override: true })).toMatchObject({ ok: false, code: 'OVERRIDE_FORBIDDEN' });
    expect(checkMove(at('chua-trien-khai'), { ...base, actorIsAdmin: true, to: 'van-hanh', override: true })).toMatchObject({ ok: false, code: 'REASON_REQUIRED' });
    expect(checkMove(at('chua-trien-khai'), { ...base, actorIsAdmin: true, to: 'van-hanh', override: true, reason: 'đã vận hành từ trước khi có hệ thống' }))
      .toEqual({ ok: true, overrode: ['skip', 'gate'] });
  });
  it('allows moving back only with a reason', () => {
    expect(checkMove(at('kiem-thu'), { ...base, to: 'tich-hop' })).toMatchObject({ ok: false, code: 'REASON_REQUIRED' });
    expect(checkMove(at('kiem-thu'), { ...base, to: 'tich-hop', reason: 'lỗi khi kiểm thử' })).toEqual({ ok: true, overrode: [] });
  });
  it('refuses any move while blocked or suspended, and a move to the same stage', () => {
    const flag = { reason: 'chờ văn bản', since: '2025-01-01T00:00:00Z', by: 'x' };
    expect(checkMove(at('dang-ky', { blocked: flag }), { ...base, to: 'cap-quyen', gatePassed: true })).toMatchObject({ ok: false, code: 'BLOCKED' });
    expect(checkMove(at('dang-ky', { suspended: flag }), { ...base, to: 'chua-trien-khai', reason: 'lùi lại' })).toMatchObject({ ok: false, code: 'SUSPENDED' });
    expect(checkMove(at('dang-ky'), { ...base, to: 'dang-ky' })).toMatchObject({ ok: false, code: 'SAME_STAGE' });
  });
  it('every refusal explains itself in Vietnamese and English', () => {
    for (const from of STAGES) {
      for (const to of STAGES) {
        const v = checkMove(at(from), { ...base, to });
        if (!v.ok) {
          expect(v.vi.length).toBeGreaterThan(3);
          expect(v.en.length).toBeGreaterThan(3);
        }
      }
    }
  });
  it('scores 0 before starting and 1 in operation', () => {
    expect(stageScore('chua-trien-khai')).toBe(0);
    expect(stageScore('kiem-thu')).toBeCloseTo(0.8);
    expect(stageScore('van-hanh')).toBe(1);
  });
});
