import { defineLifecycle } from '../../core/lifecycle.js';

/** TrangThaiHoSo as synchronised to the National Public Service Portal (DOMAIN.md). */
export type TrangThaiHoSo = '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '10';

const OPEN: TrangThaiHoSo[] = ['1', '2', '4', '5', '6'];

/**
 * The legal status graph the portal enforces: 1→2|3, 2→4, 4→5|6|8|9, 5→4, 6→4, any open state→7 (the citizen
 * withdraws), 9→10. 3, 7, 8 and 10 end a dossier. Every move is made by the province (the TTHC system pushes it).
 */
export const dvcqgLifecycle = defineLifecycle<TrangThaiHoSo>({
  statusField: 'TrangThaiHoSo',
  initial: '1',
  states: {
    '1': { label: 'Mới đăng ký', labelEn: 'Newly registered' },
    '2': { label: 'Được tiếp nhận', labelEn: 'Received' },
    '3': { label: 'Không được tiếp nhận', labelEn: 'Not received', terminal: true },
    '4': { label: 'Đang xử lý', labelEn: 'Processing' },
    '5': { label: 'Yêu cầu bổ sung giấy tờ', labelEn: 'More documents requested' },
    '6': { label: 'Yêu cầu thực hiện nghĩa vụ tài chính', labelEn: 'Payment requested' },
    '7': { label: 'Công dân yêu cầu rút hồ sơ', labelEn: 'Withdrawn by the citizen', terminal: true },
    '8': { label: 'Dừng xử lý', labelEn: 'Processing stopped', terminal: true },
    '9': { label: 'Đã xử lý xong', labelEn: 'Processed' },
    '10': { label: 'Đã trả kết quả', labelEn: 'Result returned', terminal: true },
  },
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
