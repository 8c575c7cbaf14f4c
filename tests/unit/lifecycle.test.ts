import { describe, expect, it } from 'vitest';
import { canMove, defineLifecycle, nextAutoStep } from '../../src/core/lifecycle.js';

const lc = defineLifecycle({
  statusField: 'TrangThai',
  initial: '1',
  states: { '1': { label: 'Mới' }, '2': { label: 'Đang xử lý' }, '3': { label: 'Xong', terminal: true }, '9': { label: 'Từ chối', terminal: true } },
  moves: { '1': ['2', '9'], '2': ['3', '9'] },
  auto: { '1': { to: '2', afterMs: 1000 }, '2': { to: '3', afterMs: 5000 } },
  scenarios: { reject: { '2': { to: '9', afterMs: 100 } }, stall: { '2': null } },
});

describe('dossier lifecycle', () => {
  it('allows only declared moves and nothing out of a terminal state', () => {
    expect(canMove(lc, '1', '2')).toBe(true);
    expect(canMove(lc, '1', '3')).toBe(false);
    expect(canMove(lc, '3', '9')).toBe(false);
  });
  it('plans the central side’s next step, bent by the scenario', () => {
    expect(nextAutoStep(lc, '1')).toEqual({ to: '2', afterMs: 1000 });
    expect(nextAutoStep(lc, '2', 'reject')).toEqual({ to: '9', afterMs: 100 });
    expect(nextAutoStep(lc, '2', 'stall')).toBeNull();
    expect(nextAutoStep(lc, '1', 'stall')).toEqual({ to: '2', afterMs: 1000 });
    expect(nextAutoStep(lc, '3')).toBeNull();
  });
  it('takes a first-visit-only scenario detour once, then the normal path', () => {
    const once = defineLifecycle({ ...lc, moves: { ...lc.moves, '2': ['3', '9', '1'] }, scenarios: { detour: { '2': { to: '1', afterMs: 10, firstVisitOnly: true } } } });
    expect(nextAutoStep(once, '2', 'detour')).toEqual({ to: '1', afterMs: 10, firstVisitOnly: true });
    expect(nextAutoStep(once, '2', 'detour', 2)).toEqual({ to: '3', afterMs: 5000 });
  });
  it('refuses a definition whose automatic step is not a legal move', () => {
    expect(() => defineLifecycle({ ...lc, auto: { '1': { to: '3', afterMs: 1 } } })).toThrow(/1→3/);
    expect(() => defineLifecycle({ ...lc, moves: { '1': ['7' as '1'] } })).toThrow(/unknown state/);
  });
});
