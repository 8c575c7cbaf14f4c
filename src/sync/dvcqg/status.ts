import { defineLifecycle, type LifecycleState } from '../../core/lifecycle.js';
import { TRANG_THAI_HO_SO, type TrangThaiHoSo } from '../../core/trang-thai-ho-so.js';

export type { TrangThaiHoSo };

const OPEN: TrangThaiHoSo[] = ['1', '2', '4', '5', '6'];
const ENDS = new Set<string>(['3', '7', '8', '10']);

/**
 * The legal status graph the portal enforces: 1→2|3, 2→4, 4→5|6|8|9, 5→4, 6→4, any open state→7 (the citizen
 * withdraws), 9→10. 3, 7, 8 and 10 end a dossier. Every move is made by the province (the TTHC system pushes it).
 */
export const dvcqgLifecycle = defineLifecycle<TrangThaiHoSo>({
  statusField: 'TrangThaiHoSo',
  initial: '1',
  states: Object.fromEntries(
    Object.entries(TRANG_THAI_HO_SO).map(([code, n]) => [code, { label: n.vi, labelEn: n.en, ...(ENDS.has(code) ? { terminal: true } : {}) }]),
  ) as Record<TrangThaiHoSo, LifecycleState>,
  moves: {
    '1': ['2', '3', '7'],
    '2': ['4', '7'],
    '4': ['5', '6', '8', '9', '7'],
    '5': ['4', '7'],
    '6': ['4', '7'],
    '9': ['10'],
  },
  provinceMoves: ['2', '3', '4', '5', '6', '7', '8', '9', '10'],
});

export const isOpenStatus = (s: string) => (OPEN as string[]).includes(s);

export function statusLabel(s: string): string {
  return dvcqgLifecycle.states[s as TrangThaiHoSo]?.label ?? s;
}
